import LinearProgramming
import LPSolve
import MixedIntegerSearch

extension OrganisationSolver {
    /// The two aims of SPEC §2.4 as expressions of one model.
    struct Aims {
        var primary: LinearExpression
        var secondary: LinearExpression

        init(_ model: OrganisationModel, objective: Objective) {
            primary = objective == .exposure ? model.exposure : model.presentValue
            secondary = objective == .exposure ? model.nominalSpend : model.exposure
        }
    }

    /// Primary objective, then (when proven and time allows) the secondary aim under a cap on
    /// the primary value. `start` (a plan from elsewhere: the first round, the elastic model) is
    /// tried as the incumbent when it keeps the model's budgets and rules. `nodeLimit` caps the
    /// primary search by work instead of time alone.
    func optimise(_ model: inout OrganisationModel, start: PlanCounts? = nil, nodeLimit: Int? = nil,
                  search primarySearch: PrimarySearch? = nil) -> Attempt {
        let primarySearch = primarySearch ?? self.primarySearch
        let aims = Aims(model, objective: problem.objective)
        model.setObjective(.minimize, aims.primary)
        let prepared = prepare(&model, start: start)
        if prepared.infeasible { return .infeasible }
        let incumbent = prepared.incumbent
        if hurried, let incumbent { return .planned(incumbent.counts, bound: prepared.bound, proven: false) }
        var parameters = primaryParameters(nodeLimit: nodeLimit, incumbent: incumbent?.value)
        let search = primarySolver(primarySearch, for: model, incumbent: incumbent, parameters: &parameters)
        // The primary solve may use most of the time; the secondary aim gets what is left.
        guard var first = try? search.solve(model.model, parameters: parameters) else {
            if let incumbent { return .planned(incumbent.counts, bound: prepared.bound, proven: false) }
            return .noPlan(bound: nil)
        }
        if let plain = prepared.uncut, (primarySearch == .depthFirst && first.termination.reason == .failed)
            || (incumbent == nil && first.termination == .infeasible) {
            // Cuts can leave lp_solve's bases badly conditioned (ACCURACYERROR even on the LP):
            // the same search without them. Their bound is kept in `prepared.bound`. An
            // organisation is only called infeasible on the model without cuts.
            model = plain
            parameters.timeLimit = primaryParameters().timeLimit
            if let again = try? solver.solve(model.model, parameters: parameters) { first = again }
        }
        return conclude(first, model: model, aims: aims, prepared: prepared)
    }

    /// The primary search's share of the time, ended by ``primaryDeadline`` when that is earlier.
    private func primaryParameters() -> SolverParameters {
        var parameters = parameters(gap: relativeGap, share: Self.primaryShare)
        if let primaryDeadline, let limit = parameters.timeLimit {
            parameters.timeLimit = max(min(limit, primaryDeadline - .now), .milliseconds(50))
            parameters.extendedDeadline = nil
        }
        return parameters
    }

    /// The primary search's parameters, with progress reported through ``onImprovement``.
    private func primaryParameters(nodeLimit: Int?, incumbent: Double?) -> SolverParameters {
        var parameters = primaryParameters()
        parameters.nodeLimit = nodeLimit
        guard let onImprovement else { return parameters }
        // Both callbacks run on the solving thread, one at a time.
        let best = BestValue(incumbent ?? .infinity)
        parameters.onImprovedSolution = { improved in
            best.value = min(best.value, improved.objectiveValue)
            onImprovement(best.value, improved.bound)
            return .continue
        }
        parameters.onBoundImproved = { bound in
            if best.value.isFinite { onImprovement(best.value, bound) }
        }
        return parameters
    }

    /// The branch and bound for `search`, and how it is told about the incumbent.
    private func primarySolver(
        _ search: PrimarySearch, for model: OrganisationModel, incumbent: (counts: PlanCounts, value: Double)?,
        parameters: inout SolverParameters
    ) -> any LinearSolver {
        switch search {
        case .depthFirst:
            if let incumbent { parameters.objectiveCutoff = cutoff(admitting: incumbent.value) }
            return solver
        case .bestFirst:
            // Its own search has no trouble proving that nothing beats a cutoff (lp_solve's
            // has, see ``cutoff(admitting:)``), so plans that only tie with the incumbent go.
            if let incumbent {
                parameters.objectiveCutoff = cutoff(beating: incumbent.value)
                parameters.incumbentValue = incumbent.value
                parameters.incumbentPoint = model.decisions(of: incumbent.counts)
            }
            return BestFirstSolver(backend: LPSolveSolver(), reliability: lateCap == nil ? Self.primaryReliability : 1)
        }
    }

