/// Verifying the planner's own plans.
extension PlanVerifier {
    /// Creates a verifier for plans of an estate's register and scenario.
    ///
    /// Only the estate's inputs are used, never its grouping or weights: the verifier
    /// recomputes those itself.
    public init(estate: Estate) {
        self.init(register: estate.register, scenario: estate.scenario)
    }

    /// Verifies plan.csv rows as the planner produced them.
    ///
    /// - Parameter rows: The rows, in any order.
    /// - Returns: Every violation and warning, and the recomputed figures.
    public func verify(rows: [PlanRow]) -> VerificationReport {
        verify(rows.map(PlanEntry.init))
    }

    /// Verifies a plan's plan.csv rows (not its funded plan).
    ///
    /// ```swift
    /// let plan = Planner().planSynchronously(estate)
    /// let report = PlanVerifier(estate: estate).verify(plan: plan)
    /// assert(plan.status == .infeasible || report.isValid)
    /// ```
    public func verify(plan: Plan) -> VerificationReport {
        verify(rows: plan.rows)
    }
}
