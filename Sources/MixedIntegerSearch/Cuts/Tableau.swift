import LinearProgramming

/// The optimal simplex tableau of a model's LP relaxation, read from its basis: each basic
/// variable as a combination of the non-basic ones, which sit at their bounds. The variables are
/// the columns and the rows' activities (`A·x − r = 0`); see ``GomoryMixedInteger``.
struct Tableau {
    /// A variable of `A·x − r = 0`.
    enum Variable: Hashable {
        case column(Int)
        case row(Int)
    }

    /// Where a non-basic variable sits.
    private enum Side {
        case lower, upper, fixed
        /// Between its bounds (a free variable at zero): no tableau row through it is used.
        case between
    }

    /// A non-basic variable's term in a tableau row `x_k + Σ α·x = 0`.
    struct Term {
        var variable: Variable
        var alpha: Double
        /// Measured from its upper bound (`u − x`) rather than its lower one (`x − l`).
        var fromUpper: Bool
        var bound: Double
        /// Whether `x − l` (or `u − x`) is whole in every whole point.
        var isWhole: Bool
    }

    struct Row {
        var terms: [Term]
    }

    /// Tableau entries this small are the factorisation's round-off, not the row's. Ignoring a
    /// real entry on a variable with a wide range (money carried over) could make a cut invalid,
    /// so this stays far below any entry the models produce.
    static let zero = 1e-12
    /// A cut coefficient this small on a variable unbounded in the direction that matters is
    /// dropped as round-off (its largest effect, over any carry a plan can have, is below the
    /// safety margin); a larger one there makes the cut unsafe to clean, and it is refused.
    static let negligible = 1e-15

    let columnCount: Int
    private let model: LinearModel
    private let values: [Double]
    private let activities: [Double]
    private let columns: [[(row: Int, coefficient: Double)]]
    private let wholeRows: [Bool]
    /// The basic variable at each position of the basis.
    private let basic: [Variable]
    private let factors: DenseLU
    private let columnSides: [Side?]
    private let rowSides: [Side?]

    init?(model: LinearModel, values: [Double], basis: Basis, maximumRows: Int) {
        let rowCount = model.constraints.count
        let columnCount = model.variables.count
        let basicColumns = Set(basis.columns), basicRows = Set(basis.rows)
        guard rowCount > 0, rowCount <= maximumRows, values.count == columnCount,
              basis.columns.count + basis.rows.count == rowCount,
              basicColumns.count == basis.columns.count, basicRows.count == basis.rows.count,
              basis.columns.allSatisfy({ (0..<columnCount).contains($0) }),
              basis.rows.allSatisfy({ (0..<rowCount).contains($0) }) else { return nil }
        self.model = model
        self.columnCount = columnCount
        self.values = values
        var columns = [[(row: Int, coefficient: Double)]](repeating: [], count: columnCount)
        var activities = [Double](repeating: 0, count: rowCount)
        var wholeRows = [Bool](repeating: true, count: rowCount)
        for (i, row) in model.constraints.enumerated() {
            for (variable, a) in zip(row.variables, row.coefficients) where a != 0 {
                columns[variable.index].append((i, a))
                activities[i] += a * values[variable.index]
                if !model.variables[variable.index].isInteger || a != a.rounded() { wholeRows[i] = false }
            }
        }
        self.columns = columns
        self.activities = activities
        self.wholeRows = wholeRows
        basic = basis.columns.map { .column($0) } + basis.rows.map { .row($0) }

        var matrix = [Double](repeating: 0, count: rowCount * rowCount)
        for (position, variable) in basic.enumerated() {
            switch variable {
            case .column(let j): for entry in columns[j] { matrix[entry.row * rowCount + position] += entry.coefficient }
            case .row(let i): matrix[i * rowCount + position] = -1
            }
        }
        guard let factors = DenseLU(size: rowCount, rowMajor: matrix) else { return nil }
        self.factors = factors

        var columnSides = [Side?](repeating: nil, count: columnCount)
        for j in 0..<columnCount where !basicColumns.contains(j) {
            let info = model.variables[j]
            columnSides[j] = Self.side(of: values[j], lower: info.lowerBound, upper: info.upperBound)
        }
        var rowSides = [Side?](repeating: nil, count: rowCount)
        for i in 0..<rowCount where !basicRows.contains(i) {
            let row = model.constraints[i]
            rowSides[i] = Self.side(of: activities[i], lower: row.lower, upper: row.upper)
        }
        self.columnSides = columnSides
        self.rowSides = rowSides
    }

    private static func side(of value: Double, lower: Double, upper: Double) -> Side {
        if lower == upper { return .fixed }
        if lower.isFinite, abs(value - lower) <= Tolerance.absolute(Tolerance.solver, near: lower) { return .lower }
        if upper.isFinite, abs(value - upper) <= Tolerance.absolute(Tolerance.solver, near: upper) { return .upper }
        return .between
    }

