import LinearProgramming
import MixedIntegerSearch

extension OrganisationModel {
    /// Adds, for every set of interchangeable decisions, an integer total `Σ x` that branch and
    /// bound tries first. Decisions are interchangeable when they sit in the same period with the
    /// same cost, hours and weight at different sites: units of one kind and weight, recorder
    /// blocks of one make-up, paid visits of one price. Every budget and labour row sees only
    /// their total, so without it the model is symmetric: branching on one site's count moves
    /// the fraction to another site's, and lp_solve can search for minutes without a proof on a
    /// council of a few dozen columns that it proves in milliseconds with the totals. They are
    /// implied by the counts, so the optimum is unchanged.
    mutating func addTypeTotals(_ sets: [[Variable]], labels: [String]) {
        for (k, members) in sets.enumerated() {
            var sum = LinearExpression()
            var upper = 0.0
            for variable in members {
                sum.add(1, variable)
                upper += model.variables[variable.index].upperBound
            }
            let total = model.addVariable(name: "total[\(problem.name),\(k)]", lowerBound: 0, upperBound: upper,
                                          isInteger: true, branchPriority: 1)
            sum.add(-1, total)
            model.addConstraint(sum, .equal, 0, name: "total[\(problem.name),\(k)]")
        }
    }

    /// Where the site's spend or hours in t could exceed what the period has once the visit
    /// is paid: `site spend ≤ (own money − visit)·v[s,t] + carried in` and
    /// `site hours ≤ hours·v[s,t]` (see ``PeriodCapacity``). With `v = 1` these are the budget
    /// and labour rows less everything else; with `v = 0` they hold trivially.
    mutating func addSiteCapacity(_ capacity: PeriodCapacity, site s: Int, period t: Int, visit v: Variable,
                                              carriedIn: Variable?, name: String) {
        let site = problem.sites[s]
        var spend = LinearExpression(), work = LinearExpression()
        var mostSpend = 0.0, mostWork = 0.0
        for (g, group) in site.groups.enumerated() {
            guard let variable = x[s][g][t] else { continue }
            let price = group.unitCost * problem.priceFactor[t]
            spend.add(price, variable)
            work.add(group.hours, variable)
            mostSpend += price * model.variables[variable.index].upperBound
            mostWork += group.hours * model.variables[variable.index].upperBound
        }
        // Only what y pays for: leaders with treatments pay through their own flows, which the
        // row leaves out (a part of the site's spend is bounded all the more).
        if let y = leaderPeriod[s][t], site.leaderBlock.cost > 0 || site.leaderBlock.hours > 0 {
            let block = site.leaderBlock
            let price = block.cost * problem.priceFactor[t]
            spend.add(price, y)
            work.add(block.hours, y)
            mostSpend += price
            mostWork += block.hours
        }
        let money = capacity.ownMoney[t] - site.visitCost * problem.priceFactor[t]
        if mostSpend > money {
            spend.add(-money, v)
            if let carriedIn { spend.add(-1, carriedIn) }
            capacityRows.append(model.addConstraint(spend, .lessOrEqual, 0, name: "siteMoney[\(name)]"))
        }
        if let hours = capacity.hours?[t], mostWork > hours {
            work.add(-hours, v)
            capacityRows.append(model.addConstraint(work, .lessOrEqual, 0, name: "siteHours[\(name)]"))
        }
    }
}
