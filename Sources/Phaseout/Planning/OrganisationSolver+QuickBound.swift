import LinearProgramming

/// A bound for an organisation whose share of the run was too short for its LP relaxation.
extension OrganisationSolver {
    /// Subgradient steps of the quick bound. A fixed number, never a clock, so that the same
    /// outcome gives the same bound; each step prices every site once, a small fraction of
    /// what the LP relaxation it stands in for costs.
    static let quickBoundIterations = 40

    /// Raises `outcome`'s bound with the Lagrangian relaxation (``LagrangianRelaxation``) when
    /// the search proved nothing beyond the trivial bound: on an estate of a million devices
    /// most organisations' shares of a minute are shorter than their LP relaxations take, and
    /// the trivial bound (everything gone in the first period) leaves their gaps near 70 %.
    /// The relaxation's greedy plans may give a plan where the search found none, and a bound
    /// above the baseline proves that none exists. With isolation and removal open, the
    /// relaxation's sites take them too (``LagrangianRelaxation/bestTreatedChoice(site:lambda:mu:nu:paidVisit:)``),
    /// so its bound holds; its plans (the greedy's, and one following its choices) count only
    /// when they keep every rule.
    ///
    /// A best effort (an infeasible organisation's plan) gets ``strengthenBestEffortBound(_:)``.
    func strengthenWithQuickBound(_ outcome: inout OrganisationOutcome) {
        if outcome.status == .infeasible {
            strengthenBestEffortBound(&outcome)
            return
        }
        guard outcome.bound <= trivialBound + Tolerance.absolute(near: trivialBound) else { return }
        let baselineValue = primaryValue(PlanMeasures(problem: problem, counts: PlanCounts(problem: problem)))
        guard outcome.status == .feasible || outcome.status == .unknown else { return }
        let incumbent: Incumbent? = outcome.status == .feasible ? (outcome.counts, outcome.value) : nil
        let result = LagrangianRelaxation(problem: problem).maximise(
            target: incumbent?.value, iterations: Self.quickBoundIterations, deadline: .now + .seconds(3_600))
        conclude(&outcome, from: result, bound: max(outcome.bound, roundedUp(result.bound)), incumbent: incumbent,
                 baselineValue: baselineValue, provesInfeasibility: true,
                 because: "the time limit ran out before the exact shortfall model could run")
    }

    /// Raises an unproven best effort's bound with the relaxation without deadlines whose plans
    /// have no more late risk-years than the best effort's own: its least L is at most that, so
    /// every plan with the least L is among them. Far stronger than the relaxation without the
    /// cap (a best effort spends on the units late first, not on the most exposure per pound),
    /// and often than the LP of the capped model. Under `exposure` only: under `cost` the
    /// trivial bound is 0 and a best effort need not make everything gone.
    func strengthenBestEffortBound(_ outcome: inout OrganisationOutcome) {
        guard problem.objective == .exposure, outcome.untouchedReason == nil, outcome.shortfall?.isStructural != true,
              !Tolerance.meets(gap: outcome.gap, tolerance: relativeGap) else { return }
        let cap = outcome.lateRiskYears + latticeSlack(near: outcome.lateRiskYears)
        let relaxed = LagrangianRelaxation.capped(problem.withoutDeadlines, late: cap).maximise(
            target: outcome.value, iterations: Self.quickBoundIterations, deadline: .now + .seconds(3_600))
        if !relaxed.infeasible { outcome.bound = min(max(outcome.bound, roundedUp(relaxed.bound)), outcome.value) }
    }
}
