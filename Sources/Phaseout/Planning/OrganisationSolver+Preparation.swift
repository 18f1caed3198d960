import LinearProgramming
import LPSolve
import MixedIntegerSearch

extension OrganisationSolver {
    /// The LP relaxation's optimum. It may take all the organisation's time: its bound and its
    /// rounded plans are worth more than anything else a short share buys.
    /// - Throws: ``RelaxationInfeasible`` when it has no point: then neither has the model.
    func firstRelaxation(of model: OrganisationModel) throws(RelaxationInfeasible) -> Solution? {
        let first = solveRelaxation(of: model, share: 1)
        if first?.termination == .infeasible { throw RelaxationInfeasible() }
        guard let first, first.termination == .optimal, first.objectiveValue != nil else { return nil }
        return first
    }

    private func solveRelaxation(of model: OrganisationModel, share: Double) -> Solution? {
        var relaxationParameters = parameters(gap: 0, share: share)
        relaxationParameters.objectiveGranularity = nil
        return try? solver.solve(model.model.relaxed(), parameters: relaxationParameters)
    }

    /// `relaxation` (the LP optimum of `model`) after rounds of mixed-integer rounding cuts on the
    /// budget, labour and site capacity rows, with counts measured from their visits where the
    /// point is nearer to `x ≤ u·visit` than to their own bounds (a flow-cover-like cut on paid
    /// visits), and Gomory mixed-integer cuts from the LP's tableau; each round gets a fifth of
    /// the time left. The rounding cuts stay in `model`: they hold for every whole plan, so they
    /// change no optimum, but they raise the bound that branch and bound starts from (by a third
    /// to a half of the gap to the optimum on the hard national councils). The Gomory cuts raise
    /// the returned relaxation's bound and sharpen its reduced costs, but stay out of `model`:
    /// lp_solve's depth-first search on their dense rows proved fewer councils.
    func tightened(_ relaxation: Solution, of model: inout OrganisationModel) -> Solution {
        // No cuts for `cost`: with them lp_solve's depth-first search finds its plans later and
        // proves fewer organisations (see docs/how-it-plans.md).
        guard aggregate, problem.objective == .exposure, !hurried, var value = relaxation.objectiveValue else { return relaxation }
        var relaxation = relaxation
        let rounding = MixedIntegerRounding()
        let gomory = GomoryMixedInteger()
        let rows = model.knapsackRows
        let upperBounds = MixedIntegerRounding.variableUpperBounds(in: model.model)
        let uncut = model
        let uncutRelaxation = relaxation
        var pool = CutPool()
        // The model with the Gomory cuts as well, whose relaxation alone is solved.
        var bounding = model
        // A fixed number of rounds, never a clock: the same input must give the same model.
        for _ in 0..<Self.cutRounds {
            var fresh = 0
            let solved = bounding.model
            for row in rows {
                guard let cut = rounding.cut(from: solved.constraints[row.index], of: solved, at: relaxation.values,
                                             variableUpperBounds: upperBounds),
                      pool.admit(cut) else { continue }
                let name = "mir[\(problem.name),\(pool.count - 1)]"
                model.addCut(cut, name: name)
                bounding.addCut(cut, name: name)
                fresh += 1
            }
            if gomoryCuts, let basis = relaxation.basis {
                for cut in gomory.cuts(for: solved, values: relaxation.values, basis: basis) where pool.admit(cut) {
                    bounding.addCut(cut, name: "gmi[\(problem.name),\(pool.count - 1)]")
                    fresh += 1
                }
            }
            guard fresh > 0 else { break }
            guard let next = solveRelaxation(of: bounding, share: 0.2), next.termination == .optimal,
                  let nextValue = next.objectiveValue else {
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
    ///
    /// With isolation or removal open, the searches for a plan come before the cuts. The greedy
    /// plans only replace, with isolations added after, while the LP isolates first and replaces
    /// later; even the one following the LP (``IsolationFill/following(_:)``) is often several per
    /// cent above it. The neighbourhood searches find plans nearer the LP's, and a short share
    /// must not spend itself first on cuts, which raise these bounds little.
    func prepare(_ model: inout OrganisationModel, start: PlanCounts?) -> Preparation {
        var prepared = Preparation(incumbent: nil, bound: trivialBound, uncut: nil)
        let plain = model
        var relaxation: Solution?
        do {
            relaxation = try firstRelaxation(of: model)
        } catch {
            // A model without a plan: the greedy plans cannot keep it either.
            prepared.infeasible = true
            return prepared
        }
        let searchFirst = problem.hasTreatments
        if let first = relaxation, !searchFirst { relaxation = tightened(first, of: &model) }
        if let relaxation { admitBound(of: relaxation, model: model, to: &prepared) }
        considerGreedyPlans(model, relaxation: relaxation, start: start, into: &prepared)
        guard var relaxation else { return prepared }
        if hurried, prepared.incumbent != nil { return prepared }
        searchNeighbourhoods(model, relaxation: relaxation, into: &prepared)
        if searchFirst {
            relaxation = tightened(relaxation, of: &model)
            admitBound(of: relaxation, model: model, to: &prepared)
        }
        if model.model.constraints.count > plain.model.constraints.count { prepared.uncut = plain }
        if let incumbent = prepared.incumbent {
            if prepared.uncut == nil { prepared.uncut = plain }
            fixByReducedCosts(&model, relaxation: relaxation, incumbent: incumbent.value)
        }
        return prepared
    }

    /// Raises `prepared`'s bound to the relaxation's optimum (not for a funded re-plan's model,
    /// whose budgets are not the organisation's).
    private func admitBound(of relaxation: Solution, model: OrganisationModel, to prepared: inout Preparation) {
        guard let value = relaxation.objectiveValue, model.budgetOverride == nil, model.labourOverride == nil else { return }
        prepared.bound = max(prepared.bound, roundedUp(value))
    }

    /// Keeps `plan` as the incumbent when it keeps the model's rules and budgets (and the cap on
    /// L) and beats the incumbent.
    private func consider(_ plan: PlanCounts?, model: OrganisationModel, in prepared: inout Preparation) {
        guard let plan else { return }
        let funded = rulesOf(model)
        let measures = PlanMeasures(problem: funded, counts: plan)
        guard measures.keepsBudgets(of: funded), plan.keepsRules(of: funded), keepsLateCap(plan) else { return }
        let value = primaryValue(measures)
        if prepared.incumbent == nil || value < prepared.incumbent!.value - 1e-9 { prepared.incumbent = (plan, value) }
    }

    /// The greedy plans, from scratch and from the relaxation rounded (down and to nearest), with
    /// whole and cut bundles, and `start`.
    private func considerGreedyPlans(_ model: OrganisationModel, relaxation: Solution?, start: PlanCounts?,
                                     into prepared: inout Preparation) {
        let funded = rulesOf(model)
        var seeds: [PlanCounts?] = [nil]
        if let relaxation {
            seeds.append(model.counts(from: relaxation, rounding: .down))
            seeds.append(model.counts(from: relaxation, rounding: .toNearestOrAwayFromZero))
        }
        for seed in seeds {
            for cuts in [false, true] { consider(GreedyPlanner(problem: funded, seed: seed, cutsBundles: cuts).plan(), model: model, in: &prepared) }
        }
        // With treatments: a replace-only greedy plan that leaves `isolatedBy` to isolations,
        // then isolations as far as money allows (see ``IsolationFill``).
        if funded.hasTreatments, funded.objective == .exposure {
            for seed in seeds {
                guard let base = GreedyPlanner(problem: IsolationFill.baseProblem(funded), seed: seed).plan() else { continue }
                consider(IsolationFill(problem: funded).filling(base), model: model, in: &prepared)
            }
            if let relaxation { consider(IsolationFill(problem: funded).following(model.counts(from: relaxation)), model: model, in: &prepared) }
        }
        consider(start, model: model, in: &prepared)
    }

    /// The neighbourhood search (when the incumbent is far from the bound, or there is none),
    /// then the searches around each better incumbent.
    private func searchNeighbourhoods(_ model: OrganisationModel, relaxation: Solution, into prepared: inout Preparation) {
        if let current = prepared.incumbent?.value {
            if current - prepared.bound > Self.neighbourhoodGap * abs(current) {
                consider(searchNeighbourhood(of: model, relaxation: relaxation, beating: current), model: model, in: &prepared)
            }
        } else {
            consider(searchNeighbourhood(of: model, relaxation: relaxation, beating: nil), model: model, in: &prepared)
        }
        // Each better plan moves the neighbourhood, so the search runs again from it.
        for _ in 0..<roundsAround {
            guard let current = prepared.incumbent, current.value - prepared.bound > relativeGap * abs(current.value),
                  let better = searchAround(current.counts, of: model, relaxation: relaxation, beating: current.value) else { break }
            consider(better, model: model, in: &prepared)
            guard let now = prepared.incumbent?.value, now < current.value else { break }
        }
    }
}
