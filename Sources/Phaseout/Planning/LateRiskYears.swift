import LinearProgramming

/// SPEC §2.2's late risk-years L of an organisation's plans: Y · Σ w · (periods late after `by`
/// + periods late after `isolatedBy`), where a unit gone in t is late by max(0, t − rule) and one
/// never gone by T + 0.5 − rule (periods counted from 1; the planner replaces, so a unit is first
/// treated when it is gone). Under `cost` every at-risk unit counts as due by the last period.
struct LateRiskYears: Sendable {
    /// Per site and group, the rule periods L measures from (0-based): `by` and `isolatedBy`.
    let deadlines: [[[Int]]]
    let periodCount: Int
    let periodYears: Double

    init(_ problem: OrganisationProblem) {
        let last = problem.periodCount - 1
        deadlines = problem.sites.map { site in
            site.groups.map { group in
                guard group.atRisk else { return [] }
                return [group.by ?? (problem.objective == .cost ? last : nil), group.isolatedBy].compactMap { $0 }
            }
        }
        periodCount = problem.periodCount
        periodYears = problem.periodYears
    }

    /// Periods late for a unit gone in `t` (0-based), or never gone (`t == nil`), after `rules`.
    func lateness(goneIn t: Int?, after rules: [Int]) -> Double {
        rules.reduce(0) { total, rule in
            guard let t else { return total + Double(periodCount) - 0.5 - Double(rule) }
            return total + Double(max(0, t - rule))
        }
    }

    /// L of a plan.
    func value(of plan: PlanCounts, in problem: OrganisationProblem) -> Double {
        var total = 0.0
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                let rules = deadlines[s][g]
                guard !rules.isEmpty else { continue }
                let perPeriod = plan.counts[s][g]
                var late = Double(group.count - perPeriod.reduce(0, +)) * lateness(goneIn: nil, after: rules)
                for (t, units) in perPeriod.enumerated() where units > 0 { late += Double(units) * lateness(goneIn: t, after: rules) }
                total += group.weight * late
            }
        }
        return periodYears * total
    }

    /// The units of a plan that miss their `by`, per site and group.
    func lateUnits(of plan: PlanCounts, in problem: OrganisationProblem) -> Int {
        var count = 0
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                guard let by = deadlines[s][g].min() else { continue }
                let onTime = plan.counts[s][g].prefix(by + 1).reduce(0, +)
                count += group.count - onTime
            }
        }
        return count
    }

    /// L as an expression of `model`'s decisions (its counts, leader blocks and pooled classes).
    func expression(in model: OrganisationModel) -> LinearExpression {
        let problem = model.problem
        var total = LinearExpression()
        let y = periodYears
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                let rules = deadlines[s][g]
                guard !rules.isEmpty else { continue }
                let units = Double(group.count)
                if let lock = group.locked {
                    total.constant += y * group.weight * units * lateness(goneIn: lock, after: rules)
                    continue
                }
                let never = lateness(goneIn: nil, after: rules)
                let variables = group.isLeader ? model.leaderPeriod[s] : model.x[s][g]
                // Pooled groups have no variables of their own: their class adds them below.
                guard group.isLeader || variables.contains(where: { $0 != nil }) else { continue }
                total.constant += y * group.weight * units * never
                let perDecision = group.isLeader ? units : 1
                for t in 0..<periodCount {
                    guard let variable = variables[t] else { continue }
                    total.add(y * group.weight * perDecision * (lateness(goneIn: t, after: rules) - never), variable)
                }
            }
        }
        for pooled in model.classes {
            let first = pooled.members[0]
            let rules = deadlines[first.site][first.group]
            guard !rules.isEmpty else { continue }
            let weight = problem.sites[first.site].groups[first.group].weight
            let never = lateness(goneIn: nil, after: rules)
            total.constant += y * weight * Double(pooled.count) * never
            for t in 0..<periodCount {
                guard let variable = pooled.variables[t] else { continue }
                total.add(y * weight * (lateness(goneIn: t, after: rules) - never), variable)
            }
        }
        return total
    }
}

extension OrganisationProblem {
    /// The problem of a best-effort plan (SPEC §2.5): every deadline dropped, and under `cost`
    /// the rule that everything is gone; budgets, labour, locks and ordering kept. Lateness is
    /// still measured from the dropped rules (``GroupProblem/by``, ``GroupProblem/isolatedBy``).
    var withoutDeadlines: OrganisationProblem {
        var relaxed = self
        relaxed.mustBeGoneByHorizon = false
        for s in relaxed.sites.indices {
            for g in relaxed.sites[s].groups.indices { relaxed.sites[s].groups[g].deadline = nil }
        }
        return relaxed
    }
}
