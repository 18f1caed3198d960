import LinearProgramming
internal import CLPSolve

/// lp_solve's return code of `solve`, with its named values (lp_lib.h), so that no raw integer
/// leaves the backend unexplained. Unknown codes keep their value.
public struct LPSolveStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let noMemory = LPSolveStatus(rawValue: Int(NOMEMORY))
    public static let optimal = LPSolveStatus(rawValue: Int(OPTIMAL))
    public static let suboptimal = LPSolveStatus(rawValue: Int(SUBOPTIMAL))
    public static let infeasible = LPSolveStatus(rawValue: Int(INFEASIBLE))
    public static let unbounded = LPSolveStatus(rawValue: Int(UNBOUNDED))
    public static let degenerate = LPSolveStatus(rawValue: Int(DEGENERATE))
    public static let numericalFailure = LPSolveStatus(rawValue: Int(NUMFAILURE))
    public static let userAbort = LPSolveStatus(rawValue: Int(USERABORT))
    public static let timeout = LPSolveStatus(rawValue: Int(TIMEOUT))
    public static let presolved = LPSolveStatus(rawValue: Int(PRESOLVED))
    public static let accuracyError = LPSolveStatus(rawValue: Int(ACCURACYERROR))

    /// lp_solve's constant name for the code (`ACCURACYERROR`), or the number.
    public var description: String {
        switch self {
        case .noMemory: "NOMEMORY"
        case .optimal: "OPTIMAL"
        case .suboptimal: "SUBOPTIMAL"
        case .infeasible: "INFEASIBLE"
        case .unbounded: "UNBOUNDED"
        case .degenerate: "DEGENERATE"
        case .numericalFailure: "NUMFAILURE"
        case .userAbort: "USERABORT"
        case .timeout: "TIMEOUT"
        case .presolved: "PRESOLVED"
        case .accuracyError: "ACCURACYERROR"
        default: "lp_solve status \(rawValue)"
        }
    }
}
