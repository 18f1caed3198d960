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
        let scenario = estate.scenario
        let selection = options.shard?.organisationIndices(in: estate) ?? Array(estate.organisations.indices)
        let problems = selection.map {
            OrganisationProblem(organisation: estate.organisations[$0], scenario: scenario, register: estate.register)
        }
        let runDeadline = (options.startedAt ?? .now) + options.timeLimit
        let reserve = Self.finishingReserve(deviceRows: estate.register.rows.count, timeLimit: options.timeLimit)
        let outcomes = solveAll(problems, deadline: runDeadline - reserve)
        let margins = marginalFigures(problems: problems, outcomes: outcomes)
        var assembler = PlanAssembler(estate: estate, problems: problems, outcomes: outcomes, margins: margins)
        assembler.selection = selection
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

    /// The time kept back from the solve for what follows it within the run's limit: the shadow
    /// prices, the independent verifier (plan and funded plan) and writing the files, which grow
    /// with the register: 30 µs a register row, with headroom over what they take (see
    /// Benchmarks/README.md). Never more than a fifth of the limit: a short limit on a large
    /// estate is overrun rather than unsolved.
    static func finishingReserve(deviceRows: Int, timeLimit: Duration) -> Duration {
        min(.microseconds(30) * deviceRows, timeLimit * 0.2)
    }

    /// Shadow prices (when ``PlanOptions/shadowPrices``) and what-if re-plans (when
    /// ``PlanOptions/whatIfAmount`` is set) of every planned organisation.
    func marginalFigures(problems: [OrganisationProblem], outcomes: [OrganisationOutcome]) -> [OrganisationMargins] {
        var margins = problems.indices.map { o in
            OrganisationMargins(objective: problems[o].objective, planned: WhatIfAnalysis.isPlanned(outcomes[o]))
        }
        if options.shadowPrices {
            let priced = ResultSlots<OrganisationMargins>(count: problems.count)
            let limit = options.monolithicLimit, timeLimit = options.timeLimit
            let unpriced = margins
            let planned = problems.indices.filter { margins[$0].planned }
            Self.forEach(planned, threads: options.threads) { o in
                var margin = unpriced[o]
                if problems[o].decisionCount > limit {
                    margin.shadowPriceNote = "not computed: the organisation is too large for one LP"
                } else {
                    margin.prices = ShadowPrices(problem: problems[o], timeLimit: timeLimit).prices(at: outcomes[o].counts)
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
        /// Every organisation, with lp_solve's own search.
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
    func solveAll(_ problems: [OrganisationProblem], deadline: ContinuousClock.Instant) -> [OrganisationOutcome] {
        var outcomes = solveRound(problems, indices: Array(problems.indices), deadline: deadline, finished: 0).map { $0! }
        let open = problems.indices.filter { outcomes[$0].status == .feasible || outcomes[$0].status == .unknown }
        guard !open.isEmpty, deadline - ContinuousClock.now > .milliseconds(500),
              options.cancellation?.isCancelled != true else { return outcomes }
        // The first round's plans start the second: a better incumbent prunes more.
        let starting = outcomes.map { $0.status == .feasible ? $0.counts : nil }
        let retried = solveRound(problems, indices: open, deadline: deadline, finished: problems.count - open.count,
                                 round: .second, starting: starting)
        for index in open { outcomes[index] = Self.better(outcomes[index], retried[index], gap: options.relativeGap) }
        return outcomes
    }

    /// The better answer of two attempts for one organisation: the better plan (the second when
    /// the values tie and it is proven, for its secondary aim), and the stronger of the two proven
    /// bounds. An attempt that proved infeasibility wins; one that found nothing loses.
    static func better(_ first: OrganisationOutcome, _ second: OrganisationOutcome?, gap tolerance: Double) -> OrganisationOutcome {
        guard let second else { return first }
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

    /// How the time of a round is shared. In the first, in proportion to size plus the mean size:
    /// difficulty does not grow with size, and pure proportion starves small hard councils of the
    /// second or so they need. In the second, which only re-solves the unproven, equally.
    static func timeWeights(_ problems: [OrganisationProblem], indices: [Int], firstRound: Bool) -> [Double] {
        guard firstRound else { return problems.map { _ in 1 } }
        let mean = Double(indices.reduce(0) { $0 + problems[$1].unitCount }) / Double(max(1, indices.count))
        return problems.map { Double(max(1, $0.unitCount)) + mean }
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
                            starting: [PlanCounts?]? = nil) -> [OrganisationOutcome?] {
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
        let smallFirst = round == .second
        let order = indices.sorted {
            smallFirst ? (problems[$0].unitCount, $0) < (problems[$1].unitCount, $1)
                : (problems[$0].unitCount, -$0) > (problems[$1].unitCount, -$1)
        }
        let weights = Self.timeWeights(problems, indices: indices, firstRound: round == .first)
        let clock = TimeShare(deadline: deadline, totalWeight: indices.reduce(0) { $0 + weights[$1] }, workers: workers)
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
                if let report = options.progress {
                    let name = problems[index].name
                    solver.onImprovement = { value, bound in
                        let gap = bound.map { Tolerance.relativeGap(value: value, bound: $0) } ?? 1
                        report(PlanProgress(organisationsDone: done.value, organisationCount: total, organisation: name,
                                            status: nil, gap: gap, value: value, bound: bound))
                    }
                }
                let outcome = solver.solve()
                clock.finish(weight: weights[index])
                results.set(index, outcome)
                let count = done.increment()
                options.progress?(PlanProgress(
                    organisationsDone: min(count, total), organisationCount: total, organisation: problems[index].name,
                    status: outcome.status, gap: outcome.gap))
            }
        }
        return results.optionalValues()
    }
}

/// How the planner works.
public struct PlanOptions: Sendable {
    /// Wall-clock limit for the whole run (SPEC §4 default 60 s), counted from ``startedAt``.
    /// The solve stops early enough for the shadow prices, the verifier and the writing to fit.
    public var timeLimit: Duration = .seconds(60)
    /// When the run's clock started: the CLI sets it before reading the inputs, so that the
    /// limit covers the whole run. `nil`: when ``Planner/plan(_:)`` is called.
    public var startedAt: ContinuousClock.Instant?
    /// Relative gap tolerance (SPEC §2.5 default 1e-4).
    public var relativeGap: Double = 1e-4
    /// Organisations solved at once. The plan does not depend on it.
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Pool interchangeable units of uncoupled sites (off only to check the pooling).
    public var aggregate: Bool = true
    /// Organisations needing more decisions (groups × periods at coupled sites) than this are
    /// planned by decomposition (Lagrangian bound and repaired greedy plans) instead of one
    /// lp_solve model.
    public var monolithicLimit: Int = PlanOptions.defaultMonolithicLimit
    public static let defaultMonolithicLimit = 25_000
    /// Compute each planned organisation's shadow prices: the duals of its budget (and labour)
    /// rows in the LP with the plan's visits and recorder blocks fixed (see `ShadowPrices`).
    public var shadowPrices: Bool = true
    /// When set, re-plan every planned organisation once per period with this many more nominal
    /// pounds in that period's budget, and report what it buys (see ``WhatIf``).
    public var whatIfAmount: Double?
    /// Wall-clock limit shared by all what-if re-plans (split among them by size, as a run's
    /// time is split among organisations); `nil` means ``timeLimit`` again.
    public var whatIfTimeLimit: Duration?
    /// Called after each organisation, from a worker thread.
    public var progress: (@Sendable (PlanProgress) -> Void)?
    /// Stops the run early (remaining organisations end `unknown`).
    public var cancellation: CancellationFlag?
    /// Plan only this slice of the organisations, for `phaseout merge` to join with the others
    /// (see ``Shard``); `nil`: every organisation.
    public var shard: Shard?

    public init() {}
}

/// Progress of a planning run.
public struct PlanProgress: Sendable {
    public let organisationsDone: Int
    public let organisationCount: Int
    public let organisation: String
    /// The organisation's status; `nil` while it is still being solved.
    public let status: PlanStatus?
    public let gap: Double
    /// While an organisation is being solved: its best plan's value and the bound proven so
    /// far (reported on each improvement, for long solves).
    public var value: Double? = nil
    public var bound: Double? = nil

    /// Whether this reports a finished organisation (rather than progress inside one).
    public var isFinished: Bool { status != nil }
}

extension OrganisationProblem {
    var unitCount: Int { sites.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.count } } }
}

