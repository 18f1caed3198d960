/// A backend that solves ``LinearModel``s.
///
/// Backends are values; every call builds its own solver state, so independent models may be
/// solved concurrently from several threads.
public protocol LinearSolver: Sendable {
    /// Solves `model`, blocking the calling thread.
    /// - Throws: ``ModelError`` for a model that cannot be loaded, ``SolverError`` when the
    ///   solver itself fails. Infeasible, unbounded and limits are results, not errors.
    func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution
}

/// The solver library failed (not: the model is infeasible).
public struct SolverError: Error, Sendable, CustomStringConvertible {
    /// The backend function that failed (for lp_solve, the C function: `add_columnex`).
    public var call: String
    /// The backend's own return code, when it gave one.
    public var code: Int?
    public var message: String

    public init(call: String, code: Int? = nil, message: String) {
        self.call = call
        self.code = code
        self.message = message
    }

    public var description: String { code.map { "\(call) returned \($0): \(message)" } ?? "\(call): \(message)" }
}

extension LinearSolver {
    /// Solves `model` with default parameters.
    public func solve(_ model: LinearModel) throws -> Solution {
        try solve(model, parameters: SolverParameters())
    }

    /// Solves `model` on a thread of its own, so the cooperative pool is never blocked;
    /// cancelling the calling task stops the solver within milliseconds.
    public func solve(_ model: LinearModel, parameters: SolverParameters) async throws -> Solution {
        var parameters = parameters
        let flag = parameters.cancellation ?? CancellationFlag()
        parameters.cancellation = flag
        let frozen = parameters
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let thread = Thread {
                    continuation.resume(with: Result { try self.solve(model, parameters: frozen) })
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
    }
}

import Foundation
