/// How a round orders the organisations and shares its time among them.
extension Planner {
    /// How the time of a round is shared. In the first, in proportion to size plus the mean size:
    /// difficulty does not grow with size, and pure proportion starves small hard councils of the
    /// second or so they need; an organisation in `unplanned` counts ``unplannedWeight`` times.
    /// In the second, which only re-solves the unproven, equally.
    static func timeWeights(_ problems: [OrganisationProblem], indices: [Int], firstRound: Bool,
                            unplanned: Set<Int> = []) -> [Double] {
        guard firstRound else { return problems.map { _ in 1 } }
        let mean = Double(indices.reduce(0) { $0 + problems[$1].unitCount }) / Double(max(1, indices.count))
        return problems.indices.map { o in
            (Double(max(1, problems[o].unitCount)) + mean) * (unplanned.contains(o) ? unplannedWeight : 1)
        }
    }

    /// How many times its size's share an organisation the greedy cannot plan gets in the first
    /// round. Its search must find a plan or prove there is none, else it ends `unknown`; the
    /// others have the greedy plan to fall back on. On the generated 1M-device estate such an
    /// organisation of 3,000 units needs about half a second to prove itself infeasible, where
    /// its size alone gives it a quarter of that (under load, a sixth). Once proven infeasible,
    /// it settles (shortfall, best effort) by the deadline its size alone gives it
    /// (``OrganisationSolver/settlingDeadline``), as if no organisation had a larger share.
    static let unplannedWeight = 6.0

    /// The first round's order: larger organisations first (ties by index), so that the last
    /// worker is not left with the largest. (Putting the organisations the greedy cannot plan
    /// first instead gave them less time: a share is fixed when an organisation starts, and
    /// one that starts later also gets what those before it left unused.)
    static func largestFirst(_ indices: [Int], _ problems: [OrganisationProblem]) -> [Int] {
        indices.sorted { (problems[$0].unitCount, -$0) > (problems[$1].unitCount, -$1) }
    }

    /// The organisations among `indices` for which the greedy finds no plan keeping every rule
    /// within the budgets (they are infeasible, or their plans are hard to find). The greedy
    /// takes milliseconds where the solve takes its share of the run.
    static func withoutGreedyPlan(_ problems: [OrganisationProblem], indices: [Int], threads: Int) -> Set<Int> {
        let planned = ResultSlots<Bool>(count: problems.count)
        forEach(indices, threads: threads) { o in
            let problem = problems[o]
            let plan = GreedyPlanner(problem: problem).plan()
            planned.set(o, plan.map { PlanMeasures(problem: problem, counts: $0).keepsBudgets(of: problem) && $0.keepsRules(of: problem) } ?? false)
        }
        let found = planned.optionalValues()
        return Set(indices.filter { found[$0] != true })
    }
}
