/// The Lagrangian relaxation's subproblem for a site whose units may be isolated or removed
/// (SPEC v2 §2.1). At fixed prices each unit's path costs the same whatever its group's other
/// units do, so all of a group's units take one path; what couples the groups is the visits
/// and the recorders-first rule. Both are enumerated: the leader block's period τ (or none),
/// and the set V of periods the site is visited in, each group taking its cheapest path that
/// works only in V. Exact for up to ``LagrangianRelaxation/exactVisitPeriods`` periods; beyond,
/// visits are dropped from the subproblem, which lowers its value and so keeps it a bound.
extension LagrangianRelaxation {
    /// One unit's path: isolated in `isolated`, gone in `gone` (removed when `removed`), or
    /// untouched when both are `nil`.
    struct TreatedPath: Equatable {
        var isolated: Int?
        var gone: Int?
        var removed = false

        /// The periods the path works in, as a bit mask.
        var mask: Int { (isolated.map { 1 << $0 } ?? 0) | (gone.map { 1 << $0 } ?? 0) }
    }

    /// Above this many periods the visit sets (2^T) are not enumerated, unless a relaxation says otherwise.
    static let defaultExactVisitPeriods = 6

    /// A treated site's best choice at prices λ (money) and μ (hours): a path per group (`nil`
    /// for groups with no choice: locked, or not at risk), the periods whose visits it pays,
    /// and its priced cost. `nil` when no choice keeps the site's rules.
    func bestTreatedChoice(site s: Int, lambda: [Double], mu: [Double], nu: Double, paidVisit: [Bool])
        -> (cost: Double, paths: [TreatedPath?], visits: [Int])? {
        let site = problem.sites[s]
        let periods = problem.periodCount
        let exactVisits = periods <= exactVisitPeriods
        let subsets = exactVisits ? 1 << periods : 1
        let free = site.groups.indices.filter { site.groups[$0].locked == nil && site.groups[$0].atRisk }
        let visitPrice = (0..<periods).map { t in
            paidVisit[t] ? 0 : visitObjective(site, t) + lambda[t] * site.visitCost * problem.priceFactor[t]
        }
        var visitCost = [Double](repeating: 0, count: subsets)
        if exactVisits {
            for v in 1..<subsets {
                let t = v.trailingZeroBitCount
                visitCost[v] = visitCost[v & (v - 1)] + visitPrice[t]
            }
        }
        var best: (cost: Double, paths: [TreatedPath?], visits: [Int])?
        for tau in leaderPeriods(of: site) {
            var total = visitCost
            var chosen = [[TreatedPath?]](repeating: [TreatedPath?](repeating: nil, count: site.groups.count), count: subsets)
            for g in free {
                let group = site.groups[g]
                let options = cheapestPaths(s, g, leader: site.hasLeaders ? (group.isLeader ? .leader : .follower) : .none,
                                            tau: tau, lambda: lambda, mu: mu, nu: nu, subsets: subsets)
                for v in 0..<subsets {
                    guard total[v] < .infinity else { continue }
                    guard let (cost, path) = options[v] else { total[v] = .infinity; continue }
                    total[v] += Double(group.count) * cost
                    chosen[v][g] = path
                }
            }
            for v in 0..<subsets where total[v] < (best?.cost ?? .infinity) {
                let visits = exactVisits ? (0..<periods).filter { v & (1 << $0) != 0 && !paidVisit[$0] } : []
                best = (total[v], chosen[v], visits)
            }
        }
        return best
    }

    /// The periods the site's leader block may be gone in (`nil`: never): a locked leader fixes
    /// it, and a locked follower needs it no later than its lock. (Units due to be gone need it
    /// too; their paths say so.)
    private func leaderPeriods(of site: OrganisationProblem.SiteProblem) -> [Int?] {
        guard site.hasLeaders else { return [nil] }
        let followerLock = site.groups.filter { !$0.isLeader && $0.atRisk }.compactMap(\.locked).min()
        let last = min(problem.periodCount - 1, followerLock ?? problem.periodCount)
        if let lock = site.groups.first(where: { $0.isLeader && $0.locked != nil })?.locked { return lock <= last ? [lock] : [] }
        return (followerLock == nil ? [nil] : []) + (0...last).map { Optional($0) }
    }

    private enum Role { case none, leader, follower }

