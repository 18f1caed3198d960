/// How one organisation's planning ended (SPEC §2.5).
public enum PlanStatus: String, Sendable, Codable, Comparable {
    /// Proven within the gap tolerance.
    case optimal
    /// A valid plan with a proven bound and gap; a time limit was reached.
    case feasible
    /// No plan meets the deadlines, locks and ordering within budgets and labour.
    case infeasible
    /// The time limit ran out before any plan was found, and infeasibility was not proven.
    case unknown

    /// Severity order: optimal < feasible < infeasible < unknown (the run reports the worst).
    public static func < (a: PlanStatus, b: PlanStatus) -> Bool { a.rank < b.rank }
    private var rank: Int {
        switch self {
        case .optimal: 0
        case .feasible: 1
        case .infeasible: 2
        case .unknown: 3
        }
    }
}
