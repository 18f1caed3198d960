/// Why a solver stopped: a reason, the limit that stopped it (if one did) and a detail text.
///
/// The reason says what is known (proven optimal, proven infeasible, …); whether a feasible
/// point came back is ``Solution/hasSolution``. A search that stops at its time limit, at its
/// node limit, because nothing beats the objective cutoff, or because it was interrupted has
/// reason ``Reason/limitReached`` and says which ``limit``: "nothing beats the cutoff" is a
/// proof about the cutoff, not that the model is infeasible.
public struct Termination: Sendable, Equatable, CustomStringConvertible {
    /// What the solver established.
    public enum Reason: Sendable, Equatable {
        /// Proven optimal (within the requested gap).
        case optimal
        /// The model has no feasible point.
        case infeasible
        /// The objective is unbounded.
        case unbounded
        /// A limit stopped the solve (see ``Termination/limit``), with or without a point.
        case limitReached
        /// The solver failed (numerics, memory, nodes whose LP could not be solved); see
        /// ``Termination/detail`` and ``Solution/rawStatus``.
        case failed
    }

    /// What stopped a solve whose reason is ``Reason/limitReached``.
    public enum Limit: Sendable, Equatable {
        /// The time limit.
        case time
        /// The node limit.
        case nodes
        /// Proven: no point is strictly better than the objective cutoff.
        case cutoff
        /// Cancellation, or the improved-solution callback asked to stop.
        case interrupted
    }

    public let reason: Reason
    /// The limit that stopped the solve; `nil` unless ``reason`` is ``Reason/limitReached``.
    public let limit: Limit?
    /// A human-readable detail (the solver's own status text, what failed).
    public let detail: String

    public init(_ reason: Reason, limit: Limit? = nil, detail: String = "") {
        self.reason = reason
        self.limit = reason == .limitReached ? limit : nil
        self.detail = detail
    }

    public static let optimal = Termination(.optimal)
    public static let infeasible = Termination(.infeasible)
    public static let unbounded = Termination(.unbounded)

    /// A stop at `limit`.
    public static func stopped(at limit: Limit, detail: String = "") -> Termination {
        Termination(.limitReached, limit: limit, detail: detail)
    }

    /// A failure of the solver.
    public static func failed(_ detail: String) -> Termination { Termination(.failed, detail: detail) }

    /// Whether the solve proved that no point exists that is better than the cutoff (when one
    /// was set) or at all: the model is infeasible, or nothing beats the cutoff.
    public var provesNoBetterPoint: Bool { reason == .infeasible || limit == .cutoff }

    /// Termination compares by reason and limit; the detail is for people.
    public static func == (a: Termination, b: Termination) -> Bool { a.reason == b.reason && a.limit == b.limit }

    public var description: String {
        var text = "\(reason)"
        if let limit { text += " (\(limit) limit)" }
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }
}

/// The basic variables at an LP optimum: the columns and the rows whose activity is basic.
/// Every other column and row activity sits at one of its bounds; with the row activities as
/// variables (`A·x − r = 0`), there are as many basic ones as rows.
public struct Basis: Sendable, Equatable {
    /// Basic columns, by index in ``LinearModel/variables``.
    public var columns: [Int]
    /// Rows whose activity is basic, by index in ``LinearModel/constraints``.
    public var rows: [Int]

    public init(columns: [Int], rows: [Int]) {
        self.columns = columns
        self.rows = rows
    }
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
    /// For continuous models solved to optimality: which columns and rows are basic, when the
    /// solver says (what cuts read tableau rows from), or `nil`.
    public let basis: Basis?
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
        solveTime: Duration, basis: Basis? = nil
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
        self.basis = basis
    }

    /// Whether a feasible point is available.
    public var hasSolution: Bool { objectiveValue != nil }

    /// The relative gap of the returned point against the bound (``Tolerance/relativeGap(value:bound:)``);
    /// `nil` without both a value and a bound.
    public var relativeGap: Double? {
        guard let value = objectiveValue, let bound = bestBound else { return nil }
        return Tolerance.relativeGap(value: value, bound: bound)
    }

    /// The value of `variable` in the returned point.
    public func value(of variable: Variable) -> Double { values[variable.index] }

    /// The activity of a constraint in the returned point.
    public func activity(of constraint: ConstraintID) -> Double { rowActivities[constraint.index] }

    /// The dual of a constraint (see ``duals``).
    public func dual(of constraint: ConstraintID) -> Double? { duals?[constraint.index] }
}
