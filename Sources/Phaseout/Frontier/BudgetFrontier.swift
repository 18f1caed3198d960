import Foundation
import LinearProgramming

/// The budget frontier (SPEC §4): the plan at each budget scale, every budget multiplied by it.
///
/// Scales are planned from the least up, each organisation starting from its plan at the scale
/// below: a plan that keeps the rules at a lower scale keeps them at a higher one, so a feasible
/// organisation's exposure (its primary value) never rises along the frontier, and the higher
/// scales start warm. The points share the run's time limit, scale 1 a larger part of it.
///
/// ```swift
/// let rows = try BudgetFrontier(scales: [0.8, 1, 1.2]).run(estate) { point in
///     print(point.scale, point.plan.exposure)
/// }
/// ```
public struct BudgetFrontier: Sendable {
    /// SPEC §4's default scales.
    public static let defaultScales = [0.5, 0.75, 1, 1.25, 1.5, 2]

    /// The budget scales, planned in ascending order.
    public var scales: [Double]
    /// The run's options; ``PlanOptions/timeLimit`` is shared by all the points.
    public var options: PlanOptions

    /// - Parameters:
    ///   - scales: the budget scales (duplicates are planned once).
    ///   - options: time limit, gap, threads and progress for the whole frontier.
    public init(scales: [Double] = BudgetFrontier.defaultScales, options: PlanOptions = PlanOptions()) {
        self.scales = Array(Set(scales)).sorted()
        self.options = options
    }

    /// Plans every scale and hands each point to `each` as soon as it is planned (to write it),
    /// so that a large estate's plans are not all held at once.
    /// - Returns: frontier.csv's rows.
    public func run(_ estate: Estate, each: (FrontierPoint) throws -> Void) rethrows -> [FrontierRow] {
        let started = options.startedAt ?? .now
        let deadline = started + options.timeLimit
        var previous: [OrganisationOutcome]?
        var rows: [FrontierRow] = []
        for (k, scale) in scales.enumerated() {
            let scaled = Self.scaling(estate, by: scale)
            var planner = Planner(options: options)
            // Each point gets its share of the time left; one that finishes early leaves its
            // time to the next.
            planner.options.startedAt = .now
            let weights = Self.timeWeights(scales)[k...]
            planner.options.timeLimit = max(.zero, (deadline - .now) * (weights.first! / weights.reduce(0, +)))
            // The curve is the marginal information; per-point shadow prices would cost each point time.
            planner.options.shadowPrices = false
            let problems = Planner.problems(of: scaled)
            var outcomes = planner.solve(problems, estate: scaled, settled: [:],
                                         starting: previous?.map(Self.startingPlan))
            if let previous { Self.keepNoWorse(&outcomes, than: previous, problems: problems, gap: options.relativeGap) }
            let plan = planner.assemble(scaled, problems: problems, outcomes: outcomes)
            rows += FrontierRow.rows(scale: scale, plan: plan)
            try each(FrontierPoint(scale: scale, estate: scaled, plan: plan))
            previous = outcomes
        }
        return rows
    }

    /// The points' shares of the time: the point at the budgets as given (scale 1) gets
    /// ``ownBudgetsShare`` (at least an equal share), the others equal parts of the rest. That
    /// point is the one a reader sets beside `plan`'s (the report and `compare` take its
    /// folder); with its share and a warm start from the scale below it ends as close to proven
    /// as `plan` would with that share of the limit.
    static func timeWeights(_ scales: [Double]) -> [Double] {
        guard scales.count > 1, scales.contains(1) else { return scales.map { _ in 1 / Double(scales.count) } }
        let own = max(ownBudgetsShare, 1 / Double(scales.count))
        return scales.map { $0 == 1 ? own : (1 - own) / Double(scales.count - 1) }
    }

    /// Scale 1's share of the frontier's time limit.
    static let ownBudgetsShare = 0.4

