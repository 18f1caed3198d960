import Foundation
import Testing
import LPSolve
import LinearProgramming

/// `|a − b| ≤ tolerance · max(1, |a|, |b|)`, in the spirit of swift-numerics' isApproximatelyEqual.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-7) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

@Suite("lp_solve backend against textbook answers")
struct LPSolveSolverTests {
    let solver = LPSolveSolver()

    /// Hillier & Lieberman's Wyndor Glass problem: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18.
    /// Optimum x = 2, y = 6, z = 36; shadow prices 0, 3/2, 1.
    @Test func wyndorGlassOptimumAndShadowPrices() throws {
        var model = LinearModel(name: "wyndor")
        let x = model.addVariable(name: "x")
        let y = model.addVariable(name: "y")
        let plant1 = model.addConstraint(LinearExpression(x), .lessOrEqual, 4, name: "plant1")
        let plant2 = model.addConstraint(2 * y, .lessOrEqual, 12, name: "plant2")
        let plant3 = model.addConstraint(3 * x + 2 * y, .lessOrEqual, 18, name: "plant3")
        model.objective = LinearObjective(.maximize, 3 * x + 5 * y)
        let solution = try solver.solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objectiveValue, 36))
        #expect(close(solution.value(of: x), 2))
        #expect(close(solution.value(of: y), 6))
        #expect(close(solution.dual(of: plant1), 0))
        #expect(close(solution.dual(of: plant2), 1.5))
        #expect(close(solution.dual(of: plant3), 1))
        #expect(close(solution.activity(of: plant3), 18))
        #expect(close(solution.bestBound, 36))
        #expect(solution.relativeGap == 0)
    }

    /// min x + y, x + 2y ≥ 4, 3x + y ≥ 6: x = 8/5, y = 6/5, z = 14/5, duals 2/5 and 1/5
    /// (raising a ≥ row's right-hand side raises the minimum).
    @Test func minimisationDualsFollowTheDocumentedSign() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x")
        let y = model.addVariable(name: "y")
        let first = model.addConstraint(x + 2 * y, .greaterOrEqual, 4, name: "first")
        let second = model.addConstraint(3 * x + y, .greaterOrEqual, 6, name: "second")
        model.objective = LinearObjective(.minimize, x + y)
        let solution = try solver.solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objectiveValue, 14.0 / 5))
        #expect(close(solution.value(of: x), 8.0 / 5))
        #expect(close(solution.value(of: y), 6.0 / 5))
        #expect(close(solution.dual(of: first), 2.0 / 5))
        #expect(close(solution.dual(of: second), 1.0 / 5))
    }

    /// Reduced cost: min 2x + 3y + z, x + y + z ≥ 10, z ≤ 4 (bound). z = 4, x = 6, y = 0, z* = 16.
    /// y's reduced cost is 3 − 2 = 1; z's is 1 − 2 = −1 (at its upper bound).
    @Test func reducedCosts() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x")
        let y = model.addVariable(name: "y")
        let z = model.addVariable(name: "z", upperBound: 4)
        model.addConstraint(x + y + z, .greaterOrEqual, 10, name: "cover")
        model.objective = LinearObjective(.minimize, 2 * x + 3 * y + z)
        let solution = try solver.solve(model)
        #expect(close(solution.objectiveValue, 16))
        #expect(close(solution.reducedCosts?[y.index], 1))
        #expect(close(solution.reducedCosts?[z.index], -1))
        #expect(close(solution.reducedCosts?[x.index], 0))
    }

    /// max 5x + 4y, 6x + 4y ≤ 24, x + 2y ≤ 6, integers. LP optimum (3, 1.5) = 21 is fractional;
    /// the integer optimum is 20 at (4, 0).
    @Test func integerProgramWithFractionalRelaxation() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", isInteger: true)
        let y = model.addVariable(name: "y", isInteger: true)
        model.addConstraint(6 * x + 4 * y, .lessOrEqual, 24)
        model.addConstraint(x + 2 * y, .lessOrEqual, 6)
        model.objective = LinearObjective(.maximize, 5 * x + 4 * y)

        let lp = try solver.solve(model.relaxed())
        #expect(close(lp.objectiveValue, 21))
        #expect(close(lp.value(of: x), 3))
        #expect(close(lp.value(of: y), 1.5))

        var parameters = SolverParameters()
        parameters.relativeGap = 0
        let solution = try solver.solve(model, parameters: parameters)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objectiveValue, 20))
        #expect(close(solution.value(of: x), 4))
        #expect(close(solution.value(of: y), 0))
        #expect(solution.duals == nil)
    }

    @Test func infeasibleModel() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x")
        model.addConstraint(LinearExpression(x), .greaterOrEqual, 5)
        model.addConstraint(LinearExpression(x), .lessOrEqual, 3)
        let solution = try solver.solve(model)
        #expect(solution.termination == .infeasible)
        #expect(solution.objectiveValue == nil)
        #expect(solution.values.isEmpty)
        #expect(solution.rawStatus == 2)
        #expect(solution.rawStatusText.lowercased().contains("infeasible"))
    }

    @Test func unboundedModel() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x")
        let y = model.addVariable(name: "y")
        model.addConstraint(x - y, .lessOrEqual, 1)
        model.objective = LinearObjective(.maximize, x + y)
        let solution = try solver.solve(model)
        #expect(solution.termination == .unbounded)
        #expect(solution.objectiveValue == nil)
    }

    /// Equality and ranged rows, integer bounds: max x + y with 2 ≤ x − y ≤ 3 (range),
    /// x + 2y = 12 (equality), y integer in [1, 3]. From x = 12 − 2y: 2 ≤ 12 − 3y ≤ 3 gives
    /// y ∈ [3, 10/3], so y = 3 (its upper bound), x = 6, objective 9.
    @Test func equalityRangedRowsAndIntegerBounds() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x")
        let y = model.addVariable(name: "y", lowerBound: 1, upperBound: 3, isInteger: true)
        let range = model.addConstraint(x - y, lower: 2, upper: 3, name: "range")
        model.addConstraint(x + 2 * y, .equal, 12, name: "balance")
        model.objective = LinearObjective(.maximize, x + y)
        let solution = try solver.solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objectiveValue, 9))
        #expect(close(solution.value(of: x), 6))
        #expect(close(solution.value(of: y), 3))
        #expect(close(solution.activity(of: range), 3))

        // Tighten the range's top to 2.5: 12 − 3y ≤ 2.5 needs y ≥ 19/6 > 3 — infeasible.
        model.setBounds(of: range, lower: 2, upper: 2.5)
        #expect(try solver.solve(model).termination == .infeasible)
        // Lower the range instead: 0 ≤ x − y ≤ 3 admits y = 3 still (x − y = 3).
        model.setBounds(of: range, lower: 0, upper: 3)
        #expect(close(try solver.solve(model).objectiveValue, 9))
    }

    @Test func objectiveConstantIsAddedBack() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", upperBound: 2)
        model.objective = LinearObjective(.maximize, 3 * x + 10)
        let solution = try solver.solve(model)
        #expect(close(solution.objectiveValue, 16))
    }

    /// A model with rows but no variables (an organisation whose work is all contracted):
    /// decided on its constants.
    @Test func modelWithoutVariables() throws {
        var model = LinearModel()
        let row = model.addConstraint(LinearExpression(constant: 850), .lessOrEqual, 1000, name: "budget")
        model.objective = LinearObjective(.minimize, LinearExpression(constant: 0.5))
        let feasible = try solver.solve(model)
        #expect(feasible.termination == .optimal)
        #expect(feasible.objectiveValue == 0.5)
        model.setBounds(of: row, lower: -.infinity, upper: -507)
        #expect(try solver.solve(model).termination == .infeasible)
    }
}
