/// A solver-agnostic linear or mixed-integer program: plain values, no solver state.
///
/// ```swift
/// var model = LinearModel(name: "diet")
/// let x = model.addVariable(name: "x", lowerBound: 0)
/// let y = model.addVariable(name: "y", lowerBound: 0, isInteger: true)
/// model.addConstraint(x + y, .lessOrEqual, 4, name: "capacity")
/// model.objective = LinearObjective(.maximize, 3 * x + 2 * y)
/// let solution = try LPSolveSolver().solve(model)
/// ```
/// Variables and constraints are identified by typed ids; solver indices (1-based columns,
/// row 0 for the objective) exist only inside the backend.
public struct LinearModel: Sendable {
    /// A short name, used in exports and logs.
    public var name: String
    public private(set) var variables: [VariableInfo] = []
    public private(set) var constraints: [Constraint] = []
    /// The objective; the default minimises 0 (a feasibility problem).
    public var objective = LinearObjective(.minimize, LinearExpression())
    let identity = ModelIdentity.fresh()

    public init(name: String = "model") {
        self.name = name
    }

    /// Number of nonzero coefficients in the constraints.
    public var nonzeroCount: Int { constraints.reduce(0) { $0 + $1.variables.count } }

    /// Whether any variable is integer.
    public var isMixedInteger: Bool { variables.contains { $0.isInteger } }

    /// Adds a variable.
    /// - Parameters:
    ///   - name: a name for exports; defaults to `x<index>`. Names should be unique.
    ///   - lowerBound: `-Double.infinity` for a free variable. Default 0.
    ///   - upperBound: default `Double.infinity`.
    ///   - isInteger: whether the variable is integer.
    ///   - branchPriority: branch-and-bound branches on higher priorities first (default 0).
    /// - Returns: the new variable.
    @discardableResult
    public mutating func addVariable(
        name: String? = nil, lowerBound: Double = 0, upperBound: Double = .infinity, isInteger: Bool = false,
        branchPriority: Int = 0
    ) -> Variable {
        let index = variables.count
        variables.append(VariableInfo(
            name: name ?? "x\(index)", lowerBound: lowerBound, upperBound: upperBound, isInteger: isInteger,
            branchPriority: branchPriority))
        return Variable(index: index, modelIdentity: identity)
    }

    /// Changes a variable's bounds.
    public mutating func setBounds(of variable: Variable, lower: Double, upper: Double) {
        variables[variable.index].lowerBound = lower
        variables[variable.index].upperBound = upper
    }

    /// Adds `expression relation rhs`.
    @discardableResult
    public mutating func addConstraint(
        _ expression: LinearExpression, _ relation: Relation, _ rhs: Double, name: String? = nil
    ) -> ConstraintID {
        switch relation {
        case .lessOrEqual: return addConstraint(expression, lower: -.infinity, upper: rhs, name: name)
        case .greaterOrEqual: return addConstraint(expression, lower: rhs, upper: .infinity, name: name)
        case .equal: return addConstraint(expression, lower: rhs, upper: rhs, name: name)
        }
    }

    /// Adds the ranged row `lower ≤ expression ≤ upper`.
    @discardableResult
    public mutating func addConstraint(
        _ expression: LinearExpression, lower: Double, upper: Double, name: String? = nil
    ) -> ConstraintID {
        let index = constraints.count
        constraints.append(Constraint(
            name: name ?? "r\(index)",
            variables: expression.variables,
            coefficients: expression.coefficients,
            lower: lower - expression.constant,
            upper: upper - expression.constant))
        return ConstraintID(index: index, modelIdentity: identity)
    }

    /// The handle of the variable at `index` (0-based, as in ``variables``).
    public func variable(at index: Int) -> Variable {
        precondition(variables.indices.contains(index), "no variable \(index)")
        return Variable(index: index, modelIdentity: identity)
    }

    /// Changes a row's bounds.
    public mutating func setBounds(of constraint: ConstraintID, lower: Double, upper: Double) {
        constraints[constraint.index].lower = lower
        constraints[constraint.index].upper = upper
    }
}

extension LinearModel {
    /// The same model with every integer variable made continuous (its LP relaxation).
    /// Variables and constraints of `self` remain valid in the result.
    public func relaxed() -> LinearModel {
        var copy = self
        for index in copy.variables.indices { copy.variables[index].isInteger = false }
        return copy
    }
}
