/// Why the solver stopped.
public enum Termination: Sendable, Equatable {
    /// Proven optimal (within the requested gap).
    case optimal
    /// A time or node limit was reached with a feasible solution in hand.
    case feasibleAtLimit
    /// The model has no feasible solution (or none better than the objective cutoff).
    case infeasible
    /// The objective is unbounded.
    case unbounded
    /// The time limit was reached before any feasible (integer) solution was found.
    case timeLimitWithoutSolution
    /// Stopped by cancellation or by the improved-solution callback.
    case interrupted
    /// The solver failed numerically.
    case numericalFailure
    /// Any other failure of the solver (out of memory, …); see ``Solution/rawStatus``.
    case failed
}

/// What a solve produced. Immutable.
///
/// Three questions are answered apart: why the solver stopped (``termination``), whether a
/// feasible point exists (``hasSolution``), and what its values, bound and duals are.
public struct Solution: Sendable {
    public let termination: Termination
    /// The objective value of the returned point; `nil` when there is none.
    public let objectiveValue: Double?
    /// A proven bound on the optimal objective value (a lower bound when minimising, an upper
    /// bound when maximising); `nil` when nothing was proven.
    ///
    /// For integer models solved by lp_solve this is the root LP relaxation after a limit
    /// (lp_solve's depth-first search proves nothing better), and `objective − gap used` after
    /// an optimal finish.
    public let bestBound: Double?
    /// Variable values, indexed like ``LinearModel/variables``; empty without a solution.
    public let values: [Double]
    /// Row activities, indexed like ``LinearModel/constraints``; empty without a solution.
    public let rowActivities: [Double]
    /// For continuous models solved to optimality: ∂(optimal objective)/∂(row bound) for
    /// each constraint, whatever the sense (a `≤` budget row of a minimisation has a dual ≤ 0).
    public let duals: [Double]?
    /// For continuous models solved to optimality: ∂(optimal objective)/∂(variable) at its
    /// bound, for each variable (0 for basic variables).
    public let reducedCosts: [Double]?
    /// The solver's own status code (lp_solve: 0 OPTIMAL, 1 SUBOPTIMAL, 2 INFEASIBLE, …).
    public let rawStatus: Int
    /// The solver's own text for ``rawStatus``.
    public let rawStatusText: String
    /// Branch-and-bound nodes explored (0 for a pure LP).
    public let nodeCount: Int
    /// Simplex iterations.
    public let iterationCount: Int
    /// Improved integer solutions found during the search.
    public let improvedSolutionCount: Int
    /// Wall-clock time of the solve call.
    public let solveTime: Duration

    public init(
        termination: Termination, objectiveValue: Double?, bestBound: Double?, values: [Double],
        rowActivities: [Double], duals: [Double]?, reducedCosts: [Double]?, rawStatus: Int,
        rawStatusText: String, nodeCount: Int, iterationCount: Int, improvedSolutionCount: Int,
        solveTime: Duration
    ) {
        self.termination = termination
        self.objectiveValue = objectiveValue
        self.bestBound = bestBound
        self.values = values
        self.rowActivities = rowActivities
        self.duals = duals
        self.reducedCosts = reducedCosts
        self.rawStatus = rawStatus
        self.rawStatusText = rawStatusText
        self.nodeCount = nodeCount
        self.iterationCount = iterationCount
        self.improvedSolutionCount = improvedSolutionCount
        self.solveTime = solveTime
    }

    /// Whether a feasible point is available.
    public var hasSolution: Bool { objectiveValue != nil }

    /// The relative gap `|value − bound| / max(|value|, tiny)`, 0 when they are equal; `nil`
    /// without both a value and a bound.
    public var relativeGap: Double? {
        guard let value = objectiveValue, let bound = bestBound else { return nil }
        let difference = abs(value - bound)
        if difference == 0 { return 0 }
        return difference / max(abs(value), 1e-10)
    }

    /// The value of `variable` in the returned point.
    public func value(of variable: Variable) -> Double { values[variable.index] }

    /// The activity of a constraint in the returned point.
    public func activity(of constraint: ConstraintID) -> Double { rowActivities[constraint.index] }

    /// The dual of a constraint (see ``duals``).
    public func dual(of constraint: ConstraintID) -> Double? { duals?[constraint.index] }
}
