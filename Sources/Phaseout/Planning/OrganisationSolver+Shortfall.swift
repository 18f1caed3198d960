import LinearProgramming
import LPSolve
import MixedIntegerSearch

extension OrganisationSolver {
    /// SPEC §2.5: least extra money (whole pounds per period), then least extra hours, then the
    /// plan those would buy.
    func findShortfall() -> (Shortfall, PlanCounts?) {
        if hurried, let greedy = fundedByGreedy(because: "the time limit ran out before the exact shortfall model could run") {
            return (greedy.shortfall, greedy.counts)
        }
        let elastic = OrganisationModel(problem: problem, purpose: .elastic, aggregate: aggregate)
        let structural = { (reason: String) in (Shortfall(money: zeros, hours: zeros, structuralReason: reason), PlanCounts?.none) }
        let found: FundedCandidate, moneyBound: Int
        switch leastMoney(elastic) {
        case .infeasible:
            return structural("no extra money or hours can meet the locks, deadlines and recorders-first order")
        case .noAnswer:
            if let greedy = fundedByGreedy(because: "the time limit ran out before the exact shortfall model found one") {
                return (greedy.shortfall, greedy.counts)
            }
            return structural("the time limit ran out before the shortfall was found")
        case .found(let candidate, let bound):
            (found, moneyBound) = (candidate, bound)
        }
        let (counts, hoursProven) = leastHours(elastic, money: found)
        // The amounts are what the plan itself overspends, in whole pounds and hours: whatever
        // tolerances lp_solve's point carries, they make that plan fit.
        let (moneySplit, overHours) = PlanMeasures(problem: problem, counts: counts).overspend(of: problem)
        let hoursSplit = problem.labourHours == nil ? zeros : overHours
        var shortfall = Shortfall(money: moneySplit, hours: hoursSplit, structuralReason: nil)
        shortfall.moneyBound = min(moneyBound, shortfall.totalMoney)
        if moneyBound < shortfall.totalMoney {
            // The search's proven bound says how far from the least the amount can be.
            shortfall.caveat = "sufficient, not proven the least"
                + (moneyBound > 0 ? " (at least £\(moneyBound) in all is needed)" : "")
                + ": the time limit ran out during the exact shortfall search"
        } else if !hoursProven {
            shortfall.caveat = "the money is the least; the hours suffice but are not proven the least: "
                + "the time limit ran out during the exact search for them"
        }
        return (shortfall, fundedPlan(money: moneySplit, hours: hoursSplit, elasticCounts: counts))
    }

    /// The least whole extra hours with the money held at the plan's, and whether that is
    /// proven; the plan itself when there are no hours to find or none fewer is found.
    private func leastHours(_ elastic: OrganisationModel, money found: FundedCandidate) -> (PlanCounts, proven: Bool) {
        guard !elastic.extraHours.isEmpty else { return (found.counts, true) }
        var model = elastic.model
        var total = LinearExpression()
        for variable in elastic.extraMoney { total.add(1, variable) }
        model.addConstraint(total, .lessOrEqual, Double(found.money), name: "moneyCap")
        // The plan's own hours suffice: they cap the search for the least.
        let hoursFound = PlanMeasures(problem: problem, counts: found.counts).overspend(of: problem).hours.reduce(0, +)
        var exact = wholeTotalParameters()
        exact.objectiveCutoff = Double(hoursFound) + 0.5
        guard let run = try? solver.solve(minimising(elastic.extraHours, in: model), parameters: exact) else {
            return (found.counts, false)
        }
        let proven = run.termination == .optimal || run.termination.provesNoBetterPoint
        guard run.hasSolution else { return (found.counts, proven) }
        let counts = elastic.counts(from: run)
        let overspend = PlanMeasures(problem: problem, counts: counts).overspend(of: problem)
        // A point that reads back into no valid plan, or one that needs more money once measured
        // exactly, is not taken.
        guard counts.keepsRules(of: problem), overspend.money.reduce(0, +) <= found.money,
              overspend.hours.reduce(0, +) <= hoursFound else { return (found.counts, false) }
        return (counts, run.termination == .optimal)
    }

    /// The plan the shortfall buys: the elastic model's own plan fits the raised budgets; a
    /// re-plan with them may do better on the objective.
    private func fundedPlan(money moneySplit: [Int], hours hoursSplit: [Int], elasticCounts: PlanCounts) -> PlanCounts? {
        let fundedProblem = problem.funded(money: moneySplit, hours: hoursSplit)
        let budget = fundedProblem.budget
        let labour = fundedProblem.labourHours
        var best: (counts: PlanCounts, value: Double)?
        if elasticCounts.keepsEverything(of: fundedProblem) {
            best = (elasticCounts, primaryValue(PlanMeasures(problem: fundedProblem, counts: elasticCounts)))
        }
        var funded = OrganisationModel(problem: problem, aggregate: aggregate, budget: budget, labour: labour, strengthen: aggregate)
        // It starts from the elastic plan and stops after a fixed number of nodes, so the funded
        // plan is the same however loaded the machine. lp_solve's own search in either round: a
        // best-first node costs up to 17 LPs, so its time limit would bind before the nodes.
        if case .planned(let counts, _, _) = optimise(&funded, start: best?.counts, nodeLimit: Self.fundedNodeLimit,
                                                      search: .depthFirst) {
            let value = primaryValue(PlanMeasures(problem: fundedProblem, counts: counts))
            if best == nil || value < best!.value { best = (counts, value) }
        }
        return best?.counts
    }
}
