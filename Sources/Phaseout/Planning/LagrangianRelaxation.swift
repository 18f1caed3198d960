import LinearProgramming
import Foundation

/// The Lagrangian relaxation of an organisation's money and labour rows (SPEC §2.3 rules 2–3).
///
/// Pricing each period's budget row at λ_t ≥ 0 and labour row at μ_t ≥ 0 leaves one small,
/// independent problem per site, solved exactly here: the recorder block's period τ (or
/// none), and for every group of interchangeable units one period (or none) — all of a
/// group's units go together, since its costs are linear — paying each used period's visit
/// once. Carry-over stays valid when λ_{t+1} ≤ λ_t / ρ (then the best carry is 0), so the
/// prices are kept in that cone.
///
/// For any such prices the relaxed optimum is a lower bound on the organisation's optimum;
/// maximising it by projected subgradient steps gives a bound at least as strong as the LP
/// relaxation's, without building a monolithic model. The sites' choices at the best prices
/// also seed ``GreedyPlanner``.
struct LagrangianRelaxation {
    let problem: OrganisationProblem
    /// Budgets and labour to price (a funded plan may raise them).
    var budget: [Double]
    var labour: [Double]?
    /// Above this many periods a treated site's visit sets are not enumerated
    /// (``bestTreatedChoice(site:lambda:mu:nu:paidVisit:)``).
    var exactVisitPeriods = LagrangianRelaxation.defaultExactVisitPeriods
    /// Late risk-years in the objective, for a best effort (``Lateness``); `nil`: none.
    var lateness: Lateness?

    init(problem: OrganisationProblem, budget: [Double]? = nil, labour: [Double]? = nil) {
        self.problem = problem
        self.budget = budget ?? problem.budget
        self.labour = labour ?? problem.labourHours
    }

    /// The relaxed optimum at the given prices, with the per-period spend and hours of the
    /// sites' choices (for the subgradient) and the choices themselves.
    struct Evaluation {
        var value: Double
        var spend: [Double]
        var hours: [Double]
        var counts: PlanCounts
        /// Whether some site had no choice that keeps its own rules (the organisation is
        /// then infeasible whatever the money).
        var siteInfeasible: Bool
        /// L of the sites' choices, for the cap's subgradient (0 without a cap on L).
        var late = 0.0
    }

    /// The objective's own coefficient for one unit of `group` replaced in t.
    private func unitObjective(_ group: OrganisationProblem.GroupProblem, _ t: Int) -> Double {
        switch problem.objective {
        case .exposure: return exposureChange(group, t)
        case .cost: return group.unitCost * problem.priceFactor[t] * problem.presentValueFactor[t]
        }
    }

    /// Under `exposure`, the change in the objective when one unit of `group` stops its whole
    /// weight at t's mid-point (SPEC §2.2); under `cost`, nothing.
    func exposureChange(_ group: OrganisationProblem.GroupProblem, _ t: Int) -> Double {
        problem.objective == .exposure ? problem.periodYears * group.weight * (Double(t) + 0.5 - Double(problem.periodCount)) : 0
    }

    func visitObjective(_ site: OrganisationProblem.SiteProblem, _ t: Int) -> Double {
        problem.objective == .cost ? objectiveWeight * site.visitCost * problem.priceFactor[t] * problem.presentValueFactor[t] : 0
    }

