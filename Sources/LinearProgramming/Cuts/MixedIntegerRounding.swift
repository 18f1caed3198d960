/// Mixed-integer rounding (MIR) cuts from single rows, after Marchand and Wolsey's c-MIR.
///
/// A row `Σ a·x ≤ b` over integer and continuous variables with finite bounds is first moved
/// onto non-negative variables: an integer variable is measured from its lower bound, or from
/// its upper bound when the point sits in the upper half of its range (complemented); a
/// continuous term with a positive coefficient is dropped (it only uses up room), one with a
/// negative coefficient becomes the slack `s ≥ 0`. Dividing by `δ > 0` and rounding gives
///
///     Σ F(ã/δ)·x̃ ≤ ⌊b̃/δ⌋ + s / (δ·(1 − f₀)),   F(q) = ⌊q⌋ + max(0, frac(q) − f₀) / (1 − f₀),
///
/// with `f₀ = frac(b̃/δ)`, valid for every point of the row whose integer variables are whole.
/// The generator tries `δ` from the coefficients of the variables strictly inside their
/// bounds, then halves of the best, and keeps the cut that the point violates most per unit of
/// its norm.
///
/// Cuts carry a small safety margin on the right-hand side against floating-point rounding,
/// so a cut never removes a whole point of the row.
public struct MixedIntegerRounding: Sendable {
    /// Least violation per unit norm for a cut to be returned.
    public var minimumEfficacy = 1e-3

    public init() {}

    /// A cut `expression ≤ upper`.
    public struct Cut: Sendable {
        public var expression: LinearExpression
        public var upper: Double
        /// Violation at the point divided by the norm of the coefficients.
        public var efficacy: Double
    }

    /// The most efficacious MIR cut from `row`'s upper side (or, for a `≥` row, its lower side)
    /// that `point` violates, if any. Rows with an unbounded variable in the wrong direction,
    /// equalities and ranges are skipped.
    public func cut(from row: Constraint, of model: LinearModel, at point: [Double]) -> Cut? {
        let sign: Double
        let rhs: Double
        switch row.relation {
        case .lessOrEqual: sign = 1; rhs = row.upper
        case .greaterOrEqual: sign = -1; rhs = -row.lower
        default: return nil
        }
        let terms = LinearExpression(variables: row.variables, coefficients: row.coefficients).merged()
        guard let base = Substituted(terms: terms, sign: sign, rhs: rhs, model: model, point: point) else { return nil }

        var divisors: [Double] = []
        for term in base.integers where term.isInside && abs(term.coefficient) > 1e-9 {
            let d = abs(term.coefficient)
            if !divisors.contains(where: { abs($0 - d) <= 1e-12 * d }) { divisors.append(d) }
        }
        var best: Cut?
        func consider(_ delta: Double) {
            guard let cut = base.rounded(by: delta, point: point), cut.efficacy >= minimumEfficacy else { return }
            if best == nil || cut.efficacy > best!.efficacy + 1e-12 { best = cut }
        }
        var bestDelta: Double?
        for delta in divisors {
            let before = best?.efficacy
            consider(delta)
            if best?.efficacy != before { bestDelta = delta }
        }
        if let bestDelta {
            for divisor in [2.0, 4.0, 8.0] { consider(bestDelta / divisor) }
        }
        return best
    }
}

/// A row moved onto non-negative variables (see ``MixedIntegerRounding``).
private struct Substituted {
    struct IntegerTerm {
        var variable: Variable
        /// Coefficient of the shifted variable `x − l` or the complemented `u − x`.
        var coefficient: Double
        var complemented: Bool
        var bound: Double
        /// Value of the shifted or complemented variable at the point.
        var value: Double
        var isInside: Bool
    }
    struct SlackTerm {
        var variable: Variable
        /// Weight `|a|` in `s = Σ |a|·(x − l)`.
        var weight: Double
        var lower: Double
    }
    var integers: [IntegerTerm] = []
    var slack: [SlackTerm] = []
    var rhs: Double

