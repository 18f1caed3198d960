/// A plan the independent verifier has accepted: the only kind ``PlanWriter`` writes.
///
/// ```swift
/// let plan = try await Planner().plan(estate)
/// let verified = try plan.verified(against: estate)
/// try PlanWriter(estate: estate).write(verified, to: URL(fileURLWithPath: "out"))
/// ```
public struct VerifiedPlan: Sendable {
    /// The plan itself.
    public let plan: Plan

    /// Checks `plan` as ``PlanVerifier/checkBeforeWriting(_:estate:)`` does.
    /// - Throws: ``PlanRejected`` listing what broke.
    public init(_ plan: Plan, estate: Estate) throws(PlanRejected) {
        try PlanVerifier.checkBeforeWriting(plan, estate: estate)
        self.plan = plan
    }
}

extension Plan {
    /// This plan, once the independent verifier has accepted it for `estate`: plan.csv keeps every
    /// constraint for the optimal and feasible organisations, and the funded plan keeps every
    /// constraint with each infeasible organisation's shortfall added.
    /// - Throws: ``PlanRejected`` listing what broke (a bug in the planner).
    public func verified(against estate: Estate) throws(PlanRejected) -> VerifiedPlan {
        try VerifiedPlan(self, estate: estate)
    }
}
