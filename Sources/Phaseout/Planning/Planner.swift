import Foundation
import LinearProgramming
import LPSolve
import MixedIntegerSearch

/// Plans an estate per SPEC §2: each organisation solved on its own (concurrently, bounded by
/// `threads`), combined in organisation order so that the result does not depend on timing.
///
/// ```swift
/// let estate = try Estate.load(registerPath: "register.csv", scenarioPath: "scenario.json")
/// let plan = Planner(options: PlanOptions()).planSynchronously(estate)
/// print(plan.status, plan.exposure)
/// ```
public struct Planner: Sendable {
    public var options: PlanOptions

    public init(options: PlanOptions = PlanOptions()) {
        self.options = options
    }

    /// Plans every organisation of `estate`, off the cooperative thread pool. Cancelling the
    /// calling task stops every solve within milliseconds.
    /// - Throws: `CancellationError` when the task was cancelled.
    /// - Complexity: one MILP per organisation; uncoupled sites are pooled so that the model
    ///   does not grow with their number.
    public func plan(_ estate: Estate) async throws -> Plan {
        var planner = self
        let flag = options.cancellation ?? CancellationFlag()
        planner.options.cancellation = flag
        let frozen = planner
        let plan: Plan = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // The solves block their threads: they run on a thread of their own.
                let thread = Thread { continuation.resume(returning: frozen.planSynchronously(estate)) }
                thread.stackSize = 8 << 20
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
        try Task.checkCancellation()
        return plan
    }

    /// Plans every organisation of `estate`, blocking the calling thread (the CLI's way).
    ///
    /// With ``PlanOptions/shard`` set, plans only that slice's organisations: the plan holds them
    /// alone, with what ``ShardMerge`` needs to join the slices.
    /// - Complexity: as ``plan(_:)``.
    public func planSynchronously(_ estate: Estate) -> Plan {
        planSynchronously(estate, settled: [:], starting: nil)
    }

    /// Plans `estate` as ``planSynchronously(_:)`` does, but takes the outcomes in `settled` as
    /// they are (by organisation index) and starts each other organisation from its plan in
    /// `starting`, when given: goal seeking and the frontier plan this way. With
    /// ``PlanOptions/shard`` set, plans only that slice's organisations (indices then count
    /// within the slice): the plan holds them alone, with what ``ShardMerge`` needs to join the
    /// slices.
    func planSynchronously(_ estate: Estate, settled: [Int: OrganisationOutcome], starting: [PlanCounts?]?) -> Plan {
        let selection = options.shard?.organisationIndices(in: estate) ?? Array(estate.organisations.indices)
        let problems = selection.map {
            OrganisationProblem(organisation: estate.organisations[$0], scenario: estate.scenario, register: estate.register)
        }
        let outcomes = solve(problems, estate: estate, settled: settled, starting: starting)
        return assemble(estate, problems: problems, outcomes: outcomes, selection: selection)
    }

    /// Every organisation's outcome: those in `settled` as they are, the others solved (each
    /// first from its plan in `starting`, when given) within the run's time less the reserve.
    func solve(_ problems: [OrganisationProblem], estate: Estate, settled: [Int: OrganisationOutcome],
               starting: [PlanCounts?]?) -> [OrganisationOutcome] {
        let runDeadline = (options.startedAt ?? .now) + options.timeLimit
        let reserve = Self.finishingReserve(deviceRows: estate.register.rows.count, timeLimit: options.timeLimit)
        var outcomes = solveAll(problems, indices: problems.indices.filter { settled[$0] == nil },
                                deadline: runDeadline - reserve, starting: starting)
        for (index, outcome) in settled { outcomes[index] = outcome }
        return outcomes
    }

    /// The plan of the outcomes, with their shadow prices and what-if figures; `selection` names
    /// the estate's organisations the problems are (all of them when `nil`), and a shard run's
    /// plan carries what ``ShardMerge`` needs.
    func assemble(_ estate: Estate, problems: [OrganisationProblem], outcomes: [OrganisationOutcome],
                  selection: [Int]? = nil) -> Plan {
        let margins = marginalFigures(problems: problems, outcomes: outcomes, deviceRows: estate.register.rows.count)
        var assembler = PlanAssembler(estate: estate, problems: problems, outcomes: outcomes, margins: margins)
        if let selection { assembler.selection = selection }
        var plan = assembler.plan()
        if let shard = options.shard {
            let names = problems.map(\.name)
            plan.shardPart = ShardPart(
                marker: ShardMarker(index: shard.index, count: shard.count, organisations: names),
                options: ShardOptions(options),
                outcomes: problems.indices.map { ShardOutcome(name: names[$0], outcome: outcomes[$0], margins: margins[$0]) })
        }
        return plan
    }

