extension GreedyPlanner.Fill {
    /// Site bundles cut where they stop paying, best first, in passes. Each site offers its best
    /// prefix: its recorder block if still due, its visit if not yet paid this period, and its
    /// units best value first, as far as they raise the bundle's exposure removed per pound (per
    /// priced resource with `prices`). After a pass the visited sites' other units compete again,
    /// with no visit to pay. ``fillBundles(prices:affordable:)`` then spends what is left on
    /// whole sites.
    ///
    /// A whole site as one bundle spends the period's money on a good site's poorest units before
    /// other sites' best ones; on large councils with many periods that leaves the greedy plan
    /// several times further above the LP relaxation than cut bundles do (Benchmarks/README.md,
    /// "Cut bundles and the frontier's time").
    mutating func fillBestPrefixes(prices: GreedyPlanner.Prices?, affordable: Affordable) {
        for _ in 0..<Self.prefixPasses {
            var offers: [(density: Double, site: Int, groups: ArraySlice<Int>)] = []
            for s in problem.sites.indices where mayWork(s) {
                if let offer = bestPrefix(of: s, prices: prices) { offers.append((offer.density, s, offer.groups)) }
            }
            offers.sort { ($0.density, -$0.site) > ($1.density, -$1.site) }
            var took = false
            for offer in offers {
                let s = offer.site
                if !leadersDone[s] {
                    guard leadersFit(s) else { continue }
                    takeLeaders(s)
                    took = true
                }
                for g in offer.groups {
                    let units = affordable(problem.sites[s].groups[g], remaining[s][g], money - visitCost(s), hours, problem.priceFactor[period])
                    if units > 0 {
                        take(s, g, units)
                        took = true
                    }
                }
            }
            if !took { break }
        }
    }

    /// Site `s`'s best prefix this period: the exposure removed per resource of its recorder
    /// block (if due), visit (if unpaid) and first units best value first, at its best, and
    /// those units; `nil` when the site removes nothing.
    private func bestPrefix(of s: Int, prices: GreedyPlanner.Prices?) -> (density: Double, groups: ArraySlice<Int>)? {
        let site = problem.sites[s]
        let t = period, price = problem.priceFactor[t], gainPerUnit = yearsLeft
        let moneyPrice = prices?.money[t] ?? 1, hourPrice = prices?.hours[t] ?? 0
        let priced = moneyPrice > 0 || hourPrice > 0
        func resource(_ money: Double, _ hours: Double) -> Double { priced ? moneyPrice * money + hourPrice * hours : money }
        var gain = 0.0, cost = resource(visitCost(s), 0)
        if !leadersDone[s] {
            for group in site.groups where group.isLeader && group.locked == nil { gain += group.weight * Double(group.count) * gainPerUnit }
            let block = leaderCost(s)
            cost += resource(block.money, block.hours)
        }
        let order = site.groups.indices.filter { remaining[s][$0] > 0 && !site.groups[$0].isLeader }.sorted { a, b in
            let ga = site.groups[a], gb = site.groups[b]
            return (ga.weight / max(resource(ga.unitCost, ga.hours), .leastNormalMagnitude), -a)
                > (gb.weight / max(resource(gb.unitCost, gb.hours), .leastNormalMagnitude), -b)
        }
        var best = (density: cost > 0 ? gain / cost : 0, count: 0)
        for (k, g) in order.enumerated() {
            let group = site.groups[g], units = Double(remaining[s][g])
            gain += group.weight * units * gainPerUnit
            cost += resource(units * group.unitCost * price, units * group.hours)
            if cost > 0, gain / cost > best.density { best = (gain / cost, k + 1) }
        }
        guard best.density > 0, best.count > 0 || !leadersDone[s] else { return nil }
        return (best.density, order.prefix(best.count))
    }

    /// Passes of ``fillBestPrefixes(prices:affordable:)``: most of the money goes in the first,
    /// the visited sites' other units in the next ones.
    static let prefixPasses = 4
}
