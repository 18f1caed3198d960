import LinearProgramming

/// The neighbourhoods of large-neighbourhood search: which integer columns a sub-search may move.
/// One implementation, used by the planner before branch and bound and by ``BestFirstSolver``
/// at its nodes.
public enum Neighbourhoods {
    /// How far from a whole number a relaxed value may be and still count as that number.
    public static let agreement = Tolerance.solver

    /// A column's bounds in a neighbourhood.
    public struct Bounds: Sendable, Equatable {
        public var index: Int
        public var lower: Double
        public var upper: Double
    }

    /// Relaxation-enforced neighbourhood search (RENS; Berthold 2014): every integer column lies
    /// between the floor and the ceiling of its value in the relaxation, so columns the
    /// relaxation already makes whole are fixed. The neighbourhood is small, so a search of it is
    /// quick, and it often holds a solution much better than a rounding heuristic's.
    /// - Returns: the bounds of every integer column, or `nil` when some column has no whole
    ///   value within its own bounds there.
    public static func relaxationEnforced(_ model: LinearModel, relaxed values: [Double]) -> [Bounds]? {
        var bounds: [Bounds] = []
        for (index, variable) in model.variables.enumerated() where variable.isInteger {
            let x = values[index]
            let lower = max(variable.lowerBound, (x - agreement).rounded(.down))
            let upper = min(variable.upperBound, (x + agreement).rounded(.up))
            guard lower <= upper else { return nil }
            bounds.append(Bounds(index: index, lower: lower, upper: upper))
        }
        return bounds
    }

    /// Relaxation-induced neighbourhood search (RINS; Danna, Rothberg and Le Pape 2005): the
    /// integer columns on which a reference solution and the relaxation agree are fixed at that
    /// value, the others stay free. Columns the reference leaves unknown (`nil`) are free and do
    /// not count towards the share.
    /// - Parameter leastFixedShare: the share of known columns that must be fixed: with fewer,
    ///   the neighbourhood is nearly the whole model.
    /// - Returns: the fixings, or `nil` when nothing would be free or too little fixed.
    public static func relaxationInduced(
        _ model: LinearModel, reference: [Double?], relaxed values: [Double], leastFixedShare: Double
    ) -> [Bounds]? {
        guard reference.count == model.variables.count else { return nil }
        var fixed: [Bounds] = []
        var free = 0
        for (index, variable) in model.variables.enumerated() where variable.isInteger {
            guard let value = reference[index] else { continue }
            if abs(values[index] - value) <= agreement, value >= variable.lowerBound, value <= variable.upperBound {
                fixed.append(Bounds(index: index, lower: value, upper: value))
            } else {
                free += 1
            }
        }
        guard free > 0, Double(fixed.count) >= leastFixedShare * Double(fixed.count + free) else { return nil }
        return fixed
    }
}

extension LinearModel {
    /// The model with `bounds` applied.
    public func restricted(to bounds: [Neighbourhoods.Bounds]) -> LinearModel {
        var copy = self
        for bound in bounds { copy.setBounds(of: copy.variable(at: bound.index), lower: bound.lower, upper: bound.upper) }
        return copy
    }
}
