extension GreedyPlanner.Fill {
    /// Units under a deadline, earliest deadline first: those due now all, later ones as far as
    /// money allows (a council does the work with a deadline first). `false` when work due now
    /// cannot be done at all (its site's recorders are locked later).
    mutating func doDueWork(affordable: Affordable) -> Bool {
        let t = period
        for (deadline, s) in dueSites() {
            let site = problem.sites[s]
            guard mayWork(s) else {
                if deadline <= t { return false }
                continue
            }
            if !leadersDone[s] {
                guard deadline <= t || leadersFit(s) else { continue }
                takeLeaders(s)
            }
            for (g, group) in site.groups.enumerated() where !group.isLeader && remaining[s][g] > 0 {
                guard let d = group.replaceDeadline else { continue }
                if d <= t {
                    take(s, g, remaining[s][g])
                } else {
                    let units = affordable(group, remaining[s][g], money - visitCost(s), hours, problem.priceFactor[t])
                    if units > 0 { take(s, g, units) }
                }
            }
        }
        return true
    }

    /// Sites with due work, by their earliest deadline, then index.
    private func dueSites() -> [(deadline: Int, site: Int)] {
        var dueSites: [(deadline: Int, site: Int)] = []
        for (s, site) in problem.sites.enumerated() {
            var earliest = Int.max
            for (g, group) in site.groups.enumerated() {
                guard let d = group.replaceDeadline else { continue }
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
        return dueSites.sorted { ($0.deadline, $0.site) < ($1.deadline, $1.site) }
    }

    /// The seed's units for this period, as far as money and hours allow. Seeded sites go by
    /// exposure removed per pound, best first, so that an over-full seed keeps its best work.
    mutating func follow(_ seed: PlanCounts, affordable: Affordable) {
        let t = period
        let gainNow = yearsLeft
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
            if seededLeaders && !leadersDone[s], leadersFit(s) { takeLeaders(s) }
            guard leadersDone[s] else { continue }
            for (g, group) in site.groups.enumerated() where !group.isLeader && remaining[s][g] > 0 {
                let wanted = min(seed.counts[s][g][t], remaining[s][g])
                guard wanted > 0 else { continue }
                let units = affordable(group, wanted, money - visitCost(s), hours, problem.priceFactor[t])
                if units > 0 { take(s, g, units) }
            }
        }
    }

    /// Site bundles, best exposure removed per pound (or per priced resource) first: a bundle is
    /// the site's recorder block if still due, its units best value first, and its visit.
    mutating func fillBundles(prices: GreedyPlanner.Prices?, affordable: Affordable) {
        for s in bundleOrder(prices: prices) {
            let site = problem.sites[s]
            if !leadersDone[s] {
                guard leadersFit(s) else { continue }
                takeLeaders(s)
            }
            // Followers best value per pound first, as many as fit.
            let order = site.groups.indices.filter { remaining[s][$0] > 0 && !site.groups[$0].isLeader }.sorted { a, b in
                let ga = site.groups[a], gb = site.groups[b]
                let da = ga.weight / ga.unitCost + (ga.replaceDeadline != nil ? 1e6 : 0)
                let db = gb.weight / gb.unitCost + (gb.replaceDeadline != nil ? 1e6 : 0)
                return (da, -a) > (db, -b)
            }
            for g in order {
                let units = affordable(site.groups[g], remaining[s][g], money - visitCost(s), hours, problem.priceFactor[period])
                if units > 0 { take(s, g, units) }
            }
        }
    }

    /// The sites that may work this period, best bundle first; units under a deadline first.
    private func bundleOrder(prices: GreedyPlanner.Prices?) -> [Int] {
        let t = period
        let price = problem.priceFactor[t]
        let gainPerUnit = yearsLeft
        var bundles: [(site: Int, density: Double)] = []
        for (s, site) in problem.sites.enumerated() where mayWork(s) {
            var gain = 0.0, cost = visitCost(s)
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
                if group.replaceDeadline != nil { urgent = true }
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
            bundles.append((s, gain / resource + (urgent ? 1e12 : 0)))
        }
        bundles.sort { ($0.density, -$0.site) > ($1.density, -$1.site) }
        return bundles.map(\.site)
    }
}
