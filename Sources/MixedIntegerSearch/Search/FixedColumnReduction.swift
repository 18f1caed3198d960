import LinearProgramming

/// A model with its fixed columns (lower bound = upper bound) taken out: their values move into
/// the rows' bounds and the objective's constant, and rows left with no column go. The same
/// solutions, on a smaller LP.
///
/// ``BestFirstSolver`` solves one LP per node; lp_solve spends that time pricing columns and
/// factorising the basis, both of which grow with columns and rows that a fixed column keeps
/// alive. The planner fixes many counts by the root's reduced costs before the search (a third
/// of a hard council's integer columns), and the search never moves them.
struct FixedColumnReduction {
    /// The model without the fixed columns and the rows they emptied.
    let reduced: LinearModel
    /// For each column of ``reduced``, its index in the original model.
    let kept: [Int]
    /// The original model's value for each fixed column (`nil` where the column is kept).
    let fixedValues: [Double?]
    /// A row emptied by the fixing whose bounds its fixed values break: there is no solution.
    let brokenRow: String?
    /// How many rows went.
    let droppedRows: Int

    init(_ model: LinearModel) {
        var fixedValues = [Double?](repeating: nil, count: model.variables.count)
        var reduced = LinearModel(name: model.name)
        var kept: [Int] = []
        var position = [Int?](repeating: nil, count: model.variables.count)
        for (index, variable) in model.variables.enumerated() {
            if variable.lowerBound == variable.upperBound {
                fixedValues[index] = variable.lowerBound
            } else {
                position[index] = kept.count
                kept.append(index)
                reduced.addVariable(name: variable.name, lowerBound: variable.lowerBound, upperBound: variable.upperBound,
                                    isInteger: variable.isInteger, branchPriority: variable.branchPriority)
            }
        }
        func rewritten(_ variables: [Variable], _ coefficients: [Double]) -> (expression: LinearExpression, fixed: Double) {
            var expression = LinearExpression(), fixed = 0.0
            for (variable, coefficient) in zip(variables, coefficients) {
                if let value = fixedValues[variable.index] { fixed += coefficient * value }
                else { expression.add(coefficient, reduced.variable(at: position[variable.index]!)) }
            }
            return (expression, fixed)
        }
        var brokenRow: String?
        var droppedRows = 0
        for row in model.constraints {
            let (expression, fixed) = rewritten(row.variables, row.coefficients)
            if expression.termCount == 0 {
                droppedRows += 1
                let scale = [row.lower, row.upper].filter(\.isFinite).map(abs).max() ?? 0
                let tolerance = 1e-9 * max(1, scale)
                if fixed < row.lower - tolerance || fixed > row.upper + tolerance, brokenRow == nil { brokenRow = row.name }
                continue
            }
            reduced.addConstraint(expression, lower: row.lower - fixed, upper: row.upper - fixed, name: row.name)
        }
        let objective = model.objective.expression
        var (expression, fixed) = rewritten(objective.variables, objective.coefficients)
        expression.constant = objective.constant + fixed
        reduced.objective = LinearObjective(model.objective.sense, expression)
        self.reduced = reduced
        self.kept = kept
        self.fixedValues = fixedValues
        self.brokenRow = brokenRow
        self.droppedRows = droppedRows
    }

    /// Whether any column is fixed.
    var removesAnything: Bool { kept.count < fixedValues.count }

    /// A point of the reduced model as one of the original (the fixed values put back).
    func expand(_ values: [Double]) -> [Double] {
        guard !values.isEmpty else { return [] }
        var full = fixedValues.map { $0 ?? 0 }
        for (position, index) in kept.enumerated() { full[index] = values[position] }
        return full
    }

    /// A (partial) point of the original model as one of the reduced model.
    func reduce(_ point: [Double?]) -> [Double?] {
        kept.map { point[$0] }
    }
}