    /// Each organisation's problem, in the estate's order.
    static func problems(of estate: Estate) -> [OrganisationProblem] {
        estate.organisations.map { OrganisationProblem(organisation: $0, scenario: estate.scenario, register: estate.register) }
    }

    /// The time kept back from the solve for what follows it within the run's limit: the shadow
    /// prices, the independent verifier (plan and funded plan) and writing the files, which grow
    /// with the register: 30 µs a register row, with headroom over what they take (see
    /// Benchmarks/README.md). Never more than three tenths of the limit: a short limit on a
    /// large estate is overrun rather than unsolved.
    static func finishingReserve(deviceRows: Int, timeLimit: Duration) -> Duration {
        min(.microseconds(30) * deviceRows, timeLimit * 0.3)
    }

    /// Shadow prices (when ``PlanOptions/shadowPrices``) and what-if re-plans (when
    /// ``PlanOptions/whatIfAmount`` is set) of every planned organisation.
    func marginalFigures(problems: [OrganisationProblem], outcomes: [OrganisationOutcome], deviceRows: Int) -> [OrganisationMargins] {
        var margins = problems.indices.map { o in
            OrganisationMargins(objective: problems[o].objective, planned: WhatIfAnalysis.isPlanned(outcomes[o]))
        }
        if options.shadowPrices {
            let priced = ResultSlots<OrganisationMargins>(count: problems.count)
            let limit = options.monolithicLimit, timeLimit = options.timeLimit
            // The prices share the run's limit: they stop at half the reserve kept for them, the
            // verifier and the writing, so that a long run still ends on time.
            let deadline = (options.startedAt ?? .now) + timeLimit - Self.finishingReserve(deviceRows: deviceRows, timeLimit: timeLimit) * 0.5
            let unpriced = margins
            let planned = problems.indices.filter { margins[$0].planned }
            Self.forEach(planned, threads: options.threads) { o in
                var margin = unpriced[o]
                let left = deadline - ContinuousClock.now
                if problems[o].decisionCount > limit {
                    margin.shadowPriceNote = "not computed: the organisation is too large for one LP"
                } else if left <= .zero {
                    margin.shadowPriceNote = "not computed: the run's time limit was reached"
                } else {
                    margin.prices = ShadowPrices(problem: problems[o], timeLimit: min(timeLimit, left)).prices(at: outcomes[o].counts)
                    if margin.prices == nil { margin.shadowPriceNote = "not computed: the fixed-decision LP did not solve" }
                }
                priced.set(o, margin)
            }
            for (o, margin) in priced.optionalValues().enumerated() { if let margin { margins[o] = margin } }
        }
        if let amount = options.whatIfAmount {
            let analysis = WhatIfAnalysis(amount: amount, planner: self)
            let deadline = ContinuousClock.now + (options.whatIfTimeLimit ?? options.timeLimit)
            let results = analysis.run(problems: problems, outcomes: outcomes, deadline: deadline)
            for o in problems.indices { margins[o].whatIf = results[o] }
        }
        return margins
    }

    /// The two rounds of ``solveAll(_:deadline:)``.
    enum Round {
        /// Every organisation, with lp_solve's own search (and best first for the rest of a long
        /// share: ``solveFirst(_:gap:)``).
        case first
        /// The organisations the first left unproven, best first, with the time that is left.
        case second

        /// lp_solve as the round uses it: the second branches the other way, so that its
        /// neighbourhood searches and secondary aims do not repeat the first round's.
        var lpSolve: LPSolveSolver {
            LPSolveSolver(options: LPSolveSolver.Options(branching: self == .first ? .floor : .automatic))
        }
    }

    /// Solves the problems on at most `threads` threads; results land at their own index.
    ///
    /// An organisation's share of the time is fixed when it starts, so time that later ones do not
    /// use would be lost. A second round therefore re-solves, with whatever time is left, the
    /// organisations the first round could not prove, with the best-first search
    /// (``OrganisationSolver/PrimarySearch/bestFirst``: the same search with less time would
    /// prove nothing new), and keeps the better plan and the stronger bound of the two
    /// (``better(_:_:gap:)``). A run whose organisations are all proven in the first round never
    /// starts it.
    ///
    /// Only the organisations at `indices` are solved (the others' slots hold an untouched
    /// placeholder for the caller to fill), each first from its plan in `starting`, if any.
    func solveAll(_ problems: [OrganisationProblem], indices: [Int]? = nil, deadline: ContinuousClock.Instant,
                  starting: [PlanCounts?]? = nil) -> [OrganisationOutcome] {
        let indices = indices ?? Array(problems.indices)
        let first = solveRound(problems, indices: indices, deadline: deadline, finished: problems.count - indices.count,
                               starting: starting)
        var outcomes = problems.indices.map { first[$0] ?? Self.placeholder(problems[$0]) }
        let open = indices.filter { Self.isOpen(outcomes[$0], gap: options.relativeGap) }
        guard !open.isEmpty, deadline - ContinuousClock.now > .milliseconds(500),
              options.cancellation?.isCancelled != true else { return outcomes }
        // The first round's plans start the second: a better incumbent prunes more.
        let better = outcomes.map { $0.status == .feasible ? $0.counts : nil }
        let retried = solveRound(problems, indices: open, deadline: deadline, finished: problems.count - open.count,
                                 round: .second, starting: better, earlier: outcomes)
        for index in open { outcomes[index] = Self.better(outcomes[index], retried[index], gap: options.relativeGap) }
        return outcomes
    }

