import Foundation

/// How a solver is asked to work: the parameters every backend understands. A backend's own
/// tuning (lp_solve's branching direction and node selection) is part of the backend's value.
/// Some fields are hints that a backend may be unable to use; each says which use it.
public struct SolverParameters: Sendable {
    /// Wall-clock limit for the solve. `nil` means none (not recommended for integer models).
    public var timeLimit: Duration? = .seconds(60)
    /// Asked, on the solving thread, when the time limit is reached: a later instant to go on
    /// to, or `nil` to stop. A caller sharing time between solves lends the time others no
    /// longer need this way. Only ``BestFirstSolver`` asks; lp_solve's limit is fixed when it starts.
    public var extendedDeadline: (@Sendable () -> ContinuousClock.Instant?)?
    /// Relative MIP gap: stop when `(incumbent − bound) / |incumbent| ≤ relativeGap`.
    public var relativeGap: Double = 1e-4
    /// Absolute MIP gap: stop when `incumbent − bound ≤ absoluteGap`.
    public var absoluteGap: Double = 1e-9
    /// Where the solver's log lines go. Silent by default.
    public var log: LogSink = .silent
    /// Only integer solutions strictly better than this objective value are accepted
    /// (lp_solve's `set_obj_bound`). lp_solve has no MIP start: this is the only way to pass an
    /// incumbent's value. A run that finds nothing better reports ``Termination/infeasible``.
    public var objectiveCutoff: Double?
    /// The objective value of a solution the caller already holds (the one behind
    /// `objectiveCutoff`, which excludes it). ``BestFirstSolver`` prunes by the gaps against it
    /// as against a solution of its own, so a search that finds nothing better may end
    /// ``Termination/infeasible`` with a `bestBound` within the gap of it. lp_solve ignores it.
    public var incumbentValue: Double?
    /// The caller's solution itself, one value per variable (`nil` where unknown). Guides
    /// ``BestFirstSolver``'s neighbourhood searches until it finds a solution of its own;
    /// lp_solve ignores it.
    public var incumbentPoint: [Double?]?
    /// Stop at the first integer solution.
    public var stopAtFirstSolution: Bool = false
    /// Tolerance for a value to count as integer (`set_epsint`).
    public var integerTolerance: Double = 1e-7
    /// Called on every improved integer solution, on the solving thread. Return
    /// ``SearchDecision/stop`` to end the search with that solution (status ``Termination/interrupted``).
    public var onImprovedSolution: (@Sendable (ImprovedSolution) -> SearchDecision)?
    /// Called, on the solving thread, each time the proven bound rises (objective constant
    /// included; never past the cutoff). Only ``BestFirstSolver`` proves bounds as it goes;
    /// lp_solve's depth-first search proves nothing beyond the root until it ends.
    public var onBoundImproved: (@Sendable (Double) -> Void)?
    /// When every feasible objective value is a whole multiple of this step (objective constant
    /// included), bounds are rounded to the step: a bound of 90.83 on a half-unit lattice
    /// proves 91. `nil` (default) when nothing is known.
    public var objectiveGranularity: Double?
    /// Cooperative cancellation: setting the flag stops the solve within milliseconds.
    public var cancellation: CancellationFlag?
    /// Stop branch and bound once it has explored this many nodes (status
    /// ``Termination/feasibleAtLimit`` with the best solution, or
    /// ``Termination/timeLimitWithoutSolution``). Unlike a time limit, a node limit gives the
    /// same answer however loaded the machine is. `nil` (default): no limit.
    public var nodeLimit: Int?

    public init() {}
}

extension SolverParameters {
    /// `bound` rounded towards the feasible side of the objective lattice, if one is known.
    public func roundToGranularity(_ bound: Double, maximising: Bool) -> Double {
        guard let step = objectiveGranularity, step > 0, bound.isFinite else { return bound }
        let slack = Tolerance.absolute(near: bound)
        let steps = maximising ? ((bound + slack) / step).rounded(.down) : ((bound - slack) / step).rounded(.up)
        return steps * step
    }
}

/// Where solver log lines go.
public enum LogSink: Sendable {
    /// Nothing is printed (lp_solve prints to stdout otherwise).
    case silent
    /// Each line is passed to the closure, on the solving thread.
    case lines(@Sendable (String) -> Void)
}

/// What the improved-solution callback asks of the search.
public enum SearchDecision: Sendable {
    case `continue`
    case stop
}

/// An improved integer solution, as reported during the search.
public struct ImprovedSolution: Sendable {
    /// Its objective value (including the model's objective constant).
    public let objectiveValue: Double
    /// How many improved solutions have been found, this one included.
    public let count: Int
    /// Time since the solve started.
    public let elapsed: Duration
    /// The bound proven so far (the root relaxation, on the objective lattice), if known.
    public let bound: Double?

    public init(objectiveValue: Double, count: Int, elapsed: Duration, bound: Double?) {
        self.objectiveValue = objectiveValue
        self.count = count
        self.elapsed = elapsed
        self.bound = bound
    }
}

/// A thread-safe flag that stops a solve when set.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// Asks every solve watching this flag to stop.
    public func cancel() {
        lock.lock(); cancelled = true; lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }
}
