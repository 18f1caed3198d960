import LinearProgramming

/// One organisation's least budget scale (SPEC §2.6), as goal.csv reports it.
public struct OrganisationGoal: Sendable, Equatable {
    /// How far the answer is settled.
    public enum Status: String, Sendable {
        /// The least scale, proven within the relative gap.
        case optimal
        /// A scale that reaches the target, with a proven lower bound; the time ran out.
        case feasible
        /// No scale reaches the target (``OrganisationGoal/reason`` says why).
        case structural
        /// The time ran out before a scale or a proof was found.
        case unknown
    }

    /// The organisation's name.
    public var name: String
    /// How far the answer is settled.
    public var status: Status
    /// The least scale found, rounded up to 4 decimals; `nil` when structural or unknown.
    public var scale: Double?
    /// The least scale found before rounding: the least at which the plan found keeps its budgets.
    public var exactScale: Double?
    /// The proven lower bound on the least scale (0 when nothing better is proven).
    public var bound: Double?
    /// The budgets as the scenario gives them.
    public var currentBudgets: [Double]
    /// `currentBudgets` × ``scale``, each rounded up to whole pounds.
    public var budgets: [Int]?
    /// Why no scale reaches the target.
    public var reason: String?

    /// The relative gap between the scale found and its proven bound.
    public var gap: Double? {
        guard let exactScale, let bound else { return nil }
        return Tolerance.relativeGap(value: exactScale, bound: bound)
    }

    /// The scaled budgets' total minus the current total (negative when less money suffices).
    public var extra: Double? {
        budgets.map { Double($0.reduce(0, +)) - currentBudgets.reduce(0, +) }
    }

    /// The scale reported for an exact least scale `s`: rounded up to 4 decimals, float noise
    /// above a 4-decimal value (the bisection's last step, a product's last bit) not counted.
    static func reported(_ s: Double) -> Double {
        let scale = ((s - Tolerance.absolute(near: s)) * 1e4).rounded(.up) / 1e4
        return scale > 0 ? scale : 0
    }

    /// `budget` × `scale` per period, each rounded up to whole pounds (noise not counted).
    static func wholePounds(_ budget: [Double], scale: Double) -> [Int] {
        budget.map { amount in
            let scaled = amount * scale
            return Int((scaled - Tolerance.absolute(near: scaled)).rounded(.up))
        }
    }
}
