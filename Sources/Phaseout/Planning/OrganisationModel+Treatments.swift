import LinearProgramming

extension OrganisationModel {
    /// The flows of a group that may be isolated or removed (SPEC §2.1–2.3), per period t:
    /// `x` replaced, `removed` and `isolated` from untouched units; `replacedFromIsolation` and
    /// `removedFromIsolation` from isolated ones. Rows:
    /// - untouched: Σ_t (replaced + removed + isolated) ≤ n;
    /// - gone strictly after isolation: Σ_{t'≤t} gone from isolation ≤ Σ_{t'<t} isolated;
    /// - `by` (and under `cost`, the horizon): Σ of every gone flow up to it = n;
    /// - `isolatedBy`: Σ_{t≤d'} (replaced + removed + isolated) = n;
    /// - a leader group: the units gone in t are n·y[s,t], the site's leader block.
    ///
    /// Exposure, with untouched units at T: a unit gone from untouched in t stops its w at the
    /// mid-point of t; one isolated in a stops (1 − φ)·w there, and its φ·w stops at the
    /// mid-point of the period it is gone in, whenever it was isolated. So E stays linear.
    mutating func addTreatedGroup(site s: Int, group g: Int, _ build: inout Build) {
        let site = problem.sites[s], group = site.groups[g]
        let (replaced, treated) = addTreatmentFlows(
            group, count: group.count, name: "\(problem.name)/\(site.id),\(g)",
            block: group.isLeader ? leaderPeriod[s] : nil, &build)
        x[s][g] = replaced
        flows[s][g] = treated
    }

    /// The flows and rows of ``addTreatedGroup(site:group:_:)`` for `count` units priced and
    /// ruled as `group` (one group, or a pooled class of alike groups): the replacements from
    /// untouched units and the other flows. With `block`, the units gone in t are
    /// `count`·block[t] (a leader group).
    mutating func addTreatmentFlows(
        _ group: OrganisationProblem.GroupProblem, count: Int, name: String, block: [Variable?]?, _ build: inout Build
    ) -> (replaced: [Variable?], flows: TreatmentFlows) {
        let periods = problem.periodCount
        let last = group.deadline ?? (periods - 1)
        let n = Double(count)
        let phi = group.isolation?.residualRisk ?? 0
        var replacedFlow = [Variable?](repeating: nil, count: periods)
        func variable(_ prefix: String, _ t: Int) -> Variable {
            model.addVariable(name: "\(prefix)[\(name),\(build.labels[t])]", lowerBound: 0, upperBound: n, isInteger: true)
        }
        var treated = TreatmentFlows(
            removed: [Variable?](repeating: nil, count: periods), isolated: [Variable?](repeating: nil, count: periods),
            replacedFromIsolation: [Variable?](repeating: nil, count: periods),
            removedFromIsolation: [Variable?](repeating: nil, count: periods))
        var untouched = LinearExpression(), gone = LinearExpression(), firstByDeadline = LinearExpression()
        for t in 0..<periods {
            var goneNow = LinearExpression()
            if t <= last {
                let replaced = variable("x", t)
                replacedFlow[t] = replaced
                account(price: group.unitCost, hours: group.hours, weight: group.weight, variable: replaced, period: t, &build)
                remember(group, replaced, period: t, &build)
                untouched.add(1, replaced)
                goneNow.add(1, replaced)
                if let d = group.isolationDeadline, t <= d { firstByDeadline.add(1, replaced) }
                if let removal = group.removal {
                    let removed = variable("remove", t)
                    treated.removed[t] = removed
                    account(price: removal.cost, hours: removal.hours, weight: group.weight, variable: removed, period: t, &build)
                    untouched.add(1, removed)
                    goneNow.add(1, removed)
                    if let d = group.isolationDeadline, t <= d { firstByDeadline.add(1, removed) }
                }
                if t > 0, group.isolation != nil {
                    let fromIsolation = variable("replaceIsolated", t)
                    treated.replacedFromIsolation[t] = fromIsolation
                    account(price: group.unitCost, hours: group.hours, weight: group.weight * phi, variable: fromIsolation,
                            period: t, &build)
                    goneNow.add(1, fromIsolation)
                    if let removal = group.removal {
                        let removed = variable("removeIsolated", t)
                        treated.removedFromIsolation[t] = removed
                        account(price: removal.cost, hours: removal.hours, weight: group.weight * phi, variable: removed,
                                period: t, &build)
                        goneNow.add(1, removed)
                    }
                }
            }
            // Isolating in or after the last period a unit may be gone in is of use only
            // without a `by`; the rows below rule the rest out.
            if let isolation = group.isolation, t < periods - 1 || group.deadline == nil {
                let isolated = variable("isolate", t)
                treated.isolated[t] = isolated
                account(price: isolation.cost, hours: isolation.hours, weight: group.weight * (1 - phi), variable: isolated,
                        period: t, &build)
                untouched.add(1, isolated)
                if let d = group.isolationDeadline, t <= d { firstByDeadline.add(1, isolated) }
            }
            gone.add(goneNow)
            if let y = block?[t] {
                model.addConstraint(goneNow - n * y, .equal, 0, name: "leaderUnits[\(name),\(build.labels[t])]")
            }
        }
        model.addConstraint(untouched, .lessOrEqual, n, name: "units[\(name)]")
        addIsolatedFirstRows(treated, name: name, labels: build.labels)
        if problem.mustBeGoneByHorizon || group.deadline != nil {
            model.addConstraint(gone, .equal, n, name: "gone[\(name)]")
        }
        if group.isolationDeadline != nil {
            model.addConstraint(firstByDeadline, .equal, n, name: "isolatedBy[\(name)]")
        }
        return (replacedFlow, treated)
    }

    /// Units gone from isolation by the end of each period are at most those isolated before it.
    private mutating func addIsolatedFirstRows(_ treated: TreatmentFlows, name: String, labels: [String]) {
        var goneFromIsolation = LinearExpression(), isolatedBefore = LinearExpression()
        for t in 0..<problem.periodCount {
            for variable in [treated.replacedFromIsolation[t], treated.removedFromIsolation[t]] {
                if let variable { goneFromIsolation.add(1, variable) }
            }
            if t > 0, goneFromIsolation.termCount > 0 {
                model.addConstraint(goneFromIsolation - isolatedBefore, .lessOrEqual, 0,
                                    name: "isolatedFirst[\(name),\(labels[t])]")
            }
            if let isolated = treated.isolated[t] { isolatedBefore.add(1, isolated) }
        }
    }
}
