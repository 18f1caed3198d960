/// A fast constructive plan for the exposure objective, used as the incumbent that lp_solve
/// must beat (lp_solve has no MIP start; the incumbent's value becomes an objective cutoff).
///
/// Period by period: first the units due by this period (with their site's recorder block),
/// then, while money and hours last, site bundles in order of exposure removed per pound —
/// a bundle is a site's recorder block if still due, plus its units best value first, plus
/// the visit if the site is not yet visited this period. Units under a later deadline come
/// before the others. Returns `nil` when it cannot meet a deadline; the MILP then starts
/// without an incumbent.
struct GreedyPlanner {
    let problem: OrganisationProblem
    /// Counts to follow first in each period where money allows (e.g. the LP relaxation
    /// rounded down); the greedy fill then spends what is left.
    var seed: PlanCounts?
    /// Prices of money and hours per period (from the Lagrangian relaxation): when given,
    /// bundles are ranked by exposure removed per priced resource, so that hours count where
    /// labour binds.
    var prices: Prices?

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
        var extraMoney = [Int](repeating: 0, count: periods)
        var extraHours = [Int](repeating: 0, count: periods)
        let horizon = Double(periods)
        var counts = PlanCounts(problem: problem)
        var remaining = problem.sites.map { site in site.groups.map { $0.locked == nil && $0.atRisk ? $0.count : 0 } }
        // Leaders locked in a period fix the block's period: the site's other leaders are due then.
        var leadersDone = problem.sites.map { site in !site.groups.contains { $0.isLeader && $0.locked == nil } }
        // Locked units are fixed: place them, and note their periods.
        var lockedSpend = [Double](repeating: 0, count: periods)
        var lockedHours = [Double](repeating: 0, count: periods)
        var lockedVisit = [Set<Int>](repeating: [], count: periods)
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                guard let l = group.locked else { continue }
                counts.counts[s][g][l] = group.count
                lockedSpend[l] += Double(group.count) * group.unitCost * problem.priceFactor[l]
                lockedHours[l] += Double(group.count) * group.hours
                lockedVisit[l].insert(s)
            }
        }
        for l in 0..<periods {
            for s in lockedVisit[l] { lockedSpend[l] += problem.sites[s].visitCost * problem.priceFactor[l] }
        }
        // A site whose leaders are locked in a later period cannot take followers before it.
        let leaderLock = problem.sites.map { site in site.groups.first { $0.isLeader && $0.locked != nil }?.locked }

        var carry = 0.0
        for t in 0..<periods {
            var money = problem.budget[t] + carry - lockedSpend[t]
            var hours = (problem.labourHours?[t] ?? .infinity) - lockedHours[t]
            var visited = lockedVisit[t]
            let price = problem.priceFactor[t]

            /// Replaces `units` of group g at site s in t.
            func take(_ s: Int, _ g: Int, _ units: Int) {
                let group = problem.sites[s].groups[g]
                counts.counts[s][g][t] += units
                remaining[s][g] -= units
                money -= Double(units) * group.unitCost * price
                hours -= Double(units) * group.hours
                if !visited.contains(s) {
                    visited.insert(s)
                    money -= problem.sites[s].visitCost * price
                }
            }
            func leaderCost(_ s: Int) -> (money: Double, hours: Double) {
                var cost = 0.0, labour = 0.0
                for group in problem.sites[s].groups where group.isLeader && group.locked == nil {
                    cost += Double(group.count) * group.unitCost * price
                    labour += Double(group.count) * group.hours
                }
                return (cost, labour)
            }
            func takeLeaders(_ s: Int) {
                for (g, group) in problem.sites[s].groups.enumerated() where group.isLeader && group.locked == nil {
                    counts.counts[s][g][t] = group.count
                    remaining[s][g] = 0
                    money -= Double(group.count) * group.unitCost * price
                    hours -= Double(group.count) * group.hours
                }
                if !visited.contains(s) {
                    visited.insert(s)
                    money -= problem.sites[s].visitCost * price
                }
                leadersDone[s] = true
            }
            func mayWork(_ s: Int) -> Bool { leaderLock[s].map { $0 <= t } ?? true }

            // 1. Units under a deadline, earliest deadline first: those due now all, later ones
            //    as far as money allows (a council does the work with a deadline first).
            var dueSites: [(deadline: Int, site: Int)] = []
            for (s, site) in problem.sites.enumerated() {
                var earliest = Int.max
                for (g, group) in site.groups.enumerated() {
                    guard let d = group.deadline else { continue }
                    if group.isLeader ? !leadersDone[s] : remaining[s][g] > 0 { earliest = min(earliest, d) }
                }
                // Locked at-risk units need their site's recorders by their lock, and locked
                // recorders need the others with them.
                if !leadersDone[s], let lock = site.groups.filter({ $0.atRisk && !$0.isLeader }).compactMap(\.locked).min() {
                    earliest = min(earliest, lock)
                }
                if !leadersDone[s], let lock = leaderLock[s] { earliest = min(earliest, lock) }
                if earliest != Int.max { dueSites.append((earliest, s)) }
            }
            dueSites.sort { ($0.deadline, $0.site) < ($1.deadline, $1.site) }
            for (deadline, s) in dueSites {
                let site = problem.sites[s]
                guard mayWork(s) else {
                    if deadline <= t { return nil }
                    continue
                }
                if !leadersDone[s] {
                    let block = leaderCost(s)
                    let visit = visited.contains(s) ? 0 : site.visitCost * price
                    guard deadline <= t || (block.money + visit <= money && block.hours <= hours) else { continue }
                    takeLeaders(s)
                }
                for (g, group) in site.groups.enumerated() where !group.isLeader && remaining[s][g] > 0 {
                    guard let d = group.deadline else { continue }
                    if d <= t {
                        take(s, g, remaining[s][g])
                    } else {
                        let visit = visited.contains(s) ? 0 : site.visitCost * price
                        let units = affordableUnits(group, remaining[s][g], money: money - visit, hours: hours, price: price)
                        if units > 0 { take(s, g, units) }
                    }
                }
            }
            let tolerance = 1e-6 * max(1, problem.budget[t] + carry)
            if money < -tolerance || hours < -1e-9 {
                guard overdraft else { return nil }
                if money < -tolerance {
                    // Less a hair, so that float noise above a whole pound asks for no extra pound.
                    extraMoney[t] = Int((-money - 1e-9 * max(1, problem.budget[t] + carry)).rounded(.up))
                    money += Double(extraMoney[t])
                }
                if hours < 0 {
                    extraHours[t] = Int((-hours - 1e-9).rounded(.up))
                    hours += Double(extraHours[t])
                }
            }

            // 2. The seed's units for this period, as far as money and hours allow (not when
            //    finding a shortfall: optional work would spend money that later due work needs).
            if !overdraft, let seed {
                // Seeded sites by exposure removed per pound, best first, so that an
                // over-full seed keeps its best work.
                let gainNow = problem.periodYears * (horizon - Double(t) - 0.5)
                var seeded: [(density: Double, site: Int)] = []
                for (s, site) in problem.sites.enumerated() where mayWork(s) {
                    var gain = 0.0, cost = 0.0
                    for (g, group) in site.groups.enumerated() where seed.counts[s][g][t] > 0 {
                        gain += group.weight * Double(seed.counts[s][g][t]) * gainNow
                        cost += group.unitCost * Double(seed.counts[s][g][t])
                    }
                    if cost > 0 { seeded.append((gain / cost, s)) }
                }
                seeded.sort { ($0.density, -$0.site) > ($1.density, -$1.site) }
                for s in seeded.map(\.site) {
                    let site = problem.sites[s]
                    let seededLeaders = site.groups.indices.contains { site.groups[$0].isLeader && seed.counts[s][$0][t] > 0 }
                    if seededLeaders && !leadersDone[s] {
                        let block = leaderCost(s)
                        let visit = visited.contains(s) ? 0 : site.visitCost * price
                        if block.money + visit <= money, block.hours <= hours { takeLeaders(s) }
                    }
                    guard leadersDone[s] else { continue }
                    for (g, group) in site.groups.enumerated() where !group.isLeader && remaining[s][g] > 0 {
                        let wanted = min(seed.counts[s][g][t], remaining[s][g])
                        guard wanted > 0 else { continue }
                        let visit = visited.contains(s) ? 0 : site.visitCost * price
                        let units = affordableUnits(group, wanted, money: money - visit, hours: hours, price: price)
                        if units > 0 { take(s, g, units) }
                    }
                }
            }

            // 3. Bundles, best exposure removed per pound first (not when finding a shortfall).
            let gainPerUnit = problem.periodYears * (horizon - Double(t) - 0.5)
            struct Bundle { var site: Int; var density: Double }
            var bundles: [Bundle] = []
            for (s, site) in problem.sites.enumerated() where mayWork(s) && !overdraft {
                var gain = 0.0, cost = visited.contains(s) ? 0 : site.visitCost * price
                if !leadersDone[s] {
                    for group in site.groups where group.isLeader && group.locked == nil {
                        gain += group.weight * Double(group.count) * gainPerUnit
                        cost += Double(group.count) * group.unitCost * price
                    }
                }
                var urgent = false
                for (g, group) in site.groups.enumerated() where remaining[s][g] > 0 && !group.isLeader {
                    gain += group.weight * Double(remaining[s][g]) * gainPerUnit
                    cost += Double(remaining[s][g]) * group.unitCost * price
                    if group.deadline != nil { urgent = true }
                }
                guard gain > 0, cost > 0 else { continue }
                var resource = cost
                if let prices, prices.money[t] > 0 || prices.hours[t] > 0 {
                    var labourUsed = 0.0
                    for (g, group) in site.groups.enumerated() where remaining[s][g] > 0 && !group.isLeader {
                        labourUsed += Double(remaining[s][g]) * group.hours
                    }
                    if !leadersDone[s] { labourUsed += leaderCost(s).hours }
                    resource = prices.money[t] * cost + prices.hours[t] * labourUsed
                    if resource <= 0 { resource = cost }
                }
                bundles.append(Bundle(site: s, density: gain / resource + (urgent ? 1e12 : 0)))
            }
            bundles.sort { ($0.density, -$0.site) > ($1.density, -$1.site) }
            for bundle in bundles {
                let s = bundle.site
                let site = problem.sites[s]
                if !leadersDone[s] {
                    let block = leaderCost(s)
                    let visit = visited.contains(s) ? 0 : site.visitCost * price
                    guard block.money + visit <= money, block.hours <= hours else { continue }
                    takeLeaders(s)
                }
                // Followers best value per pound first, as many as fit.
                let order = site.groups.indices.filter { remaining[s][$0] > 0 && !site.groups[$0].isLeader }.sorted { a, b in
                    let ga = site.groups[a], gb = site.groups[b]
                    let da = ga.weight / ga.unitCost + (ga.deadline != nil ? 1e6 : 0)
                    let db = gb.weight / gb.unitCost + (gb.deadline != nil ? 1e6 : 0)
                    return (da, -a) > (db, -b)
                }
                for g in order {
                    let group = site.groups[g]
                    let visit = visited.contains(s) ? 0 : site.visitCost * price
                    let affordable = affordableUnits(group, remaining[s][g], money: money - visit, hours: hours, price: price)
                    if affordable > 0 { take(s, g, affordable) }
                }
            }
            carry = t < periods - 1 ? max(0, problem.carryOver * money) : 0
        }
        // Every deadline met?
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() where group.deadline != nil && remaining[s][g] > 0 { return nil }
            if site.groups.contains(where: { $0.isLeader && $0.deadline != nil }) && !leadersDone[s] { return nil }
        }
        return (counts, extraMoney, extraHours)
    }

    /// How many of `wanted` units of `group` fit in `money` and `hours` at this period's prices.
    private func affordableUnits(
        _ group: OrganisationProblem.GroupProblem, _ wanted: Int, money: Double, hours: Double, price: Double
    ) -> Int {
        var units = wanted
        let unitPrice = group.unitCost * price
        if unitPrice > 0 { units = min(units, Int(max(0, (money / unitPrice + 1e-9).rounded(.down)))) }
        if group.hours > 0, hours.isFinite { units = min(units, Int(max(0, (hours / group.hours + 1e-9).rounded(.down)))) }
        return units
    }
}
