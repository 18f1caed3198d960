/// A model's LP relaxation kept loaded and re-solved as its column bounds move: what a
/// branch and bound solves at each node.
///
/// A relaxation is used on one thread only. Implementations should start each solve from the
/// last one's basis, so that a child node (its parent's bounds with one moved) needs a few
/// dual simplex iterations, not a solve from scratch.
public protocol Relaxation: AnyObject {
    /// Simplex iterations so far, over all solves.
    var iterations: Int { get }
    /// Moves the bounds of column `index` (0-based, in ``LinearModel/variables`` order).
    func setBounds(_ index: Int, lower: Double, upper: Double)
    /// The reduced costs of the last optimal solve, one per column, in the model's own sense
    /// (the objective's change per unit increase of the column), or `nil` when unknown.
    func reducedCosts() -> [Double]?
    /// Solves the relaxation at the current bounds, giving up after `seconds` (a backstop:
    /// callers check their own deadline between solves).
    func solve(objectiveConstant: Double, seconds: Double) -> RelaxationOutcome
}

/// The outcome of one ``Relaxation`` solve.
public enum RelaxationOutcome: Sendable {
    /// The relaxation's optimum (objective constant included) and its point.
    case optimal(value: Double, values: [Double])
    case infeasible
    /// Anything else (time, numerics): proves nothing. `status` is the backend's own code.
    case failed(status: Int)
}

/// A ``LinearSolver`` that can also hand out warm-started relaxations of a model, which is all
/// a branch and bound written in Swift needs from a backend.
public protocol RelaxationBackend: LinearSolver {
    /// Loads `model` with every variable continuous.
    /// - Throws: ``ModelError`` for a model that cannot be loaded, ``SolverError`` when the
    ///   backend fails.
    func relaxation(of model: LinearModel) throws -> any Relaxation
}
