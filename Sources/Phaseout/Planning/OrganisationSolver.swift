import LinearProgramming

/// Solves one organisation: the plan (primary objective, then the secondary aim), or, when
/// no plan exists, the least shortfall and the plan it would buy.
struct OrganisationSolver {
    let problem: OrganisationProblem
    var relativeGap: Double
    var deadline: ContinuousClock.Instant
    /// A later deadline the organisation may run on to, when the caller has time to lend (the
    /// planner's second round, once no organisation waits to start), or `nil`. Asked when work
    /// is shared out, and by the best-first search when it reaches its limit.
    var extendedDeadline: (@Sendable () -> ContinuousClock.Instant?)?
    var aggregate = true
    var solver: any LinearSolver = LPSolveSolver()
    var cancellation: CancellationFlag?
    var monolithicLimit = PlanOptions.defaultMonolithicLimit
    /// lp_solve's branching direction. A second attempt uses another one: a different search
    /// proves some organisations the first cannot.
    var branching: Branching = .floor
    /// Called with (plan value, proven bound) when a long solve improves, for progress.
    var onImprovement: (@Sendable (Double, Double?) -> Void)?
    /// A plan from an earlier attempt (the planner's first round), tried as the incumbent.
    var startingPlan: PlanCounts?
    /// Rounds of the search around the incumbent (``searchAround(_:of:relaxation:beating:)``)
    /// before branch and bound; 0 turns it off.
    var roundsAround = OrganisationSolver.aroundRounds
    /// Set when the organisation starts after the run's solve deadline: only what a plan and a
    /// bound need runs (the greedy plans and the LP relaxation, no cuts, no neighbourhood
    /// searches, no branch and bound once a plan is in hand, the greedy shortfall), so that an
    /// estate too large for its time limit overruns it by little. Each lp_solve call takes some
    /// 50 ms however short its limit: national 100k with `--time-limit 3` ran 12.5 s without this.
    var hurried = false
    /// The branch and bound of the primary objective (see ``PrimarySearch``).
    var primarySearch: PrimarySearch = .depthFirst

    /// Which branch and bound proves the primary objective.
    enum PrimarySearch {
        /// lp_solve's own (``solver``): depth first, fast on the models it finishes (most
        /// councils, in well under a second), but it proves no bound beyond the root until then.
        case depthFirst
        /// ``BestFirstSolver`` on lp_solve's LP: always expands the weakest open node, so its
        /// bound rises as it goes, and it probes before it branches. Slower per node; the
        /// planner's second round uses it on the organisations the first left open.
        case bestFirst
    }

    func solve() -> OrganisationOutcome {
        let started = ContinuousClock.now
        var outcome = solveWithinBudgets()
        outcome.solveSeconds = (ContinuousClock.now - started).seconds
        return outcome
    }

    private func solveWithinBudgets() -> OrganisationOutcome {
        let nothing = PlanCounts(problem: problem)
        let baseline = PlanMeasures(problem: problem, counts: nothing)
        let baselineValue = primaryValue(baseline)

        if let reason = structuralConflict(problem) {
            return OrganisationOutcome(
                status: .infeasible, counts: nothing, value: baselineValue, bound: baselineValue,
                shortfall: Shortfall(money: zeros, hours: zeros, structuralReason: reason))
        }

        if problem.decisionCount > monolithicLimit {
            return solveByDecomposition(baselineValue: baselineValue)
        }
        var model = OrganisationModel(problem: problem, aggregate: aggregate, strengthen: aggregate,
                                      visitsFirst: primarySearch == .bestFirst)
        let attempt = optimise(&model, start: startingPlan)
        var outcome = OrganisationOutcome(status: .unknown, counts: nothing, value: baselineValue,
                                          bound: trivialBound)
        outcome.modelRows = model.model.constraints.count
        outcome.modelColumns = model.model.variables.count
        outcome.modelNonzeros = model.model.nonzeroCount
        switch attempt {
        case .planned(let counts, let bound, _):
            outcome.counts = counts
            outcome.value = primaryValue(PlanMeasures(problem: problem, counts: counts))
            // Every plan's exposure is on the lattice, so is the best one: a bound a hair under
            // a lattice point (the cuts' safety margins, the solver's arithmetic) is that point.
            outcome.bound = min(roundedUp(bound), outcome.value)
            // A bound within float noise of the value (the solver's own arithmetic) is the value.
            if outcome.value - outcome.bound <= 1e-9 * max(1, abs(outcome.value)) { outcome.bound = outcome.value }
            // Optimal means proven within the gap of a valid bound, however the bound was found.
            outcome.status = outcome.gap <= relativeGap * (1 + 1e-9) ? .optimal : .feasible
        case .infeasible:
            outcome.status = .infeasible
            outcome.bound = baselineValue
            let (shortfall, funded) = findShortfall()
            outcome.shortfall = shortfall
            outcome.fundedCounts = funded
        case .noPlan(let bound):
            outcome.status = .unknown
            if let bound { outcome.bound = min(bound, baselineValue) }
        }
        return outcome
    }

