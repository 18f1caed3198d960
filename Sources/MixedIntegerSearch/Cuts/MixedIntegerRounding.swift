import LinearProgramming

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
/// Given the model's variable upper bounds `x ≤ u·y` (y binary), an integer variable nearer to
/// that bound than to its own may instead be measured from it, as `u·y − x ≥ 0`.
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

    /// A variable upper bound `x ≤ u·y` of an integer `x ≥ 0`, with `y` binary and `u` whole: a
    /// row may measure `x` from it, as the whole `u·y − x ≥ 0`.
    public struct VariableUpperBound: Sendable {
        public var binary: Variable
        public var multiplier: Double
    }

    /// The variable upper bounds among `model`'s rows `a·x − b·y ≤ 0` (a, b > 0, x integer with
    /// lower bound 0, y binary, b/a whole), by the index of `x`.
    public static func variableUpperBounds(in model: LinearModel) -> [Int: [VariableUpperBound]] {
        var bounds: [Int: [VariableUpperBound]] = [:]
        for row in model.constraints where row.relation == .lessOrEqual && row.upper == 0 && row.variables.count == 2 {
            let (first, second) = (row.coefficients[0], row.coefficients[1])
            guard (first > 0) != (second > 0) else { continue }
            let (x, a, y, b) = first > 0
                ? (row.variables[0], first, row.variables[1], -second)
                : (row.variables[1], second, row.variables[0], -first)
            let xInfo = model.variables[x.index], yInfo = model.variables[y.index]
            let multiplier = b / a
            guard xInfo.isInteger, xInfo.lowerBound == 0, yInfo.isInteger, yInfo.lowerBound == 0, yInfo.upperBound == 1,
                  abs(multiplier - multiplier.rounded()) <= 1e-9 * max(1, multiplier), multiplier >= 1 else { continue }
            bounds[x.index, default: []].append(VariableUpperBound(binary: y, multiplier: multiplier.rounded()))
        }
        return bounds
    }

    /// The most efficacious MIR cut from `row`'s upper side (or, for a `≥` row, its lower side)
    /// that `point` violates, if any. Rows with an unbounded variable in the wrong direction,
    /// equalities and ranges are skipped.
    public func cut(from row: Constraint, of model: LinearModel, at point: [Double]) -> Cut? {
        cut(from: row, of: model, at: point, variableUpperBounds: [:])
    }

    /// As ``cut(from:of:at:)``, measuring an integer variable from one of its variable upper
    /// bounds (``variableUpperBounds(in:)``) where the point is nearer to it than to the
    /// variable's own bounds: the binary then carries the variable's coefficient times `u`, as
    /// in a flow cover, so a fixed charge paid fractionally (a visit at 1/12 of its cost for one
    /// unit of twelve) is cut off.
    public func cut(from row: Constraint, of model: LinearModel, at point: [Double],
                    variableUpperBounds: [Int: [VariableUpperBound]]) -> Cut? {
        let sign: Double
        let rhs: Double
        switch row.relation {
        case .lessOrEqual: sign = 1; rhs = row.upper
        case .greaterOrEqual: sign = -1; rhs = -row.lower
        default: return nil
        }
        let terms = LinearExpression(variables: row.variables, coefficients: row.coefficients).merged()
        guard let base = Substituted(terms: terms, sign: sign, rhs: rhs, model: model, point: point,
                                     variableUpperBounds: variableUpperBounds) else { return nil }

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
        /// Measured from a variable upper bound: the term is `u·y − x` (`bound` is 0).
        var upperBound: MixedIntegerRounding.VariableUpperBound? = nil
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

    init?(terms: LinearExpression, sign: Double, rhs: Double, model: LinearModel, point: [Double],
          variableUpperBounds: [Int: [MixedIntegerRounding.VariableUpperBound]]) {
        self.rhs = rhs
        // First the variables measured from a variable upper bound: a·x = a·u·y − a·(u·y − x),
        // so their binaries' coefficients grow before anything is rounded.
        var pending = LinearExpression()
        for (variable, raw) in zip(terms.variables, terms.coefficients) {
            let a = sign * raw
            guard a != 0 else { continue }
            let info = model.variables[variable.index]
            let x = point[variable.index]
            let nearest = min(x - info.lowerBound, info.upperBound - x)
            let candidates = info.isInteger && info.lowerBound == 0 ? variableUpperBounds[variable.index] ?? [] : []
            let best = candidates.filter { $0.binary.index != variable.index }
                .min { $0.multiplier * point[$0.binary.index] - x < $1.multiplier * point[$1.binary.index] - x }
            if let best, best.multiplier * point[best.binary.index] - x < nearest - 1e-9 {
                let distance = max(0, best.multiplier * point[best.binary.index] - x)
                pending.add(sign * a * best.multiplier, best.binary)
                integers.append(IntegerTerm(variable: variable, coefficient: -a, complemented: false, bound: 0, value: distance,
                                            isInside: distance > 1e-6 && distance < best.multiplier - 1e-6, upperBound: best))
            } else {
                pending.add(raw, variable)
            }
        }
        let rest = pending.merged()
        for (variable, raw) in zip(rest.variables, rest.coefficients) {
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
    func rounded(by delta: Double, point: [Double]) -> Cut? {
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
            if let bound = term.upperBound {
                // f·(u·y − x)
                expression.add(f * bound.multiplier, bound.binary)
                expression.add(-f, term.variable)
            } else if term.complemented {
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
        let margin = Cut.safetyMargin(near: upper)
        return Cut(expression: merged, upper: upper + margin, efficacy: (violation - margin) / norm.squareRoot())
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
