import LinearProgramming

/// A cut `expression ≤ upper`: a row that every whole point of a model keeps and the
/// relaxation's point breaks.
public struct Cut: Sendable {
    public var expression: LinearExpression
    public var upper: Double
    /// Violation at the point divided by the norm of the coefficients.
    public var efficacy: Double

    public init(expression: LinearExpression, upper: Double, efficacy: Double) {
        self.expression = expression
        self.upper = upper
        self.efficacy = efficacy
    }

    /// What a cut's right-hand side is loosened by, against the floating-point error of the
    /// way back from the space it was derived in: a cut must never remove a whole point.
    static func safetyMargin(near upper: Double, largestCoefficient: Double = 1) -> Double {
        Tolerance.absolute(near: upper) + 1e-7 * max(1, largestCoefficient)
    }
}
