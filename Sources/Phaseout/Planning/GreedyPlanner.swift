import LinearProgramming

/// A fast constructive plan for the exposure objective, used as the incumbent that lp_solve
/// must beat (lp_solve has no MIP start; the incumbent's value becomes an objective cutoff).
///
/// Period by period: first the units due by this period (with their site's recorder block),
/// then, while money and hours last, site bundles in order of exposure removed per pound —
/// a bundle is a site's recorder block if still due, plus its units best value first, plus
/// the visit if the site is not yet visited this period (with ``cutsBundles``, first bundles
/// cut where they stop paying). Units under a later deadline come before the others. Returns
/// `nil` when it cannot meet a deadline; the MILP then starts without an incumbent.
struct GreedyPlanner {
    let problem: OrganisationProblem
    /// Counts to follow first in each period where money allows (e.g. the LP relaxation
    /// rounded down); the greedy fill then spends what is left.
    var seed: PlanCounts?
    /// Prices of money and hours per period (from the Lagrangian relaxation): when given,
    /// bundles are ranked by exposure removed per priced resource, so that hours count where
    /// labour binds.
    var prices: Prices?
    /// Before whole sites, bundles cut where they stop paying
    /// (``Fill/fillBestPrefixes(prices:affordable:)``): far better on large councils whose
    /// sites hold units of very different value; on small ones, and for the least late
    /// risk-years, whole sites are as good or better, so both plans are tried.
    var cutsBundles = false

    /// Per-period prices of a pound and of an hour.
    struct Prices: Sendable {
        var money: [Double]
        var hours: [Double]
    }

    func plan() -> PlanCounts? { build(overdraft: false)?.counts }

    /// Only the due work (deadlines, locks, recorders before them), each period's as far as money
    /// and hours allow, later periods' with what is left, earliest deadline first; the work
    /// falling due is done even when the period's money or hours run short, and the overspend is
    /// recorded: whole pounds and hours per period that, added to the budgets, make the plan keep
    /// them. An upper bound on the least shortfall, for when the exact model gives none.
    /// `nil` when no money helps (work due at a site whose recorders are locked later).
    func fundedPlan() -> (counts: PlanCounts, money: [Int], hours: [Int])? { build(overdraft: true) }

    private func build(overdraft: Bool) -> (counts: PlanCounts, money: [Int], hours: [Int])? {
        let periods = problem.periodCount
        var fill = Fill(problem: problem)
        var extraMoney = [Int](repeating: 0, count: periods)
        var extraHours = [Int](repeating: 0, count: periods)
        var carry = 0.0
        for t in 0..<periods {
            fill.open(period: t, carry: carry)
            guard fill.doDueWork(affordable: affordableUnits) else { return nil }
            let tolerance = Tolerance.absolute(Tolerance.solver, near: problem.budget[t] + carry)
            if fill.money < -tolerance || fill.hours < -Tolerance.noise {
                guard overdraft else { return nil }
                if fill.money < -tolerance {
                    // Less a hair, so that float noise above a whole pound asks for no extra pound.
                    extraMoney[t] = Int((-fill.money - Tolerance.absolute(near: problem.budget[t] + carry)).rounded(.up))
                    fill.money += Double(extraMoney[t])
                }
                if fill.hours < 0 {
                    extraHours[t] = Int((-fill.hours - Tolerance.noise).rounded(.up))
                    fill.hours += Double(extraHours[t])
                }
            }
            // Optional work only when not finding a shortfall: it would spend money that later due work needs.
            if !overdraft {
                if let seed { fill.follow(seed, affordable: affordableUnits) }
                if cutsBundles { fill.fillBestPrefixes(prices: prices, affordable: affordableUnits) }
                fill.fillBundles(prices: prices, affordable: affordableUnits)
            }
            carry = t < periods - 1 ? max(0, problem.carryOver * fill.money) : 0
        }
        guard fill.meetsEveryDeadline else { return nil }
        return (fill.counts, extraMoney, extraHours)
    }

    /// How many of `wanted` units of `group` fit in `money` and `hours` at this period's prices.
    func affordableUnits(
        _ group: OrganisationProblem.GroupProblem, _ wanted: Int, money: Double, hours: Double, price: Double
    ) -> Int {
        var units = wanted
        let unitPrice = group.unitCost * price
        if unitPrice > 0 { units = min(units, Int(max(0, (money / unitPrice + 1e-9).rounded(.down)))) }
        if group.hours > 0, hours.isFinite { units = min(units, Int(max(0, (hours / group.hours + 1e-9).rounded(.down)))) }
        return units
    }
}
