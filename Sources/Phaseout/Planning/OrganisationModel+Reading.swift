import LinearProgramming
import MixedIntegerSearch

extension OrganisationModel {
    /// A plan's counts as values of the model's whole-number decisions, by variable index: the
    /// counts `x`, the pooled classes' totals, the leader blocks `y` and the paid visits `v` (1
    /// exactly where the plan works at the site). Type totals, carry and the elastic extras are
    /// left out (`nil`): the rows fix them once the decisions are set. The inverse of
    /// ``counts(from:rounding:)``.
    func decisions(of plan: PlanCounts) -> [Double?] {
        var values = [Double?](repeating: nil, count: model.variables.count)
        let periods = problem.periodCount
        for (s, site) in problem.sites.enumerated() {
            var works = [Bool](repeating: false, count: periods)
            for (g, group) in site.groups.enumerated() {
                for t in 0..<periods where plan.gone(s, g, t) > 0 || plan.isolated[s][g][t] > 0 {
                    works[t] = true
                    if group.isLeader, plan.gone(s, g, t) > 0, let y = leaderPeriod[s][t] { values[y.index] = 1 }
                }
                for t in 0..<periods { if let variable = x[s][g][t] { values[variable.index] = Double(plan.counts[s][g][t]) } }
                if let treated = flows[s][g] {
                    for t in 0..<periods {
                        for (variable, count) in [(treated.removed[t], plan.removed), (treated.isolated[t], plan.isolated),
                                                  (treated.replacedFromIsolation[t], plan.replacedFromIsolation),
                                                  (treated.removedFromIsolation[t], plan.removedFromIsolation)] {
                            if let variable { values[variable.index] = Double(count[s][g][t]) }
                        }
                    }
                }
            }
            for t in 0..<periods {
                if let y = leaderPeriod[s][t], values[y.index] == nil { values[y.index] = 0 }
                if let v = visit[s][t] { values[v.index] = works[t] ? 1 : 0 }
            }
        }
        for pooled in classes {
            func total(_ flow: [[[Int]]], _ t: Int) -> Double { Double(pooled.members.reduce(0) { $0 + flow[$1.site][$1.group][t] }) }
            for t in 0..<periods {
                if let variable = pooled.variables[t] { values[variable.index] = total(plan.counts, t) }
                guard let treated = pooled.flows else { continue }
                for (variable, flow) in [(treated.removed[t], plan.removed), (treated.isolated[t], plan.isolated),
                                         (treated.replacedFromIsolation[t], plan.replacedFromIsolation),
                                         (treated.removedFromIsolation[t], plan.removedFromIsolation)] {
                    if let variable { values[variable.index] = total(flow, t) }
                }
            }
        }
        return values
    }

    /// Reads the counts of a solution back into per-group counts. Pooled classes are split
    /// over their member groups in fill order, earliest periods first.
    func counts(from solution: Solution, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> PlanCounts {
        var result = PlanCounts(problem: problem)
        let periods = problem.periodCount
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                if let l = group.locked {
                    result.counts[s][g][l] = group.count
                    continue
                }
                if let treated = flows[s][g] {
                    func read(_ variable: Variable?) -> Int {
                        variable.map { Int((solution.value(of: $0) + 1e-9).rounded(rounding)) } ?? 0
                    }
                    for t in 0..<periods {
                        result.counts[s][g][t] = read(x[s][g][t])
                        result.removed[s][g][t] = read(treated.removed[t])
                        result.isolated[s][g][t] = read(treated.isolated[t])
                        result.replacedFromIsolation[s][g][t] = read(treated.replacedFromIsolation[t])
                        result.removedFromIsolation[s][g][t] = read(treated.removedFromIsolation[t])
                    }
                    continue
                }
                if group.isLeader {
                    // The first period by which at least half of the block is done.
                    var cumulative = 0.0
                    for t in 0..<periods {
                        cumulative += leaderPeriod[s][t].map { solution.value(of: $0) } ?? 0
                        if cumulative > 0.5 { result.counts[s][g][t] = group.count; break }
                    }
                    continue
                }
                for t in 0..<periods {
                    if let variable = x[s][g][t] { result.counts[s][g][t] = Int((solution.value(of: variable) + 1e-9).rounded(rounding)) }
                }
            }
        }
        for pooled in classes {
            var members = pooled.members
            members.sort { a, b in
                let ga = problem.sites[a.site].groups[a.group], gb = problem.sites[b.site].groups[b.group]
                return (ga.fillOrder, a.site, a.group) < (gb.fillOrder, b.site, b.group)
            }
            if let treated = pooled.flows {
                split(treated, replaced: pooled.variables, over: members, solution: solution, rounding: rounding, into: &result)
                continue
            }
            var remaining = members.map { problem.sites[$0.site].groups[$0.group].count }
            var cursor = 0
            for t in 0..<periods {
                guard let variable = pooled.variables[t] else { continue }
                var units = Int((solution.value(of: variable) + 1e-9).rounded(rounding))
                while units > 0, cursor < members.count {
                    let take = min(units, remaining[cursor])
                    result.counts[members[cursor].site][members[cursor].group][t] += take
                    remaining[cursor] -= take
                    units -= take
                    if remaining[cursor] == 0 { cursor += 1 }
                }
            }
        }
        return result
    }

    /// Splits a pooled class's flows over its member groups (in fill order) with SPEC §2.5's
    /// reading rule, as if the class were one group: in each period isolations take the oldest
    /// untouched units, then replacements and removals the next untouched ones, and the units
    /// gone from isolation the earliest isolated. Each member's units then follow whole paths.
    private func split(_ treated: TreatmentFlows, replaced: [Variable?], over members: [GroupReference], solution: Solution,
                       rounding: FloatingPointRoundingRule, into result: inout PlanCounts) {
        func read(_ variable: Variable?) -> Int {
            variable.map { Int((solution.value(of: $0) + 1e-9).rounded(rounding)) } ?? 0
        }
        var untouched = members.map { (member: $0, units: problem.sites[$0.site].groups[$0.group].count) }
        var isolated: [(member: GroupReference, units: Int)] = []
        func take(_ wanted: Int, from queue: inout [(member: GroupReference, units: Int)],
                  _ record: (GroupReference, Int) -> Void) -> [(member: GroupReference, units: Int)] {
            var taken: [(member: GroupReference, units: Int)] = []
            var wanted = wanted
            while wanted > 0, let first = queue.first {
                let units = min(wanted, first.units)
                record(first.member, units)
                taken.append((first.member, units))
                wanted -= units
                if units == first.units { queue.removeFirst() } else { queue[0].units -= units }
            }
            return taken
        }
        for t in 0..<problem.periodCount {
            let newly = take(read(treated.isolated[t]), from: &untouched) { result.isolated[$0.site][$0.group][t] += $1 }
            _ = take(read(replaced[t]), from: &untouched) { result.counts[$0.site][$0.group][t] += $1 }
            _ = take(read(treated.removed[t]), from: &untouched) { result.removed[$0.site][$0.group][t] += $1 }
            _ = take(read(treated.replacedFromIsolation[t]), from: &isolated) {
                result.replacedFromIsolation[$0.site][$0.group][t] += $1
            }
            _ = take(read(treated.removedFromIsolation[t]), from: &isolated) {
                result.removedFromIsolation[$0.site][$0.group][t] += $1
            }
            isolated += newly
        }
    }
}
