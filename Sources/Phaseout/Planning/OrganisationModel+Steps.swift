import LinearProgramming
import MixedIntegerSearch

extension OrganisationModel {
    /// The leader block of site `s`: `y[s,t]`, all its leader units in one period.
    mutating func addLeaderBlock(site s: Int, _ build: inout Build) {
        let site = problem.sites[s]
        let periods = problem.periodCount
        let siteName = "\(problem.name)/\(site.id)"
        let leaders = site.groups.indices.filter { site.groups[$0].isLeader }
        guard !leaders.isEmpty else { return }
        let lockedPeriods = Set(leaders.compactMap { site.groups[$0].locked })
        let deadline = leaders.compactMap { site.groups[$0].deadline }.min()
        // Followers locked in L need the block no later than L.
        let followerLock = site.groups.filter { !$0.isLeader && $0.atRisk }.compactMap(\.locked).min()
        var block = LinearExpression()
        for t in 0..<periods {
            var lower = 0.0, upper = 1.0
            if let lockedPeriod = lockedPeriods.first, lockedPeriods.count == 1 { if t == lockedPeriod { lower = 1 } }
            if lockedPeriods.count > 1 { upper = 0 } // contradictory locks: structurally infeasible
            if let d = deadline, t > d { upper = 0 }
            if let l = followerLock, t > l { upper = 0 }
            if lower > upper { upper = 1 } // keep the domain valid; the rows below fail instead
            let y = model.addVariable(name: "lead[\(siteName),\(build.labels[t])]", lowerBound: lower, upperBound: upper, isInteger: true)
            leaderPeriod[s][t] = y
            block.add(1, y)
            var key = TotalKey(period: t, cost: 0, hours: 0, weight: 0)
            // Leaders with treatments account their own flows (``addTreatedGroup``), tied to y.
            for g in leaders where site.groups[g].locked == nil && !site.groups[g].hasTreatments {
                let group = site.groups[g], units = Double(group.count)
                account(group, units: units, variable: y, period: t, &build)
                key.cost += group.unitCost * units
                key.hours += group.hours * units
                key.weight += group.weight * units
            }
            if key.cost > 0 || key.weight > 0 { build.alike[key, default: []].append(y) }
        }
        let mustHappen = problem.mustBeGoneByHorizon || deadline != nil || !lockedPeriods.isEmpty || followerLock != nil
        if lockedPeriods.count > 1 {
            model.addConstraint(block, .equal, 2, name: "leadersLockedApart[\(siteName)]")
        } else {
            model.addConstraint(block, mustHappen ? .equal : .lessOrEqual, 1, name: "leaderOnce[\(siteName)]")
        }
        for g in leaders where site.groups[g].hasTreatments {
            addTreatedGroup(site: s, group: g, &build)
        }
        for g in leaders {
            if let l = site.groups[g].locked { account(site.groups[g], units: Double(site.groups[g].count), variable: nil, period: l, &build) }
        }
    }

    /// The groups of site `s` that follow no block: constants when locked, pooled when the site is
    /// uncoupled, otherwise `x[s,g,t]` with the recorders-first rows.
    mutating func addGroups(site s: Int, _ build: inout Build) {
        let site = problem.sites[s]
        let siteName = "\(problem.name)/\(site.id)"
        let hasLeaders = site.groups.contains(where: \.isLeader)
        for (g, group) in site.groups.enumerated() where !group.isLeader {
            if let l = group.locked {
                account(group, units: Double(group.count), variable: nil, period: l, &build)
                continue
            }
            guard group.atRisk else { continue }
            if group.hasTreatments && (site.isCoupled || !build.configuration.aggregate) {
                addTreatedGroup(site: s, group: g, &build)
                if hasLeaders { addRecordersFirst(site: s, group: g, last: group.deadline ?? (problem.periodCount - 1), build) }
                continue
            }
            if !site.isCoupled && build.configuration.aggregate {
                pool(GroupReference(site: s, group: g), &build)
                continue
            }
            let last = group.deadline ?? (problem.periodCount - 1)
            var all = LinearExpression()
            for t in 0...last {
                let variable = model.addVariable(
                    name: "x[\(siteName),\(g),\(build.labels[t])]", lowerBound: 0, upperBound: Double(group.count), isInteger: true)
                x[s][g][t] = variable
                all.add(1, variable)
                account(group, units: 1, variable: variable, period: t, &build)
                remember(group, variable, period: t, &build)
            }
            let replaceAll = problem.mustBeGoneByHorizon || group.deadline != nil
            model.addConstraint(all, replaceAll ? .equal : .lessOrEqual, Double(group.count), name: "units[\(siteName),\(g)]")
            if hasLeaders { addRecordersFirst(site: s, group: g, last: last, build) }
        }
    }

