extension GreedyPlanner {
    /// Every greedy plan that keeps the rules but money and hours, for a shortfall: the due-date
    /// ``fundedPlan()``, ``cheapestFundedPlan()`` and ``backFilledFundedPlan()``. None is best
    /// on every estate, and each costs a few greedy passes.
    func fundedPlans() -> [PlanCounts] {
        [fundedPlan()?.counts, cheapestFundedPlan(), backFilledFundedPlan()].compactMap { $0 }
    }

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
        guard let cheapest = cheapestPeriod else { return nil }
        let unlimited = withoutLabourLimits
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

    /// A plan funded where work is cheapest, built the other way round: every other period's
    /// budget is filled first, as tightly as it goes, with units that need nothing else that
    /// period (units of sites without a visit cost, dearest first, and only after their
    /// recorders, which wait for the cheapest period), and the cheapest period takes all the
    /// rest: the shape of the least shortfall, where the extra money buys the work at the lowest
    /// prices and no other period's budget is left unspent. A period's last pounds buy one more
    /// unit (overspending there) when that costs less than buying it in the cheapest period.
    /// Hours are left unlimited, as in ``cheapestFundedPlan()``. `nil` when the cheapest period
    /// cannot take the rest (work due earlier, recorders locked later).
    func backFilledFundedPlan() -> PlanCounts? {
        guard let cheapest = cheapestPeriod else { return nil }
        let periods = problem.periodCount
        var fill = Fill(problem: withoutLabourLimits)
        for t in (0..<periods).reversed() where t != cheapest {
            fill.open(period: t, carry: 0)
            fill.backFill(leadersBy: cheapest, cheapestFactor: problem.priceFactor[cheapest])
        }
        fill.open(period: cheapest, carry: 0)
        for (s, site) in problem.sites.enumerated() {
            guard site.groups.indices.contains(where: { fill.remaining[s][$0] > 0 }) || !fill.leadersDone[s] else { continue }
            guard fill.mayWork(s) else { return nil }
            if !fill.leadersDone[s] { fill.takeLeaders(s) }
            for g in site.groups.indices where fill.remaining[s][g] > 0 {
                guard (site.groups[g].replaceDeadline ?? cheapest) >= cheapest else { return nil }
                fill.take(s, g, fill.remaining[s][g])
            }
        }
        return fill.counts
    }

    /// The period of the lowest prices (the first of equals), where a least shortfall buys its
    /// extra work; `nil` without periods.
    private var cheapestPeriod: Int? {
        (0..<problem.periodCount).min { (problem.priceFactor[$0], $0) < (problem.priceFactor[$1], $1) }
    }

    /// The problem with its hours unlimited: the money comes first (SPEC §2.5).
    private var withoutLabourLimits: OrganisationProblem {
        var unlimited = problem
        unlimited.labourHours = nil
        return unlimited
    }

    /// Doublings of the extra money before the search gives up (2⁴⁸ pounds is beyond any budget).
    static let fundingDoublings = 48
}

extension GreedyPlanner.Fill {
    /// Fills what is left of this period with units that need no visit and no recorders this
    /// period, dearest first; then one more unit, overspending, when the overspend is less than
    /// the unit costs at `cheapestFactor`. Units behind recorders are taken only when the
    /// recorders are done or will be done by then (in period `leadersBy`). Sites with a visit
    /// are left to the cheapest period: taking whole sites with their visits first, dearest
    /// first, asks for more on the estates of Benchmarks/peers/shortfall_check.py.
    mutating func backFill(leadersBy: Int, cheapestFactor: Double) {
        let t = period
        var candidates: [(s: Int, g: Int, price: Double)] = []
        for (s, site) in problem.sites.enumerated() where site.visitCost == 0 && mayWork(s) && (leadersDone[s] || leadersBy <= t) {
            for (g, group) in site.groups.enumerated() where !group.isLeader && remaining[s][g] > 0 {
                guard (group.replaceDeadline ?? t) >= t else { continue }
                candidates.append((s, g, group.unitCost * problem.priceFactor[t]))
            }
        }
        candidates.sort { ($0.price, -$0.s, -$0.g) > ($1.price, -$1.s, -$1.g) }
        for candidate in candidates where candidate.price > 0 {
            let units = min(remaining[candidate.s][candidate.g], Int(max(0, (money / candidate.price + 1e-9).rounded(.down))))
            if units > 0 { take(candidate.s, candidate.g, units) }
        }
        let topUp = candidates.filter { remaining[$0.s][$0.g] > 0 && $0.price > money }.min { $0.price < $1.price }
        if let topUp, money > 0,
           topUp.price - money < problem.sites[topUp.s].groups[topUp.g].unitCost * cheapestFactor {
            take(topUp.s, topUp.g, 1)
        }
    }
}