    /// Evaluates the relaxation at prices λ (money) and μ (hours), with late risk-years at ν
    /// (``lateness``).
    func evaluate(money lambda: [Double], hours mu: [Double], late nu: Double = 0) -> Evaluation {
        let periods = problem.periodCount
        var value = problem.objective == .exposure ? objectiveWeight * problem.baselineExposure : 0
        if let lateness { value += nu * (lateness.untouched - (lateness.cap ?? 0)) }
        var spend = [Double](repeating: 0, count: periods)
        var hours = [Double](repeating: 0, count: periods)
        var counts = PlanCounts(problem: problem)
        var infeasible = false
        for t in 0..<periods {
            value -= lambda[t] * budget[t]
            if let labour { value -= mu[t] * labour[t] }
        }
        let mustReplaceAll = problem.mustBeGoneByHorizon

        for (s, site) in problem.sites.enumerated() {
            // Fixed work: locked groups, paid whatever happens; their visits are already paid.
            var paidVisit = [Bool](repeating: false, count: periods)
            for (g, group) in site.groups.enumerated() {
                guard let l = group.locked else { continue }
                let units = Double(group.count)
                value += units * (objectiveWeight * unitObjective(group, l) + lateChange(s, g, gone: l, first: l, nu: nu)
                    + lambda[l] * group.unitCost * problem.priceFactor[l] + mu[l] * group.hours)
                spend[l] += units * group.unitCost * problem.priceFactor[l]
                hours[l] += units * group.hours
                paidVisit[l] = true
            }
            for t in 0..<periods where paidVisit[t] {
                value += visitObjective(site, t) + lambda[t] * site.visitCost * problem.priceFactor[t]
                spend[t] += site.visitCost * problem.priceFactor[t]
            }
            if site.groups.contains(where: { $0.atRisk && $0.locked == nil && $0.hasTreatments }) {
                guard let choice = bestTreatedChoice(site: s, lambda: lambda, mu: mu, nu: nu, paidVisit: paidVisit) else {
                    infeasible = true
                    continue
                }
                value += choice.cost
                record(choice.paths, site: s, in: &counts, spend: &spend, hours: &hours)
                for t in choice.visits { spend[t] += site.visitCost * problem.priceFactor[t] }
                continue
            }
            guard let choice = bestChoice(site: s, lambda: lambda, mu: mu, nu: nu, paidVisit: paidVisit, mustReplaceAll: mustReplaceAll) else {
                infeasible = true
                continue
            }
            value += choice.cost
            for (g, period) in choice.periods.enumerated() {
                guard let t = period else { continue }
                let group = site.groups[g]
                counts.counts[s][g][t] = group.count
                spend[t] += Double(group.count) * group.unitCost * problem.priceFactor[t]
                hours[t] += Double(group.count) * group.hours
            }
            for t in choice.visits { spend[t] += site.visitCost * problem.priceFactor[t] }
        }
        return Evaluation(value: value, spend: spend, hours: hours, counts: counts, siteInfeasible: infeasible,
                          late: lateness.flatMap { $0.cap == nil ? nil : $0.measure.value(of: counts, in: problem) } ?? 0)
    }

    /// A site's best choice at these prices: each free group's period (or none), the visits
    /// paid, and the priced cost. `nil` when no choice keeps the site's rules.
    private func bestChoice(
        site s: Int, lambda: [Double], mu: [Double], nu: Double, paidVisit: [Bool], mustReplaceAll: Bool
    ) -> (cost: Double, periods: [Int?], visits: [Int])? {
        let site = problem.sites[s]
        let periods = problem.periodCount
        let free = site.groups.indices.filter { site.groups[$0].locked == nil && site.groups[$0].atRisk }
        let leaders = free.filter { site.groups[$0].isLeader }
        let followers = free.filter { !site.groups[$0].isLeader }
        let result = [Int?](repeating: nil, count: site.groups.count)
        let visitPrice = (0..<periods).map { t in
            paidVisit[t] ? 0 : visitObjective(site, t) + lambda[t] * site.visitCost * problem.priceFactor[t]
        }
        func unitPrice(_ g: Int, _ t: Int) -> Double {
            let group = site.groups[g]
            return Double(group.count) * (objectiveWeight * unitObjective(group, t) + lateChange(s, g, gone: t, first: t, nu: nu)
                + lambda[t] * group.unitCost * problem.priceFactor[t] + mu[t] * group.hours)
        }
        func mustReplace(_ g: Int) -> Bool { mustReplaceAll || site.groups[g].replaceDeadline != nil }
        func latest(_ g: Int) -> Int { site.groups[g].replaceDeadline ?? (periods - 1) }

        // Leader block options: τ in its window (or none), given locked followers' needs.
        var blockOptions: [Int?] = [nil]
        if !leaders.isEmpty || site.hasLeaders {
            let leaderLock = site.groups.first { $0.isLeader && $0.locked != nil }?.locked
            var last = periods - 1
            for g in leaders { last = min(last, latest(g)) }
            if let followerLock = site.groups.filter({ !$0.isLeader && $0.atRisk }).compactMap(\.locked).min() {
                last = min(last, followerLock)
            }
            let required = leaders.contains(where: mustReplace) || leaderLock != nil
                || followers.contains(where: mustReplace)
                || site.groups.contains { !$0.isLeader && $0.atRisk && $0.locked != nil }
            if let leaderLock {
                blockOptions = leaderLock <= last ? [leaderLock] : []
            } else {
                blockOptions = required ? [] : [nil]
                if last >= 0 { blockOptions += (0...last).map { Optional($0) } }
            }
        }

        var best: (cost: Double, periods: [Int?], visits: [Int])?
        for tau in blockOptions {
            var cost = 0.0
            var visits: [Int] = []
            var earliest = 0
            if site.hasLeaders {
                if let tau {
                    for g in leaders { cost += unitPrice(g, tau) }
                    if !leaders.isEmpty, !paidVisit[tau] {
                        cost += visitPrice[tau]
                        visits.append(tau)
                    }
                    earliest = tau
                } else {
                    // No block: followers stay; any that must go makes this option infeasible.
                    if followers.contains(where: mustReplace) { continue }
                    let candidate = (cost: 0.0, periods: result, visits: [Int]())
                    if best == nil || candidate.cost < best!.cost { best = candidate }
                    continue
                }
            }
            let blockVisit = site.hasLeaders ? tau : nil
            guard let partition = bestPartition(
                followers, earliest: earliest, openVisit: blockVisit, visitPrice: visitPrice,
                unitPrice: unitPrice, latest: latest, mustReplace: mustReplace) else { continue }
            var periodsChosen = result
            for g in leaders { periodsChosen[g] = tau }
            for (g, t) in partition.assignment { periodsChosen[g] = t }
            let total = cost + partition.cost
            if best == nil || total < best!.cost {
                best = (total, periodsChosen, visits + partition.visits)
            }
        }
        if best == nil, leaders.isEmpty, !site.hasLeaders { best = (0, result, []) }
        return best
    }