/// A lock-protected array written by worker threads at distinct indices.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    init(count: Int) { slots = [Value?](repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) { lock.lock(); slots[index] = value; lock.unlock() }
    func optionalValues() -> [Value?] { lock.lock(); defer { lock.unlock() }; return slots }
}

/// Shares the run's time among organisations: each one, when it starts, gets the remaining
/// time in proportion to its size among those not finished, times the number of workers
/// (never past the run's deadline). Time an organisation does not use goes to the others.
final class TimeShare: @unchecked Sendable {
    private let lock = NSLock()
    private let deadline: ContinuousClock.Instant
    private var remainingWeight: Double
    private let workers: Int

    init(deadline: ContinuousClock.Instant, totalWeight: Double, workers: Int) {
        self.deadline = deadline
        self.remainingWeight = totalWeight
        self.workers = workers
    }

    /// The deadline of an organisation of this weight starting now.
    func start(weight: Double) -> ContinuousClock.Instant {
        lock.lock(); defer { lock.unlock() }
        let now = ContinuousClock.now
        let remaining = deadline - now
        guard remaining > .zero, remainingWeight > 0 else { return deadline }
        let share = min(1, Double(workers) * weight / remainingWeight)
        return now + remaining * share
    }

    func finish(weight: Double) {
        lock.lock(); remainingWeight -= weight; lock.unlock()
    }
}

/// A lock-protected counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ start: Int = 0) { count = start }
    /// Adds one and returns the new value.
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
    /// The current value.
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
