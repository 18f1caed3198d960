import LinearProgramming
import LPSolve
import MixedIntegerSearch

extension OrganisationSolver {
    /// A plan that keeps every rule but money and hours, with the whole pounds it overspends
    /// (``PlanMeasures/overspend(of:)``): a point of the elastic model, whatever found it.
    struct FundedCandidate {
        var counts: PlanCounts
        var money: Int
    }

    /// What the search for the least whole extra money found.
    enum LeastMoney {
        /// The best plan found, and the least total the search proved every plan needs; the
        /// plan's money is the least when the two are equal.
        case found(FundedCandidate, bound: Int)
        /// No plan keeps the locks, deadlines and order whatever the money.
        case infeasible
        /// Time ran out before any plan was found.
        case noAnswer
    }

    /// The least whole extra money over the elastic model, the way a plan's least value is
    /// found: incumbents first (both greedy funded plans, then the neighbourhoods of the
    /// relaxation and of the best plan), then lp_solve's search with a cutoff that admits the
    /// best. Under `cost` the extra money belongs where work is cheapest, which neither lp_solve's
    /// depth-first search nor the due-date greedy finds on councils of a thousand units; the
    /// relaxation's bound, rounded up to a whole pound, is already the least on most of them.
    func leastMoney(_ elastic: OrganisationModel) -> LeastMoney {
        var best: FundedCandidate?
        func consider(_ counts: PlanCounts?) {
            guard let counts, counts.keepsRules(of: problem) else { return }
            let money = PlanMeasures(problem: problem, counts: counts).overspend(of: problem).money.reduce(0, +)
            if best == nil || money < best!.money { best = FundedCandidate(counts: counts, money: money) }
        }
        let due = GreedyPlanner(problem: dueByHorizon)
        consider(due.fundedPlan()?.counts)
        consider(due.cheapestFundedPlan())
        let least = minimising(elastic.extraMoney, in: elastic.model)
        var bound = 0
        if let relaxation = moneyRelaxation(least) {
            bound = wholeBound(relaxation.objectiveValue)
            if best.map({ $0.money > bound }) ?? true {
                consider(searchNeighbourhood(of: elastic, least, relaxation: relaxation, beating: best?.money))
            }
            // Each better plan moves the neighbourhood, so the search runs again from it.
            for _ in 0..<roundsAround {
                guard let current = best, current.money > bound,
                      let better = searchAround(current, of: elastic, least, relaxation: relaxation) else { break }
                consider(better)
                guard best!.money < current.money else { break }
            }
        }
        if let found = best, found.money <= bound { return .found(found, bound: found.money) }
        return branchAndBound(elastic, least, from: best, bound: bound)
    }

    /// lp_solve's search for a total below the best plan's, and what it proves.
    private func branchAndBound(_ elastic: OrganisationModel, _ least: LinearModel, from best: FundedCandidate?,
                                bound: Int) -> LeastMoney {
        var exact = wholeTotalParameters()
        exact.objectiveCutoff = best.map { Double($0.money) + 0.5 }
        guard let run = try? solver.solve(least, parameters: exact) else {
            return best.map { .found($0, bound: bound) } ?? .noAnswer
        }
        let proven = max(bound, run.termination == .optimal ? Int.max : wholeBound(run.bestBound))
        if run.hasSolution {
            let counts = elastic.counts(from: run)
            if counts.keepsRules(of: problem) {
                let money = PlanMeasures(problem: problem, counts: counts).overspend(of: problem).money.reduce(0, +)
                if best == nil || money < best!.money {
                    let found = FundedCandidate(counts: counts, money: money)
                    return .found(found, bound: min(proven, money))
                }
            }
        }
        guard let best else { return run.termination.provesNoBetterPoint ? .infeasible : .noAnswer }
        // Nothing below the cutoff, which admits the best plan: it is the least (lp_solve's
        // tolerances may have missed the plan itself).
        if run.termination.provesNoBetterPoint || run.termination == .optimal { return .found(best, bound: best.money) }
        return .found(best, bound: min(proven, best.money))
    }

    /// The elastic model with `variables`' sum (integer, ≥ 0) as the objective.
    func minimising(_ variables: [Variable], in model: LinearModel) -> LinearModel {
        var total = LinearExpression()
        for variable in variables { total.add(1, variable) }
        var least = model
        least.objective = LinearObjective(.minimize, total)
        return least
    }

    /// lp_solve's settings for a least whole total: gap 0, every total a whole number.
    func wholeTotalParameters(share: Double = 1) -> SolverParameters {
        var exact = parameters(gap: 0, share: share)
        exact.objectiveGranularity = 1
        return exact
    }

    /// A proven bound on a total of whole pounds (or hours), rounded up to the whole number it
    /// proves, less the solver's noise.
    func wholeBound(_ bound: Double?) -> Int {
        guard let bound, bound.isFinite, bound > 0 else { return 0 }
        return Int((bound - Tolerance.absolute(Tolerance.solver, near: bound)).rounded(.up))
    }

    private func moneyRelaxation(_ least: LinearModel) -> Solution? {
        var settings = parameters(gap: 0, share: 0.2)
        settings.objectiveGranularity = nil
        guard let relaxation = try? solver.solve(least.relaxed(), parameters: settings),
              relaxation.termination == .optimal, relaxation.objectiveValue != nil else { return nil }
        return relaxation
    }

    /// RENS on the elastic model: every count between the floor and the ceiling of its value in
    /// the relaxation, the extra money and hours free. Node-limited like the planning model's.
    private func searchNeighbourhood(of elastic: OrganisationModel, _ least: LinearModel, relaxation: Solution,
                                     beating money: Int?) -> PlanCounts? {
        guard let bounds = Neighbourhoods.relaxationEnforced(least, relaxed: relaxation.values) else { return nil }
        let extras = Set((elastic.extraMoney + elastic.extraHours).map(\.index))
        return searchWholeTotal(elastic, least.restricted(to: bounds.filter { !extras.contains($0.index) }), beating: money)
    }

    /// RINS on the elastic model: the decisions on which `best` and the relaxation agree fixed.
    private func searchAround(_ best: FundedCandidate, of elastic: OrganisationModel, _ least: LinearModel,
                              relaxation: Solution) -> PlanCounts? {
        guard let fixings = Neighbourhoods.relaxationInduced(
            least, reference: elastic.decisions(of: best.counts), relaxed: relaxation.values,
            leastFixedShare: Self.leastFixedShare) else { return nil }
        return searchWholeTotal(elastic, least.restricted(to: fixings), beating: best.money)
    }

    private func searchWholeTotal(_ elastic: OrganisationModel, _ restricted: LinearModel, beating money: Int?) -> PlanCounts? {
        var search = wholeTotalParameters(share: Self.neighbourhoodShare)
        search.nodeLimit = Self.neighbourhoodNodes
        search.objectiveCutoff = money.map { Double($0) - 0.5 }
        guard let found = try? solver.solve(restricted, parameters: search), found.hasSolution else { return nil }
        return elastic.counts(from: found)
    }
}
