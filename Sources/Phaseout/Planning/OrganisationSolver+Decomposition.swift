import LinearProgramming
import LPSolve
import MixedIntegerSearch

extension OrganisationSolver {
    /// The decomposition path for very large organisations: a greedy plan, the Lagrangian
    /// bound from pricing the money and labour rows (exact per-site subproblems), and a
    /// greedy repair of the sites' choices at the best prices. A shortfall found here suffices
    /// but is not proven the least (``fundedByGreedy()``).
    func solveByDecomposition(baselineValue: Double) -> OrganisationOutcome {
        let nothing = PlanCounts(problem: problem)
        var outcome = OrganisationOutcome(status: .unknown, counts: nothing, value: baselineValue, bound: trivialBound)
        var incumbent: Incumbent?
        let due = dueByHorizon
        keep(GreedyPlanner(problem: due).plan(), in: &incumbent)
        keep(GreedyPlanner(problem: due, cutsBundles: true).plan(), in: &incumbent)
        if problem.hasTreatments, let base = GreedyPlanner(problem: IsolationFill.baseProblem(due)).plan() {
            // `isolatedBy` met by isolating where replacing is not affordable (see IsolationFill).
            keep(IsolationFill(problem: due).filling(base), in: &incumbent)
        }
        let now = ContinuousClock.now
        let relaxation = LagrangianRelaxation(problem: problem)
        let plannedValue = incumbent?.value
        let report = onImprovement
        let result = relaxation.maximise(
            target: incumbent?.value, iterations: 500, deadline: now + (deadline - now) * 0.85,
            progress: { bound in if let report, let plannedValue { report(plannedValue, bound) } })
        outcome.modelColumns = problem.decisionCount
        // With isolation or removal open, the relaxation's sites take them too, so its bound and
        // its verdict of infeasibility hold; the greedy plans only replace.
        conclude(&outcome, from: result, bound: roundedUp(result.bound), incumbent: incumbent, baselineValue: baselineValue,
                 provesInfeasibility: true,
                 because: "this organisation (\(problem.decisionCount) decisions) is too large for the exact shortfall model")
        return outcome
    }

    /// A plan and its primary value.
    typealias Incumbent = (counts: PlanCounts, value: Double)

    /// Keeps `candidate` in `incumbent` when it keeps every rule and budget and is better.
    func keep(_ candidate: PlanCounts?, in incumbent: inout Incumbent?) {
        guard let counts = candidate, counts.keepsRules(of: problem) else { return }
        let measures = PlanMeasures(problem: problem, counts: counts)
        guard measures.keepsBudgets(of: problem) else { return }
        let value = primaryValue(measures)
        if incumbent == nil || value < incumbent!.value { incumbent = (counts, value) }
    }

    /// The outcome the Lagrangian relaxation's `result` leads to, for the decomposition path and
    /// the quick bound: the better of `incumbent` and the greedy plans at the relaxation's choices
    /// and prices (with treatments, also the plan following its choices), with `bound`; or, when `provesInfeasibility` and the relaxation shows that no
    /// plan exists (a site's own rules contradict each other, or under `exposure` a bound above
    /// the baseline, which no plan exceeds), infeasibility (`reason` says why the shortfall is
    /// the greedy's); or no plan, with `bound`.
    func conclude(_ outcome: inout OrganisationOutcome, from result: LagrangianRelaxation.Result, bound: Double,
                  incumbent: Incumbent?, baselineValue: Double, provesInfeasibility: Bool, because reason: String) {
        if provesInfeasibility, result.infeasible
            || (problem.objective == .exposure && bound > baselineValue + Tolerance.absolute(1e-6, near: baselineValue)) {
            concludeInfeasible(&outcome, proof: result, baselineValue: baselineValue, because: reason)
            return
        }
        var incumbent = incumbent
        let due = dueByHorizon
        for cuts in [false, true] {
            keep(GreedyPlanner(problem: due, seed: result.seed, cutsBundles: cuts).plan(), in: &incumbent)
            keep(GreedyPlanner(problem: due, prices: result.prices, cutsBundles: cuts).plan(), in: &incumbent)
        }
        // With treatments the relaxation's choices isolate where that pays at its prices.
        if problem.hasTreatments, problem.objective == .exposure {
            keep(IsolationFill(problem: due).following(result.seed), in: &incumbent)
        }
        guard let incumbent else {
            outcome.bound = min(bound, baselineValue)
            return
        }
        outcome.counts = incumbent.counts
        outcome.value = incumbent.value
        outcome.bound = min(bound, incumbent.value)
        outcome.status = Tolerance.meets(gap: outcome.gap, tolerance: relativeGap) ? .optimal : .feasible
    }

