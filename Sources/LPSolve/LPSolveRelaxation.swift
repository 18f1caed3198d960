import Foundation
import LinearProgramming
internal import CLPSolve

/// One model's LP relaxation, kept loaded in lp_solve and re-solved as its bounds change: the
/// node solves of a Swift branch and bound (`MixedIntegerSearch`'s best-first search).
///
/// lp_solve starts each solve from the basis the last one ended with, so a child node (its
/// parent's bounds with one of them moved) usually needs a few dual simplex iterations, not a
/// solve from scratch. Used on one thread only; the model is freed with the value.
final class LPSolveRelaxation: Relaxation {
    private let handle: LPHandle
    private var lower: [Double]
    private var upper: [Double]
    private let infinity: Double

    private(set) var iterations = 0
    /// The last optimal basis (lp_solve's layout: 1 + rows + columns entries, basic ones first,
    /// negative for "at lower bound"), to start the next solve from.
    private var basis: [Int32]
    private var hasBasis = false

    /// Starts lp_solve from the last optimal basis, with every non-basic variable put at a bound
    /// it has now. lp_solve keeps its last basis by itself, but it keeps a column that was at its
    /// upper bound "at upper" when that bound is then moved to infinity: measured here, it then
    /// answered OPTIMAL at a point that was not (37 for max 5x + 8y, x + y ≤ 6, 5x + 9y ≤ 45,
    /// x ≤ 1, y ≥ 4, where 40 is the optimum), and after an INFEASIBLE node its basis is no use.
    private func restoreBasis() {
        guard hasBasis else { return }
        let rows = handle.rowCount
        for k in (rows + 1)..<basis.count {
            let entry = Int(basis[k])
            let column = abs(entry) - rows - 1
            guard column >= 0 else { continue }
            if entry > 0, upper[column] == .infinity { basis[k] = -basis[k] }
            else if entry < 0, lower[column] == -.infinity, upper[column] < .infinity { basis[k] = -basis[k] }
        }
        _ = basis.withUnsafeMutableBufferPointer { set_basis(handle.lp, $0.baseAddress, CLPS_TRUE) }
    }

    /// Loads `model` with every variable continuous.
    init(_ model: LinearModel) throws {
        try model.validate()
        handle = try LPHandle(loading: model.relaxed())
        lower = model.variables.map(\.lowerBound)
        upper = model.variables.map(\.upperBound)
        infinity = get_infinite(handle.lp)
        basis = [Int32](repeating: 0, count: 1 + handle.rowCount + handle.columnCount)
        // Floor-first, default rules: only the LP is solved here.
        set_epsint(handle.lp, 1e-7)
    }

    var columnCount: Int { handle.columnCount }

    /// Moves the bounds of column `index` (0-based) if they differ from the loaded ones.
    func setBounds(_ index: Int, lower newLower: Double, upper newUpper: Double) {
        guard lower[index] != newLower || upper[index] != newUpper else { return }
        lower[index] = newLower
        upper[index] = newUpper
        let clamp = { (value: Double) in value == .infinity ? self.infinity : value == -.infinity ? -self.infinity : value }
        set_bounds(handle.lp, Int32(index + 1), clamp(newLower), clamp(newUpper))
    }

    /// The reduced costs of the last optimal solve, one per column, in the model's own sense
    /// (the objective's change per unit increase of the column), or `nil` when lp_solve has none.
    func reducedCosts() -> [Double]? {
        var pointer: UnsafeMutablePointer<Double>?
        guard get_ptr_sensitivity_rhs(handle.lp, &pointer, nil, nil) != 0, let all = pointer else { return nil }
        let rows = handle.rowCount
        return (0..<handle.columnCount).map { all[rows + $0] }
    }

    /// Solves the relaxation at the current bounds, giving up after `seconds` (whole seconds,
    /// at least one: a backstop; callers check their own deadline between solves).
    func solve(objectiveConstant: Double, seconds: Double) -> RelaxationOutcome {
        set_timeout(handle.lp, max(1, Int(seconds.rounded(.up))))
        restoreBasis()
        var code = Int32(CLPSolve.solve(handle.lp))
        iterations += Int(get_total_iter(handle.lp))
        if code != OPTIMAL, code != PRESOLVED, code != INFEASIBLE, code != TIMEOUT, hasBasis {
            // A warm start can leave lp_solve stuck on numerics (ACCURACYERROR on one node of
            // 3,738 in a council's search); from its default basis the same LP usually solves.
            default_basis(handle.lp)
            hasBasis = false
            code = Int32(CLPSolve.solve(handle.lp))
            iterations += Int(get_total_iter(handle.lp))
        }
        switch code {
        case OPTIMAL, PRESOLVED:
            if basis.withUnsafeMutableBufferPointer({ get_basis(handle.lp, $0.baseAddress, CLPS_TRUE) }) != 0 { hasBasis = true }
            var values = [Double](repeating: 0, count: handle.columnCount)
            values.withUnsafeMutableBufferPointer { _ = get_variables(handle.lp, $0.baseAddress) }
            return .optimal(value: get_objective(handle.lp) + objectiveConstant, values: values)
        case INFEASIBLE:
            return .infeasible
        default:
            return .failed(status: Int(code))
        }
    }
}