    private var zeros: [Int] { [Int](repeating: 0, count: problem.periodCount) }


    /// The decomposition path for very large organisations: a greedy plan, the Lagrangian
    /// bound from pricing the money and labour rows (exact per-site subproblems), and a
    /// greedy repair of the sites' choices at the best prices. A shortfall found here suffices
    /// but is not proven the least (``fundedByGreedy()``).
    private func solveByDecomposition(baselineValue: Double) -> OrganisationOutcome {
        let nothing = PlanCounts(problem: problem)
        var outcome = OrganisationOutcome(status: .unknown, counts: nothing, value: baselineValue, bound: trivialBound)
        var incumbent: (counts: PlanCounts, value: Double)?
        func consider(_ counts: PlanCounts?) {
            guard let counts, counts.keepsRules(of: problem),
                  PlanMeasures(problem: problem, counts: counts).keepsBudgets(of: problem) else { return }
            let value = primaryValue(PlanMeasures(problem: problem, counts: counts))
            if incumbent == nil || value < incumbent!.value { incumbent = (counts, value) }
        }
        let due = dueByHorizon
        consider(GreedyPlanner(problem: due).plan())
        let now = ContinuousClock.now
        let relaxation = LagrangianRelaxation(problem: problem)
        let plannedValue = incumbent?.value
        let report = onImprovement
        let result = relaxation.maximise(
            target: incumbent?.value, iterations: 500, deadline: now + (deadline - now) * 0.85,
            progress: { bound in if let report, let plannedValue { report(plannedValue, bound) } })
        consider(GreedyPlanner(problem: due, seed: result.seed).plan())
        consider(GreedyPlanner(problem: due, prices: result.prices).plan())
        let bound = roundedUp(result.bound)
        outcome.modelColumns = problem.decisionCount
        if result.infeasible || bound > baselineValue + 1e-6 * max(1, baselineValue) && problem.objective == .exposure {
            // No plan can exist: every plan's exposure is at most the baseline.
            outcome.status = .infeasible
            outcome.bound = baselineValue
            if !result.infeasible, let funded = fundedByGreedy(because:
                "this organisation (\(problem.decisionCount) decisions) is too large for the exact shortfall model") {
                outcome.shortfall = funded.shortfall
                outcome.fundedCounts = funded.counts
            } else {
                outcome.shortfall = Shortfall(money: zeros, hours: zeros, structuralReason: result.infeasible
                    ? "a site's deadlines, locks and recorders-first rule contradict each other"
                    : "no plan meets its deadlines within its budgets; this organisation is too large for the exact shortfall "
                      + "model and the greedy plan found no amount that suffices, so none is reported (not proven structural)")
            }
            return outcome
        }
        guard let incumbent else {
            outcome.bound = min(bound, baselineValue)
            return outcome
        }
        outcome.counts = incumbent.counts
        outcome.value = incumbent.value
        outcome.bound = min(bound, incumbent.value)
        outcome.status = outcome.gap <= relativeGap * (1 + 1e-9) ? .optimal : .feasible
        return outcome
    }

    /// A shortfall when the exact elastic model cannot give one (an organisation too large for
    /// it, or a search the time limit cut): the greedy plan that does all due work when it falls
    /// due (under `cost`, everything by the last period), and the money and hours it overspends
    /// per period. The funded plan is checked against the raised budgets before it is returned,
    /// so the amounts suffice; they are not proven the least, and the caveat says so and why.
    private func fundedByGreedy(because reason: String) -> (shortfall: Shortfall, counts: PlanCounts)? {
        let mandatory = dueByHorizon
        guard let found = GreedyPlanner(problem: mandatory).fundedPlan() else { return nil }
        let funded = problem.funded(money: found.money, hours: found.hours)
        guard found.counts.keepsEverything(of: funded) else { return nil }
        // The plan the money buys: the full greedy with the raised budgets, or the due work alone.
        var counts = found.counts
        if let full = GreedyPlanner(problem: mandatory.funded(money: found.money, hours: found.hours)).plan(),
           full.keepsEverything(of: funded) {
            counts = full
        }
        let shortfall = Shortfall(
            money: found.money, hours: problem.labourHours == nil ? zeros : found.hours, structuralReason: nil,
            caveat: "sufficient, not proven the least: \(reason), so this is what a greedy plan doing all due work on time overspends")
        return (shortfall, counts)
    }

