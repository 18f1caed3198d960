import Foundation
import PhaseoutGenerator
import Testing
import LPSolve
import TestSupport
import LinearProgramming

@Suite("lp_solve search: limits, cutoffs, export, concurrency, bad models")
struct LPSolveSearchTests {
    let solver = LPSolveSolver()

    /// With a known objective lattice lp_solve is told that every better plan is a whole step
    /// better, and prunes on that. Brute force over every assignment says the optimum is kept.
    @Test func objectiveLatticePruningKeepsTheOptimum() throws {
        var nodesWithStep = 0, nodesWithout = 0
        for seed in UInt64(1)...25 {
            // Two periods are small enough to enumerate; three take more nodes.
            let model = knapsackModel(groups: 3, periods: seed.isMultiple(of: 2) ? 2 : 3, seed: seed)
            var parameters = SolverParameters()
            parameters.relativeGap = 0
            let plain = try solver.solve(model, parameters: parameters)
            parameters.objectiveGranularity = 0.5  // integer weights × half-period offsets
            let solved = try solver.solve(model, parameters: parameters)
            let truth = seed.isMultiple(of: 2) ? bruteForceMinimum(model) : (plain.objectiveValue ?? .nan)
            #expect(solved.termination == .optimal, "seed \(seed)")
            #expect(abs((solved.objectiveValue ?? .nan) - truth) < 1e-6, "seed \(seed)")
            nodesWithStep += solved.nodeCount
            nodesWithout += plain.nodeCount
        }
        // The pruning is live: at least 10 % fewer nodes in all (761 against 870 when written;
        // rounding the root bound alone saves 7).
        #expect(nodesWithStep * 10 < nodesWithout * 9, "\(nodesWithStep) nodes with the step, \(nodesWithout) without")
    }

