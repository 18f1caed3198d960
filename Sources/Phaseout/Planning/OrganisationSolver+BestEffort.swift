import LinearProgramming
import LPSolve
import MixedIntegerSearch

extension OrganisationSolver {
    /// Plans with late risk-years above `cap` are not wanted (a best-effort plan's second stage).
    struct LateCap: Sendable {
        var late: LateRiskYears
        var cap: Double
    }

    /// An infeasible organisation's best-effort plan (SPEC §2.5) and what it proves.
    struct BestEffort {
        var counts: PlanCounts
        /// L of the plan, and the proven bound on the least L.
        var lateRiskYears: Double
        var lateBound: Double
        /// The primary value of the plan and its proven bound among plans with no more L.
        var value: Double
        var bound: Double

        /// Makes this the plan of an infeasible organisation's outcome, with its measures and bounds.
        func adopt(into outcome: inout OrganisationOutcome) {
            outcome.counts = counts
            outcome.value = value
            outcome.bound = bound
            outcome.lateRiskYears = lateRiskYears
            outcome.lateRiskYearsBound = lateBound
        }
    }

    /// Gives an infeasible `outcome` its best-effort plan, measures and bound; without one (locks
    /// or ordering that no plan keeps), the untouched plan's L.
    func planBestEffort(_ outcome: inout OrganisationOutcome) {
        let untouched = PlanCounts(problem: problem)
        outcome.lateRiskYears = LateRiskYears(problem).value(of: untouched, in: problem)
        outcome.lateRiskYearsBound = outcome.lateRiskYears
        guard let effort = bestEffort() else {
            outcome.untouchedReason = hurried
                ? "no plan keeping its locks and recorders-first order within its budgets and labour was found in the time"
                : "no plan keeps its locks and recorders-first order within its budgets and labour, even with every deadline dropped"
            return
        }
        effort.adopt(into: &outcome)
    }

    /// The best-effort plan of an organisation no plan can keep the deadlines of: within its own
    /// budgets and labour, keeping locks and ordering, the least late risk-years L (to the gap),
    /// then the least primary value among plans with no more L, then the secondary aim. `nil`
    /// when locks or ordering cannot be kept even with every deadline dropped.
    ///
    /// - Parameter earlier: an earlier attempt's best-effort plan (the planner's first round):
    ///   the least-L search must beat its L (and is skipped when that L is proven), and the second
    ///   stage starts from it.
    func bestEffort(improving earlier: BestEffort? = nil) -> BestEffort? {
        let relaxed = problem.withoutDeadlines
        guard structuralConflict(relaxed) == nil else { return nil }
        let late = LateRiskYears(relaxed)
        var stage = self
        stage.problem = relaxed
        stage.startingPlan = nil
        var known = earlier.map { (counts: $0.counts, value: $0.lateRiskYears, bound: $0.lateBound) }
        let proven = known.map { $0.value - $0.bound <= stage.latticeSlack(near: $0.value) } ?? false
        if !proven, let dueFirst = stage.lessLate(dueWorkFirst(relaxed), than: known.map { ($0.counts, $0.value) }, late) {
            known = (dueFirst.counts, dueFirst.value, known?.bound ?? 0)
        }
        guard let least = proven ? known : stage.leastLate(late, incumbent: known) else { return nil }
        stage.lateCap = LateCap(late: late, cap: least.value + stage.latticeSlack(near: least.value))
        var model = OrganisationModel(problem: relaxed, aggregate: aggregate, strengthen: aggregate,
                                      visitsFirst: primarySearch == .bestFirst)
        model.addCap(late.expression(in: model), stage.lateCap!.cap, name: "lateCap[\(problem.name)]")
        // The earlier plan starts the second stage when it has the least L found.
        let sameLate = earlier.map { abs($0.lateRiskYears - least.value) <= stage.latticeSlack(near: least.value) } ?? false
        let start = sameLate ? earlier!.counts : least.counts
        let earlierBound = sameLate ? earlier?.bound : nil
        guard !hurried else {
            return stage.measured(least.counts, late: late, lateBound: least.bound, bound: stage.relaxationBound(of: model) ?? earlierBound)
        }
        switch stage.optimise(&model, start: start, search: primarySearch) {
        case .planned(let counts, let bound, _):
            return stage.measured(counts, late: late, lateBound: least.bound, bound: bound)
        case .noPlan(let bound?):
            return stage.measured(start, late: late, lateBound: least.bound, bound: max(bound, earlierBound ?? bound))
        case .noPlan(nil), .infeasible:
            return stage.measured(start, late: late, lateBound: least.bound, bound: stage.relaxationBound(of: model) ?? earlierBound)
        }
    }