    /// The value of the basic variable at `position`.
    func value(at position: Int) -> Double {
        switch basic[position] {
        case .column(let j): values[j]
        case .row(let i): activities[i]
        }
    }

    /// The positions whose basic variable must be whole but is at least `minimumFraction` from a
    /// whole number, the most fractional first.
    func sources(minimumFraction: Double) -> [Int] {
        var found: [(position: Int, distance: Double)] = []
        for (position, variable) in basic.enumerated() {
            let whole: Bool
            switch variable {
            case .column(let j): whole = model.variables[j].isInteger
            case .row(let i): whole = wholeRows[i]
            }
            let value = value(at: position)
            let fraction = value - value.rounded(.down)
            guard whole, fraction >= minimumFraction, fraction <= 1 - minimumFraction else { continue }
            found.append((position, abs(fraction - 0.5)))
        }
        return found.sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }.map(\.position)
    }

    /// The tableau row of the basic variable at `position`; `nil` when it runs through a
    /// non-basic variable that sits at neither bound.
    func row(at position: Int) -> Row? {
        let u = factors.rowOfInverse(position)
        var terms: [Term] = []
        for j in 0..<columnCount {
            guard let side = columnSides[j], side != .fixed else { continue }
            var alpha = 0.0
            for entry in columns[j] { alpha += u[entry.row] * entry.coefficient }
            guard abs(alpha) > Self.zero else { continue }
            let info = model.variables[j]
            guard let term = Self.term(.column(j), alpha: alpha, side: side, lower: info.lowerBound, upper: info.upperBound,
                                       whole: info.isInteger) else { return nil }
            terms.append(term)
        }
        for (i, side) in rowSides.enumerated() {
            guard let side, side != .fixed, abs(u[i]) > Self.zero else { continue }
            let row = model.constraints[i]
            guard let term = Self.term(.row(i), alpha: -u[i], side: side, lower: row.lower, upper: row.upper,
                                       whole: wholeRows[i]) else { return nil }
            terms.append(term)
        }
        return Row(terms: terms)
    }

    private static func term(_ variable: Variable, alpha: Double, side: Side, lower: Double, upper: Double, whole: Bool) -> Term? {
        switch side {
        case .lower: Term(variable: variable, alpha: alpha, fromUpper: false, bound: lower, isWhole: whole && lower == lower.rounded())
        case .upper: Term(variable: variable, alpha: alpha, fromUpper: true, bound: upper, isWhole: whole && upper == upper.rounded())
        case .fixed, .between: nil
        }
    }

    /// Adds `factor` times `variable`, over the columns, to `coefficients`.
    func addVariable(_ variable: Variable, times factor: Double, to coefficients: inout [Double]) {
        switch variable {
        case .column(let j):
            coefficients[j] += factor
        case .row(let i):
            let row = model.constraints[i]
            for (v, a) in zip(row.variables, row.coefficients) { coefficients[v.index] += factor * a }
        }
    }

    /// `Σ c·x ≥ rhs` as a ``Cut`` (`Σ −c·x ≤ −rhs` plus a safety margin), with fixed columns moved
    /// to the right-hand side and coefficients below 1e-9 of the largest relaxed away by the
    /// variable's bound; `nil` when that needs an infinite bound or the coefficients spread over
    /// more than `maximumDynamism`.
    func cleaned(_ coefficients: [Double], rhs: Double, maximumDynamism: Double) -> Cut? {
        var c = coefficients
        var rhs = rhs
        for j in c.indices where c[j] != 0 {
            let info = model.variables[j]
            if info.lowerBound == info.upperBound { rhs -= c[j] * info.lowerBound; c[j] = 0 }
        }
        let largest = c.reduce(0) { max($0, abs($1)) }
        guard largest > 0, rhs.isFinite else { return nil }
        for j in c.indices where c[j] != 0 && abs(c[j]) < 1e-9 * largest {
            // c·x ≤ c·u (c > 0) or c·l (c < 0): dropping the term weakens the cut.
            let bound = c[j] > 0 ? model.variables[j].upperBound : model.variables[j].lowerBound
            if bound.isFinite {
                rhs -= c[j] * bound
            } else {
                guard abs(c[j]) <= Self.negligible else { return nil }
            }
            c[j] = 0
        }
        let smallest = c.reduce(Double.infinity) { $1 != 0 ? min($0, abs($1)) : $0 }
        guard largest / smallest <= maximumDynamism else { return nil }
        var expression = LinearExpression()
        var lhs = 0.0
        var norm = 0.0
        for j in c.indices where c[j] != 0 {
            expression.add(-c[j], model.variable(at: j))
            lhs += c[j] * values[j]
            norm += c[j] * c[j]
        }
        let upper = -rhs
        let margin = Cut.safetyMargin(near: upper, largestCoefficient: largest)
        return Cut(expression: expression, upper: upper + margin, efficacy: (rhs - lhs - margin) / norm.squareRoot())
    }
}
