/// A handle on one constraint of a ``LinearModel``.
public struct ConstraintID: Hashable, Sendable {
    /// The constraint's position in ``LinearModel/constraints`` (0-based).
    public let index: Int
    let modelIdentity: ModelIdentity
}

/// The relation of a constraint's expression to its right-hand side.
public enum Relation: Sendable, Equatable {
    case lessOrEqual
    case greaterOrEqual
    case equal
}

/// A sparse linear constraint `lower ≤ Σ a·x ≤ upper`.
///
/// Every kind of row is stored as a range: `≤ b` is `[-∞, b]`, `≥ b` is `[b, +∞]`, `= b` is `[b, b]`.
public struct Constraint: Sendable {
    /// A name that says what the row means, e.g. `budget[Moray,2027/28]`.
    public var name: String
    /// The terms (the expression's constant has been moved into the bounds).
    public var variables: [Variable]
    public var coefficients: [Double]
    /// Lower bound of the row activity; `-Double.infinity` for none.
    public var lower: Double
    /// Upper bound of the row activity; `Double.infinity` for none.
    public var upper: Double

    /// The row as a relation, when it is not a proper range.
    public var relation: Relation? {
        if lower == upper { return .equal }
        if lower == -.infinity { return .lessOrEqual }
        if upper == .infinity { return .greaterOrEqual }
        return nil
    }
}

/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: Sendable, Equatable {
    case minimize
    case maximize
}

/// A linear objective.
public struct LinearObjective: Sendable {
    public var sense: ObjectiveSense
    public var expression: LinearExpression

    public init(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        self.sense = sense
        self.expression = expression
    }
}
