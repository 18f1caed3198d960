/// Isolations added to a replace-only plan: the cheap half of an incumbent for an organisation
/// with treatments, which the greedy planner (replace-only) cannot give on its own when
/// `isolatedBy` is due before replacements are affordable.
///
/// Period by period, first the units that an `isolatedBy` requires (earliest rule first), then
/// the others by exposure removed per pound, each group's units never gone first and then those
/// gone latest; a unit the plan replaces or removes later becomes "isolated, then gone from
/// isolation". Money (with carry-over), hours and visits are tracked; units are only added where
/// every later period still fits. The result is checked against every rule by its caller.
struct IsolationFill {
    let problem: OrganisationProblem

    /// The problem a replace-only base plan is planned for: `isolatedBy` left to the isolations.
    static func baseProblem(_ problem: OrganisationProblem) -> OrganisationProblem {
        var base = problem
        for s in base.sites.indices {
            for g in base.sites[s].groups.indices { base.sites[s].groups[g].isolationDeadline = nil }
        }
        return base
    }

    /// A plan shaped like `guide` (a relaxation's choices, rounded) when it isolates first and
    /// replaces later: the replace-only greedy follows the guide's units gone, with each
    /// period's budget less what the guide spends on isolations there, and ``filling(_:)`` then
    /// isolates with the money so kept, by exposure removed per pound (taking the guide's own
    /// isolations first did worse on generated councils). The greedy alone spends every pound on
    /// replacements, which leaves nothing for the isolations that remove the most risk per pound
    /// (a plan 65 % above the optimum on a council of 1,270 units, against 0.02 % this way).
    func following(_ guide: PlanCounts) -> PlanCounts? {
        var base = Self.baseProblem(problem)
        var seed = PlanCounts(problem: problem)
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                for t in 0..<problem.periodCount {
                    seed.counts[s][g][t] = guide.gone(s, g, t)
                    guard let isolation = group.isolation, guide.isolated[s][g][t] > 0 else { continue }
                    base.budget[t] -= Double(guide.isolated[s][g][t]) * isolation.cost * problem.priceFactor[t]
                }
            }
        }
        base.budget = base.budget.map { max(0, $0) }
        guard let plan = GreedyPlanner(problem: base, seed: seed).plan() else { return nil }
        return filling(plan)
    }

    /// The groups in the order they are isolated each period: earliest `isolatedBy` first, then
    /// by exposure removed per pound.
    private func ordered(_ candidates: [(site: Int, group: Int)]) -> [(site: Int, group: Int)] {
        candidates.sorted { a, b in
            let ga = problem.sites[a.site].groups[a.group], gb = problem.sites[b.site].groups[b.group]
            let da = ga.isolationDeadline ?? Int.max, db = gb.isolationDeadline ?? Int.max
            let va = ga.weight * (1 - ga.isolation!.residualRisk) / max(ga.isolation!.cost, 1e-9)
            let vb = gb.weight * (1 - gb.isolation!.residualRisk) / max(gb.isolation!.cost, 1e-9)
            return (da, -va, a.site, a.group) < (db, -vb, b.site, b.group)
        }
    }

    /// `plan` with isolations added; `nil` when an `isolatedBy` cannot be met.
    func filling(_ plan: PlanCounts) -> PlanCounts? {
        var plan = plan
        let periods = problem.periodCount
        let measures = PlanMeasures(problem: problem, counts: plan)
        var spend = measures.spend, hours = measures.labour
        var worked = (0..<problem.sites.count).map { s in (0..<periods).map { measures.visitedSites[$0].contains(s) } }
        var candidates: [(site: Int, group: Int)] = []
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() where group.atRisk && group.isolation != nil && group.locked == nil {
                candidates.append((s, g))
            }
        }
        guard !candidates.isEmpty else { return plan }
        /// Whether the spend fits every budget with the largest carry, and hours their limits.
        func fits() -> Bool {
            var carry = 0.0
            for t in 0..<periods {
                let available = problem.budget[t] + carry
                if spend[t] > available + 1e-6 * max(1, available) { return false }
                carry = problem.carryOver > 0 ? max(0, problem.carryOver * (available - spend[t])) : 0
                if let limit = problem.labourHours?[t], hours[t] > limit + 1e-9 * max(1, limit) { return false }
            }
            return true
        }
        /// Isolates as many of group g's units untouched through t as fit.
        func isolate(_ s: Int, _ g: Int, in t: Int) {
            let group = problem.sites[s].groups[g], isolation = group.isolation!
            // Units untouched through t: never gone, or gone from untouched after t.
            let firstTreatedBy = (0...t).reduce(0) { $0 + plan.firstTreated(s, g, $1) }
            var free = group.count - firstTreatedBy
            guard free > 0 else { return }
            let visit = worked[s][t] ? 0 : problem.sites[s].visitCost * problem.priceFactor[t]
            let price = isolation.cost * problem.priceFactor[t]
            // The most units that fit, found by halving (one visit for all of them).
            func tryUnits(_ k: Int) -> Bool {
                spend[t] += visit + Double(k) * price
                hours[t] += Double(k) * isolation.hours
                defer { spend[t] -= visit + Double(k) * price; hours[t] -= Double(k) * isolation.hours }
                return fits()
            }
            var low = 0, high = free
            while low < high {
                let middle = (low + high + 1) / 2
                if tryUnits(middle) { low = middle } else { high = middle - 1 }
            }
            guard low > 0 else { return }
            spend[t] += visit + Double(low) * price
            hours[t] += Double(low) * isolation.hours
            worked[s][t] = true
            plan.isolated[s][g][t] += low
            // Never-gone units first; then those gone latest become gone from isolation.
            let goneLater = ((t + 1)..<periods).reduce(0) { $0 + plan.counts[s][g][$1] + plan.removed[s][g][$1] }
            free = low - max(0, min(low, (group.count - firstTreatedBy) - goneLater))
            for later in stride(from: periods - 1, to: t, by: -1) where free > 0 {
                let replaced = min(free, plan.counts[s][g][later])
                plan.counts[s][g][later] -= replaced
                plan.replacedFromIsolation[s][g][later] += replaced
                free -= replaced
                let removed = min(free, plan.removed[s][g][later])
                plan.removed[s][g][later] -= removed
                plan.removedFromIsolation[s][g][later] += removed
                free -= removed
            }
        }
        let order = ordered(candidates)
        for t in 0..<periods {
            for (s, g) in order { isolate(s, g, in: t) }
            for (s, g) in candidates {
                guard let d = problem.sites[s].groups[g].isolationDeadline, d == t else { continue }
                let treated = (0...t).reduce(0) { $0 + plan.firstTreated(s, g, $1) }
                if treated < problem.sites[s].groups[g].count { return nil }
            }
        }
        return plan
    }
}
