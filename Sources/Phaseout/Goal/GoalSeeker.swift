import Foundation
import LinearProgramming

/// Goal seeking (SPEC §2.6): each organisation's least budget scale for a target, and one plan
/// for the whole estate at the budgets those scales imply.
///
/// ```swift
/// let run = GoalSeeker(target: .deadlines).seekSynchronously(estate)
/// for goal in run.organisations { print(goal.name, goal.status, goal.scale ?? .nan) }
/// ```
public struct GoalSeeker: Sendable {
    /// The run's options: its time limit covers both the scales and the plan.
    public var options: PlanOptions
    /// What every organisation must reach.
    public var target: GoalTarget
    /// Called from a worker thread as each organisation's scale is settled, with the number
    /// settled so far and the organisation count.
    public var progress: (@Sendable (OrganisationGoal, Int, Int) -> Void)?

    /// - Parameters:
    ///   - target: what every organisation must reach.
    ///   - options: time limit, gap, threads and the planner's progress (for the plan).
    public init(target: GoalTarget = .deadlines, options: PlanOptions = PlanOptions()) {
        self.target = target
        self.options = options
    }

    /// The share of the run's solve time the scales get; the plan at the scales gets the rest
    /// and starts from the goal model's own plans, so it needs less.
    static let scaleShare = 0.6

    /// Finds every organisation's least scale, then plans the estate at the scaled budgets.
    /// - Returns: the scales, the estate with its budgets scaled, and the plan for it.
    public func seekSynchronously(_ estate: Estate) -> GoalRun {
        let started = options.startedAt ?? .now
        let problems = Planner.problems(of: estate)
        let reserve = Planner.finishingReserve(deviceRows: estate.register.rows.count, timeLimit: options.timeLimit)
        let scalesDeadline = started + (options.timeLimit - reserve) * Self.scaleShare
        let answers = leastScales(problems, deadline: scalesDeadline)
        var goals: [OrganisationGoal] = []
        var scaled = estate
        // An exposure target is planned for exposure: under `cost` the units need not all be gone
        // (SPEC §2.6), which the cost objective would demand of the plan at the scaled budgets.
        if case .exposureReduction = target { scaled.scenario.objective = .exposure }
        var settled: [Int: OrganisationOutcome] = [:]
        var starting = [PlanCounts?](repeating: nil, count: problems.count)
        for (o, answer) in answers.enumerated() {
            let goal = Self.goal(for: problems[o], answer: answer, gap: options.relativeGap)
            goals.append(goal)
            if case .reached(_, _, let counts) = answer, let scale = goal.scale {
                let budget = problems[o].budget.map { $0 * scale }
                scaled.organisations[o].budget = budget
                scaled.scenario.budgets[problems[o].name.folded] = budget
                starting[o] = counts
            } else {
                scaled.scenario.budgets[problems[o].name.folded] = problems[o].budget
                settled[o] = Self.untreated(problems[o], goal: goal)
            }
        }
        var planning = options
        planning.startedAt = started
        let plan = Planner(options: planning).planSynchronously(scaled, settled: settled, starting: starting)
        return GoalRun(target: target, organisations: goals, estate: scaled, plan: plan)
    }

    /// Each organisation's ``OrganisationSolver/GoalAnswer``, solved on the run's threads with
    /// the time shared by size as the planner's first round shares it.
    private func leastScales(_ problems: [OrganisationProblem], deadline: ContinuousClock.Instant)
        -> [OrganisationSolver.GoalAnswer] {
        let results = ResultSlots<OrganisationSolver.GoalAnswer>(count: problems.count)
        let indices = Array(problems.indices)
        let weights = Planner.timeWeights(problems, indices: indices, firstRound: true)
        let workers = max(1, min(options.threads, problems.count))
        let clock = TimeShare(deadline: deadline, totalWeight: weights.reduce(0, +), workers: workers)
        let order = Planner.largestFirst(indices, problems)
        let done = Counter()
        let options = self.options, target = self.target, progress = self.progress
        Planner.forEach(order, threads: workers) { o in
            var solver = OrganisationSolver(
                problem: problems[o], relativeGap: options.relativeGap, deadline: clock.start(weight: weights[o]),
                aggregate: options.aggregate, cancellation: options.cancellation)
            solver.monolithicLimit = options.monolithicLimit
            let answer = solver.leastBudgetScale(target: target)
            clock.finish(weight: weights[o])
            results.set(o, answer)
            let count = done.increment()
            progress?(Self.goal(for: problems[o], answer: answer, gap: options.relativeGap), count, problems.count)
        }
        return results.optionalValues().map { $0 ?? .unknown(bound: nil) }
    }

    /// goal.csv's figures for one organisation's answer.
    static func goal(for problem: OrganisationProblem, answer: OrganisationSolver.GoalAnswer, gap: Double) -> OrganisationGoal {
        var goal = OrganisationGoal(name: problem.name, status: .unknown, currentBudgets: problem.budget)
        switch answer {
        case .reached(let exact, let bound, _):
            let scale = OrganisationGoal.reported(exact)
            goal.scale = scale
            goal.exactScale = exact
            goal.bound = bound
            goal.budgets = OrganisationGoal.wholePounds(problem.budget, scale: scale)
            goal.status = Tolerance.meets(gap: goal.gap ?? 0, tolerance: gap) ? .optimal : .feasible
        case .structural(let reason):
            goal.status = .structural
            goal.reason = reason
        case .unknown(let bound):
            goal.bound = bound.map { max(0, $0) }
            goal.reason = "the time limit ran out before a scale was found"
        }
        return goal
    }

    /// The plan of an organisation that does not reach the target: its units stand untreated at
    /// its own budgets (SPEC §2.6), infeasible with the reason when it is structural.
    static func untreated(_ problem: OrganisationProblem, goal: OrganisationGoal) -> OrganisationOutcome {
        var outcome = Planner.placeholder(problem)
        outcome.bound = outcome.value
        guard goal.status == .structural else { return outcome }
        let zeros = [Int](repeating: 0, count: problem.periodCount)
        outcome.status = .infeasible
        outcome.shortfall = Shortfall(money: zeros, hours: zeros, structuralReason: goal.reason)
        outcome.untouchedReason = "goal seeking: \(goal.reason ?? "no scale reaches the target")"
        outcome.lateRiskYears = LateRiskYears(problem).value(of: outcome.counts, in: problem)
        outcome.lateRiskYearsBound = outcome.lateRiskYears
        return outcome
    }
}

/// What a goal-seeking run found: each organisation's scale, and the plan at those scales.
public struct GoalRun: Sendable {
    /// The target sought.
    public var target: GoalTarget
    /// In the estate's order.
    public var organisations: [OrganisationGoal]
    /// The estate with each reaching organisation's budgets multiplied by its reported scale:
    /// the estate ``plan`` keeps (and the independent verifier checks it against).
    public var estate: Estate
    /// The plan at the scaled budgets; structural and unknown organisations stand untreated.
    public var plan: Plan

    /// Whether some organisation's scale is unknown (the command exits 4).
    public var hasUnknown: Bool { organisations.contains { $0.status == .unknown } || plan.status == .unknown }
}