    init?(terms: LinearExpression, sign: Double, rhs: Double, model: LinearModel, point: [Double]) {
        self.rhs = rhs
        for (variable, raw) in zip(terms.variables, terms.coefficients) {
            let a = sign * raw
            guard a != 0 else { continue }
            let info = model.variables[variable.index]
            let x = point[variable.index]
            let (l, u) = (info.lowerBound, info.upperBound)
            if l == u {
                // A fixed variable is a constant.
                self.rhs -= a * l
            } else if info.isInteger {
                // Whole bounds, so that the shifted and complemented variables are whole too.
                let (l, u) = (l.rounded(.up), u.rounded(.down))
                guard l.isFinite, l <= u else { return nil }
                let inside = x > l + 1e-6 && x < u - 1e-6
                if u.isFinite, x - l > (u - l) / 2 {
                    // a·x = a·u − a·(u − x)
                    self.rhs -= a * u
                    integers.append(IntegerTerm(variable: variable, coefficient: -a, complemented: true, bound: u,
                                                value: u - x, isInside: inside))
                } else {
                    self.rhs -= a * l
                    integers.append(IntegerTerm(variable: variable, coefficient: a, complemented: false, bound: l,
                                                value: x - l, isInside: inside))
                }
            } else if a > 0 {
                // a·x ≥ a·l: drop the term, keep its least value.
                guard l.isFinite else { return nil }
                self.rhs -= a * l
            } else {
                guard l.isFinite else { return nil }
                self.rhs -= a * l
                slack.append(SlackTerm(variable: variable, weight: -a, lower: l))
            }
        }
        guard self.rhs.isFinite, !integers.isEmpty else { return nil }
    }

    /// The MIR cut for divisor `delta`, in the original variables, or `nil` when `b̃/δ` is too
    /// close to a whole number to round usefully.
    func rounded(by delta: Double, point: [Double]) -> MixedIntegerRounding.Cut? {
        let beta = rhs / delta
        guard abs(beta) < 1e9 else { return nil }
        let f0 = beta - beta.rounded(.down)
        guard f0 > 0.01, f0 < 0.99 else { return nil }
        var expression = LinearExpression()
        var upper = beta.rounded(.down)
        var lhsAtPoint = 0.0
        var norm = 0.0
        for term in integers {
            let q = term.coefficient / delta
            let fj = q - q.rounded(.down)
            let f = q.rounded(.down) + max(0, fj - f0) / (1 - f0)
            guard f != 0 else { continue }
            lhsAtPoint += f * term.value
            if term.complemented {
                // f·(u − x)
                expression.add(-f, term.variable)
                upper -= f * term.bound
            } else {
                // f·(x − l)
                expression.add(f, term.variable)
                upper += f * term.bound
            }
        }
        let slackScale = 1 / (delta * (1 - f0))
        for term in slack {
            let c = term.weight * slackScale
            lhsAtPoint -= c * (point[term.variable.index] - term.lower)
            expression.add(-c, term.variable)
            upper -= c * term.lower
        }
        let merged = expression.merged()
        for c in merged.coefficients { norm += c * c }
        guard norm > 0 else { return nil }
        // Violation in the substituted space (exact there), then a margin for the way back.
        let violation = lhsAtPoint - beta.rounded(.down)
        let margin = 1e-9 * max(1, abs(upper)) + 1e-7
        return MixedIntegerRounding.Cut(expression: merged, upper: upper + margin,
                                        efficacy: (violation - margin) / norm.squareRoot())
    }
}

extension LinearExpression {
    /// The same expression with repeated variables summed and zero terms dropped, in order of
    /// first appearance.
    func merged() -> LinearExpression {
        var position: [Int: Int] = [:]
        var variables: [Variable] = []
        var coefficients: [Double] = []
        for (variable, coefficient) in zip(self.variables, self.coefficients) {
            if let at = position[variable.index] {
                coefficients[at] += coefficient
            } else {
                position[variable.index] = variables.count
                variables.append(variable)
                coefficients.append(coefficient)
            }
        }
        var result = LinearExpression(constant: constant)
        for (variable, coefficient) in zip(variables, coefficients) where coefficient != 0 { result.add(coefficient, variable) }
        return result
    }
}