    /// The problem as the greedy must see it: under `cost` every at-risk unit is due by the last
    /// period (SPEC §2.4), so the greedy plans all of them, earliest deadline first.
    private var dueByHorizon: OrganisationProblem {
        guard problem.objective == .cost else { return problem }
        var due = problem
        for s in due.sites.indices {
            for g in due.sites[s].groups.indices {
                let group = due.sites[s].groups[g]
                if group.atRisk, group.locked == nil, group.deadline == nil { due.sites[s].groups[g].deadline = problem.periodCount - 1 }
            }
        }
        return due
    }

    /// `value` rounded up to the exposure lattice (a bound on the organisation's exposure).
    /// Solver noise (a hair either side of a lattice point) never moves it to the next point up:
    /// the value is first lowered by a millionth of itself, at most a thousandth of a step.
    private func roundedUp(_ value: Double) -> Double {
        guard let step = problem.exposureGranularity, problem.objective == .exposure else { return value }
        let noise = min(1e-6 * max(1, abs(value)), 1e-3 * step)
        return ((value - noise) / step).rounded(.up) * step
    }

    /// A bound no plan can beat: exposure with everything replaced in the first period, or no spend.
    private var trivialBound: Double {
        switch problem.objective {
        case .exposure: return problem.baselineExposure * 0.5 / Double(problem.periodCount)
        case .cost: return 0
        }
    }

    private func primaryValue(_ measures: PlanMeasures) -> Double {
        problem.objective == .exposure ? measures.exposure : measures.presentValue
    }

    private func secondaryValue(_ measures: PlanMeasures) -> Double {
        problem.objective == .exposure ? measures.nominal : measures.exposure
    }

    private enum Attempt {
        case planned(PlanCounts, bound: Double, proven: Bool)
        case infeasible
        case noPlan(bound: Double?)
    }

    private func parameters(gap: Double, absoluteGap: Double = 1e-9, share: Double = 1) -> SolverParameters {
        var parameters = SolverParameters()
        parameters.objectiveGranularity = lattice
        parameters.relativeGap = gap
        parameters.absoluteGap = absoluteGap
        parameters.branching = branching
        parameters.cancellation = cancellation
        let now = ContinuousClock.now
        parameters.timeLimit = max((currentDeadline - now) * share, .milliseconds(50))
        if let extendedDeadline {
            // The same share of the longer time, counted from the same start.
            parameters.extendedDeadline = { extendedDeadline().map { later in now + (later - now) * share } }
        }
        return parameters
    }

    /// The organisation's deadline, moved on if the caller now lends more time.
    private var currentDeadline: ContinuousClock.Instant {
        max(deadline, extendedDeadline?() ?? deadline)
    }

