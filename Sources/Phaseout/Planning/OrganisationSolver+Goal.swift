import LinearProgramming

extension GoalTarget {
    /// The most exposure the target allows the organisation, (1 − P)·E₀; `nil` for `deadlines`.
    func mostExposure(_ problem: OrganisationProblem) -> Double? {
        guard case .exposureReduction(let share) = self else { return nil }
        return (1 - share) * problem.baselineExposure
    }
}

extension OrganisationSolver {
    /// What goal seeking found for one organisation (SPEC §2.6).
    enum GoalAnswer {
        /// The least scale found (`scale`, the plan's own least scale, unrounded), the proven
        /// lower bound on it, and the plan that reaches the target at that scale.
        case reached(scale: Double, bound: Double, counts: PlanCounts)
        /// No scale reaches the target; why.
        case structural(String)
        /// The time ran out before a plan or a proof was found.
        case unknown(bound: Double?)
    }

    /// The problem goal seeking plans: under `exposure-reduction` units need not all be gone,
    /// whatever the objective (SPEC §2.6).
    static func goalProblem(_ problem: OrganisationProblem, target: GoalTarget) -> OrganisationProblem {
        var goal = problem
        if case .exposureReduction = target { goal.mustBeGoneByHorizon = false }
        return goal
    }

    /// The least budget scale s at which some plan keeps every rule of SPEC §2.3 and meets
    /// `target`: one mixed-integer model with s a continuous variable multiplying the budgets,
    /// minimised to the relative gap.
    func leastBudgetScale(target: GoalTarget) -> GoalAnswer {
        let goalProblem = Self.goalProblem(problem, target: target)
        if structuralConflict(goalProblem) != nil { return .structural(diagnoseUnreachable(target)) }
        // Too large for one model (the planner decomposes these): the greedy plan's own scale.
        guard !isTooLargeForOneModel else { return greedyScale(target: target, bound: nil) }
        var goal = OrganisationModel(problem: goalProblem, configuration: .init(purpose: .goal, aggregate: aggregate))
        Self.addTarget(target, to: &goal)
        var objective = LinearExpression()
        objective.add(1, goal.scale!)
        goal.setObjective(.minimize, objective)
        var settings = parameters(gap: relativeGap)
        settings.objectiveGranularity = nil
        guard let run = try? solver.solve(goal.model, parameters: settings) else { return greedyScale(target: target, bound: nil) }
        guard run.objectiveValue != nil else {
            return run.termination.provesNoBetterPoint ? .structural(diagnoseUnreachable(target)) : greedyScale(target: target, bound: run.bestBound)
        }
        let counts = goal.counts(from: run)
        guard counts.keepsRules(of: goalProblem), meets(target, counts, goalProblem),
              let scale = Self.leastScale(of: counts, in: goalProblem)
        else { return greedyScale(target: target, bound: run.bestBound) }
        var bound = min(max(0, run.bestBound ?? 0), scale)
        // lp_solve's bound carries its own arithmetic (a few parts in 1e9 on these rows): within
        // that of the scale, it is the scale.
        if scale - bound <= Tolerance.absolute(Self.scaleNoise, near: scale) { bound = scale }
        return .reached(scale: scale, bound: bound, counts: counts)
    }

    /// The relative difference within which lp_solve's bound on the scale is the scale.
    static let scaleNoise = 1e-8

    /// When the goal model gives no plan (the time ran out, or the organisation is too large for
    /// one model): the scale at which the greedy plan that does all due work on time keeps its
    /// budgets, a scale that suffices but is not proven the least. Only for `deadlines` within
    /// the labour limits; otherwise unknown.
    func greedyScale(target: GoalTarget, bound: Double?) -> GoalAnswer {
        guard target == .deadlines, let funded = GreedyPlanner(problem: dueByHorizon).fundedPlan(),
              funded.hours.allSatisfy({ $0 == 0 }), funded.counts.keepsRules(of: problem),
              let scale = Self.leastScale(of: funded.counts, in: problem)
        else { return .unknown(bound: bound) }
        return .reached(scale: scale, bound: min(max(0, bound ?? 0), scale), counts: funded.counts)
    }

