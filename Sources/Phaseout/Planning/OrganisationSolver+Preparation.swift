import LinearProgramming
import LPSolve
import MixedIntegerSearch

extension OrganisationSolver {
    /// The LP relaxation's optimum after rounds of mixed-integer rounding cuts on the budget,
    /// labour and site capacity rows, with counts measured from their visits where the point is
    /// nearer to `x ≤ u·visit` than to their own bounds (a flow-cover-like cut on paid visits).
    /// The cuts stay in `model`: they hold for every whole plan, so they change no optimum, but
    /// they raise the bound that branch and bound starts from (by a third to a half of the gap to
    /// the optimum on the hard national councils).
    /// - Throws: ``RelaxationInfeasible`` when the LP relaxation (before any cut) has no point:
    ///   then neither has the model.
    func tightenedRelaxation(of model: inout OrganisationModel) throws(RelaxationInfeasible) -> Solution? {
        // The first LP may take all the organisation's time: its bound and its rounded plans
        // are worth more than anything else a short share buys. Each round of cuts gets a fifth.
        func solveRelaxation(share: Double = 0.2) -> Solution? {
            var relaxationParameters = parameters(gap: 0, share: share)
            relaxationParameters.objectiveGranularity = nil
            return try? solver.solve(model.model.relaxed(), parameters: relaxationParameters)
        }
        let first = solveRelaxation(share: 1)
        if first?.termination == .infeasible { throw RelaxationInfeasible() }
        guard var relaxation = first, relaxation.termination == .optimal, var value = relaxation.objectiveValue else { return nil }
        // No cuts for `cost`: with them lp_solve's depth-first search finds its plans later and
        // proves fewer organisations (see docs/how-it-plans.md).
        guard aggregate, problem.objective == .exposure, !hurried else { return relaxation }
        let rounding = MixedIntegerRounding()
        let rows = model.knapsackRows
        let upperBounds = MixedIntegerRounding.variableUpperBounds(in: model.model)
        let uncut = model
        let uncutRelaxation = relaxation
        var pool = CutPool()
        // A fixed number of rounds, never a clock: the same input must give the same model.
        for _ in 0..<Self.cutRounds {
            var fresh = 0
            for row in rows {
                guard let cut = rounding.cut(from: model.model.constraints[row.index], of: model.model, at: relaxation.values,
                                             variableUpperBounds: upperBounds),
                      pool.admit(cut) else { continue }
                model.addCut(cut, name: "mir[\(problem.name),\(pool.count - 1)]")
                fresh += 1
            }
            guard fresh > 0 else { break }
            guard let next = solveRelaxation(), next.termination == .optimal, let nextValue = next.objectiveValue else {
                // A round that does not solve (time, numerics) drops every cut: the model is
                // then the same whichever round failed.
                model = uncut
                return uncutRelaxation
            }
            relaxation = next
            let gain = nextValue - value
            value = nextValue
            if gain <= Tolerance.absolute(1e-6, near: value) { break }
        }
        return relaxation
    }

    /// Reduced-cost fixing: at the LP optimum z with reduced costs d, every plan has a value of at
    /// least z + Σ d·(x − x*), so an integer variable at its lower bound with d > 0 cannot exceed
    /// that bound by more than (incumbent − z)/d in any plan at least as good as the incumbent
    /// (and likewise down from an upper bound with d < 0). Plans equal to the incumbent are kept,
    /// so the secondary aim still sees them.
    func fixByReducedCosts(_ model: inout OrganisationModel, relaxation: Solution, incumbent: Double) {
        guard let reduced = relaxation.reducedCosts, let z = relaxation.objectiveValue,
              reduced.count == model.model.variables.count else { return }
        let variables = model.model.variables
        let integers = variables.indices.filter { variables[$0].isInteger }
        let tightenings = ReducedCostFixing.tightenings(
            integers: integers, point: relaxation.values, reducedCosts: reduced,
            bounds: { (variables[$0].lowerBound, variables[$0].upperBound) },
            value: z, room: incumbent - z + Tolerance.absolute(Tolerance.solver, near: z))
        for tightening in tightenings {
            model.restrict(model.model.variable(at: tightening.index), lower: tightening.lower, upper: tightening.upper)
        }
    }

    /// Relaxation-enforced neighbourhood search (RENS): branch and bound over the plans whose
    /// every count lies between the floor and the ceiling of its value in the relaxation (counts
    /// the relaxation already makes whole are fixed). The neighbourhood is small, so lp_solve
    /// searches it quickly, and it often holds a plan much better than the greedy one, which
    /// then prunes the full search. Limited by nodes, not time, so the same input gives the same plan.
    /// - Returns: a plan better than `value` (any plan when `value` is nil), or `nil`.
    func searchNeighbourhood(of model: OrganisationModel, relaxation: Solution, beating value: Double?) -> PlanCounts? {
        guard let bounds = Neighbourhoods.relaxationEnforced(model.model, relaxed: relaxation.values) else { return nil }
        var search = parameters(gap: relativeGap, share: Self.neighbourhoodShare)
        search.nodeLimit = Self.neighbourhoodNodes
        search.objectiveCutoff = value.map(cutoff(beating:))
        guard let found = try? solver.solve(model.model.restricted(to: bounds), parameters: search), found.hasSolution else { return nil }
        return model.counts(from: found)
    }

