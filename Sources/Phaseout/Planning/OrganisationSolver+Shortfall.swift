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
        let moneyRun = leastMoney(elastic)
        guard case .found(let moneyTotal, let moneySolution, let moneyProven, let moneyBound) = moneyRun else {
            if case .infeasible = moneyRun {
                return structural("no extra money or hours can meet the locks, deadlines and recorders-first order")
            }
            if let greedy = fundedByGreedy(because: "the time limit ran out before the exact shortfall model found one") {
                return (greedy.shortfall, greedy.counts)
            }
            return structural("the time limit ran out before the shortfall was found")
        }
        let (solution, hoursProven) = leastHours(elastic, moneyTotal: moneyTotal, moneySolution: moneySolution)
        let elasticCounts = elastic.counts(from: solution)
        guard elasticCounts.keepsRules(of: problem) else {
            // A point lp_solve returned at its limit that reads back into no valid plan.
            if let greedy = fundedByGreedy(because: "the exact shortfall model's plan at the time limit was not usable") {
                return (greedy.shortfall, greedy.counts)
            }
            return structural("the time limit ran out before a usable shortfall was found")
        }
        // The amounts are what the elastic plan itself overspends, in whole pounds and hours. They
        // are never more than lp_solve's own, and they make that plan fit whatever tolerances its
        // point carries (rounding lp_solve's extra money can leave a funded plan that overspends
        // when its search stopped at the time limit).
        let (moneySplit, overHours) = PlanMeasures(problem: problem, counts: elasticCounts).overspend(of: problem)
        let hoursSplit = problem.labourHours == nil ? zeros : overHours
        var shortfall = Shortfall(money: moneySplit, hours: hoursSplit, structuralReason: nil)
        if !moneyProven {
            // The search's proven bound says how far from the least the amount can be.
            let least = moneyBound.map { Int(($0 - Tolerance.absolute(1e-6, near: $0)).rounded(.up)) } ?? 0
            shortfall.caveat = "sufficient, not proven the least"
                + (least > 0 ? " (at least £\(least) in all is needed)" : "")
                + ": the time limit ran out during the exact shortfall search"
        } else if !hoursProven {
            shortfall.caveat = "the money is the least; the hours suffice but are not proven the least: "
                + "the time limit ran out during the exact search for them"
        }

        return (shortfall, fundedPlan(money: moneySplit, hours: hoursSplit, elasticCounts: elasticCounts))
    }

    /// The least whole extra money. What the greedy overspends, which suffices, caps the search
    /// (admitted, as in ``cutoff(admitting:)``).
    private func leastMoney(_ elastic: OrganisationModel) -> WholeTotal {
        let greedyMoney = GreedyPlanner(problem: dueByHorizon).fundedPlan()?.money.reduce(0, +)
        let run = leastWholeTotal(of: elastic.extraMoney, in: elastic.model, admitting: greedyMoney)
        guard case .infeasible = run, greedyMoney != nil else { return run }
        // lp_solve missed even the greedy amount: only a search without the cap says "no money helps".
        return leastWholeTotal(of: elastic.extraMoney, in: elastic.model)
    }

    /// The least whole extra hours with the money held at its least, and whether that is proven;
    /// the money search's own point when there are no hours to find or none is found.
    private func leastHours(_ elastic: OrganisationModel, moneyTotal: Int, moneySolution: Solution) -> (Solution, proven: Bool) {
        guard !elastic.extraHours.isEmpty else { return (moneySolution, true) }
        var model = elastic.model
        var total = LinearExpression()
        for variable in elastic.extraMoney { total.add(1, variable) }
        model.addConstraint(total, .lessOrEqual, Double(moneyTotal), name: "moneyCap")
        // The money search's own hours suffice: they cap the search for the least.
        let hoursFound = elastic.extraHours.reduce(0) { $0 + Int(moneySolution.value(of: $1).rounded()) }
        guard case .found(_, let hours, let proven, _) = leastWholeTotal(of: elastic.extraHours, in: model, admitting: hoursFound)
        else { return (moneySolution, false) }
        return (hours, proven)
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

    /// The least whole total of `variables` (integer, ≥ 0) over `model`'s feasible points, with a
    /// point that achieves it.
    enum WholeTotal {
        /// A total and a point achieving it; `proven` when it is the least, `bound` what the
        /// search proved no total can beat.
        case found(Int, Solution, proven: Bool, bound: Double?)
        case infeasible
        case noAnswer
    }

    /// - Parameter admitting: a total known to be reachable, passed to lp_solve as a cutoff that
    ///   admits it.
    func leastWholeTotal(of variables: [Variable], in model: LinearModel, admitting known: Int? = nil) -> WholeTotal {
        var total = LinearExpression()
        for variable in variables { total.add(1, variable) }
        var least = model
        least.objective = LinearObjective(.minimize, total)
        var exact = parameters(gap: 0)
        exact.objectiveGranularity = 1  // a sum of whole pounds (or hours) is whole
        exact.objectiveCutoff = known.map { Double($0) + 0.5 }
        guard let run = try? solver.solve(least, parameters: exact) else { return .noAnswer }
        guard let value = run.objectiveValue else { return run.termination.provesNoBetterPoint ? .infeasible : .noAnswer }
        return .found(Int(value.rounded()), run, proven: run.termination == .optimal, bound: run.bestBound)
    }
}