    /// The plan an organisation starts from at the next scale: its plan when it keeps every
    /// rule, else the plan its shortfall would buy (which the higher budgets may afford; the
    /// planner tries it and drops it if not).
    static func startingPlan(_ outcome: OrganisationOutcome) -> PlanCounts? {
        outcome.status.isPlanned ? outcome.counts : outcome.fundedCounts
    }

    /// `estate` with every budget multiplied by `scale`.
    public static func scaling(_ estate: Estate, by scale: Double) -> Estate {
        var scaled = estate
        scaled.scenario.budgets = estate.scenario.budgets.mapValues { $0.map { $0 * scale } }
        for o in scaled.organisations.indices { scaled.organisations[o].budget = estate.organisations[o].budget.map { $0 * scale } }
        return scaled
    }

    /// Where a solve at the higher scale came out worse than the plan at the scale below (a time
    /// limit), that plan is kept: it keeps every rule at the higher budgets. An infeasible
    /// organisation's best-effort plan is kept the same way when it had fewer late risk-years,
    /// or as many and less exposure (it still keeps budgets, locks and ordering). Bounds, the
    /// shortfall and the funded plan stay the higher scale's own.
    static func keepNoWorse(_ outcomes: inout [OrganisationOutcome], than previous: [OrganisationOutcome],
                            problems: [OrganisationProblem], gap: Double) {
        for o in outcomes.indices {
            let earlier = previous[o], now = outcomes[o]
            let tie = Tolerance.absolute(near: earlier.value)
            if earlier.status.isPlanned {
                let worse = !now.status.isPlanned || now.value > earlier.value + tie
                guard worse, earlier.counts.keepsEverything(of: problems[o]) else { continue }
                var kept = earlier
                kept.bound = min(now.bound, earlier.value)
                kept.status = Tolerance.meets(gap: kept.gap, tolerance: gap) ? .optimal : .feasible
                outcomes[o] = kept
            } else if earlier.status == .infeasible, now.status == .unknown, let funded = earlier.fundedCounts,
                      funded.keepsEverything(of: problems[o]) {
                // No plan in the time, but the plan the lower scale's shortfall would buy fits.
                var kept = now
                kept.counts = funded
                let measures = PlanMeasures(problem: problems[o], counts: funded)
                kept.value = problems[o].objective == .exposure ? measures.exposure : measures.presentValue
                kept.bound = min(now.bound, kept.value)
                kept.status = Tolerance.meets(gap: kept.gap, tolerance: gap) ? .optimal : .feasible
                outcomes[o] = kept
            } else if earlier.status == .infeasible, now.status == .infeasible, earlier.untouchedReason == nil {
                let lateTie = Tolerance.absolute(near: earlier.lateRiskYears)
                let worse = now.untouchedReason != nil || now.lateRiskYears > earlier.lateRiskYears + lateTie
                    || (now.lateRiskYears >= earlier.lateRiskYears - lateTie && now.value > earlier.value + tie)
                let relaxed = problems[o].withoutDeadlines
                guard worse, earlier.counts.keepsEverything(of: relaxed) else { continue }
                var kept = now
                kept.counts = earlier.counts
                kept.value = earlier.value
                kept.bound = min(now.bound, earlier.value)
                kept.lateRiskYears = earlier.lateRiskYears
                kept.lateRiskYearsBound = min(now.lateRiskYearsBound, earlier.lateRiskYears)
                kept.untouchedReason = nil
                outcomes[o] = kept
            }
        }
    }
}

extension PlanStatus {
    /// Optimal or feasible: a plan that keeps every rule.
    var isPlanned: Bool { self == .optimal || self == .feasible }
}

/// One point of the frontier: a scale, the estate with its budgets scaled, and the plan.
public struct FrontierPoint: Sendable {
    /// The budget scale.
    public let scale: Double
    /// The estate with every budget multiplied by ``scale``.
    public let estate: Estate
    /// The plan at those budgets.
    public let plan: Plan

    /// The point's folder name in a frontier directory: `scale-1.25`.
    public var folderName: String { "scale-" + FrontierRow.scaleText(scale) }
}
