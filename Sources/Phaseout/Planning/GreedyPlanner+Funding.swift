extension GreedyPlanner {
    /// A plan that keeps every rule but money and hours, funded where work is cheapest: the
    /// least extra money E in the period with the lowest price factor (the first, under
    /// inflation) with which the greedy ``plan()`` does all the work that is due, found by
    /// doubling and then bisection on whole pounds. Every other period spends its own budget
    /// and carry. ``fundedPlan()`` instead overdraws in the period the work falls due, which
    /// under `cost` is the last, where inflation makes every unit dearest: on estates of a few
    /// thousand units it asked for up to an eighth more than the least.
    ///
    /// The greedy is not monotone in E, so the plan returned is the one of least overspend
    /// (``PlanMeasures/overspend(of:)`` against the problem's own budgets) among those tried.
    /// Hours are left unlimited: the money comes first (SPEC §2.5), and the hours are found
    /// afterwards with the money held. `nil` when no amount lets the greedy finish (work due
    /// at a site whose recorders are locked later).
    ///
    /// - Complexity: about 2·log₂(E) greedy plans.
    func cheapestFundedPlan() -> PlanCounts? {
        var unlimited = problem
        unlimited.labourHours = nil
        let periods = problem.periodCount
        guard periods > 0 else { return nil }
        let cheapest = (0..<periods).min { (problem.priceFactor[$0], $0) < (problem.priceFactor[$1], $1) }!
        var best: (counts: PlanCounts, money: Int)?
        func attempt(_ extra: Int) -> Bool {
            var funded = unlimited
            funded.budget[cheapest] += Double(extra)
            guard let counts = GreedyPlanner(problem: funded).plan() else { return false }
            let money = PlanMeasures(problem: problem, counts: counts).overspend(of: problem).money.reduce(0, +)
            if best == nil || money < best!.money { best = (counts, money) }
            return true
        }
        var low = 0, high = 1
        guard !attempt(0) else { return best?.counts }
        var doublings = 0
        while !attempt(high) {
            low = high
            high *= 2
            doublings += 1
            if doublings > Self.fundingDoublings { return nil }
        }
        // `low` fails and `high` succeeds: bisect between them.
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if attempt(middle) { high = middle } else { low = middle }
        }
        return best?.counts
    }

    /// Doublings of the extra money before the search gives up (2⁴⁸ pounds is beyond any budget).
    static let fundingDoublings = 48
}
