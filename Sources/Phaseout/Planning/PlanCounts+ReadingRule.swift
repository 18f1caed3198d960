extension PlanCounts {
    /// The same plan with its flows as SPEC §2.5's reading rule reads its rows back.
    ///
    /// plan.csv says how many units of a row are replaced or removed in a period, not whether
    /// they were isolated first: in each period the units gone are the group's remaining
    /// untouched units first, then those isolated earlier. Flows that take isolated units while
    /// untouched ones wait (a search stopped by its time limit, or a tie on the primary
    /// objective under `cost` or in a best-effort plan) are moved to the untouched ones, as the
    /// rows will be read. Spend, hours, visits and the units gone per period are unchanged; the
    /// swap never raises exposure or late risk-years (the untouched unit's risk stops earlier,
    /// the isolated one keeps only φ of it) and never breaks a rule.
    /// - Complexity: O(groups × periods).
    func followingTheReadingRule(in problem: OrganisationProblem) -> PlanCounts {
        var plan = self
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() where group.hasTreatments {
                var untouched = group.count
                for t in 0..<problem.periodCount {
                    untouched -= plan.isolated[s][g][t] + plan.counts[s][g][t] + plan.removed[s][g][t]
                    let swap = min(plan.goneFromIsolation(s, g, t), max(0, untouched))
                    guard swap > 0 else { continue }
                    let replaced = min(swap, plan.replacedFromIsolation[s][g][t])
                    plan.replacedFromIsolation[s][g][t] -= replaced
                    plan.counts[s][g][t] += replaced
                    plan.removedFromIsolation[s][g][t] -= swap - replaced
                    plan.removed[s][g][t] += swap - replaced
                    untouched -= swap
                }
            }
        }
        return plan
    }
}