    /// A node limit stops the search after that many nodes, with the same answer every time
    /// (a time limit depends on the machine's load; a node count does not).
    @Test func nodeLimitStopsTheSearchTheSameWayEveryTime() throws {
        let model = knapsackModel(groups: 30, periods: 3, seed: 7)
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        parameters.timeLimit = .seconds(30)
        let full = try solver.solve(model, parameters: parameters)
        try #require(full.termination == .optimal)
        try #require(full.nodeCount > 200, "the model must need more nodes than the limit")
        parameters.nodeLimit = 100
        let first = try solver.solve(model, parameters: parameters)
        let again = try solver.solve(model, parameters: parameters)
        #expect(first.termination == .stopped(at: .nodes))
        #expect(first.nodeCount <= 110, "explored \(first.nodeCount) nodes")
        #expect(first.termination == again.termination)
        #expect(first.objectiveValue == again.objectiveValue)
        #expect(first.values == again.values)
        if let value = first.objectiveValue { #expect(value >= full.objectiveValue! - 1e-9) }
    }

    /// Stopped through the callback after the first improved solution: never by wall-clock time.
    @Test func stopAfterFirstImprovedSolutionReturnsPointAndGap() throws {
        let model = knapsackModel(groups: 30, periods: 3, seed: 7)
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        parameters.onImprovedSolution = { _ in .stop }
        let stopped = try solver.solve(model, parameters: parameters)
        #expect(stopped.termination == .stopped(at: .interrupted))
        #expect(stopped.improvedSolutionCount == 1)
        let value = try #require(stopped.objectiveValue)
        let bound = try #require(stopped.bestBound)
        #expect(bound <= value + 1e-6)
        #expect((stopped.relativeGap ?? -1) > 0)
        // After a limit lp_solve proves only the root relaxation: the bound is the LP optimum.
        let relaxation = try solver.solve(model.relaxed())
        #expect(close(bound, relaxation.objectiveValue!, tolerance: 1e-9))
        // The point is feasible: every row within its bounds, every integer integral.
        for (index, row) in model.constraints.enumerated() {
            #expect(stopped.rowActivities[index] <= row.upper + 1e-6)
        }
        for value in stopped.values { #expect(abs(value - value.rounded()) < 1e-6) }

        // The full solve is at least as good, and its bound not better than the optimum.
        var full = SolverParameters()
        full.relativeGap = 0
        let optimal = try solver.solve(model, parameters: full)
        #expect(optimal.termination == .optimal)
        #expect(optimal.objectiveValue! <= value + 1e-6)
        #expect(bound <= optimal.objectiveValue! + 1e-6)
    }

    /// An objective cutoff at the optimum itself: nothing strictly better exists, and lp_solve
    /// says INFEASIBLE — documented behaviour, pinned here.
    @Test func cutoffAtTheOptimumReportsTheCutoff() throws {
        let model = knapsackModel(groups: 12, periods: 3, seed: 3)
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        let optimal = try solver.solve(model, parameters: parameters)
        let value = try #require(optimal.objectiveValue)
        parameters.objectiveCutoff = value - 1e-3
        let cut = try solver.solve(model, parameters: parameters)
        #expect(cut.termination == .stopped(at: .cutoff))
        parameters.objectiveCutoff = value + 5
        let loose = try solver.solve(model, parameters: parameters)
        #expect(close(loose.objectiveValue, value, tolerance: 1e-9))
    }

    /// When the root relaxation is already integral, lp_solve answers a beaten cutoff with
    /// OPTIMAL and an objective of 1e30; the wrapper reports it as infeasible, like the others.
    @Test func cutoffOnAnIntegralRootReportsTheCutoff() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", upperBound: 1, isInteger: true)
        model.addConstraint(LinearExpression(x), .lessOrEqual, 1)
        model.objective = LinearObjective(.minimize, -1.5 * x + 2)
        var parameters = SolverParameters()
        parameters.objectiveCutoff = 0.25
        let cut = try solver.solve(model, parameters: parameters)
        #expect(cut.termination == .stopped(at: .cutoff))
        #expect(cut.objectiveValue == nil)
        parameters.objectiveCutoff = 1
        #expect(close(try solver.solve(model, parameters: parameters).objectiveValue, 0.5))
    }

    /// lp_solve 5.5.2.5 infers a "minimum objective step" from the rows (150 here, the visit
    /// cost) and, with floor branching, pruned the optimum: it returned 522.75 as OPTIMAL.
    /// Pinned: the wrapper switches that inference off. (A recorder due in one of two years,
    /// extra money m₁, m₂ continuous; the optimum puts it in year 1 for 408.)
    @Test func objectiveStepInferenceDoesNotPruneTheOptimum() throws {
        var model = LinearModel()
        let y1 = model.addVariable(name: "y1", upperBound: 1, isInteger: true)
        let y2 = model.addVariable(name: "y2", upperBound: 1, isInteger: true)
        let v1 = model.addVariable(name: "v1", upperBound: 1, isInteger: true)
        let v2 = model.addVariable(name: "v2", upperBound: 1, isInteger: true)
        let m1 = model.addVariable(name: "m1")
        let m2 = model.addVariable(name: "m2")
        model.addConstraint(y1 + y2, .equal, 1)
        model.addConstraint(y1 - v1, .lessOrEqual, 0)
        model.addConstraint(y2 - v2, .lessOrEqual, 0)
        model.addConstraint(600 * y1 + 150 * v1 - m1, .lessOrEqual, 342)
        model.addConstraint(622.2 * y2 + 155.55 * v2 - m2, .lessOrEqual, 255)
        model.objective = LinearObjective(.minimize, m1 + m2)
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        let solution = try solver.solve(model, parameters: parameters)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objectiveValue, 408))
        #expect(close(solution.value(of: y1), 1))
    }

    /// The relative gap is enforced against the root bound: a loose gap stops with a proof.
    @Test func relativeGapStopsWithAProvenBound() throws {
        let model = knapsackModel(groups: 30, periods: 3, seed: 7)
        var parameters = SolverParameters()
        parameters.relativeGap = 0.05
        let loose = try solver.solve(model, parameters: parameters)
        #expect(loose.termination == .optimal)
        let gap = try #require(loose.relativeGap)
        #expect(gap <= 0.05)
        parameters.relativeGap = 0
        let exact = try solver.solve(model, parameters: parameters)
        #expect(exact.objectiveValue! >= loose.bestBound! - 1e-6)
        #expect(exact.objectiveValue! <= loose.objectiveValue! + 1e-6)
    }

    @Test func defaultsArePinned() {
        let defaults = SolverParameters()
        #expect(LPSolveSolver().options.branching == .floor)
        #expect(defaults.relativeGap == 1e-4)
        #expect(defaults.timeLimit == .seconds(60))
        #expect(LPSolveSolver().options.nodeSelection == .first)
        if case .silent = defaults.log {} else { Issue.record("log must be silent by default") }
    }

    @Test(arguments: [LPSolveSolver.ExportFormat.lp, .mps])
    func exportReReadGivesTheSameOptimum(format: LPSolveSolver.ExportFormat) throws {
        let model = knapsackModel(groups: 10, periods: 3, seed: 11)
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        let direct = try solver.solve(model, parameters: parameters)
        let text = try solver.export(model, format: format)
        #expect(text.contains("budget_0"))
        #expect(text.contains("x_0_0"))
        let reread = try solver.solve(text: text, format: format, parameters: parameters)
        #expect(reread.termination == .optimal)
        // Exports carry no objective constant.
        #expect(close(reread.objectiveValue, direct.objectiveValue! - model.objective.expression.constant, tolerance: 1e-9))
    }

    @Test func concurrentSolvesMatchSequentialOnes() async throws {
        let models = (0..<8).map { knapsackModel(groups: 14, periods: 3, seed: UInt64(100 + $0)) }
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        let frozen = parameters
        let sequential = try models.map { try solver.solve($0, parameters: frozen) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, Solution).self) { group in
            for (index, model) in models.enumerated() {
                group.addTask { (index, try await solver.solve(model, parameters: frozen)) }
            }
            var results = [Solution?](repeating: nil, count: models.count)
            for try await (index, solution) in group { results[index] = solution }
            return results.map { $0! }
        }
        for index in models.indices {
            #expect(sequential[index].objectiveValue == concurrent[index].objectiveValue)
            #expect(sequential[index].values == concurrent[index].values)
        }
    }

    @Test func taskCancellationReachesTheSolver() async throws {
        let model = knapsackModel(groups: 400, periods: 6, seed: 5)
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        parameters.timeLimit = .seconds(120)
        let frozen = parameters
        let task = Task { try await solver.solve(model, parameters: frozen) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let clock = ContinuousClock()
        let start = clock.now
        let solution = try await task.value
        #expect(clock.now - start < .seconds(10))
        #expect(solution.termination == .stopped(at: .interrupted))
    }

    @Test func nanCoefficientIsRejectedBeforeSolving() {
        var model = LinearModel()
        let x = model.addVariable(name: "x")
        model.addConstraint(Double.nan * x, .lessOrEqual, 1, name: "broken")
        #expect(throws: ModelError.self) { try solver.solve(model) }
        do { try model.validate() } catch { #expect(error.message.contains("broken")) }
    }

    @Test func variableFromAnotherModelIsRejected() {
        var first = LinearModel()
        _ = first.addVariable(name: "a")
        var second = LinearModel()
        let foreign = second.addVariable(name: "b")
        first.addConstraint(LinearExpression(foreign), .lessOrEqual, 1, name: "mixed")
        #expect(throws: ModelError.self) { try solver.solve(first) }
        do { try first.validate() } catch { #expect(error.message.contains("another model")) }
    }

    @Test func invertedBoundsAreRejected() {
        var model = LinearModel()
        _ = model.addVariable(name: "x", lowerBound: 3, upperBound: 1)
        #expect(throws: ModelError.self) { try solver.solve(model) }
    }

    @Test func logLinesReachTheSink() throws {
        final class Lines: @unchecked Sendable { let lock = NSLock(); var items: [String] = [] }
        let lines = Lines()
        var parameters = SolverParameters()
        parameters.log = .lines { line in lines.lock.lock(); lines.items.append(line); lines.lock.unlock() }
        _ = try solver.solve(knapsackModel(groups: 5, periods: 2, seed: 1), parameters: parameters)
        #expect(!lines.items.isEmpty)
    }
}