    /// The LP relaxation's optimum after rounds of mixed-integer rounding cuts on the budget,
    /// labour and site capacity rows, with counts measured from their visits where the point is
    /// nearer to `x ≤ u·visit` than to their own bounds (a flow-cover-like cut on paid visits).
    /// The cuts stay in `model`: they hold for every whole plan, so they change no optimum, but
    /// they raise the bound that branch and bound starts from (by a third to a half of the gap to
    /// the optimum on the hard national councils).
    private func tightenedRelaxation(of model: inout OrganisationModel) -> Solution? {
        func solveRelaxation() -> Solution? {
            var relaxationParameters = parameters(gap: 0, share: 0.2)
            relaxationParameters.objectiveGranularity = nil
            return try? solver.solve(model.model.relaxed(), parameters: relaxationParameters)
        }
        guard var relaxation = solveRelaxation(),
              relaxation.termination == .optimal, var value = relaxation.objectiveValue else { return nil }
        // No cuts for `cost`: on the Scottish example under `cost` they cost two proofs (Angus,
        // North Lanarkshire: lp_solve's depth-first search then finds its plans later).
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
            if gain <= 1e-6 * max(1, abs(value)) { break }
        }
        return relaxation
    }

    /// The primary objective's share of the organisation's time; the secondary aim, which only
    /// runs once the primary is proven, gets the rest. An unproven primary wastes the rest, so
    /// it is small.
    static let primaryShare = 0.95

    /// Reduced-cost fixing: at the LP optimum z with reduced costs d, every plan has a value of at
    /// least z + Σ d·(x − x*), so an integer variable at its lower bound with d > 0 cannot exceed
    /// that bound by more than (incumbent − z)/d in any plan at least as good as the incumbent
    /// (and likewise down from an upper bound with d < 0). Plans equal to the incumbent are kept,
    /// so the secondary aim still sees them.
    private func fixByReducedCosts(_ model: inout OrganisationModel, relaxation: Solution, incumbent: Double) {
        guard let reduced = relaxation.reducedCosts, let z = relaxation.objectiveValue,
              reduced.count == model.model.variables.count else { return }
        let slack = incumbent - z + 1e-6 * max(1, abs(z))
        guard slack >= 0 else { return }
        for (index, info) in model.model.variables.enumerated() where info.isInteger {
            let d = reduced[index], x = relaxation.values[index]
            guard abs(d) > 1e-7, info.lowerBound.isFinite, info.upperBound.isFinite else { continue }
            let reach = (slack / abs(d) + 1e-6).rounded(.down)
            let variable = model.model.variable(at: index)
            if d > 0, x <= info.lowerBound + 1e-9, info.lowerBound + reach < info.upperBound {
                model.restrict(variable, lower: info.lowerBound, upper: info.lowerBound + reach)
            } else if d < 0, x >= info.upperBound - 1e-9, info.upperBound - reach > info.lowerBound {
                model.restrict(variable, lower: info.upperBound - reach, upper: info.upperBound)
            }
        }
    }

    /// Relaxation-enforced neighbourhood search (RENS): branch and bound over the plans whose
    /// every count lies between the floor and the ceiling of its value in the relaxation (counts
    /// the relaxation already makes whole are fixed). The neighbourhood is small, so lp_solve
    /// searches it quickly, and it often holds a plan much better than the greedy one (Gosport,
    /// national 100k: 1,609.5 → 1,564.5 risk-years, optimum 1,563.5), which then prunes the
    /// full search. Limited by nodes, not time, so the same input gives the same plan.
    /// - Returns: a plan better than `value` (any plan when `value` is nil), or `nil`.
    private func searchNeighbourhood(of model: OrganisationModel, relaxation: Solution, beating value: Double?) -> PlanCounts? {
        var neighbourhood = model
        for (index, info) in model.model.variables.enumerated() where info.isInteger {
            let x = relaxation.values[index]
            let lower = max(info.lowerBound, (x - 1e-6).rounded(.down))
            let upper = min(info.upperBound, (x + 1e-6).rounded(.up))
            guard lower <= upper else { return nil }
            neighbourhood.restrict(model.model.variable(at: index), lower: lower, upper: upper)
        }
        var search = parameters(gap: relativeGap, share: Self.neighbourhoodShare)
        search.nodeLimit = Self.neighbourhoodNodes
        search.objectiveCutoff = value.map(cutoff(beating:))
        guard let found = try? solver.solve(neighbourhood.model, parameters: search), found.hasSolution else { return nil }
        return model.counts(from: found)
    }

    /// Relaxation-induced neighbourhood search (RINS): branch and bound over the plans that
    /// agree with `plan` wherever `plan` agrees with the relaxation, with the other decisions
    /// free. Limited by nodes, like ``searchNeighbourhood(of:relaxation:beating:)``.
    /// - Returns: a plan better than `value`, or `nil`.
    private func searchAround(_ plan: PlanCounts, of model: OrganisationModel, relaxation: Solution, beating value: Double) -> PlanCounts? {
        let decisions = model.decisions(of: plan)
        var neighbourhood = model
        var fixed = 0, free = 0
        for (index, info) in model.model.variables.enumerated() where info.isInteger {
            guard let decided = decisions[index] else { continue }
            if abs(relaxation.values[index] - decided) <= 1e-6, decided >= info.lowerBound, decided <= info.upperBound {
                neighbourhood.fix(model.model.variable(at: index), to: decided)
                fixed += 1
            } else {
                free += 1
            }
        }
        guard free > 0, Double(fixed) >= Self.leastFixedShare * Double(fixed + free) else { return nil }
        var search = parameters(gap: relativeGap, share: Self.neighbourhoodShare)
        search.nodeLimit = Self.neighbourhoodNodes
        search.objectiveCutoff = cutoff(beating: value)
        guard let found = try? solver.solve(neighbourhood.model, parameters: search), found.hasSolution else { return nil }
        return model.counts(from: found)
    }

    /// The share of decisions the incumbent and the relaxation must agree on for
    /// ``searchAround(_:of:relaxation:beating:)`` to run: with fewer fixed, the neighbourhood
    /// is nearly the whole problem.
    static let leastFixedShare = 0.3
    /// Rounds of ``searchAround(_:of:relaxation:beating:)``, each from the better plan of the last.
    static let aroundRounds = 3

    /// The neighbourhood search's node limit and its backstop share of the time left.
    static let neighbourhoodNodes = 2_000
    static let neighbourhoodShare = 0.25
    /// The search runs only when the incumbent is more than this share above the relaxation's
    /// bound. Most of its time is the neighbourhood's root LP, and close to the bound it rarely
    /// finds anything: on national 100k, searching every open organisation cost 14 core-seconds
    /// of 120 for 32 better plans; above a 1 % gap, 3.7 s for 25 of them.
    static let neighbourhoodGap = 0.01

    /// lp_solve's objective cutoff for plans better than `value`: almost a whole lattice step
    /// below it (every better exposure is at least a step better), or a hair below without one
    /// (half of the float noise within which a bound counts as the value, so that a search that
    /// finds nothing below the cutoff proves the plan optimal at gap 0 up to lp_solve's own
    /// relative tolerance, 1e-9).
    private func cutoff(beating value: Double) -> Double {
        value - (lattice.map { $0 * 0.999 } ?? 5e-10 * max(1, abs(value)))
    }

    /// lp_solve's objective cutoff for the full search from an incumbent of `value`: plans as good
    /// as the incumbent stay in (half a lattice step above it, or a hair above without a
    /// lattice). With the incumbent itself cut off, lp_solve often ends a search that finds
    /// nothing with ACCURACYERROR instead of INFEASIBLE (80 of 389 searches on national 100k),
    /// which proves nothing: Cheltenham then took 35 s to prove what it proves in 3 s when the
    /// search may find a plan equal to the incumbent.
    private func cutoff(admitting value: Double) -> Double {
        value + (lattice.map { $0 * 0.5 } ?? 5e-10 * max(1, abs(value)))
    }

    /// The step between the primary values of any two plans, when there is one: exposure's
    /// lattice (present values have none).
    private var lattice: Double? {
        problem.objective == .exposure ? problem.exposureGranularity : nil
    }

    /// The funded re-plan's search: nodes after which its best plan is kept.
    static let fundedNodeLimit = 10_000

    /// Rounds of cuts before branch and bound.
    static let cutRounds = 8

    /// The problem whose rules and budgets `model`'s plans must keep: the organisation's, with
    /// the model's budgets and hours when it has its own (a funded re-plan).
    private func rulesOf(_ model: OrganisationModel) -> OrganisationProblem {
        var rules = problem
        rules.budget = model.budgetOverride ?? problem.budget
        rules.labourHours = model.labourOverride ?? problem.labourHours
        return rules
    }

    /// What branch and bound starts from.
    private struct Preparation {
        /// The plan lp_solve must beat (passed as an objective cutoff), if any.
        var incumbent: (counts: PlanCounts, value: Double)?
        /// A bound that holds whatever lp_solve later says: the relaxation's optimum after the cuts.
        var bound: Double
        /// The model before the cuts and the fixing, when they changed it.
        var uncut: OrganisationModel?
    }

    /// Cuts, an incumbent and reduced-cost fixing, before branch and bound. The incumbent is
    /// the best of the greedy plans (from scratch and from the relaxation rounded), `start`, the
    /// neighbourhood search's plan and the plans found around the best of them
    /// (``searchAround(_:of:relaxation:beating:)``). For `cost` only plans that replace every at-risk unit
    /// count: the greedy plans often do when money allows, and otherwise the neighbourhood search
    /// looks for any plan. Without it lp_solve found no plan in 60 s for Edinburgh and Glasgow
    /// (Scottish example under `cost`), which ended `unknown`.
    private func prepare(_ model: inout OrganisationModel, start: PlanCounts?) -> Preparation {
        var prepared = Preparation(incumbent: nil, bound: trivialBound, uncut: nil)
        let funded = rulesOf(model)
        var seeds: [PlanCounts?] = [nil]
        let plain = model
        let relaxation = tightenedRelaxation(of: &model)
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
            guard measures.keepsBudgets(of: funded), plan.keepsRules(of: funded) else { return }
            let value = primaryValue(measures)
            if prepared.incumbent == nil || value < prepared.incumbent!.value - 1e-9 { prepared.incumbent = (plan, value) }
        }
        for seed in seeds { consider(GreedyPlanner(problem: funded, seed: seed).plan()) }
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

    /// Primary objective, then (when proven and time allows) the secondary aim under a cap on
    /// the primary value. `start` (a plan from elsewhere: the first round, the elastic model) is
    /// tried as the incumbent when it keeps the model's budgets and rules. `nodeLimit` caps the
    /// primary search by work instead of time alone.
    private func optimise(_ model: inout OrganisationModel, start: PlanCounts? = nil, nodeLimit: Int? = nil,
                          search primarySearch: PrimarySearch? = nil) -> Attempt {
        let primarySearch = primarySearch ?? self.primarySearch
        let primary = problem.objective == .exposure ? model.exposure : model.presentValue
        let secondary = problem.objective == .exposure ? model.nominalSpend : model.exposure
        model.setObjective(.minimize, primary)
        let prepared = prepare(&model, start: start)
        let incumbent = prepared.incumbent
        // A bound that holds whatever lp_solve later says: the LP relaxation's optimum.
        let fallbackBound = prepared.bound
        if hurried, let incumbent { return .planned(incumbent.counts, bound: fallbackBound, proven: false) }
        let uncut = prepared.uncut
        /// The stronger of lp_solve's bound (if any) and the fallback.
        func strongest(_ bound: Double?) -> Double { max(bound ?? fallbackBound, fallbackBound) }
        var primaryParameters = parameters(gap: relativeGap, share: Self.primaryShare)
        primaryParameters.nodeLimit = nodeLimit
        if let onImprovement {
            // Both callbacks run on the solving thread, one at a time.
            let best = BestValue(incumbent?.value ?? .infinity)
            primaryParameters.onImprovedSolution = { improved in
                best.value = min(best.value, improved.objectiveValue)
                onImprovement(best.value, improved.bound)
                return .continue
            }
            primaryParameters.onBoundImproved = { bound in
                if best.value.isFinite { onImprovement(best.value, bound) }
            }
        }
        let search: any LinearSolver
        switch primarySearch {
        case .depthFirst:
            search = solver
            if let incumbent { primaryParameters.objectiveCutoff = cutoff(admitting: incumbent.value) }
        case .bestFirst:
            // Its own search has no trouble proving that nothing beats a cutoff (lp_solve's
            // has, see ``cutoff(admitting:)``), so plans that only tie with the incumbent go.
            search = BestFirstSolver()
            if let incumbent {
                primaryParameters.objectiveCutoff = cutoff(beating: incumbent.value)
                primaryParameters.incumbentValue = incumbent.value
                primaryParameters.incumbentPoint = model.decisions(of: incumbent.counts)
            }
        }
        // The primary solve may use most of the time; the secondary aim gets what is left.
        guard var first = try? search.solve(model.model, parameters: primaryParameters) else {
            if let incumbent { return .planned(incumbent.counts, bound: fallbackBound, proven: false) }
            return .noPlan(bound: nil)
        }
        if let plain = uncut, first.termination == .numericalFailure || first.termination == .failed
            || (incumbent == nil && first.termination == .infeasible) {
            // Cuts can leave lp_solve's bases badly conditioned (ACCURACYERROR even on the LP):
            // the same search without them. Their bound is kept in `fallbackBound`. An
            // organisation is only called infeasible on the model without cuts.
            model = plain
            primaryParameters.timeLimit = parameters(gap: relativeGap, share: Self.primaryShare).timeLimit
            if let again = try? solver.solve(model.model, parameters: primaryParameters) { first = again }
        }
        if incumbent != nil, first.termination == .numericalFailure || first.termination == .failed {
            // lp_solve answered ACCURACYERROR (25), which proves nothing. It did so often when the
            // cutoff excluded the incumbent (see ``cutoff(admitting:)``), and (Essex, national
            // 100k) once with the lattice step set: solve again without the cutoff and the step.
            primaryParameters.objectiveCutoff = nil
            primaryParameters.objectiveGranularity = nil
            primaryParameters.timeLimit = parameters(gap: relativeGap, share: Self.primaryShare).timeLimit
            if let again = try? solver.solve(model.model, parameters: primaryParameters) { first = again }
            if let incumbent, let value = first.objectiveValue, value >= incumbent.value - 1e-9 * max(1, abs(value)) {
                let proven = first.termination == .optimal
                let counts = proven ? secondaryAim(model, primary: primary, secondary: secondary, from: incumbent.counts) : incumbent.counts
                return .planned(counts, bound: strongest(first.bestBound), proven: proven)
            }
        }
        if let incumbent, !first.hasSolution {
            switch first.termination {
            case .infeasible:
                // Every node was pruned above the cutoff: nothing beats the incumbent, so it is
                // optimal (lp_solve's cutoff admits the incumbent, which its tolerances missed;
                // the best-first search's excludes it, and may prove only that nothing beats it
                // by more than the gap: its bound then says by how much at most).
                return .planned(secondaryAim(model, primary: primary, secondary: secondary, from: incumbent.counts),
                                bound: min(incumbent.value, first.bestBound ?? incumbent.value), proven: true)
            default:
                return .planned(incumbent.counts, bound: strongest(first.bestBound), proven: false)
            }
        }
        switch first.termination {
        case .infeasible: return .infeasible
        case .optimal, .feasibleAtLimit, .interrupted:
            guard first.hasSolution else { return .noPlan(bound: first.bestBound) }
        default:
            return .noPlan(bound: first.bestBound)
        }
        var counts = model.counts(from: first)
        var proven = first.termination == .optimal
        if !counts.keepsEverything(of: rulesOf(model)) {
            // A point that reads back into no valid plan (lp_solve's tolerances on a point at a
            // limit) is not a plan, and proves nothing: the incumbent stays, unproven.
            guard let incumbent else { return .noPlan(bound: strongest(first.bestBound)) }
            counts = incumbent.counts
            proven = false
        }
        // lp_solve does not always honour the cutoff: keep the incumbent if it is better.
        if let incumbent, primaryValue(PlanMeasures(problem: problem, counts: counts)) > incumbent.value {
            counts = incumbent.counts
        }
        let bound = proven ? (first.bestBound ?? fallbackBound) : strongest(first.bestBound)
        guard proven else { return .planned(counts, bound: bound, proven: proven) }
        return .planned(secondaryAim(model, primary: primary, secondary: secondary, from: counts), bound: bound, proven: true)
    }

    /// SPEC §2.4's secondary aim for a plan proven optimal on the primary objective: a plan no
    /// worse on the primary and strictly better on the secondary (nominal spend for `exposure`,
    /// exposure for `cost`), if lp_solve finds one in the time left; otherwise `counts`.
    private func secondaryAim(
        _ model: OrganisationModel, primary: LinearExpression, secondary: LinearExpression, from counts: PlanCounts
    ) -> PlanCounts {
        guard ContinuousClock.now < currentDeadline else { return counts }
        let measures = PlanMeasures(problem: problem, counts: counts)
        let value = primaryValue(measures)
        var second = model
        second.addCap(primary, value + 1e-7 * max(1, abs(value)), name: "primaryCap")
        second.setObjective(.minimize, secondary)
        var secondParameters = parameters(gap: relativeGap)
        let secondaryNow = secondaryValue(measures)
        // The cutoff admits the current plan, as ``cutoff(admitting:)`` does for the primary
        // search (a cutoff below it often ends in ACCURACYERROR); only a better plan is taken.
        secondParameters.objectiveCutoff = secondaryNow + 1e-9 * max(1, abs(secondaryNow))
        guard let better = try? solver.solve(second.model, parameters: secondParameters), better.hasSolution else { return counts }
        let candidate = model.counts(from: better)
        let candidateMeasures = PlanMeasures(problem: problem, counts: candidate)
        guard candidate.keepsEverything(of: rulesOf(model)), primaryValue(candidateMeasures) <= value + 1e-7 * max(1, abs(value)),
              secondaryValue(candidateMeasures) < secondaryNow else { return counts }
        return candidate
    }

    /// SPEC §2.5: least extra money (whole pounds per period), then least extra hours, then the
    /// plan those would buy.
    private func findShortfall() -> (Shortfall, PlanCounts?) {
        if hurried, let greedy = fundedByGreedy(because: "the time limit ran out before the exact shortfall model could run") {
            return (greedy.shortfall, greedy.counts)
        }
        let elastic = OrganisationModel(problem: problem, purpose: .elastic, aggregate: aggregate)
        let structural = { (reason: String) in (Shortfall(money: zeros, hours: zeros, structuralReason: reason), PlanCounts?.none) }
        // What the greedy overspends, which suffices, caps the search (admitted, as in
        // ``cutoff(admitting:)``). National 100k under `cost`: £21.75M → £21.18M in all.
        let greedyMoney = GreedyPlanner(problem: dueByHorizon).fundedPlan()?.money.reduce(0, +)
        var moneyRun = leastWholeTotal(of: elastic.extraMoney, in: elastic.model, admitting: greedyMoney)
        if case .infeasible = moneyRun, greedyMoney != nil {
            // lp_solve missed even the greedy amount: only a search without the cap says "no money helps".
            moneyRun = leastWholeTotal(of: elastic.extraMoney, in: elastic.model)
        }
        guard case .found(let moneyTotal, let moneySolution, let moneyProven, let moneyBound) = moneyRun else {
            if case .infeasible = moneyRun {
                return structural("no extra money or hours can meet the locks, deadlines and recorders-first order")
            }
            if let greedy = fundedByGreedy(because: "the time limit ran out before the exact shortfall model found one") {
                return (greedy.shortfall, greedy.counts)
            }
            return structural("the time limit ran out before the shortfall was found")
        }
        let money = (total: moneyTotal, solution: moneySolution)
        var hoursProven = true
        var model = elastic.model
        var solution = money.solution
        if !elastic.extraHours.isEmpty {
            var total = LinearExpression()
            for variable in elastic.extraMoney { total.add(1, variable) }
            model.addConstraint(total, .lessOrEqual, Double(money.total), name: "moneyCap")
            // The money search's own hours suffice: they cap the search for the least.
            let hoursFound = elastic.extraHours.reduce(0) { $0 + Int(money.solution.value(of: $1).rounded()) }
            switch leastWholeTotal(of: elastic.extraHours, in: model, admitting: hoursFound) {
            case .found(_, let hours, let proven, _):
                solution = hours
                hoursProven = proven
            default:
                hoursProven = false
            }
        }
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
        // point carries (rounding lp_solve's extra money left Dudley, national 100k under `cost`,
        // with a funded plan that overspent, when its search stopped at the time limit).
        let (moneySplit, overHours) = PlanMeasures(problem: problem, counts: elasticCounts).overspend(of: problem)
        let hoursSplit = problem.labourHours == nil ? zeros : overHours
        var shortfall = Shortfall(money: moneySplit, hours: hoursSplit, structuralReason: nil)
        if !moneyProven {
            // The search's proven bound says how far from the least the amount can be.
            let least = moneyBound.map { Int(($0 - 1e-6 * max(1, abs($0))).rounded(.up)) } ?? 0
            shortfall.caveat = "sufficient, not proven the least"
                + (least > 0 ? " (at least £\(least) in all is needed)" : "")
                + ": the time limit ran out during the exact shortfall search"
        } else if !hoursProven {
            shortfall.caveat = "the money is the least; the hours suffice but are not proven the least: "
                + "the time limit ran out during the exact search for them"
        }

        // The plan the shortfall buys: the elastic model's own plan fits the raised budgets;
        // a re-plan with them may do better on the objective.
        let fundedProblem = problem.funded(money: moneySplit, hours: hoursSplit)
        let budget = fundedProblem.budget
        let labour = fundedProblem.labourHours
        var best: (counts: PlanCounts, value: Double)?
        if elasticCounts.keepsEverything(of: fundedProblem) {
            best = (elasticCounts, primaryValue(PlanMeasures(problem: fundedProblem, counts: elasticCounts)))
        }
        var funded = OrganisationModel(problem: problem, aggregate: aggregate, budget: budget, labour: labour, strengthen: aggregate)
        // It starts from the elastic plan and stops after a fixed number of nodes: the funded plan
        // is then the same however loaded the machine (a time limit alone made it differ
        // between 1 and 2 threads on the Scottish example). lp_solve's own search in either round:
        // a best-first node costs up to 17 LPs, so its time limit would bind before the nodes.
        if case .planned(let counts, _, _) = optimise(&funded, start: best?.counts, nodeLimit: Self.fundedNodeLimit,
                                                      search: .depthFirst) {
            let value = primaryValue(PlanMeasures(problem: fundedProblem, counts: counts))
            if best == nil || value < best!.value { best = (counts, value) }
        }
        return (shortfall, best?.counts)
    }

    /// The least whole total of `variables` (integer, ≥ 0) over `model`'s feasible points, with a
    /// point that achieves it.
    private enum WholeTotal {
        /// A total and a point achieving it; `proven` when it is the least, `bound` what the
        /// search proved no total can beat.
        case found(Int, Solution, proven: Bool, bound: Double?)
        case infeasible
        case noAnswer
    }

    /// - Parameter admitting: a total known to be reachable, passed to lp_solve as a cutoff that
    ///   admits it.
    private func leastWholeTotal(of variables: [Variable], in model: LinearModel, admitting known: Int? = nil) -> WholeTotal {
        var total = LinearExpression()
        for variable in variables { total.add(1, variable) }
        var least = model
        least.objective = LinearProgramming.Objective(.minimize, total)
        var exact = parameters(gap: 0)
        exact.objectiveGranularity = 1  // a sum of whole pounds (or hours) is whole
        exact.objectiveCutoff = known.map { Double($0) + 0.5 }
        guard let run = try? solver.solve(least, parameters: exact) else { return .noAnswer }
        guard let value = run.objectiveValue else { return run.termination == .infeasible ? .infeasible : .noAnswer }
        return .found(Int(value.rounded()), run, proven: run.termination == .optimal, bound: run.bestBound)
    }
}