    /// An organisation the Lagrangian relaxation (`proof`) shows has no plan: a site whose own
    /// rules contradict each other (structural), or a bound above the baseline, which no plan's
    /// exposure exceeds. Its shortfall is the greedy's (`reason` says why not the exact one) and
    /// its best effort the greedy plan without deadlines.
    func concludeInfeasible(_ outcome: inout OrganisationOutcome, proof: LagrangianRelaxation.Result,
                            baselineValue: Double, because reason: String) {
        outcome.status = .infeasible
        outcome.counts = PlanCounts(problem: problem)
        outcome.value = baselineValue
        outcome.bound = baselineValue
        if !proof.infeasible, let funded = fundedByGreedy(because: reason) {
            outcome.shortfall = funded.shortfall
            outcome.fundedCounts = funded.counts
        } else {
            outcome.shortfall = Shortfall(money: zeros, hours: zeros, structuralReason: proof.infeasible
                ? "a site's deadlines, locks and recorders-first rule contradict each other"
                : "no plan meets its deadlines within its budgets; \(reason) and the greedy plan found no amount "
                  + "that suffices, so none is reported (not proven structural)")
        }
        var quick = self
        quick.hurried = true
        quick.planBestEffort(&outcome)
    }

    /// A shortfall when the exact elastic model cannot give one (an organisation too large for
    /// it, or a search the time limit cut): the cheapest of the greedy plans doing all due work
    /// (under `cost`, everything by the last period; ``GreedyPlanner/fundedPlans()``), and the
    /// money and hours it overspends per period. The funded plan is checked against the
    /// raised budgets before it is returned, so the amounts suffice; they are not proven the
    /// least, and the caveat says so and why.
    func fundedByGreedy(because reason: String) -> (shortfall: Shortfall, counts: PlanCounts)? {
        let mandatory = dueByHorizon
        let candidates = GreedyPlanner(problem: mandatory).fundedPlans().filter { $0.keepsRules(of: problem) }.map {
            ($0, PlanMeasures(problem: problem, counts: $0).overspend(of: problem))
        }
        guard let (found, overspend) = candidates.min(by: { $0.1.money.reduce(0, +) < $1.1.money.reduce(0, +) }) else { return nil }
        let hours = problem.labourHours == nil ? zeros : overspend.hours
        let funded = problem.funded(money: overspend.money, hours: hours)
        guard found.keepsEverything(of: funded) else { return nil }
        // The plan the money buys: the full greedy with the raised budgets, or the due work alone.
        var counts = found
        if let full = GreedyPlanner(problem: mandatory.funded(money: overspend.money, hours: hours)).plan(),
           full.keepsEverything(of: funded) {
            counts = full
        }
        let shortfall = Shortfall(
            money: overspend.money, hours: hours, structuralReason: nil,
            caveat: "sufficient, not proven the least: \(reason), so this is what a greedy plan doing all due work on time overspends",
            moneyBound: 0)
        return (shortfall, counts)
    }

    /// The problem as the greedy must see it: under `cost` every at-risk unit is due by the last
    /// period (SPEC §2.4), so the greedy plans all of them, earliest deadline first.
    var dueByHorizon: OrganisationProblem {
        guard problem.mustBeGoneByHorizon else { return problem }
        var due = problem
        for s in due.sites.indices {
            for g in due.sites[s].groups.indices {
                let group = due.sites[s].groups[g]
                if group.atRisk, group.locked == nil, group.deadline == nil { due.sites[s].groups[g].deadline = problem.periodCount - 1 }
            }
        }
        return due
    }
}
