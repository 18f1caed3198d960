/// What goal seeking must reach (SPEC §2.6).
///
/// ```swift
/// let target = try GoalTarget(parsing: "exposure-reduction:0.5")
/// print(target)   // exposure-reduction:0.5
/// ```
public enum GoalTarget: Sendable, Equatable, CustomStringConvertible {
    /// Every deadline met (and, under `cost`, every at-risk unit gone within the horizon).
    case deadlines
    /// Exposure at most (1 − P)·E₀ for each organisation, 0 < P < 1, deadlines still met.
    case exposureReduction(Double)

    /// Reads `deadlines` or `exposure-reduction:P`.
    /// - Parameter text: the command line's `--target` value.
    /// - Throws: ``GoalTargetError`` naming what was expected.
    public init(parsing text: String) throws(GoalTargetError) {
        if text == "deadlines" {
            self = .deadlines
            return
        }
        let prefix = "exposure-reduction:"
        guard text.hasPrefix(prefix) else {
            throw GoalTargetError(message: "unknown target '\(text)': expected 'deadlines' or 'exposure-reduction:P' with 0 < P < 1")
        }
        guard let share = Double(text.dropFirst(prefix.count)), share > 0, share < 1 else {
            throw GoalTargetError(message: "'\(text)': P must be a number with 0 < P < 1 (e.g. exposure-reduction:0.5)")
        }
        self = .exposureReduction(share)
    }

    /// The target as the command line writes it.
    public var description: String {
        switch self {
        case .deadlines: return "deadlines"
        case .exposureReduction(let share): return "exposure-reduction:\(share)"
        }
    }
}

/// A `--target` that is neither `deadlines` nor `exposure-reduction:P` with 0 < P < 1.
public struct GoalTargetError: Error, CustomStringConvertible {
    /// What was wrong and what was expected.
    public let message: String
    /// The message.
    public var description: String { message }
}