    /// Whether a first-round outcome is worth the second round: a plan not proven, no plan, or
    /// a best-effort plan whose late risk-years or exposure are not proven.
    static func isOpen(_ outcome: OrganisationOutcome, gap: Double) -> Bool {
        switch outcome.status {
        case .feasible, .unknown: return true
        case .optimal: return false
        case .infeasible:
            guard outcome.untouchedReason == nil else { return false }
            let lateGap = Tolerance.relativeGap(value: outcome.lateRiskYears, bound: outcome.lateRiskYearsBound)
            return !Tolerance.meets(gap: lateGap, tolerance: gap) || !Tolerance.meets(gap: outcome.gap, tolerance: gap)
        }
    }

    /// An organisation not solved: nothing planned, status unknown.
    static func placeholder(_ problem: OrganisationProblem) -> OrganisationOutcome {
        let nothing = PlanCounts(problem: problem)
        let baseline = PlanMeasures(problem: problem, counts: nothing)
        let value = problem.objective == .exposure ? baseline.exposure : baseline.presentValue
        return OrganisationOutcome(status: .unknown, counts: nothing, value: value, bound: 0)
    }

    /// The better answer of two attempts for one organisation: the better plan (the second when
    /// the values tie and it is proven, for its secondary aim), and the stronger of the two proven
    /// bounds. An attempt that proved infeasibility wins; one that found nothing loses.
    static func better(_ first: OrganisationOutcome, _ second: OrganisationOutcome?, gap tolerance: Double) -> OrganisationOutcome {
        guard let second else { return first }
        if first.status == .infeasible, second.status == .infeasible { return betterBestEffort(first, second) }
        switch (first.status, second.status) {
        case (.unknown, .unknown): return second.bound > first.bound ? second : first
        case (_, .infeasible), (.unknown, _): return second
        case (_, .unknown), (.infeasible, _): return first
        default: break
        }
        let tie = Tolerance.absolute(near: first.value)
        let takeSecond = second.value < first.value - tie || (second.status == .optimal && second.value <= first.value + tie)
        var result = takeSecond ? second : first
        result.bound = min(max(first.bound, second.bound), result.value)
        result.solveSeconds = first.solveSeconds + second.solveSeconds
        result.status = Tolerance.meets(gap: result.gap, tolerance: tolerance) ? .optimal : .feasible
        return result
    }

    /// The better of two best-effort answers for one infeasible organisation: fewer late
    /// risk-years, then the lower value (the first when they tie); each proven bound is valid for
    /// both (a bound over plans with no more than either's L), so the stronger ones are kept.
    static func betterBestEffort(_ first: OrganisationOutcome, _ second: OrganisationOutcome) -> OrganisationOutcome {
        let lateTie = Tolerance.absolute(near: first.lateRiskYears), tie = Tolerance.absolute(near: first.value)
        let takeSecond = second.untouchedReason == nil && (first.untouchedReason != nil
            || second.lateRiskYears < first.lateRiskYears - lateTie
            || (second.lateRiskYears <= first.lateRiskYears + lateTie && second.value < first.value - tie))
        var result = takeSecond ? second : first
        result.lateRiskYearsBound = min(max(first.lateRiskYearsBound, second.lateRiskYearsBound), result.lateRiskYears)
        result.bound = min(max(first.bound, second.bound), result.value)
        result.solveSeconds = first.solveSeconds + second.solveSeconds
        return result
    }

