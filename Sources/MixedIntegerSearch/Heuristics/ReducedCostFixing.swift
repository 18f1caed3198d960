import LinearProgramming

/// Reduced-cost fixing: bounds an LP optimum proves for every solution that still matters.
///
/// At an LP optimum z (minimising) with reduced costs d, every point has a value of at least
/// z + Σ d·(x − x*). So an integer column at its lower bound with d > 0 cannot rise by k without
/// costing k·d: once z + k·d leaves no `room` below the level that matters (the best solution,
/// less the gap), the column stays below its lower bound plus k; at its upper bound with d < 0,
/// likewise downwards. The LP's own point keeps every such bound, so no re-solve is needed.
/// One implementation, used by the planner at the root and by ``BestFirstSolver`` at each node.
public enum ReducedCostFixing {
    /// A tightened column.
    public struct Tightening: Sendable, Equatable {
        public var index: Int
        public var lower: Double
        public var upper: Double
        /// The least objective value (minimising) of the points the tightening cuts off.
        public var cutOffValue: Double
    }

    /// The tightenings that an LP optimum proves.
    /// - Parameters:
    ///   - integers: the integer columns to consider.
    ///   - point: the LP's optimal point.
    ///   - reducedCosts: its reduced costs in the minimising sense, one per column.
    ///   - bounds: each column's current bounds.
    ///   - value: the LP's optimum (minimising).
    ///   - room: how far above `value` a solution may be and still matter.
    ///   - isCutOff: whether a solution of this value no longer matters (a lattice-aware test of
    ///     the caller's); it lowers each reach while the last step would already be cut off.
    /// - Complexity: O(`integers.count`).
    public static func tightenings(
        integers: [Int], point: [Double], reducedCosts: [Double], bounds: (Int) -> (lower: Double, upper: Double),
        value: Double, room: Double, isCutOff: (Double) -> Bool = { _ in false }
    ) -> [Tightening] {
        guard room.isFinite, room >= 0 else { return [] }
        var result: [Tightening] = []
        for index in integers {
            let cost = reducedCosts[index]
            // A safety margin on the reduced cost: a solver's are exact only up to its tolerances.
            let slope = abs(cost) * (1 - 1e-7) - 1e-9
            // Basic columns (most of them) have no reduced cost: skip them before the bound lookups.
            guard slope > 1e-7 else { continue }
            let (lower, upper) = bounds(index)
            guard lower.isFinite, upper.isFinite, upper - lower >= 1, room / slope < upper - lower else { continue }
            let x = point[index]
            let atLower = cost > 0 && abs(x - lower) <= Tolerance.noise
            let atUpper = cost < 0 && abs(x - upper) <= Tolerance.noise
            guard atLower || atUpper else { continue }
            var steps = (room / slope).rounded(.down)
            while steps > 0, isCutOff(value + steps * slope) { steps -= 1 }
            guard steps < upper - lower else { continue }
            result.append(Tightening(
                index: index, lower: atLower ? lower : upper - steps, upper: atLower ? lower + steps : upper,
                cutOffValue: value + (steps + 1) * slope))
        }
        return result
    }
}