    /// Puts an uncoupled site's group into the pooled class of its weight, cost, hours and deadline.
    mutating func pool(_ member: GroupReference, _ build: inout Build) {
        let group = problem.sites[member.site].groups[member.group]
        let key = PoolKey(weight: group.weight, cost: group.unitCost, hours: group.hours, deadline: group.deadline,
                          by: group.by, isolatedBy: group.isolatedBy, locked: nil, isolation: group.isolation,
                          removal: group.removal, isolationDeadline: group.isolationDeadline)
        if let index = build.pools[key] {
            classes[index].members.append(member)
            classes[index].count += group.count
        } else {
            build.pools[key] = classes.count
            classes.append(PooledClass(members: [member], count: group.count, variables: []))
        }
    }

    /// Recorders first: none of group `g`'s units before the site's leader block.
    mutating func addRecordersFirst(site s: Int, group g: Int, last: Int, _ build: Build) {
        let site = problem.sites[s], group = site.groups[g]
        var replaced = LinearExpression()
        var block = LinearExpression()
        for t in 0..<problem.periodCount {
            if let variable = x[s][g][t] { replaced.add(1, variable) }
            // Isolation is not ordered: only the flows that make units gone wait for the block.
            if let treated = flows[s][g] {
                for variable in [treated.removed[t], treated.replacedFromIsolation[t], treated.removedFromIsolation[t]] {
                    if let variable { replaced.add(1, variable) }
                }
            }
            block.add(-1, leaderPeriod[s][t]!)
            if t <= last {
                let most = build.capacity?.unitsBehindLeaders(of: group, at: site, by: t) ?? group.count
                model.addConstraint(replaced + Double(most) * block, .lessOrEqual, 0,
                                    name: "leadersFirst[\(problem.name)/\(site.id),\(g),\(build.labels[t])]")
            }
        }
    }

    /// Site visits where they cost money: `v[s,t]`, which every count and block of the period needs.
    mutating func addPaidVisits(site s: Int, _ build: inout Build) {
        let site = problem.sites[s]
        guard site.visitCost > 0 else { return }
        let siteName = "\(problem.name)/\(site.id)"
        let forced = Set(site.groups.compactMap(\.locked))
        for t in 0..<problem.periodCount {
            let canWork = forced.contains(t) || site.groups.indices.contains { x[s][$0][t] != nil || !(flows[s][$0]?.all(t).isEmpty ?? true) }
                || leaderPeriod[s][t] != nil
            guard canWork else { continue }
            let v = model.addVariable(name: "visit[\(siteName),\(build.labels[t])]", lowerBound: forced.contains(t) ? 1 : 0,
                                      upperBound: 1, isInteger: true,
                                      branchPriority: build.configuration.visitsFirst ? Self.visitPriority : 0)
            visit[s][t] = v
            build.spend[t].add(site.visitCost * problem.priceFactor[t], v)
            build.alike[TotalKey(period: t, cost: site.visitCost, hours: 0, weight: 0), default: []].append(v)
            for (g, group) in site.groups.enumerated() {
                if let variable = x[s][g][t] {
                    let most = build.capacity?.units(of: group, at: site, period: t) ?? group.count
                    model.addConstraint(variable - Double(most) * v, .lessOrEqual, 0, name: "visit[\(siteName),\(g),\(build.labels[t])]")
                }
                for (f, variable) in (flows[s][g]?.all(t) ?? []).enumerated() {
                    model.addConstraint(variable - Double(group.count) * v, .lessOrEqual, 0,
                                        name: "visit[\(siteName),\(g),\(build.labels[t]),\(f)]")
                }
            }
            if let y = leaderPeriod[s][t] {
                model.addConstraint(y - v, .lessOrEqual, 0, name: "visitLeaders[\(siteName),\(build.labels[t])]")
            }
            if build.capacity != nil { build.paidVisits.append((s, t, v)) }
        }
    }