    /// Runs `body` on every item, on at most `threads` threads, items taken in order.
    static func forEach(_ items: [Int], threads: Int, _ body: @Sendable (Int) -> Void) {
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, items.count))) { _ in
            while true {
                let slot = next.increment() - 1
                guard slot < items.count else { return }
                body(items[slot])
            }
        }
    }

    /// The least time left in the run for a second-round retry to start.
    static let leastRetry: Duration = .milliseconds(250)

    /// One round: solves `indices` on at most `threads` threads, sharing the time to `deadline`
    /// by ``timeWeights(_:indices:firstRound:)``, each starting from `starting[index]` when given.
    /// Results land at their own index (nil elsewhere).
    private func solveRound(_ problems: [OrganisationProblem], indices: [Int], deadline: ContinuousClock.Instant,
                            finished: Int, round: Round = .first,
                            starting: [PlanCounts?]? = nil, earlier: [OrganisationOutcome]? = nil) -> [OrganisationOutcome?] {
        let results = ResultSlots<OrganisationOutcome>(count: problems.count)
        let next = Counter()
        let done = Counter(finished)
        let workers = max(1, min(options.threads, indices.count))
        let total = problems.count
        let options = self.options
        // The first round takes larger organisations first, so that the last worker is not left
        // with the largest. The second, whose shares are equal, takes smaller ones first: they
        // are often proven early, and the time they leave goes to the larger ones started after
        // them, where the other order would give it to nobody.
        // Best-effort plans come last in the second round: a plan that keeps every rule comes
        // first (SPEC §2.5), and they take the time the others leave.
        let smallFirst = round == .second
        let bestEffort = { (index: Int) in earlier?[index].status == .infeasible ? 1 : 0 }
        let unplanned = smallFirst ? [] : Self.withoutGreedyPlan(problems, indices: indices, threads: workers)
        let order = smallFirst
            ? indices.sorted { (bestEffort($0), problems[$0].unitCount, $0) < (bestEffort($1), problems[$1].unitCount, $1) }
            : Self.largestFirst(indices, problems)
        let weights = Self.timeWeights(problems, indices: indices, firstRound: round == .first, unplanned: unplanned)
        let plainWeights = Self.timeWeights(problems, indices: indices, firstRound: round == .first)
        let clock = TimeShare(deadline: deadline, totalWeight: indices.reduce(0) { $0 + weights[$1] },
                              totalPlainWeight: indices.reduce(0) { $0 + plainWeights[$1] }, workers: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let slot = next.increment() - 1
                guard slot < order.count else { return }
                let index = order[slot]
                if round == .second, deadline - ContinuousClock.now < Self.leastRetry {
                    // A retry with almost no time left cannot prove more, yet each of its lp_solve
                    // calls takes some 50 ms, which would overrun the limit: it keeps its
                    // first-round answer.
                    _ = done.increment()
                    continue
                }
                var solver = OrganisationSolver(
                    problem: problems[index], relativeGap: options.relativeGap,
                    deadline: clock.start(weight: weights[index]),
                    aggregate: options.aggregate, solver: round.lpSolve, cancellation: options.cancellation,
                    monolithicLimit: options.monolithicLimit)
                solver.startingPlan = starting?[index]
                if unplanned.contains(index) {
                    solver.settlingDeadline = clock.startPlain(weight: plainWeights[index])
                }
                // The retry searches best first: its bound rises as it goes, where lp_solve's
                // depth-first search proves nothing new with less time than the first round had.
                if round == .second {
                    solver.primarySearch = .bestFirst
                    // Once no organisation waits to start, those still running lose nobody
                    // anything by running on to the round's end, where a share fixed at the start
                    // would leave a core idle while the last hard council stopped early.
                    let count = order.count
                    solver.extendedDeadline = { next.value >= count ? deadline : nil }
                }
                solver.hurried = ContinuousClock.now >= deadline
                solver.onImprovement = options.progress.map {
                    Self.improvements(reportedTo: $0, organisation: problems[index].name, done: done, total: total)
                }
                let outcome: OrganisationOutcome
                if let previous = earlier?[index], previous.status == .infeasible {
                    outcome = solver.improvingBestEffort(of: previous)
                } else if round == .first {
                    outcome = Self.solveFirst(solver, gap: options.relativeGap)
                } else {
                    outcome = solver.solve()
                }
                clock.finish(weight: weights[index], plainWeight: plainWeights[index])
                results.set(index, outcome)
                let count = done.increment()
                options.progress?(PlanProgress(
                    organisationsDone: min(count, total), organisationCount: total, organisation: problems[index].name,
                    status: outcome.status, gap: outcome.gap))
            }
        }
        return results.optionalValues()
    }

    /// A solve's improvements (plan value, proven bound) as progress lines.
    private static func improvements(reportedTo report: @escaping @Sendable (PlanProgress) -> Void, organisation name: String,
                                     done: Counter, total: Int) -> @Sendable (Double, Double?) -> Void {
        { value, bound in
            let gap = bound.map { Tolerance.relativeGap(value: value, bound: $0) } ?? 1
            report(PlanProgress(organisationsDone: done.value, organisationCount: total, organisation: name,
                                status: nil, gap: gap, value: value, bound: bound))
        }
    }
}