    /// Adds the exposure target's row (E ≤ (1 − P)·E₀) to a model.
    static func addTarget(_ target: GoalTarget, to model: inout OrganisationModel) {
        guard let most = target.mostExposure(model.problem) else { return }
        model.addCap(model.exposure, most + Tolerance.absolute(near: most), name: "target[\(model.problem.name)]")
    }

    /// Whether `counts` meets `target` (the deadlines are among the rules).
    func meets(_ target: GoalTarget, _ counts: PlanCounts, _ problem: OrganisationProblem) -> Bool {
        guard let most = target.mostExposure(problem) else { return true }
        return PlanMeasures(problem: problem, counts: counts).exposure <= most + Tolerance.absolute(1e-6, near: most)
    }

    /// The least scale s at which the fixed plan `counts` keeps the budgets B·s with carry-over
    /// (exactly, without the money tolerance), or `nil` when no scale does (spend in periods no
    /// budget or carry can reach). Bisection: the money a plan may spend only grows with s.
    static func leastScale(of counts: PlanCounts, in problem: OrganisationProblem) -> Double? {
        let spend = PlanMeasures(problem: problem, counts: counts).spend
        func fits(_ s: Double) -> Bool {
            var carry = 0.0
            for t in spend.indices {
                let available = s * problem.budget[t] + carry
                if spend[t] > available + Tolerance.absolute(near: available) { return false }
                carry = t < spend.count - 1 ? problem.carryOver * max(0, available - spend[t]) : 0
            }
            return true
        }
        if fits(0) { return 0 }
        var high = 1.0
        while !fits(high) {
            high *= 2
            if high > 1e12 { return nil }
        }
        var low = 0.0
        for _ in 0..<80 where high - low > Tolerance.absolute(1e-13, near: high) {
            let middle = (low + high) / 2
            if fits(middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// Why no scale reaches the target: money enough for everything in every period settles
    /// whether it is the money at all (a scale cannot fill a period whose budget is 0), then the
    /// labour, then the target itself, then the locks and order.
    func diagnoseUnreachable(_ target: GoalTarget) -> String {
        let goalProblem = Self.goalProblem(problem, target: target)
        if let conflict = structuralConflict(goalProblem) { return "locks or ordering: \(conflict)" }
        var rich = goalProblem
        rich.budget = [Double](repeating: Self.moneyForEverything(goalProblem), count: goalProblem.periodCount)
        if isPossible(rich, target: target) {
            return "no budget: the budget is 0 in the periods where the target needs money, and a scale cannot change that"
        }
        var unlimited = rich
        unlimited.labourHours = nil
        if rich.labourHours != nil, isPossible(unlimited, target: target) {
            return "labour: the labour hours cannot meet the target, whatever the money"
        }
        if case .exposureReduction(let share) = target, isPossible(unlimited, target: .deadlines) {
            return "target beyond reach: no plan lowers exposure by \(share * 100) % within the rules"
        }
        return "locks or ordering: no plan keeps the locks, deadlines and recorders-first order together"
    }

    /// Whether some plan keeps `problem`'s rules, budgets and labour and meets `target`.
    private func isPossible(_ problem: OrganisationProblem, target: GoalTarget) -> Bool {
        var model = OrganisationModel(problem: problem, aggregate: aggregate)
        Self.addTarget(target, to: &model)
        model.setObjective(.minimize, LinearExpression())
        guard let run = try? solver.solve(model.model, parameters: parameters(gap: relativeGap)) else { return false }
        return run.objectiveValue != nil
    }

    /// A per-period amount no plan can overspend: every unit's dearest treatments and every
    /// site's visits, at the dearest period's prices, twice over.
    static func moneyForEverything(_ problem: OrganisationProblem) -> Double {
        var total = 0.0
        for site in problem.sites {
            total += site.visitCost * Double(problem.periodCount)
            for group in site.groups {
                let treatments = group.unitCost + (group.isolation?.cost ?? 0) + (group.removal?.cost ?? 0)
                total += Double(group.count) * treatments
            }
        }
        return 2 * total * (problem.priceFactor.max() ?? 1) + 1
    }
}