    /// The pooled classes' counts, one variable per class and period.
    mutating func addPooledClasses(_ build: inout Build) {
        let periods = problem.periodCount
        for c in classes.indices {
            let first = classes[c].members[0]
            let group = problem.sites[first.site].groups[first.group]
            if group.hasTreatments {
                let (replaced, treated) = addTreatmentFlows(group, count: classes[c].count, name: "\(problem.name),pool\(c)",
                                                            block: nil, &build)
                classes[c].variables = replaced
                classes[c].flows = treated
                continue
            }
            let last = group.deadline ?? (periods - 1)
            var variables = [Variable?](repeating: nil, count: periods)
            var all = LinearExpression()
            for t in 0...last {
                let variable = model.addVariable(
                    name: "pool[\(problem.name),\(c),\(build.labels[t])]", lowerBound: 0, upperBound: Double(classes[c].count),
                    isInteger: true)
                variables[t] = variable
                all.add(1, variable)
                account(group, units: 1, variable: variable, period: t, &build)
                remember(group, variable, period: t, &build)
            }
            classes[c].variables = variables
            let replaceAll = problem.mustBeGoneByHorizon || group.deadline != nil
            model.addConstraint(all, replaceAll ? .equal : .lessOrEqual, Double(classes[c].count), name: "units[\(problem.name),pool\(c)]")
        }
    }

    /// Budget with carry-over (`spend + carry/ρ − carryIn ≤ budget`), and the elastic extra money;
    /// in the goal model `spend + carry/ρ − carryIn − budget · s ≤ 0`.
    mutating func addBudgetRows(_ build: inout Build) {
        let name = problem.name
        var budgets = build.configuration.budget ?? problem.budget
        let rho = problem.carryOver
        var previousCarry: Variable?
        if build.configuration.purpose == .goal {
            scale = model.addVariable(name: "scale[\(name)]", lowerBound: 0)
        }
        for t in 0..<problem.periodCount {
            var row = build.spend[t]
            if build.configuration.purpose == .elastic {
                let money = model.addVariable(name: "extraMoney[\(name),\(build.labels[t])]", lowerBound: 0, isInteger: true)
                extraMoney.append(money)
                row.add(-1, money)
            }
            if let scale {
                row.add(-budgets[t], scale)
                budgets[t] = 0
            }
            if let previous = previousCarry { row.add(-1, previous) }
            build.carriedIn.append(previousCarry)
            if rho > 0, t < problem.periodCount - 1 {
                let carry = model.addVariable(name: "carry[\(name),\(build.labels[t])]", lowerBound: 0)
                row.add(1 / rho, carry)
                previousCarry = carry
            } else {
                previousCarry = nil
            }
            budgetRows.append(model.addConstraint(row, .lessOrEqual, budgets[t], name: "budget[\(name),\(build.labels[t])]"))
            nominalSpend.add(build.spend[t])
            presentValue.add(build.spend[t], scaledBy: problem.presentValueFactor[t])
        }
    }

    /// Labour rows where the organisation has limits, and the elastic extra hours.
    mutating func addLabourRows(_ build: inout Build) {
        guard let limits = build.configuration.labour ?? problem.labourHours else { return }
        for t in 0..<problem.periodCount {
            var row = build.hours[t]
            if build.configuration.purpose == .elastic {
                let extra = model.addVariable(name: "extraHours[\(problem.name),\(build.labels[t])]", lowerBound: 0, isInteger: true)
                extraHours.append(extra)
                row.add(-1, extra)
            }
            labourRows.append(model.addConstraint(row, .lessOrEqual, limits[t], name: "labour[\(problem.name),\(build.labels[t])]"))
        }
    }
}