    /// What the primary search's answer means for the organisation: a plan (proven or not, then
    /// the secondary aim when proven), infeasibility, or no plan with what bound there is.
    private func conclude(_ first: Solution, model: OrganisationModel, aims: Aims, prepared: Preparation) -> Attempt {
        let incumbent = prepared.incumbent
        // A bound that holds whatever lp_solve says: the LP relaxation's optimum after the cuts.
        let fallbackBound = prepared.bound
        func strongest(_ bound: Double?) -> Double { max(bound ?? fallbackBound, fallbackBound) }
        if let incumbent, !first.hasSolution {
            guard first.termination.provesNoBetterPoint else {
                return .planned(incumbent.counts, bound: strongest(first.bestBound), proven: false)
            }
            // Every node was pruned above the cutoff: nothing beats the incumbent, so it is
            // optimal (lp_solve's cutoff admits the incumbent, which its tolerances missed;
            // the best-first search's excludes it, and may prove only that nothing beats it
            // by more than the gap: its bound then says by how much at most).
            return .planned(secondaryAim(model, aims, from: incumbent.counts),
                            bound: min(incumbent.value, first.bestBound ?? incumbent.value), proven: true)
        }
        // (A cutoff is set only with an incumbent, handled above: here a proof is of infeasibility.)
        if first.termination.provesNoBetterPoint { return .infeasible }
        guard first.hasSolution, first.termination.reason != .unbounded else { return .noPlan(bound: first.bestBound) }
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
        return .planned(secondaryAim(model, aims, from: counts), bound: bound, proven: true)
    }

    /// SPEC §2.4's secondary aim for a plan proven optimal on the primary objective: a plan no
    /// worse on the primary and strictly better on the secondary (nominal spend for `exposure`,
    /// exposure for `cost`), if lp_solve finds one in the time left; otherwise `counts`.
    func secondaryAim(_ model: OrganisationModel, _ aims: Aims, from counts: PlanCounts) -> PlanCounts {
        guard ContinuousClock.now < currentDeadline else { return counts }
        let measures = PlanMeasures(problem: problem, counts: counts)
        let value = primaryValue(measures)
        var second = model
        second.addCap(aims.primary, value + Tolerance.absolute(1e-7, near: value), name: "primaryCap")
        second.setObjective(.minimize, aims.secondary)
        var secondParameters = parameters(gap: relativeGap, share: Self.secondaryShare)
        secondParameters.nodeLimit = Self.secondaryNodeLimit
        let secondaryNow = secondaryValue(measures)
        // The cutoff admits the current plan, as ``cutoff(admitting:)`` does for the primary
        // search (a cutoff below it often ends in ACCURACYERROR); only a better plan is taken.
        secondParameters.objectiveCutoff = secondaryNow + Tolerance.absolute(near: secondaryNow)
        guard let better = try? solver.solve(second.model, parameters: secondParameters), better.hasSolution else { return counts }
        let candidate = model.counts(from: better)
        let candidateMeasures = PlanMeasures(problem: problem, counts: candidate)
        guard candidate.keepsEverything(of: rulesOf(model)), primaryValue(candidateMeasures) <= value + Tolerance.absolute(1e-7, near: value),
              secondaryValue(candidateMeasures) < secondaryNow else { return counts }
        return candidate
    }

    /// For an organisation with no plan in hand (the greedy finds none, and the starting plan, if
    /// any, does not keep these budgets), a first search on the plain model (no pooling, no
    /// strengthening, no cuts) with a share of its time: whether it proves that no plan exists,
    /// or a plan it finds. lp_solve proves some organisations infeasible at once on the plain
    /// model that it does not prove in minutes on the strengthened one, whose relaxation has a
    /// point: two of three councils of the national 100k at 1.5 times their budgets, which the
    /// frontier left `unknown` (HiGHS proves all three in 0.03–0.2 s).
    func plainCheck() -> (infeasible: Bool, plan: PlanCounts?) {
        guard aggregate, !hurried, lateCap == nil, startingPlan?.keepsEverything(of: problem) != true,
              GreedyPlanner(problem: dueByHorizon).plan()?.keepsEverything(of: problem) != true else { return (false, nil) }
        var plain = OrganisationModel(problem: problem, aggregate: false)
        plain.setObjective(.minimize, problem.objective == .exposure ? plain.exposure : plain.presentValue)
        var search = parameters(gap: relativeGap, share: Self.plainCheckShare)
        search.objectiveGranularity = lattice
        guard let run = try? solver.solve(plain.model, parameters: search) else { return (false, nil) }
        if run.termination == .infeasible { return (true, nil) }
        guard run.hasSolution else { return (false, nil) }
        let counts = plain.counts(from: run)
        return (false, counts.keepsEverything(of: problem) ? counts : nil)
    }

    /// The plain model's share of the time of an organisation the greedy cannot plan.
    static let plainCheckShare = 0.3
}

/// The best plan value a search has reported, shared by its two progress callbacks.
private final class BestValue: @unchecked Sendable {
    var value: Double
    init(_ value: Double) { self.value = value }

}