    /// The best way to place `groups` (each in one period in [earliest, its latest], or none
    /// when allowed), paying each used period's visit once — except `openVisit`, already paid.
    /// Exact dynamic programming over subsets of groups sharing a period.
    private func bestPartition(
        _ groups: [Int], earliest: Int, openVisit: Int?, visitPrice: [Double],
        unitPrice: (Int, Int) -> Double, latest: (Int) -> Int, mustReplace: (Int) -> Bool
    ) -> (cost: Double, assignment: [(Int, Int?)], visits: [Int])? {
        let count = groups.count
        if count == 0 { return (0, [], []) }
        let periods = problem.periodCount
        let full = (1 << count) - 1
        // Cheapest common period for each subset.
        var subsetCost = [Double](repeating: .infinity, count: full + 1)
        var subsetPeriod = [Int](repeating: -1, count: full + 1)
        for mask in 1...full {
            var last = periods - 1
            for k in 0..<count where mask & (1 << k) != 0 { last = min(last, latest(groups[k])) }
            guard last >= earliest else { continue }
            for t in earliest...last {
                var cost = t == openVisit ? 0 : visitPrice[t]
                for k in 0..<count where mask & (1 << k) != 0 { cost += unitPrice(groups[k], t) }
                if cost < subsetCost[mask] { subsetCost[mask] = cost; subsetPeriod[mask] = t }
            }
        }
        // Leaving a single group out, when allowed, costs nothing.
        var leaveOut = [Bool](repeating: false, count: full + 1)
        for k in 0..<count where !mustReplace(groups[k]) {
            let mask = 1 << k
            if 0 < subsetCost[mask] || subsetCost[mask] == .infinity { subsetCost[mask] = 0; leaveOut[mask] = true }
        }
        var best = [Double](repeating: .infinity, count: full + 1)
        var part = [Int](repeating: 0, count: full + 1)
        best[0] = 0
        for mask in 1...full {
            let lowest = mask & -mask
            var sub = mask
            while sub > 0 {
                if sub & lowest != 0, subsetCost[sub] < .infinity, best[mask ^ sub] < .infinity {
                    let cost = subsetCost[sub] + best[mask ^ sub]
                    if cost < best[mask] { best[mask] = cost; part[mask] = sub }
                }
                sub = (sub - 1) & mask
            }
        }
        guard best[full] < .infinity else { return nil }
        var assignment: [(Int, Int?)] = []
        var visits: [Int] = []
        var mask = full
        while mask > 0 {
            let sub = part[mask]
            let t: Int? = leaveOut[sub] ? nil : subsetPeriod[sub]
            for k in 0..<count where sub & (1 << k) != 0 { assignment.append((groups[k], t)) }
            if let t, t != openVisit { visits.append(t) }
            mask ^= sub
        }
        return (best[full], assignment, visits)
    }