    /// Relaxation-induced neighbourhood search (RINS): branch and bound over the plans that
    /// agree with `plan` wherever `plan` agrees with the relaxation, with the other decisions
    /// free. Limited by nodes, like ``searchNeighbourhood(of:relaxation:beating:)``.
    /// - Returns: a plan better than `value`, or `nil`.
    func searchAround(_ plan: PlanCounts, of model: OrganisationModel, relaxation: Solution, beating value: Double) -> PlanCounts? {
        guard let fixings = Neighbourhoods.relaxationInduced(
            model.model, reference: model.decisions(of: plan), relaxed: relaxation.values, leastFixedShare: Self.leastFixedShare)
        else { return nil }
        var search = parameters(gap: relativeGap, share: Self.neighbourhoodShare)
        search.nodeLimit = Self.neighbourhoodNodes
        search.objectiveCutoff = cutoff(beating: value)
        guard let found = try? solver.solve(model.model.restricted(to: fixings), parameters: search), found.hasSolution else { return nil }
        return model.counts(from: found)
    }

    /// What branch and bound starts from.
    struct Preparation {
        /// The plan lp_solve must beat (passed as an objective cutoff), if any.
        var incumbent: (counts: PlanCounts, value: Double)?
        /// A bound that holds whatever lp_solve later says: the relaxation's optimum after the cuts.
        var bound: Double
        /// The model before the cuts and the fixing, when they changed it.
        var uncut: OrganisationModel?
        /// The LP relaxation has no point, so the model has none: no search is needed.
        var infeasible = false
    }

    /// The LP relaxation of a model has no point.
    struct RelaxationInfeasible: Error {}

    /// Cuts, an incumbent and reduced-cost fixing, before branch and bound. The incumbent is
    /// the best of the greedy plans (from scratch and from the relaxation rounded), `start`, the
    /// neighbourhood search's plan and the plans found around the best of them
    /// (``searchAround(_:of:relaxation:beating:)``). For `cost` only plans that replace every at-risk unit
    /// count: the greedy plans often do when money allows, and otherwise the neighbourhood search
    /// looks for any plan: lp_solve alone often finds none for large councils under `cost`.
    func prepare(_ model: inout OrganisationModel, start: PlanCounts?) -> Preparation {
        var prepared = Preparation(incumbent: nil, bound: trivialBound, uncut: nil)
        let funded = rulesOf(model)
        var seeds: [PlanCounts?] = [nil]
        let plain = model
        let relaxation: Solution?
        do {
            relaxation = try tightenedRelaxation(of: &model)
        } catch {
            // A model without a plan: the greedy plans cannot keep it either.
            prepared.infeasible = true
            return prepared
        }
        if let relaxation {
            if model.model.constraints.count > plain.model.constraints.count { prepared.uncut = plain }
            if let value = relaxation.objectiveValue, model.budgetOverride == nil, model.labourOverride == nil {
                prepared.bound = max(prepared.bound, roundedUp(value))
            }
            seeds.append(model.counts(from: relaxation, rounding: .down))
            seeds.append(model.counts(from: relaxation, rounding: .toNearestOrAwayFromZero))
        }
        func consider(_ plan: PlanCounts?) {
            guard let plan else { return }
            let measures = PlanMeasures(problem: funded, counts: plan)
            guard measures.keepsBudgets(of: funded), plan.keepsRules(of: funded), keepsLateCap(plan) else { return }
            let value = primaryValue(measures)
            if prepared.incumbent == nil || value < prepared.incumbent!.value - 1e-9 { prepared.incumbent = (plan, value) }
        }
        for seed in seeds { consider(GreedyPlanner(problem: funded, seed: seed).plan()) }
        // With treatments: a replace-only greedy plan that leaves `isolatedBy` to isolations,
        // then isolations as far as money allows (see ``IsolationFill``).
        if funded.hasTreatments, funded.objective == .exposure {
            for seed in seeds {
                guard let base = GreedyPlanner(problem: IsolationFill.baseProblem(funded), seed: seed).plan() else { continue }
                consider(IsolationFill(problem: funded).filling(base))
            }
        }
        consider(start)
        guard let relaxation else { return prepared }
        if hurried, prepared.incumbent != nil { return prepared }
        if let current = prepared.incumbent?.value {
            if current - prepared.bound > Self.neighbourhoodGap * abs(current) {
                consider(searchNeighbourhood(of: model, relaxation: relaxation, beating: current))
            }
        } else {
            consider(searchNeighbourhood(of: model, relaxation: relaxation, beating: nil))
        }
        // Each better plan moves the neighbourhood, so the search runs again from it.
        for _ in 0..<roundsAround {
            guard let current = prepared.incumbent, current.value - prepared.bound > relativeGap * abs(current.value),
                  let better = searchAround(current.counts, of: model, relaxation: relaxation, beating: current.value) else { break }
            consider(better)
            guard let now = prepared.incumbent?.value, now < current.value else { break }
        }
        if let incumbent = prepared.incumbent {
            if prepared.uncut == nil { prepared.uncut = plain }
            fixByReducedCosts(&model, relaxation: relaxation, incumbent: incumbent.value)
        }
        return prepared
    }
}