    /// Per visit set V (a bit mask over the periods), one unit's cheapest path of `group` that
    /// works only in V and keeps its rules with the leader block gone in `tau`, and its priced
    /// cost; `nil` where none does. Without exact visits, the one entry allows every period.
    private func cheapestPaths(_ s: Int, _ g: Int, leader role: Role, tau: Int?,
                               lambda: [Double], mu: [Double], nu: Double, subsets: Int) -> [(Double, TreatedPath)?] {
        let group = problem.sites[s].groups[g]
        let periods = problem.periodCount
        let goneBy = group.deadline ?? (problem.mustBeGoneByHorizon ? periods - 1 : nil)
        let treatedBy = group.isolationDeadline
        func allowed(_ path: TreatedPath) -> Bool {
            if let d = goneBy, (path.gone ?? periods) > d { return false }
            if let d = treatedBy, (path.isolated ?? path.gone ?? periods) > d { return false }
            switch role {
            case .none: return true
            case .leader: return path.gone == tau
            case .follower: return path.gone.map { g in tau.map { g >= $0 } ?? false } ?? true
            }
        }
        var direct = [(Double, TreatedPath)?](repeating: nil, count: subsets)
        func offer(_ path: TreatedPath, _ objective: Double) {
            guard allowed(path) else { return }
            let cost = objective + lateChange(s, g, gone: path.gone, first: path.isolated ?? path.gone, nu: nu)
            let m = subsets > 1 ? path.mask : 0
            if direct[m] == nil || cost < direct[m]!.0 { direct[m] = (cost, path) }
        }
        offer(TreatedPath(), 0)
        let phi = group.isolation?.residualRisk ?? 0
        for t in 0..<periods {
            let (goneCost, removed) = cheapestGone(group, t, lambda: lambda, mu: mu)
            offer(TreatedPath(gone: t, removed: removed), objectiveWeight * exposureChange(group, t) + goneCost)
            guard let isolation = group.isolation else { continue }
            let isolate = objectiveWeight * (1 - phi) * exposureChange(group, t) + priced(isolation.cost, isolation.hours, t, lambda: lambda, mu: mu)
            offer(TreatedPath(isolated: t), isolate)
            for later in (t + 1)..<max(t + 1, periods) {
                let (laterCost, laterRemoved) = cheapestGone(group, later, lambda: lambda, mu: mu)
                offer(TreatedPath(isolated: t, gone: later, removed: laterRemoved),
                      isolate + objectiveWeight * phi * exposureChange(group, later) + laterCost)
            }
        }
        // Every path that works within a subset of V works within V.
        var bit = 1
        while bit < subsets {
            for v in 0..<subsets where v & bit != 0 {
                if let narrower = direct[v ^ bit], direct[v] == nil || narrower.0 < direct[v]!.0 { direct[v] = narrower }
            }
            bit <<= 1
        }
        return direct
    }

    /// A unit made gone in t the cheaper way at these prices (replaced, or removed where it may
    /// be), its priced cost and whether it is removed.
    private func cheapestGone(_ group: OrganisationProblem.GroupProblem, _ t: Int, lambda: [Double], mu: [Double]) -> (Double, Bool) {
        let replace = priced(group.unitCost, group.hours, t, lambda: lambda, mu: mu)
        guard let removal = group.removal else { return (replace, false) }
        let remove = priced(removal.cost, removal.hours, t, lambda: lambda, mu: mu)
        return remove < replace ? (remove, true) : (replace, false)
    }

    /// Work costing `cost` (period-1 prices) and taking `hours` in t, priced: its money at λ_t
    /// (and at its present value under `cost`), its hours at μ_t.
    private func priced(_ cost: Double, _ hours: Double, _ t: Int, lambda: [Double], mu: [Double]) -> Double {
        let money = cost * problem.priceFactor[t]
        let objective = problem.objective == .cost ? objectiveWeight * money * problem.presentValueFactor[t] : 0
        return objective + lambda[t] * money + mu[t] * hours
    }

    /// Records a treated site's paths in the relaxation's counts, spend and hours.
    func record(_ paths: [TreatedPath?], site s: Int, in counts: inout PlanCounts, spend: inout [Double], hours: inout [Double]) {
        let site = problem.sites[s]
        for (g, path) in paths.enumerated() {
            guard let path else { continue }
            let group = site.groups[g], units = group.count
            if let a = path.isolated, let isolation = group.isolation {
                counts.isolated[s][g][a] = units
                spend[a] += Double(units) * isolation.cost * problem.priceFactor[a]
                hours[a] += Double(units) * isolation.hours
            }
            guard let t = path.gone else { continue }
            let removal = path.removed ? group.removal : nil
            switch (path.isolated != nil, removal != nil) {
            case (false, false): counts.counts[s][g][t] = units
            case (false, true): counts.removed[s][g][t] = units
            case (true, false): counts.replacedFromIsolation[s][g][t] = units
            case (true, true): counts.removedFromIsolation[s][g][t] = units
            }
            spend[t] += Double(units) * (removal?.cost ?? group.unitCost) * problem.priceFactor[t]
            hours[t] += Double(units) * (removal?.hours ?? group.hours)
        }
    }
}