/// Conflicts that no money or hours can resolve, with the reason a council can act on.
func structuralConflict(_ problem: OrganisationProblem) -> String? {
    let labels = { (t: Int) in "period \(t + 1)" }
    for site in problem.sites {
        for group in site.groups where group.atRisk {
            if let lock = group.locked, let deadline = group.deadline, lock > deadline {
                return "site \(site.id): units locked in \(labels(lock)) have a deadline of \(labels(deadline))"
            }
        }
        let leaders = site.groups.filter(\.isLeader)
        guard !leaders.isEmpty else { continue }
        let leaderLocks = Set(leaders.compactMap(\.locked))
        if leaderLocks.count > 1 {
            return "site \(site.id): its recorders are locked in different periods but must be replaced together"
        }
        let leaderLock = leaderLocks.first
        let leaderDeadline = leaders.compactMap(\.deadline).min()
        if let lock = leaderLock, let deadline = leaderDeadline, lock > deadline {
            return "site \(site.id): its recorders are locked in \(labels(lock)), after their deadline \(labels(deadline))"
        }
        for follower in site.groups where !follower.isLeader && follower.atRisk {
            let latest = follower.locked ?? follower.deadline
            if let latest, let lock = leaderLock, latest < lock {
                return "site \(site.id): units due by \(labels(latest)) cannot follow recorders locked in \(labels(lock))"
            }
        }
    }
    return nil
}

/// The best plan value a search has reported, shared by its two progress callbacks.
private final class BestValue: @unchecked Sendable {
    var value: Double
    init(_ value: Double) { self.value = value }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
