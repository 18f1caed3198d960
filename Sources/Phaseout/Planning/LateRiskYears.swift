import LinearProgramming

/// SPEC §2.2's late risk-years L of an organisation's plans: Y · Σ w · (periods late after `by`
/// + periods late after `isolatedBy`), where a unit gone in t is late by max(0, t − rule) and one
/// never gone by T + 0.5 − rule (periods counted from 1); lateness after `isolatedBy` counts
/// from the unit's first treatment (isolated or gone). Under `cost` every at-risk unit counts as
/// due by the last period.
struct LateRiskYears: Sendable {
    /// Per site and group, the rule periods L measures from (0-based): `by` and `isolatedBy`.
    let deadlines: [[[Int]]]
    /// Per site and group, `by` (the last period under `cost`) and `isolatedBy` apart.
    let byRule: [[Int?]]
    let isolatedByRule: [[Int?]]
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
        byRule = problem.sites.map { site in
            site.groups.map { group in group.atRisk ? group.by ?? (problem.objective == .cost ? last : nil) : nil }
        }
        isolatedByRule = problem.sites.map { site in site.groups.map { group in group.atRisk ? group.isolatedBy : nil } }
        periodCount = problem.periodCount
        periodYears = problem.periodYears
    }

    /// Periods late after one rule for a unit gone (or first treated) in `t`, or never.
    func lateness(in t: Int?, after rule: Int?) -> Double {
        guard let rule else { return 0 }
        return lateness(goneIn: t, after: [rule])
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
                let by = byRule[s][g], isolatedBy = isolatedByRule[s][g]
                var gone = 0, first = 0
                var late = 0.0
                for t in 0..<periodCount {
                    let goneNow = plan.gone(s, g, t), firstNow = plan.firstTreated(s, g, t)
                    gone += goneNow
                    first += firstNow
                    late += Double(goneNow) * lateness(in: t, after: by) + Double(firstNow) * lateness(in: t, after: isolatedBy)
                }
                late += Double(group.count - gone) * lateness(in: nil, after: by)
                late += Double(group.count - first) * lateness(in: nil, after: isolatedBy)
                total += group.weight * late
            }
        }
        return periodYears * total
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
                if let treated = model.flows[s][g] {
                    add(treated, replaced: model.x[s][g], weight: group.weight, count: group.count,
                        by: byRule[s][g], isolatedBy: isolatedByRule[s][g], to: &total)
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
            if let treated = pooled.flows {
                add(treated, replaced: pooled.variables, weight: problem.sites[first.site].groups[first.group].weight,
                    count: pooled.count, by: byRule[first.site][first.group], isolatedBy: isolatedByRule[first.site][first.group],
                    to: &total)
                continue
            }
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

extension LateRiskYears {
    /// Adds the L of `count` units with treatment flows: lateness after `by` counts from the
    /// flows that make units gone, after `isolatedBy` from those that treat untouched units.
    private func add(_ treated: OrganisationModel.TreatmentFlows, replaced: [Variable?], weight: Double, count: Int,
                     by: Int?, isolatedBy: Int?, to total: inout LinearExpression) {
        let y = periodYears
        let neverGone = lateness(in: nil, after: by), neverTreated = lateness(in: nil, after: isolatedBy)
        total.constant += y * weight * Double(count) * (neverGone + neverTreated)
        for t in 0..<periodCount {
            let goneLate = y * weight * (lateness(in: t, after: by) - neverGone)
            let firstLate = y * weight * (lateness(in: t, after: isolatedBy) - neverTreated)
            if let variable = replaced[t] { total.add(goneLate + firstLate, variable) }
            if let variable = treated.removed[t] { total.add(goneLate + firstLate, variable) }
            if let variable = treated.isolated[t] { total.add(firstLate, variable) }
            if let variable = treated.replacedFromIsolation[t] { total.add(goneLate, variable) }
            if let variable = treated.removedFromIsolation[t] { total.add(goneLate, variable) }
        }
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
            for g in relaxed.sites[s].groups.indices { relaxed.sites[s].groups[g].deadline = nil; relaxed.sites[s].groups[g].isolationDeadline = nil }
        }
        return relaxed
    }
}
