/// A sparse affine expression `Σ coefficient·variable + constant`.
///
/// ```swift
/// var cost = LinearExpression()
/// cost.add(850, x)
/// cost += 3000 * y
/// ```
/// Terms are kept in insertion order; a variable may appear more than once (the
/// coefficients are summed when the model is loaded).
public struct LinearExpression: Sendable {
    public private(set) var variables: [Variable] = []
    public private(set) var coefficients: [Double] = []
    public var constant: Double = 0

    public init() {}

    public init(_ variable: Variable) { add(1, variable) }

    public init(constant: Double) { self.constant = constant }

    /// The expression `Σ coefficients[k]·variables[k]`.
    public init(variables: [Variable], coefficients: [Double], constant: Double = 0) {
        precondition(variables.count == coefficients.count, "one coefficient per variable")
        self.variables = variables
        self.coefficients = coefficients
        self.constant = constant
    }

    /// Number of terms.
    public var termCount: Int { variables.count }

    /// Adds `coefficient · variable`.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        variables.append(variable)
        coefficients.append(coefficient)
    }

    /// Adds every term (and the constant) of `other`.
    public mutating func add(_ other: LinearExpression, scaledBy factor: Double = 1) {
        variables.append(contentsOf: other.variables)
        if factor == 1 {
            coefficients.append(contentsOf: other.coefficients)
        } else {
            coefficients.append(contentsOf: other.coefficients.map { $0 * factor })
        }
        constant += factor * other.constant
    }

    /// Reserves room for `count` more terms.
    public mutating func reserveCapacity(_ count: Int) {
        variables.reserveCapacity(variables.count + count)
        coefficients.reserveCapacity(coefficients.count + count)
    }

    /// The expression's value at a point given by variable values (indexed like the model's variables).
    public func value(at values: [Double]) -> Double {
        var sum = constant
        for k in variables.indices { sum += coefficients[k] * values[variables[k].index] }
        return sum
    }
}

public func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
}

public func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs, scaledBy: -1)
    return result
}

public func * (coefficient: Double, variable: Variable) -> LinearExpression {
    var result = LinearExpression()
    result.add(coefficient, variable)
    return result
}

public func * (coefficient: Double, expression: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(expression, scaledBy: coefficient)
    return result
}

public func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
    var result = lhs
    result.add(1, rhs)
    return result
}

public func + (lhs: Variable, rhs: Variable) -> LinearExpression {
    var result = LinearExpression(lhs)
    result.add(1, rhs)
    return result
}

public func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
    var result = lhs
    result.constant += rhs
    return result
}

public func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }

public func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(1, rhs) }

public func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) + rhs }

public func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) - rhs }

public func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs - LinearExpression(rhs) }

public func - (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) - LinearExpression(rhs) }
