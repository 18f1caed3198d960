import LinearProgramming
import LPSolve
import MixedIntegerSearch
import Testing

/// Every ``LinearSolver`` the package has. A new backend joins the suite by adding a case.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case lpSolve
    case bestFirst

    var solver: any LinearSolver {
        switch self {
        case .lpSolve: LPSolveSolver()
        case .bestFirst: BestFirstSolver(backend: LPSolveSolver())
        }
    }

    var testDescription: String { rawValue }
}

/// The solver conformance suite (after MathOptInterface's `Test` module): textbook models with
/// optima known by hand, run against every backend. Each answer is checked for its reason, its
/// point (against the model's rows) and its bound.
@Suite("Solver conformance")
struct SolverConformanceTests {
    /// max 3x + 2y, x + y ≤ 4, x + 3y ≤ 6, x ≤ 3: optimum 11 at (3, 1) (Chvátal's first example, scaled).
    @Test(arguments: Backend.allCases)
    func continuousOptimum(_ backend: Backend) throws {
        var model = LinearModel(name: "lp")
        let x = model.addVariable(name: "x", upperBound: 3)
        let y = model.addVariable(name: "y")
        model.addConstraint(x + y, .lessOrEqual, 4, name: "a")
        model.addConstraint(x + 3 * y, .lessOrEqual, 6, name: "b")
        model.objective = LinearObjective(.maximize, 3 * x + 2 * y)
        let solution = try backend.solver.solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objectiveValue, 11))
        #expect(close(solution.value(of: x), 3) && close(solution.value(of: y), 1))
        #expect(model.isSatisfied(by: solution.values))
    }

    /// The knapsack max 5a + 4b + 3c, 2a + 3b + c ≤ 5, 4a + b + 2c ≤ 11, 3a + 4b + 2c ≤ 8, all
    /// integer ≥ 0: optimum 13 at (2, 0, 1) (Chvátal, Linear Programming, ch. 1).
    @Test(arguments: Backend.allCases)
    func integerOptimum(_ backend: Backend) throws {
        var model = LinearModel(name: "knapsack")
        let a = model.addVariable(name: "a", isInteger: true)
        let b = model.addVariable(name: "b", isInteger: true)
        let c = model.addVariable(name: "c", isInteger: true)
        model.addConstraint(2 * a + 3 * b + c, .lessOrEqual, 5, name: "r1")
        model.addConstraint(4 * a + b + 2 * c, .lessOrEqual, 11, name: "r2")
        model.addConstraint(3 * a + 4 * b + 2 * c, .lessOrEqual, 8, name: "r3")
        model.objective = LinearObjective(.maximize, 5 * a + 4 * b + 3 * c)
        let solution = try backend.solver.solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objectiveValue, 13))
        #expect(close(solution.bestBound, 13))
        #expect(model.isSatisfied(by: solution.values))
    }

    /// min x + y with x + y ≥ 2.5, x, y integer: the LP says 2.5, the integers 3.
    @Test(arguments: Backend.allCases)
    func roundingUpTheRelaxation(_ backend: Backend) throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", upperBound: 10, isInteger: true)
        let y = model.addVariable(name: "y", upperBound: 10, isInteger: true)
        model.addConstraint(x + y, .greaterOrEqual, 2.5, name: "cover")
        model.objective = LinearObjective(.minimize, x + y + 7)
        let solution = try backend.solver.solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objectiveValue, 10), "the objective constant counts")
        #expect(model.isSatisfied(by: solution.values))
    }

    /// x + y = 3, x − y = 1 (equalities), min 2x + y: the only point is (2, 1), value 5.
    @Test(arguments: Backend.allCases)
    func equalities(_ backend: Backend) throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", isInteger: true)
        let y = model.addVariable(name: "y", isInteger: true)
        model.addConstraint(x + y, .equal, 3, name: "sum")
        model.addConstraint(x - y, .equal, 1, name: "difference")
        model.objective = LinearObjective(.minimize, 2 * x + y)
        let solution = try backend.solver.solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objectiveValue, 5))
    }

    /// 2x = 1 with x integer has no solution; x + y ≤ 1, x + y ≥ 2 neither.
    @Test(arguments: Backend.allCases)
    func infeasible(_ backend: Backend) throws {
        var integral = LinearModel()
        let x = integral.addVariable(name: "x", upperBound: 5, isInteger: true)
        integral.addConstraint(2 * x, .equal, 1, name: "half")
        let noInteger = try backend.solver.solve(integral)
        #expect(noInteger.termination == .infeasible)
        #expect(!noInteger.hasSolution)

        var crossed = LinearModel()
        let a = crossed.addVariable(name: "a", isInteger: true)
        let b = crossed.addVariable(name: "b")
        crossed.addConstraint(a + b, .lessOrEqual, 1, name: "low")
        crossed.addConstraint(a + b, .greaterOrEqual, 2, name: "high")
        let none = try backend.solver.solve(crossed)
        #expect(none.termination == .infeasible)
        #expect(none.objectiveValue == nil)
    }

    /// max x with x ≥ 1 and nothing above: unbounded, with no point.
    @Test(arguments: Backend.allCases)
    func unbounded(_ backend: Backend) throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", lowerBound: 1)
        model.objective = LinearObjective(.maximize, 1 * x)
        let solution = try backend.solver.solve(model)
        #expect(solution.termination == .unbounded)
        #expect(!solution.hasSolution)
    }

    /// With a cutoff no point beats, the answer is a stop at the cutoff, not infeasibility.
    @Test(arguments: Backend.allCases)
    func cutoffThatNothingBeats(_ backend: Backend) throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", upperBound: 4, isInteger: true)
        let y = model.addVariable(name: "y", upperBound: 4, isInteger: true)
        model.addConstraint(2 * x + 3 * y, .greaterOrEqual, 7, name: "cover")
        model.objective = LinearObjective(.minimize, 2 * x + 3 * y)  // optimum 7
        var parameters = SolverParameters()
        parameters.objectiveCutoff = 6.5
        let solution = try backend.solver.solve(model, parameters: parameters)
        #expect(!solution.hasSolution)
        #expect(solution.termination.reason == .limitReached)
        #expect(solution.termination.limit == .cutoff)
        #expect(solution.termination.provesNoBetterPoint)

        parameters.objectiveCutoff = 7.5
        let admitted = try backend.solver.solve(model, parameters: parameters)
        #expect(admitted.termination == .optimal)
        #expect(close(admitted.objectiveValue, 7))
    }

    /// A node limit of one node on a model that needs a search stops with the node limit named.
    @Test(arguments: Backend.allCases)
    func nodeLimit(_ backend: Backend) throws {
        let model = Self.hardKnapsack(items: 40)
        var parameters = SolverParameters()
        parameters.nodeLimit = 1
        parameters.relativeGap = 0
        parameters.absoluteGap = 0
        let solution = try backend.solver.solve(model, parameters: parameters)
        if solution.termination != .optimal {
            #expect(solution.termination.reason == .limitReached)
            #expect(solution.termination.limit == .nodes)
        }
        if solution.hasSolution { #expect(model.isSatisfied(by: solution.values)) }
    }

    /// A flag cancelled before the solve stops it at once, naming the interruption.
    @Test(arguments: Backend.allCases)
    func cancellation(_ backend: Backend) throws {
        let model = Self.hardKnapsack(items: 60)
        var parameters = SolverParameters()
        let flag = CancellationFlag()
        flag.cancel()
        parameters.cancellation = flag
        parameters.relativeGap = 0
        parameters.absoluteGap = 0
        let solution = try backend.solver.solve(model, parameters: parameters)
        if solution.termination != .optimal {
            #expect(solution.termination.reason == .limitReached)
            #expect(solution.termination.limit == .interrupted)
        }
    }

    /// Every answer's bound is on the right side of its value, and every point keeps the rows.
    @Test(arguments: Backend.allCases, [UInt64(1), 2, 3])
    func boundsAndPointsAgree(_ backend: Backend, seed: UInt64) throws {
        let model = Self.hardKnapsack(items: 12, seed: seed)
        let solution = try backend.solver.solve(model)
        #expect(solution.termination == .optimal)
        let value = try #require(solution.objectiveValue)
        let bound = try #require(solution.bestBound)
        #expect(bound >= value - 1e-6, "a maximisation's bound is above its value")
        #expect(model.isSatisfied(by: solution.values))
        let reference = try LPSolveSolver().solve(model)
        #expect(close(solution.objectiveValue, reference.objectiveValue), "the same optimum as lp_solve's own search")
    }

    /// A 0/1 knapsack with weights and values from a fixed linear congruential sequence.
    static func hardKnapsack(items: Int, seed: UInt64 = 7) -> LinearModel {
        var model = LinearModel(name: "knapsack\(items)")
        var state = seed
        func draw(_ range: ClosedRange<Int>) -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(range.lowerBound + Int((state >> 33) % UInt64(range.count)))
        }
        var weight = LinearExpression(), value = LinearExpression()
        var total = 0.0
        for index in 0..<items {
            let item = model.addVariable(name: "item\(index)", upperBound: 1, isInteger: true)
            let w = draw(20...60)
            weight.add(w, item)
            value.add(w + draw(1...10), item)
            total += w
        }
        model.addConstraint(weight, .lessOrEqual, (total / 2).rounded(.down) + 0.5, name: "capacity")
        model.objective = LinearObjective(.maximize, value)
        return model
    }
}

private func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-6) -> Bool {
    guard let a, let b else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

extension LinearModel {
    /// Whether `values` keeps every bound and row (to 1e-6) and integrality (to 1e-6).
    func isSatisfied(by values: [Double]) -> Bool {
        guard values.count == variables.count else { return false }
        for (index, variable) in variables.enumerated() {
            let x = values[index]
            if x < variable.lowerBound - 1e-6 || x > variable.upperBound + 1e-6 { return false }
            if variable.isInteger, abs(x - x.rounded()) > 1e-6 { return false }
        }
        for row in constraints {
            let activity = zip(row.variables, row.coefficients).reduce(0) { $0 + $1.1 * values[$1.0.index] }
            if activity < row.lower - 1e-6 || activity > row.upper + 1e-6 { return false }
        }
        return true
    }
}
