/// What the planner minimises first (SPEC §2.4).
public enum Objective: String, Sendable, Hashable, CaseIterable {
    /// Minimise exposure in risk-years; then the nominal spend.
    case exposure
    /// Replace every at-risk unit within the horizon at least present-value cost; then exposure.
    case cost
}
