/// Late risk-years L (SPEC §2.5) in the Lagrangian relaxation, for an infeasible organisation's
/// best effort: its first stage minimises L alone, its second exposure among plans with no more L
/// than a cap. L is a sum over units of their own paths' lateness, so each site's subproblem
/// stays exact with it; the cap is priced like the money rows.
extension LagrangianRelaxation {
    struct Lateness {
        let measure: LateRiskYears
        /// L of the untouched plan, which the subproblems' changes are measured from.
        let untouched: Double
        /// Whether the objective keeps exposure (the second stage) or is L alone (the first).
        let withObjective: Bool
        /// The most L a plan may have, priced by a multiplier ν ≥ 0; `nil`: L at weight 1.
        let cap: Double?
        /// Pounds per late risk-year in the cap's subgradient, so that its steps are neither lost
        /// among the budget rows' nor swamp them: the budgets' total over the untouched L.
        let scale: Double

        init(_ problem: OrganisationProblem, withObjective: Bool, cap: Double?) {
            measure = LateRiskYears(problem)
            untouched = measure.value(of: PlanCounts(problem: problem), in: problem)
            self.withObjective = withObjective
            self.cap = cap
            scale = problem.budget.reduce(0, +) / max(untouched, 1)
        }
    }

    /// The relaxation of least L within the budgets (a best effort's first stage): its bound is
    /// a bound on L.
    static func leastLate(_ problem: OrganisationProblem) -> LagrangianRelaxation {
        var relaxation = LagrangianRelaxation(problem: problem)
        relaxation.lateness = Lateness(problem, withObjective: false, cap: nil)
        return relaxation
    }

    /// The relaxation of the least primary value among plans within the budgets with at most
    /// `cap` late risk-years: for any cap at or above the least L, a bound on a best effort's value.
    static func capped(_ problem: OrganisationProblem, late cap: Double) -> LagrangianRelaxation {
        var relaxation = LagrangianRelaxation(problem: problem)
        relaxation.lateness = Lateness(problem, withObjective: true, cap: cap)
        return relaxation
    }

    /// The weight of the organisation's own objective: 0 when L alone is minimised.
    var objectiveWeight: Double { lateness?.withObjective == false ? 0 : 1 }

    /// ν times the change in L when one unit of group g at site s, untouched, is instead gone in
    /// `gone` and first treated in `first` (either `nil`: never).
    func lateChange(_ s: Int, _ g: Int, gone: Int?, first: Int?, nu: Double) -> Double {
        guard nu != 0, let measure = lateness?.measure else { return 0 }
        let by = measure.byRule[s][g], isolatedBy = measure.isolatedByRule[s][g]
        guard by != nil || isolatedBy != nil else { return 0 }
        let periods = measure.lateness(in: gone, after: by) - measure.lateness(in: nil, after: by)
            + measure.lateness(in: first, after: isolatedBy) - measure.lateness(in: nil, after: isolatedBy)
        return nu * measure.periodYears * problem.sites[s].groups[g].weight * periods
    }
}
