import LinearProgramming
import LPSolve
import MixedIntegerSearch

/// What one more pound (or hour) would buy in each period of one organisation, at the plan's
/// site-level decisions: the duals of the **fixed-decision LP**.
///
/// The fixed-decision LP is the organisation's MILP (``OrganisationModel``) with every
/// site-level binary — the period of each site's recorder block (`leaderPeriod`) and each paid
/// site visit (`visit`) — fixed at the plan's value by its bounds, and the unit counts (`x` and
/// the pooled classes) relaxed to continuous. Its duals are meaningful (a MILP has none; an LP
/// with every integer fixed has only zeros or artefacts). They are marginal: valid while a
/// change of budget keeps the same visits and recorder blocks, which a £1,000 step may not.
struct ShadowPrices {
    /// The organisation's problem (its budgets are the ones priced).
    let problem: OrganisationProblem
    /// Wall-clock limit for the one LP.
    var timeLimit: Duration = .seconds(30)
    var solver: any LinearSolver = LPSolveSolver()

    /// Per-period prices, as the report states them.
    struct Prices: Sendable, Equatable, Codable {
        /// Primary objective removed per extra £1,000 in each period's budget (exposure in
        /// risk-years, or present-value £ for the `cost` objective); ≥ 0.
        var perThousandPounds: [Double]
        /// Primary objective removed per extra labour hour in each period; `nil` when unlimited.
        var perLabourHour: [Double]?
    }

    /// The prices at the plan `counts`, or `nil` when the LP has no optimal solution.
    func prices(at counts: PlanCounts) -> Prices? {
        let (model, solution) = solveFixedDecisionLP(at: counts)
        guard let solution, solution.termination == .optimal, solution.duals != nil else { return nil }
        // A ≤ row of a minimisation has a dual ≤ 0; what a council gains is its negation.
        // Float noise of either sign around zero is reported as zero.
        func gain(_ row: ConstraintID, scale: Double) -> Double {
            let value = -(solution.dual(of: row) ?? 0) * scale
            return value < 1e-9 * scale ? 0 : value
        }
        return Prices(
            perThousandPounds: model.budgetRows.map { gain($0, scale: 1000) },
            perLabourHour: problem.labourHours == nil ? nil : model.labourRows.map { gain($0, scale: 1) })
    }

    /// Solves the fixed-decision LP at `counts`, optionally with other budgets or hours (the
    /// tests re-solve it with a budget moved by ±δ to check the duals by finite differences).
    func solveFixedDecisionLP(at counts: PlanCounts, budget: [Double]? = nil,
                              labour: [Double]? = nil) -> (OrganisationModel, Solution?) {
        let model = Self.fixedDecisionModel(problem: problem, counts: counts, budget: budget, labour: labour)
        var parameters = SolverParameters()
        parameters.timeLimit = timeLimit
        return (model, try? solver.solve(model.model, parameters: parameters))
    }

    /// The fixed-decision LP: the planning model with the primary objective, relaxed, with
    /// `leaderPeriod` and `visit` fixed to what `counts` implies.
    static func fixedDecisionModel(problem: OrganisationProblem, counts: PlanCounts,
                                   budget: [Double]? = nil, labour: [Double]? = nil) -> OrganisationModel {
        var model = OrganisationModel(problem: problem, budget: budget, labour: labour)
        model.setObjective(.minimize, problem.objective == .exposure ? model.exposure : model.presentValue)
        model.relax()
        let decisions = SiteDecisions(problem: problem, counts: counts)
        for s in problem.sites.indices {
            for t in 0..<problem.periodCount {
                if let y = model.leaderPeriod[s][t] { model.fix(y, to: decisions.leaderPeriod[s] == t ? 1 : 0) }
                if let v = model.visit[s][t] { model.fix(v, to: decisions.visited[s][t] ? 1 : 0) }
            }
        }
        return model
    }
}

/// A plan's site-level decisions, read from its unit counts: a site is visited in t exactly
/// when some unit there (at risk or contracted works) is treated in t; its recorder block is
/// in the period its leader units are gone.
struct SiteDecisions: Equatable {
    /// Per site: the period of its leader block, `nil` when it has none or it is not replaced.
    var leaderPeriod: [Int?]
    /// Per site and period: whether any unit there is replaced.
    var visited: [[Bool]]

    init(problem: OrganisationProblem, counts: PlanCounts) {
        leaderPeriod = []
        visited = []
        for (s, site) in problem.sites.enumerated() {
            let groups = site.groups.indices
            visited.append((0..<problem.periodCount).map { t in
                groups.contains { counts.gone(s, $0, t) > 0 || counts.isolated[s][$0][t] > 0 }
            })
            let leaders = groups.filter { site.groups[$0].isLeader }
            leaderPeriod.append((0..<problem.periodCount).first { t in leaders.contains { counts.gone(s, $0, t) > 0 } })
        }
    }
}
