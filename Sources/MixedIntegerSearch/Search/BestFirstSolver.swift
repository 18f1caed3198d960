import LinearProgramming

/// Branch and bound in Swift over a backend's LP relaxation (lp_solve's, in Phaseout), for
/// models the backend's own search leaves open.
///
/// lp_solve 5.5 searches depth first: when its time runs out it has proven nothing beyond the
/// root relaxation, and a wrong early branch is revisited only after the whole subtree below it.
/// This search keeps the open nodes in a heap by their LP bound and always returns to the
/// lowest one, diving from it to a leaf (so plans are still found), branches on the variable
/// whose pseudo-costs (the objective's observed change per unit of branching, per variable and
/// direction) promise the largest gain on both sides, and re-solves one lp_solve relaxation
/// with moved bounds at each node (a ``Relaxation`` from the backend, warm-started from the last basis).
/// The bound it reports is the lowest open node's: it rises as the search goes. Each node's
/// reduced costs tighten the integer bounds of its subtree (reduced-cost fixing), and every few
/// hundred nodes a neighbourhood search (RINS, the backend's own search limited by nodes) looks for a
/// better solution near the best one where the node's LP agrees with it.
///
/// Honours ``SolverParameters`` `timeLimit` (and `extendedDeadline`), `nodeLimit`,
/// `cancellation`, `objectiveCutoff` (only solutions strictly better are accepted; a search
/// that finds none stops at the cutoff, ``Termination/Limit/cutoff``), `objectiveGranularity` (node bounds
/// rounded up to the lattice), the gaps (a node that cannot beat the best solution, or the
/// caller's `incumbentValue`, by more than the gap is pruned, and the bound reported is the lowest such node's, never the
/// solution itself: a search that stops at the cutoff that way has a `bestBound`),
/// `incumbentPoint` (the neighbourhood searches' guide until the search has a solution of its
/// own), `onImprovedSolution` and `onBoundImproved`. Variables' `branchPriority` decides first.
/// With a node limit (and no time limit reached) the search, and so its answer, is the same on
/// any machine: the neighbourhood searches run at fixed node counts and are limited by nodes.
/// Columns fixed by their bounds are left out of the search's LP (``FixedColumnReduction``).
public struct BestFirstSolver: LinearSolver {
    /// Solves the node relaxations, pure LPs and the neighbourhood searches.
    public var backend: any RelaxationBackend

    /// Tightens each node's integer bounds by its LP's reduced costs (see
    /// `fixingsByReducedCosts`). Off only to measure what it saves.
    public var fixesByReducedCosts: Bool

    /// Runs a relaxation-induced neighbourhood search every few hundred nodes (see
    /// `searchNeighbourhood(of:)`). Off only to measure what it finds.
    public var searchesNeighbourhoods: Bool

    /// Branchings each way after which a variable's pseudo-costs are trusted instead of probed
    /// (reliability branching): more probes cost more per node and choose better branchings.
    public var reliability: Int

    public init(backend: any RelaxationBackend, fixesByReducedCosts: Bool = true, searchesNeighbourhoods: Bool = true,
                reliability: Int = 1) {
        self.backend = backend
        self.fixesByReducedCosts = fixesByReducedCosts
        self.searchesNeighbourhoods = searchesNeighbourhoods
        self.reliability = reliability
    }

    public func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
        guard model.isMixedInteger, !model.variables.isEmpty else { return try backend.solve(model, parameters: parameters) }
        // Branching moves integer bounds to whole numbers, so they must start whole: 2.5 ≤ x
        // means 3 ≤ x. Bounds that then cross leave no integer point at all.
        var whole = model
        for (index, variable) in model.variables.enumerated() where variable.isInteger {
            let lower = (variable.lowerBound - 1e-9).rounded(.up), upper = (variable.upperBound + 1e-9).rounded(.down)
            guard lower <= upper else {
                // (lp_solve's own search ran to its time limit on such a variable.)
                return Self.infeasible(because: "no integer between the bounds of \(variable.name)")
            }
            if lower != variable.lowerBound || upper != variable.upperBound {
                whole.setBounds(of: whole.variable(at: index), lower: lower, upper: upper)
            }
        }
        // Fixed columns (the planner fixes many by the root's reduced costs) leave the LP. The
        // reduction trusts the model's indices: a bad model is reported before it.
        try whole.validate()
        let reduction = FixedColumnReduction(whole)
        guard reduction.removesAnything, reduction.reduced.isMixedInteger else { return try search(whole, parameters) }
        if let row = reduction.brokenRow { return Self.infeasible(because: "the fixed variables break \(row)") }
        var reducedParameters = parameters
        reducedParameters.incumbentPoint = parameters.incumbentPoint.flatMap {
            $0.count == whole.variables.count ? reduction.reduce($0) : nil
        }
        let found = try search(reduction.reduced, reducedParameters)
        let values = reduction.expand(found.values)
        return Solution(
            termination: found.termination, objectiveValue: found.objectiveValue, bestBound: found.bestBound,
            values: values, rowActivities: model.rowActivities(at: values), duals: nil, reducedCosts: nil,
            rawStatus: found.rawStatus, rawStatusText: found.rawStatusText
                + ", \(whole.variables.count - reduction.kept.count) fixed columns and \(reduction.droppedRows) rows taken out",
            nodeCount: found.nodeCount, iterationCount: found.iterationCount,
            improvedSolutionCount: found.improvedSolutionCount, solveTime: found.solveTime)
    }

    func search(_ model: LinearModel, _ parameters: SolverParameters) throws -> Solution {
        var search = try BestFirstSearch(model: model, parameters: parameters, backend: backend, fixesByReducedCosts: fixesByReducedCosts,
                                         searchesNeighbourhoods: searchesNeighbourhoods, reliability: reliability)
        return search.run()
    }

    /// The answer when the bounds alone leave no solution (no search runs).
    static func infeasible(because reason: String) -> Solution {
        Solution(
            termination: Termination(.infeasible, detail: reason), objectiveValue: nil, bestBound: nil, values: [], rowActivities: [],
            duals: nil, reducedCosts: nil, rawStatus: 2, rawStatusText: "best-first search: \(reason)",
            nodeCount: 0, iterationCount: 0, improvedSolutionCount: 0, solveTime: .zero)
    }
}

extension LinearModel {
    /// Each row's activity at `values` (empty without a point).
    func rowActivities(at values: [Double]) -> [Double] {
        guard !values.isEmpty else { return [] }
        return constraints.map { row in zip(row.variables, row.coefficients).reduce(0) { $0 + $1.1 * values[$1.0.index] } }
    }
}