    /// The LP relaxation's optimum of the primary value over `model` (its rows and the cap on L):
    /// a bound for a best-effort plan whose second stage did not run or found nothing, far
    /// stronger than the trivial one (everything gone in the first period).
    func relaxationBound(of model: OrganisationModel) -> Double? {
        var relaxation = model
        relaxation.setObjective(.minimize, problem.objective == .exposure ? model.exposure : model.presentValue)
        relaxation.relax()
        var settings = parameters(gap: 0, share: 0.2)
        settings.objectiveGranularity = nil
        guard let run = try? solver.solve(relaxation.model, parameters: settings), run.termination == .optimal else { return nil }
        return run.objectiveValue
    }

    /// The planner's second round for an infeasible organisation: its best-effort plan searched
    /// again from the first round's, with the time that is left (``Planner/Round/second``). The
    /// shortfall and funded plan stay the first round's.
    func improvingBestEffort(of outcome: OrganisationOutcome) -> OrganisationOutcome {
        guard outcome.status == .infeasible, outcome.untouchedReason == nil else { return outcome }
        let earlier = BestEffort(counts: outcome.counts, lateRiskYears: outcome.lateRiskYears,
                                 lateBound: outcome.lateRiskYearsBound, value: outcome.value, bound: outcome.bound)
        guard let effort = bestEffort(improving: earlier) else { return outcome }
        var improved = outcome
        effort.adopt(into: &improved)
        if problem.hasTreatments { followReadingRule(&improved) }
        return improved
    }

    /// The plan with the least L that the search finds, its L and the proven bound on the least.
    /// The best plan found before the search (greedy, Lagrangian, LP-guided) is its incumbent.
    private func leastLate(_ late: LateRiskYears, incumbent: (counts: PlanCounts, value: Double, bound: Double)? = nil)
        -> (counts: PlanCounts, value: Double, bound: Double)? {
        var best = lessLate(GreedyPlanner(problem: problem).plan(), than: nil, late).map { (counts: $0.counts, value: $0.value, bound: 0.0) }
        if let incumbent, best == nil || incumbent.value < best!.value { best = incumbent }
        var knownLateBound = incumbent?.bound ?? 0
        func adopt(_ candidate: Incumbent?) {
            guard let candidate, best.map({ candidate.value < $0.value - latticeSlack(near: candidate.value) }) ?? true else { return }
            best = (candidate.counts, candidate.value, 0)
        }
        let relaxed = relaxationLate(late, improving: best.map { ($0.counts, $0.value) })
        knownLateBound = max(knownLateBound, relaxed.bound)
        adopt(relaxed.best)
        if hurried { return best.map { ($0.counts, $0.value, min(max($0.bound, knownLateBound), $0.value)) } }
        var model = OrganisationModel(problem: problem, aggregate: aggregate, strengthen: aggregate,
                                      visitsFirst: true)
        model.setObjective(.minimize, late.expression(in: model))
        if let guided = lateGuidedPlans(model, late: late, improving: best.map { ($0.counts, $0.value) }) {
            knownLateBound = max(knownLateBound, guided.bound)
            adopt(guided.best)
        }
        var search = parameters(gap: relativeGap, share: Self.leastLateShare)
        search.objectiveGranularity = problem.exposureGranularity
        // The best-first search in both rounds, on the model that branches on visits first: its
        // bound rises as it goes, and its searches around the incumbent find plans of less L
        // that lp_solve's depth-first search, from the incumbent's cutoff, did not (Calderdale
        // of the `--treatments` national 100k, 10 s alone: L 72 against 424).
        let searcher = BestFirstSolver(backend: LPSolveSolver())
        if let best {
            search.objectiveCutoff = best.value - latticeSlack(near: best.value)
            search.incumbentValue = best.value
            search.incumbentPoint = model.decisions(of: best.counts)
        }
        guard let run = try? searcher.solve(model.model, parameters: search) else { return best }
        if run.hasSolution { adopt(lessLate(model.counts(from: run), than: best.map { ($0.counts, $0.value) }, late)) }
        guard var found = best else { return nil }
        // A search that ends optimal, or finds nothing below a cutoff that admits the incumbent,
        // proves the least L (to the gap); otherwise only its root bound is known.
        let proven = run.termination == .optimal || run.termination.provesNoBetterPoint
        found.bound = min(max(run.bestBound ?? (proven ? found.value : 0), knownLateBound, 0), found.value)
        return found
    }

    /// The Lagrangian relaxation of least L (``LagrangianRelaxation/leastLate(_:)``): its bound on
    /// L, and the best of `start` and the greedy plans following its choices. A fixed number of
    /// steps, milliseconds even for the largest councils, so that organisations too large for the
    /// LP (or started after the solve deadline) get a plan shaped by the rules L counts from, not
    /// only the greedy plan, which ignores them (Derbyshire of the generated 1M estate: L 1,952
    /// before, 544 against a bound of 538.5 with it).
    private func relaxationLate(_ late: LateRiskYears, improving start: Incumbent?) -> (bound: Double, best: Incumbent?) {
        // Forty steps are sensitive to the Polyak target: aimed at the incumbent's L and without
        // one, the better of the two.
        let relaxation = LagrangianRelaxation.leastLate(problem)
        var best = start, bound = 0.0
        for target in [start?.value, nil] {
            let result = relaxation.maximise(target: target, iterations: Self.quickBoundIterations, deadline: .now + .seconds(3_600))
            guard !result.infeasible else { return (0, start) }
            bound = max(bound, result.bound)
            best = lessLate(GreedyPlanner(problem: problem, seed: result.seed).plan(), than: best, late) ?? best
            if problem.hasTreatments { best = lessLate(IsolationFill(problem: problem).following(result.seed), than: best, late) ?? best }
            if start == nil { break }
        }
        return (bound, best)
    }

