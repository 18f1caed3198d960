import LinearProgramming
import LPSolve
import MixedIntegerSearch

/// What a fixed sum more in one period's budget actually buys: the organisation re-planned
/// with the raised budget (the honest figure for a committee, unlike the marginal shadow price).
public struct WhatIf: Sendable, Equatable, Codable {
    /// Nominal £ added to that period's budget (it may carry over like budget).
    public var amount: Double
    /// Baseline plan's exposure − the re-plan's exposure (risk-years); ≥ 0 for the `exposure`
    /// objective (for `cost` it is the secondary aim's change and may be negative).
    public var exposureRemoved: Double
    /// Baseline plan's present-value cost − the re-plan's (£); for the `cost` objective this is
    /// the primary saving; for `exposure` it is usually negative (more money is spent).
    public var presentValueSaved: Double
    /// The re-plan's status and gap (time-limited re-plans may be `feasible`).
    public var status: PlanStatus
    public var gap: Double
}

/// Re-plans each planned organisation once per period with `amount` more in that period's
/// budget, reusing ``OrganisationSolver`` through ``Planner/solveAll(_:indices:deadline:starting:)``: the
/// re-plans share one deadline, split among them by size exactly as a planning run splits its
/// time among organisations.
///
/// The baseline plan still fits a raised budget, so a re-plan that comes out worse (a time
/// limit) is replaced by the baseline plan: the figure is never negative.
struct WhatIfAnalysis {
    var amount: Double
    var planner: Planner

    /// Per organisation (`nil` when it was not planned: infeasible or unknown), per period.
    func run(problems: [OrganisationProblem], outcomes: [OrganisationOutcome],
             deadline: ContinuousClock.Instant) -> [[WhatIf]?] {
        var variants: [OrganisationProblem] = []
        var owners: [(organisation: Int, period: Int)] = []
        for (o, problem) in problems.enumerated() where Self.isPlanned(outcomes[o]) {
            for t in 0..<problem.periodCount {
                variants.append(problem.raisingBudget(in: t, by: amount))
                owners.append((o, t))
            }
        }
        var quiet = planner
        quiet.options.progress = nil
        let replans = quiet.solveAll(variants, deadline: deadline)
        var result: [[WhatIf?]?] = problems.indices.map { o in
            Self.isPlanned(outcomes[o]) ? [WhatIf?](repeating: nil, count: problems[o].periodCount) : nil
        }
        for (index, owner) in owners.enumerated() {
            let problem = problems[owner.organisation]
            result[owner.organisation]![owner.period] = compare(
                baseline: outcomes[owner.organisation], replan: replans[index], problem: problem, raised: variants[index])
        }
        return result.map { $0?.compactMap { $0 } }
    }

    /// Whether an outcome carries a plan worth comparing with.
    static func isPlanned(_ outcome: OrganisationOutcome) -> Bool {
        outcome.status == .optimal || outcome.status == .feasible
    }

    /// The figures of one re-plan against the baseline plan.
    private func compare(baseline: OrganisationOutcome, replan: OrganisationOutcome,
                         problem: OrganisationProblem, raised: OrganisationProblem) -> WhatIf {
        let before = PlanMeasures(problem: problem, counts: baseline.counts)
        var after = before
        var value = baseline.value
        if Self.isPlanned(replan), replan.value <= baseline.value {
            after = PlanMeasures(problem: raised, counts: replan.counts)
            value = replan.value
        }
        let bound = min(replan.bound, value)
        let gap = Tolerance.relativeGap(value: value, bound: bound)
        // The baseline plan fits the raised budget, so there is always a plan: optimal or feasible.
        let status: PlanStatus = Tolerance.meets(gap: gap, tolerance: planner.options.relativeGap) ? .optimal : .feasible
        return WhatIf(amount: amount, exposureRemoved: before.exposure - after.exposure,
                      presentValueSaved: before.presentValue - after.presentValue, status: status, gap: gap)
    }
}

extension OrganisationProblem {
    /// The same problem with `amount` more in period t's budget.
    func raisingBudget(in t: Int, by amount: Double) -> OrganisationProblem {
        var copy = self
        copy.budget[t] += amount
        return copy
    }
}
