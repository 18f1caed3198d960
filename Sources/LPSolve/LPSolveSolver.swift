import Foundation
import LinearProgramming

/// lp_solve 5.5 as a ``LinearSolver``.
///
/// Every lp_solve call of the package is in this target (`LPHandle` and its extensions,
/// ``LPSolveRelaxation``), each return value checked. Each solve creates, loads, solves and
/// frees its own lp_solve model, so one `LPSolveSolver` may be used from any number of threads
/// at once: independent models solve concurrently. lp_solve writes process-wide state when a
/// model is created, copied, read or freed (a BLAS table written in `make_lp` and read in
/// `delete_lp`, `static` locals in one LU routine), so those calls are serialised behind one
/// lock; `solve` itself runs unlocked.
public struct LPSolveSolver: RelaxationBackend {
    /// What the solver does when lp_solve fails under an objective cutoff.
    public enum RetryPolicy: Sendable {
        /// Report the failure as it is.
        case never
        /// Solve again without the cutoff and the objective step. lp_solve 5.5.2 often answers
        /// ACCURACYERROR, which proves nothing, where a cutoff excludes every point (a search that
        /// proves "nothing beats the incumbent"), and sometimes with the objective step set. The
        /// second solve either finds a better point or proves, by its optimum, that none exists.
        case withoutCutoff
    }

    /// The retry policy (default ``RetryPolicy/withoutCutoff``).
    public var retryPolicy: RetryPolicy
    /// lp_solve's own search settings.
    public var options: Options

    public init(options: Options = Options(), retryPolicy: RetryPolicy = .withoutCutoff) {
        self.options = options
        self.retryPolicy = retryPolicy
    }

    /// lp_solve's branch-and-bound settings. The defaults suit Phaseout's models: floor-first
    /// branching (lp_solve's default ceiling branching found no integer solution in 60 s on a
    /// 2,000-group × 5-period knapsack-like model) and depth-first node selection.
    public struct Options: Sendable {
        /// Which child of a branch is explored first (`set_bb_floorfirst`).
        public var branching: Branching = .floor
        /// The node selection rule (`set_bb_rule`).
        public var nodeSelection: NodeSelection = .first
        /// Adds `NODE_DEPTHFIRSTMODE` to the node selection.
        public var depthFirstMode = false

        public init(branching: Branching = .floor, nodeSelection: NodeSelection = .first, depthFirstMode: Bool = false) {
            self.branching = branching
            self.nodeSelection = nodeSelection
            self.depthFirstMode = depthFirstMode
        }
    }

    /// Which branch of a fractional integer variable lp_solve explores first.
    public enum Branching: Sendable {
        case ceiling, floor, automatic
    }

    /// lp_solve's node selection rules.
    public enum NodeSelection: Sendable {
        case first, gap, range, fraction, pseudoCost, pseudoNonInteger, pseudoRatio
    }

    public func relaxation(of model: LinearModel) throws -> any Relaxation {
        try LPSolveRelaxation(model)
    }

    public func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
        try model.validate()
        if model.variables.isEmpty { return Self.solveConstant(model) }
        let first = try LPHandle(loading: model).solve(
            parameters: parameters, options: options, objectiveConstant: model.objective.expression.constant, isMIP: model.isMixedInteger)
        guard retryPolicy == .withoutCutoff, first.termination.reason == .failed,
              let cutoff = parameters.objectiveCutoff else { return first }
        return try solveWithoutCutoff(model, parameters: parameters, cutoff: cutoff, after: first)
    }

    /// ``RetryPolicy/withoutCutoff``: a second solve within what is left of the time limit.
    private func solveWithoutCutoff(
        _ model: LinearModel, parameters: SolverParameters, cutoff: Double, after first: Solution
    ) throws -> Solution {
        var again = parameters
        again.objectiveCutoff = nil
        again.objectiveGranularity = nil
        if let limit = parameters.timeLimit {
            again.timeLimit = max(limit - first.solveTime, .milliseconds(50))
        }
        let second = try LPHandle(loading: model).solve(
            parameters: again, options: options, objectiveConstant: model.objective.expression.constant, isMIP: model.isMixedInteger)
        guard let value = second.objectiveValue else { return second.termination.reason == .failed ? first : second }
        let beats = model.objective.sense == .maximize ? value > cutoff : value < cutoff
        if beats { return second }
        // A point that does not beat the cutoff is not an answer; an optimal one proves that none does.
        let termination: Termination = second.termination == .optimal
            ? .stopped(at: .cutoff, detail: "\(first.termination.detail); solved again without the cutoff: its optimum does not beat it")
            : second.termination
        return Solution(
            termination: termination, objectiveValue: nil, bestBound: second.bestBound, values: [], rowActivities: [],
            duals: nil, reducedCosts: nil, rawStatus: second.rawStatus, rawStatusText: second.rawStatusText,
            nodeCount: first.nodeCount + second.nodeCount, iterationCount: first.iterationCount + second.iterationCount,
            improvedSolutionCount: second.improvedSolutionCount, solveTime: first.solveTime + second.solveTime)
    }

    /// A model without variables: every row is a constant (lp_solve answers such a model with
    /// neither OPTIMAL nor INFEASIBLE, so it is decided here).
    private static func solveConstant(_ model: LinearModel) -> Solution {
        let feasible = model.constraints.allSatisfy { row in
            let tolerance = { (bound: Double) in Tolerance.absolute(near: bound) }
            return row.lower <= tolerance(row.lower) && -tolerance(row.upper) <= row.upper
        }
        let value = model.objective.expression.constant
        return Solution(
            termination: feasible ? .optimal : .infeasible, objectiveValue: feasible ? value : nil,
            bestBound: feasible ? value : nil, values: [], rowActivities: feasible ? model.constraints.map { _ in 0 } : [],
            duals: feasible && !model.isMixedInteger ? model.constraints.map { _ in 0 } : nil,
            reducedCosts: feasible ? [] : nil, rawStatus: feasible ? 0 : 2,
            rawStatusText: feasible ? "OPTIMAL (no variables)" : "INFEASIBLE (no variables)",
            nodeCount: 0, iterationCount: 0, improvedSolutionCount: 0, solveTime: .zero)
    }

    /// A model's text in one of lp_solve's formats, written by lp_solve's own writers.
    public enum ExportFormat: Sendable {
        /// lp_solve's LP dialect (`write_lp`).
        case lp
        /// Free MPS (`write_freemps`), which most solvers read.
        case mps
    }

    /// Writes `model` as LP or free-MPS text through lp_solve's writers.
    ///
    /// The objective's constant is not part of either format: add it back to the optimum.
    public func export(_ model: LinearModel, format: ExportFormat) throws -> String {
        try model.validate()
        let handle = try LPHandle(loading: model)
        return try handle.write(format: format)
    }

    /// Reads a model in LP or free-MPS text with lp_solve's readers and solves it.
    /// Used to check that an export says what the model says.
    public func solve(text: String, format: ExportFormat, parameters: SolverParameters = SolverParameters()) throws -> Solution {
        let handle = try LPHandle(reading: text, format: format)
        return try handle.solve(parameters: parameters, options: options, objectiveConstant: 0, isMIP: handle.hasIntegers)
    }
}

