import LinearProgramming
import LPSolve
import MixedIntegerSearch

/// Solves one organisation: the plan (primary objective, then the secondary aim), or, when
/// no plan exists, the least shortfall and the plan it would buy.
struct OrganisationSolver {
    var problem: OrganisationProblem
    var relativeGap: Double
    var deadline: ContinuousClock.Instant
    /// A later deadline the organisation may run on to, when the caller has time to lend (the
    /// planner's second round, once no organisation waits to start), or `nil`. Asked when work
    /// is shared out, and by the best-first search when it reaches its limit.
    var extendedDeadline: (@Sendable () -> ContinuousClock.Instant?)?
    var aggregate = true
    /// lp_solve, for everything but the best-first search's nodes. A second attempt branches
    /// the other way (``Planner/Round/lpSolve``): a different search proves some organisations
    /// the first cannot.
    var solver: any LinearSolver = LPSolveSolver()
    var cancellation: CancellationFlag?
    var monolithicLimit = PlanOptions.defaultMonolithicLimit
    /// Called with (plan value, proven bound) when a long solve improves, for progress.
    var onImprovement: (@Sendable (Double, Double?) -> Void)?
    /// A plan from an earlier attempt (the planner's first round), tried as the incumbent.
    var startingPlan: PlanCounts?
    /// In a best-effort plan's second stage, the most late risk-years a plan may have.
    var lateCap: LateCap?
    /// Rounds of the search around the incumbent (``searchAround(_:of:relaxation:beating:)``)
    /// before branch and bound; 0 turns it off.
    var roundsAround = OrganisationSolver.aroundRounds
    /// Whether the cut rounds add Gomory cuts for the bound (``tightened(_:of:)``).
    var gomoryCuts = true
    /// Set when the organisation starts after the run's solve deadline: only what a plan and a
    /// bound need runs (the greedy plans and the LP relaxation, no cuts, no neighbourhood
    /// searches, no branch and bound once a plan is in hand, the greedy shortfall), so that an
    /// estate too large for its time limit overruns it by little: each lp_solve call takes some
    /// 50 ms however short its limit.
    var hurried = false
    /// Once the organisation is proven infeasible, the deadline of its shortfall and best effort,
    /// when earlier than ``deadline``: the planner's first round gives the organisations the
    /// greedy cannot plan a larger share for finding a plan or the proof that there is none, not
    /// for what follows the proof.
    var settlingDeadline: ContinuousClock.Instant?
    /// When the primary objective's branch and bound must stop, if earlier than its share of
    /// ``deadline``: the planner's first round hands the rest of a long share to the best-first
    /// search (``Planner/solveFirst(_:gap:)``). The shortfall and best effort of an organisation
    /// proven infeasible still run to ``deadline``.
    var primaryDeadline: ContinuousClock.Instant?
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
        strengthenWithQuickBound(&outcome)
        if problem.hasTreatments { followReadingRule(&outcome) }
        outcome.solveSeconds = (ContinuousClock.now - started).inSeconds
        return outcome
    }

    /// Puts the outcome's plans in the form plan.csv is read back in
    /// (``PlanCounts/followingTheReadingRule(in:)``), so that the figures reported are the
    /// verifier's; a plan that improves by it keeps its bound, and is optimal once within the gap.
    func followReadingRule(_ outcome: inout OrganisationOutcome) {
        let counts = outcome.counts.followingTheReadingRule(in: problem)
        outcome.fundedCounts = outcome.fundedCounts?.followingTheReadingRule(in: problem)
        guard counts != outcome.counts else { return }
        outcome.counts = counts
        outcome.value = primaryValue(PlanMeasures(problem: problem, counts: counts))
        outcome.bound = min(outcome.bound, outcome.value)
        if outcome.status == .infeasible {
            let late = LateRiskYears(problem).value(of: counts, in: problem)
            outcome.lateRiskYears = late
            outcome.lateRiskYearsBound = min(outcome.lateRiskYearsBound, late)
        } else if outcome.status == .feasible, Tolerance.meets(gap: outcome.gap, tolerance: relativeGap) {
            outcome.status = .optimal
        }
    }

    func solveWithinBudgets() -> OrganisationOutcome {
        let nothing = PlanCounts(problem: problem)
        let baseline = PlanMeasures(problem: problem, counts: nothing)
        let baselineValue = primaryValue(baseline)

        if let reason = structuralConflict(problem) {
            var outcome = OrganisationOutcome(
                status: .infeasible, counts: nothing, value: baselineValue, bound: baselineValue,
                shortfall: Shortfall(money: zeros, hours: zeros, structuralReason: reason))
            planBestEffort(&outcome)
            return outcome
        }

        if isTooLargeForOneModel {
            return solveByDecomposition(baselineValue: baselineValue)
        }
        var model = OrganisationModel(problem: problem, aggregate: aggregate, strengthen: aggregate,
                                      visitsFirst: primarySearch == .bestFirst)
        var solver = self
        let check = plainCheck()
        if let plan = check.plan { solver.startingPlan = plan }
        let attempt = check.infeasible ? .infeasible : solver.optimise(&model, start: solver.startingPlan)
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
            if outcome.value - outcome.bound <= Tolerance.absolute(near: outcome.value) { outcome.bound = outcome.value }
            // Optimal means proven within the gap of a valid bound, however the bound was found.
            outcome.status = Tolerance.meets(gap: outcome.gap, tolerance: relativeGap) ? .optimal : .feasible
        case .infeasible:
            outcome.status = .infeasible
            outcome.bound = baselineValue
            var settling = self
            if let settlingDeadline {
                settling.deadline = min(deadline, settlingDeadline)
                settling.hurried = hurried || ContinuousClock.now >= settling.deadline
            }
            let (shortfall, funded) = settling.findShortfall()
            outcome.shortfall = shortfall
            outcome.fundedCounts = funded
            settling.planBestEffort(&outcome)
        case .noPlan(let bound):
            outcome.status = .unknown
            if let bound { outcome.bound = min(bound, baselineValue) }
        }
        return outcome
    }

    var zeros: [Int] { [Int](repeating: 0, count: problem.periodCount) }

    /// Whether the organisation has more decisions than one exact model takes
    /// (``monolithicLimit``): it is then planned by decomposition.
    var isTooLargeForOneModel: Bool { problem.decisionCount > monolithicLimit }


    /// `value` rounded up to the exposure lattice (a bound on the organisation's exposure).
    /// Solver noise (a hair either side of a lattice point) never moves it to the next point up:
    /// the value is first lowered by a millionth of itself, at most a thousandth of a step.
    func roundedUp(_ value: Double) -> Double {
        guard let step = problem.exposureGranularity, problem.objective == .exposure else { return value }
        let noise = min(Tolerance.absolute(1e-6, near: value), 1e-3 * step)
        return ((value - noise) / step).rounded(.up) * step
    }

    /// A bound no plan can beat: exposure with everything replaced in the first period, or no spend.
    var trivialBound: Double {
        switch problem.objective {
        case .exposure: return problem.baselineExposure * 0.5 / Double(problem.periodCount)
        case .cost: return 0
        }
    }

    func primaryValue(_ measures: PlanMeasures) -> Double {
        problem.objective == .exposure ? measures.exposure : measures.presentValue
    }

    func secondaryValue(_ measures: PlanMeasures) -> Double {
        problem.objective == .exposure ? measures.nominal : measures.exposure
    }

    enum Attempt {
        case planned(PlanCounts, bound: Double, proven: Bool)
        case infeasible
        case noPlan(bound: Double?)
    }

    func parameters(gap: Double, absoluteGap: Double = 1e-9, share: Double = 1) -> SolverParameters {
        var parameters = SolverParameters()
        parameters.objectiveGranularity = lattice
        parameters.relativeGap = gap
        parameters.absoluteGap = absoluteGap
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
    var currentDeadline: ContinuousClock.Instant {
        max(deadline, extendedDeadline?() ?? deadline)
    }

    /// The primary objective's share of the organisation's time; the secondary aim, which only
    /// runs once the primary is proven, gets the rest. An unproven primary wastes the rest, so
    /// it is small.
    static let primaryShare = 0.95

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
    /// finds anything.
    static let neighbourhoodGap = 0.01

    /// lp_solve's objective cutoff for plans better than `value`: almost a whole lattice step
    /// below it (every better exposure is at least a step better), or a hair below without one
    /// (half of the float noise within which a bound counts as the value, so that a search that
    /// finds nothing below the cutoff proves the plan optimal at gap 0 up to lp_solve's own
    /// relative tolerance, 1e-9).
    func cutoff(beating value: Double) -> Double {
        value - (lattice.map { $0 * 0.999 } ?? Tolerance.absolute(5e-10, near: value))
    }

    /// lp_solve's objective cutoff for the full search from an incumbent of `value`: plans as good
    /// as the incumbent stay in (half a lattice step above it, or a hair above without a
    /// lattice). With the incumbent itself cut off, lp_solve often ends a search that finds
    /// nothing with ACCURACYERROR instead of INFEASIBLE, which proves nothing, and the proof then
    /// takes many times longer than when the search may find a plan equal to the incumbent.
    func cutoff(admitting value: Double) -> Double {
        value + (lattice.map { $0 * 0.5 } ?? Tolerance.absolute(5e-10, near: value))
    }

    /// The step between the primary values of any two plans, when there is one: exposure's
    /// lattice (present values have none).
    var lattice: Double? {
        problem.objective == .exposure ? problem.exposureGranularity : nil
    }

    /// The best-first primary search's reliability: a variable's pseudo-costs are trusted after
    /// two branchings each way, not one. Planned alone, Glasgow (Scottish example) is proven in
    /// 18 s instead of 56 s. A best effort's two searches keep one: with two everywhere,
    /// Renfrewshire's best effort came out 0.5 % higher in exposure.
    static let primaryReliability = 2

    /// The secondary aim's search: nodes after which its best plan is kept. Where the node limit,
    /// not the deadline, ends it, the same input gives the same plan on a loaded machine, and an
    /// organisation proven early leaves the rest of its share to the others.
    static let secondaryNodeLimit = 5_000
    /// The secondary aim's share of the organisation's time left. Its LPs on the capped model are
    /// slow: on the national 100k its searches took about 15 of the run's 120 CPU-seconds, most
    /// ended by the deadline, where the organisations still open needed that time more.
    static let secondaryShare = 0.25

    /// The funded re-plan's search: nodes after which its best plan is kept.
    static let fundedNodeLimit = 10_000

    /// Rounds of cuts before branch and bound.
    static let cutRounds = 8

    /// The problem whose rules and budgets `model`'s plans must keep: the organisation's, with
    /// the model's budgets and hours when it has its own (a funded re-plan).
    func rulesOf(_ model: OrganisationModel) -> OrganisationProblem {
        var rules = problem
        rules.budget = model.budgetOverride ?? problem.budget
        rules.labourHours = model.labourOverride ?? problem.labourHours
        return rules
    }


}
