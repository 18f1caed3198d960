import LinearProgramming
import PhaseoutGenerator

/// A multi-period knapsack like Phaseout's: G groups of n_g units, T periods, one budget row
/// per period, minimise weighted lateness (exposure). Hard enough that branch and bound takes
/// many nodes.
public func knapsackModel(groups: Int, periods: Int, seed: UInt64) -> LinearModel {
    var random = SplitMix64(seed: seed)
    var model = LinearModel(name: "knapsack")
    var budgetRows = [LinearExpression](repeating: LinearExpression(), count: periods)
    var objective = LinearExpression()
    var totalCost = 0.0
    for g in 0..<groups {
        let units = Double(Int.random(in: 1...6, using: &random))
        let cost = Double(Int.random(in: 500...4000, using: &random))
        let weight = Double(Int.random(in: 1...8, using: &random))
        totalCost += units * cost
        var all = LinearExpression()
        for t in 0..<periods {
            let x = model.addVariable(name: "x_\(g)_\(t)", upperBound: units, isInteger: true)
            budgetRows[t].add(cost, x)
            all.add(1, x)
            objective.add(weight * (Double(t) + 0.5 - Double(periods)), x)
        }
        model.addConstraint(all, .lessOrEqual, units, name: "units_\(g)")
        objective.constant += weight * units * Double(periods)
    }
    for t in 0..<periods {
        model.addConstraint(budgetRows[t], .lessOrEqual, (totalCost / Double(periods) * 0.37).rounded(), name: "budget_\(t)")
    }
    model.objective = LinearObjective(.minimize, objective)
    return model
}

/// The least objective of a small all-integer model, by trying every point in its bounds.
public func bruteForceMinimum(_ model: LinearModel) -> Double {
    let variables = model.variables
    var point = [Double](repeating: 0, count: variables.count)
    var best = Double.infinity
    func feasible() -> Bool {
        model.constraints.allSatisfy { row in
            let activity = zip(row.variables, row.coefficients).reduce(0) { $0 + $1.1 * point[$1.0.index] }
            return activity >= row.lower - 1e-9 && activity <= row.upper + 1e-9
        }
    }
    func visit(_ i: Int) {
        if i == variables.count {
            guard feasible() else { return }
            let objective = model.objective.expression
            let value = zip(objective.variables, objective.coefficients).reduce(objective.constant) { $0 + $1.1 * point[$1.0.index] }
            best = min(best, value)
            return
        }
        var value = variables[i].lowerBound
        while value <= variables[i].upperBound {
            point[i] = value
            visit(i + 1)
            value += 1
        }
    }
    visit(0)
    return best
}