    /// Starting prices: for exposure, the exposure an average at-risk pound removes in each
    /// period (what the budget is worth when it binds); for cost, nothing.
    private func initialMoneyPrices() -> [Double] {
        let periods = problem.periodCount
        guard problem.objective == .exposure else { return [Double](repeating: 0, count: periods) }
        var weight = 0.0, cost = 0.0
        for site in problem.sites {
            for group in site.groups where group.atRisk && group.locked == nil {
                weight += group.weight * Double(group.count)
                cost += group.unitCost * Double(group.count)
            }
        }
        guard weight > 0, cost > 0 else { return [Double](repeating: 0, count: periods) }
        // Priced for L alone, the same prices in late risk-years per exposure risk-year.
        let unit = objectiveWeight > 0 ? 1 : (lateness?.untouched ?? 0) / max(problem.baselineExposure, 1e-9)
        var prices = (0..<periods).map { t in
            unit * 0.5 * problem.periodYears * (Double(periods) - Double(t) - 0.5) * weight / (cost * problem.priceFactor[t])
        }
        if problem.carryOver > 0 { for t in 1..<max(1, periods) { prices[t] = min(prices[t], prices[t - 1] / problem.carryOver) } }
        return prices
    }

    /// What ``maximise(target:iterations:deadline:progress:)`` found: the best bound, the sites'
    /// choices and the prices at it, and whether some site's own rules contradict each other.
    typealias Result = (bound: Double, seed: PlanCounts, infeasible: Bool, prices: GreedyPlanner.Prices?)

    /// Maximises the relaxation by projected subgradient steps until `deadline` or
    /// `iterations`. `target` (a plan's value, if known) sets Polyak step lengths.
    /// - Returns: the best bound and the sites' choices at the best prices.
    func maximise(
        target: Double?, iterations: Int = 200, deadline: ContinuousClock.Instant,
        progress: ((Double) -> Void)? = nil
    ) -> Result {
        let periods = problem.periodCount
        var lambda = initialMoneyPrices()
        var mu = [Double](repeating: 0, count: periods)
        var nu = lateness.map { $0.cap == nil ? 1 : 0 } ?? 0.0
        let first = evaluate(money: lambda, hours: mu, late: nu)
        if first.siteInfeasible { return (-.infinity, first.counts, true, nil) }
        var bestValue = first.value
        var bestCounts = first.counts
        var bestPrices = GreedyPlanner.Prices(money: lambda, hours: mu)
        var theta = 1.0
        var stall = 0
        var current = first
        var lastReport = ContinuousClock.now
        for _ in 0..<iterations {
            if let progress, ContinuousClock.now - lastReport > .seconds(2) {
                progress(bestValue)
                lastReport = ContinuousClock.now
            }
            if ContinuousClock.now >= deadline { break }
            let gMoney = (0..<periods).map { current.spend[$0] - budget[$0] }
            let gHours = (0..<periods).map { t in labour.map { current.hours[t] - $0[t] } ?? 0 }
            // The cap on L is priced as k·(L − cap) ≤ 0, k making late risk-years weigh like pounds.
            let gLate = lateness.flatMap { late in late.cap.map { late.scale * (current.late - $0) } } ?? 0
            let norm = gMoney.reduce(0) { $0 + $1 * $1 } + gHours.reduce(0) { $0 + $1 * $1 } + gLate * gLate
            if norm < 1e-12 { break }
            let gap = (target ?? (bestValue + abs(bestValue) * 0.05 + 1)) - current.value
            let step = theta * max(gap, Tolerance.absolute(near: bestValue)) / norm
            for t in 0..<periods {
                lambda[t] = max(0, lambda[t] + step * gMoney[t])
                if labour != nil { mu[t] = max(0, mu[t] + step * gHours[t]) }
            }
            // Keep carry-over valid: λ_{t+1} ≤ λ_t / ρ.
            let rho = problem.carryOver
            if rho > 0 { for t in 1..<max(1, periods) { lambda[t] = min(lambda[t], lambda[t - 1] / rho) } }
            if let scale = lateness?.scale, lateness?.cap != nil { nu = max(0, nu + step * scale * gLate) }
            current = evaluate(money: lambda, hours: mu, late: nu)
            if current.value > bestValue + Tolerance.absolute(near: bestValue) {
                bestValue = current.value
                bestCounts = current.counts
                bestPrices = GreedyPlanner.Prices(money: lambda, hours: mu)
                stall = 0
            } else {
                stall += 1
                if stall >= 5 { theta /= 2; stall = 0 }
            }
            if theta < 1e-4 { break }
        }
        return (bestValue, bestCounts, false, bestPrices)
    }
}