    /// A plan within the budgets that does the due work first: the greedy's plan of the work
    /// falling due, earliest deadline first, which overspends where money runs short
    /// (``GreedyPlanner/fundedPlan()``), followed by the greedy without deadlines as far as the
    /// money allows. L counts from the deadlines, so this plan's L is often far below that of
    /// the greedy plan without deadlines.
    private func dueWorkFirst(_ relaxed: OrganisationProblem) -> PlanCounts? {
        guard let due = GreedyPlanner(problem: dueByHorizon).fundedPlan() else { return nil }
        return GreedyPlanner(problem: relaxed, seed: due.counts).plan()
    }

    /// `plan` with its L, when it keeps every rule and budget and has less L than `best` (or
    /// there is none).
    private func lessLate(_ plan: PlanCounts?, than best: Incumbent?, _ late: LateRiskYears) -> Incumbent? {
        guard let plan, plan.keepsEverything(of: problem) else { return nil }
        let value = late.value(of: plan, in: problem)
        guard best.map({ value < $0.value - latticeSlack(near: value) }) ?? true else { return nil }
        return (plan, value)
    }

    /// The LP relaxation of least L over `model` (whose objective is L), its optimum (a bound on
    /// the least L), and the best of `start`, the plans the greedy makes following the LP and the
    /// plans the neighbourhood searches find near it. The greedy alone ignores the rules L counts
    /// from, and its plan is often many times the least L (592 against 69 on a council of 1,540
    /// units with treatments), which leaves lp_solve's search little to prune; following the LP
    /// gave 344 there, and the searches around that plan 176.
    private func lateGuidedPlans(_ model: OrganisationModel, late: LateRiskYears, improving start: Incumbent?)
        -> (bound: Double, best: Incumbent?)? {
        var settings = parameters(gap: 0, share: Self.leastLateShare)
        settings.objectiveGranularity = nil
        guard let run = try? solver.solve(model.model.relaxed(), parameters: settings), run.termination == .optimal,
              let bound = run.objectiveValue else { return nil }
        var best = start
        func consider(_ plan: PlanCounts?) -> Bool {
            guard let better = lessLate(plan, than: best, late) else { return false }
            best = better
            return true
        }
        let guide = model.counts(from: run)
        _ = consider(GreedyPlanner(problem: problem, seed: guide).plan())
        if problem.hasTreatments { _ = consider(IsolationFill(problem: problem).following(guide)) }
        // As in ``prepare(_:start:)``: the neighbourhood only far from the bound, the searches
        // around the best plan while it is not proven.
        if best.map({ $0.value - bound > Self.neighbourhoodGap * abs($0.value) }) ?? true {
            _ = consider(searchNeighbourhood(of: model, relaxation: run, beating: best?.value))
        }
        for _ in 0..<roundsAround {
            guard let current = best, current.value - bound > relativeGap * abs(current.value),
                  consider(searchAround(current.counts, of: model, relaxation: run, beating: current.value)) else { break }
        }
        return (bound, best)
    }

    /// How far above an L of `value` a plan still counts as having that L: less than half a
    /// lattice step (every L is a multiple of it), or float noise without a lattice.
    func latticeSlack(near value: Double) -> Double {
        problem.exposureGranularity.map { $0 * 0.25 } ?? Tolerance.absolute(Tolerance.solver, near: value)
    }

    /// Whether a plan keeps the best-effort cap on L, when there is one.
    func keepsLateCap(_ plan: PlanCounts) -> Bool {
        guard let lateCap else { return true }
        return lateCap.late.value(of: plan, in: problem) <= lateCap.cap
    }

    /// A best-effort answer for `counts`: its measures, with `bound` (or the trivial one).
    private func measured(_ counts: PlanCounts, late: LateRiskYears, lateBound: Double, bound: Double?) -> BestEffort {
        let value = primaryValue(PlanMeasures(problem: problem, counts: counts))
        return BestEffort(counts: counts, lateRiskYears: late.value(of: counts, in: problem), lateBound: lateBound,
                          value: value, bound: min(bound.map(roundedUp) ?? trivialBound, value))
    }

    /// The least-L search's share of the organisation's time; the second stage gets the rest.
    static let leastLateShare = 0.4
}
