import Foundation
import PhaseoutGenerator
import Testing
import TestSupport
@testable import MixedIntegerSearch
import LPSolve
import LinearProgramming

@Suite("Best-first branch and bound over lp_solve's LP")
struct BestFirstSearchTests {
    let search = BestFirstSolver(backend: LPSolveSolver())

    /// Brute force on 2-period knapsacks, lp_solve's own search (gap 0) on 3- and 4-period ones:
    /// the same optimum, proven, with and without the objective lattice.
    @Test func agreesWithBruteForceAndWithLPSolve() throws {
        for seed in UInt64(1)...40 {
            let periods = 2 + Int(seed % 3)
            let model = knapsackModel(groups: periods == 2 ? 3 : 8, periods: periods, seed: seed)
            var parameters = SolverParameters()
            parameters.relativeGap = 0
            let truth = periods == 2 ? bruteForceMinimum(model) : try #require(LPSolveSolver().solve(model, parameters: parameters).objectiveValue)
            for lattice in [nil, 0.5] {
                parameters.objectiveGranularity = lattice
                let solved = try search.solve(model, parameters: parameters)
                #expect(solved.termination == .optimal, "seed \(seed)")
                #expect(abs((solved.objectiveValue ?? .nan) - truth) < 1e-6, "seed \(seed): \(solved.objectiveValue ?? .nan) vs \(truth)")
                #expect(abs((solved.bestBound ?? .nan) - truth) < 1e-6, "seed \(seed)")
            }
        }
    }

    /// The relaxation re-solved from its last basis after random bound moves (tightened,
    /// loosened back to infinity, fixed, crossed into infeasibility) gives what a fresh solve of
    /// the same bounds gives (the textbook maximisation below is the case that needed the
    /// basis repair of `restoreBasis`).
    @Test func warmResolvesMatchColdSolves() throws {
        var random = SplitMix64(seed: 11)
        for seed in UInt64(1)...6 {
            var model = knapsackModel(groups: 10, periods: 3, seed: seed)
            // Some columns without an upper bound, as in the textbook case above.
            for index in stride(from: 0, to: model.variables.count, by: 4) {
                model.setBounds(of: model.variable(at: index), lower: model.variables[index].lowerBound, upper: .infinity)
            }
            let warm = try LPSolveSolver().relaxation(of: model)
            var bounds = model.variables.map { ($0.lowerBound, $0.upperBound) }
            for step in 0..<60 {
                let index = Int.random(in: 0..<model.variables.count, using: &random)
                let original = model.variables[index]
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bounds[index] = (original.lowerBound, Double(Int.random(in: 0...3, using: &random)))
                case 1: bounds[index] = (Double(Int.random(in: 0...3, using: &random)), original.upperBound)
                case 2: let v = Double(Int.random(in: 0...2, using: &random)); bounds[index] = (v, v)
                default: bounds[index] = (original.lowerBound, original.upperBound)
                }
                if bounds[index].0 > bounds[index].1 { bounds[index] = (bounds[index].1, bounds[index].1) }
                warm.setBounds(index, lower: bounds[index].0, upper: bounds[index].1)
                var cold = model.relaxed()
                for (j, b) in bounds.enumerated() { cold.setBounds(of: cold.variable(at: j), lower: b.0, upper: b.1) }
                let fresh = try LPSolveSolver().solve(cold, parameters: SolverParameters())
                switch warm.solve(objectiveConstant: model.objective.expression.constant, seconds: 10) {
                case .optimal(let value, _):
                    #expect(fresh.termination == .optimal && abs(value - (fresh.objectiveValue ?? .nan)) < 1e-6 * max(1, abs(value)),
                            "seed \(seed) step \(step): \(value) warm, \(fresh.objectiveValue ?? .nan) cold")
                case .infeasible:
                    #expect(fresh.termination == .infeasible, "seed \(seed) step \(step)")
                case .failed(let status):
                    Issue.record("seed \(seed) step \(step): status \(status)")
                }
            }
        }
    }

    /// A maximisation: Hillier & Lieberman's integer example, max 5x + 8y with x + y ≤ 6,
    /// 5x + 9y ≤ 45: optimum 40 at (0, 5), where the LP gives 41.25.
    @Test func solvesATextbookMaximisation() throws {
        var model = LinearModel(name: "textbook")
        let x = model.addVariable(name: "x", lowerBound: 0, upperBound: .infinity, isInteger: true)
        let y = model.addVariable(name: "y", lowerBound: 0, upperBound: .infinity, isInteger: true)
        model.addConstraint(x + y, .lessOrEqual, 6, name: "a")
        model.addConstraint(5 * x + 9 * y, .lessOrEqual, 45, name: "b")
        model.objective = LinearObjective(.maximize, 5 * x + 8 * y)
        let solved = try search.solve(model, parameters: SolverParameters())
        #expect(solved.termination == .optimal)
        #expect(solved.objectiveValue == 40)
        #expect(solved.value(of: x) == 0 && solved.value(of: y) == 5)
        #expect(solved.bestBound == 40)
    }

    /// A cutoff at the optimum: nothing strictly better exists, and a finished search says so.
    /// A cutoff a step above finds the optimum.
    @Test func cutoffAtTheOptimumReportsTheCutoff() throws {
        for seed in UInt64(1)...10 {
            let model = knapsackModel(groups: 6, periods: 3, seed: seed)
            var parameters = exactParameters(lattice: 0.5)
            let optimum = try #require(search.solve(model, parameters: parameters).objectiveValue)
            parameters.objectiveCutoff = optimum
            #expect(try search.solve(model, parameters: parameters).termination == .stopped(at: .cutoff), "seed \(seed)")
            parameters.objectiveCutoff = optimum + 0.25
            #expect(try search.solve(model, parameters: parameters).objectiveValue == optimum, "seed \(seed)")
        }
    }

    /// Stopped by a node limit, the search gives a bound that holds (at most the optimum) and
    /// the same answer every time.
    @Test func nodeLimitGivesAValidBoundAndTheSameAnswer() throws {
        let model = knapsackModel(groups: 30, periods: 3, seed: 7)
        var exact = SolverParameters()
        exact.relativeGap = 0
        exact.timeLimit = .seconds(120)
        let optimum = try #require(search.solve(model, parameters: exact).objectiveValue)
        var limited = SolverParameters()
        limited.relativeGap = 0
        limited.nodeLimit = 20
        let first = try search.solve(model, parameters: limited)
        let second = try search.solve(model, parameters: limited)
        #expect(first.termination == .stopped(at: .nodes))
        #expect(first.nodeCount == 20)
        let bound = try #require(first.bestBound)
        #expect(bound <= optimum + 1e-9)
        #expect(first.objectiveValue == second.objectiveValue && first.bestBound == second.bestBound)
        if let value = first.objectiveValue { #expect(value >= optimum - 1e-9) }
    }

    /// A search out of time asks `extendedDeadline` for more. Given a later deadline it goes on
    /// and proves the optimum; given none (or a deadline already past) it stops at the limit.
    @Test func extendedDeadlineLetsASearchOutOfTimeGoOn() throws {
        final class Asked: @unchecked Sendable { let lock = NSLock(); var count = 0 }
        let model = knapsackModel(groups: 12, periods: 3, seed: 5)
        let optimum = try #require(search.solve(model, parameters: exactParameters(lattice: nil)).objectiveValue)
        for lends in [true, false] {
            var parameters = exactParameters(lattice: nil)
            parameters.timeLimit = .zero
            let asked = Asked()
            let later = ContinuousClock.now + .seconds(600)
            parameters.extendedDeadline = {
                asked.lock.lock(); asked.count += 1; asked.lock.unlock()
                return lends ? later : ContinuousClock.now - .seconds(1)
            }
            let solved = try search.solve(model, parameters: parameters)
            #expect(asked.count >= 1, "lends \(lends)")
            if lends {
                #expect(solved.termination == .optimal)
                #expect(solved.objectiveValue.map { abs($0 - optimum) < 1e-9 } == true)
                #expect(solved.nodeCount > 1)
            } else {
                #expect(solved.termination.reason == .limitReached)
                #expect(solved.nodeCount == 0)
            }
        }
    }

    /// With some columns fixed (as the planner's reduced-cost fixing leaves them), the search
    /// runs on the model without them and answers for the whole model: lp_solve's optimum on the
    /// unreduced model, a point that keeps every original row with the fixed values in place, and
    /// the caller's point carried over. Fixings that break a row leave no solution.
    @Test func fixedColumnsAreTakenOutAndPutBack() throws {
        var random = SplitMix64(seed: 41)
        var reduced = 0
        for seed in UInt64(1)...24 {
            var model = knapsackModel(groups: 9, periods: 3, seed: seed)
            // A continuous column, fixed, in a row of its own: that row goes with it.
            let spare = model.addVariable(name: "spare", lowerBound: 0, upperBound: 10)
            model.addConstraint(LinearExpression(spare), .lessOrEqual, 8, name: "spareCap")
            for index in model.variables.indices where Int.random(in: 0..<3, using: &random) == 0 {
                let value = model.variables[index].isInteger ? Double(Int.random(in: 0...1, using: &random)) : 4
                model.setBounds(of: model.variable(at: index), lower: value, upper: value)
            }
            let reduction = FixedColumnReduction(model)
            if reduction.removesAnything { reduced += 1 }
            #expect(reduction.reduced.variables.count == reduction.kept.count)
            let truth = try LPSolveSolver().solve(model, parameters: exactParameters(lattice: nil))
            var parameters = exactParameters(lattice: nil)
            if truth.hasSolution { parameters.incumbentPoint = truth.values.map(Optional.some) }
            let solved = try search.solve(model, parameters: parameters)
            #expect(solved.termination == truth.termination, "seed \(seed): \(solved.termination) vs \(truth.termination)")
            guard let optimum = truth.objectiveValue else { continue }
            #expect(abs((solved.objectiveValue ?? .nan) - optimum) < 1e-6, "seed \(seed)")
            try #require(solved.values.count == model.variables.count, "seed \(seed)")
            #expect(keepsEveryRow(model, solved.values), "seed \(seed)")
            let activities = model.constraints.map { row in
                zip(row.variables, row.coefficients).reduce(0) { $0 + $1.1 * solved.values[$1.0.index] }
            }
            #expect(solved.rowActivities == activities, "seed \(seed)")
            // The caller's point, carried into the reduced model and back, is the same point.
            #expect(reduction.expand(reduction.reduce(truth.values.map(Optional.some)).map { $0! }) == truth.values,
                    "seed \(seed)")
            for (index, value) in reduction.fixedValues.enumerated() {
                if let value { #expect(solved.values[index] == value, "seed \(seed): column \(index)") }
            }
        }
        #expect(reduced >= 20)
        var broken = knapsackModel(groups: 4, periods: 2, seed: 3)
        let both = broken.variable(at: 0)
        broken.addConstraint(LinearExpression(both), .lessOrEqual, 0, name: "none")
        broken.setBounds(of: both, lower: 1, upper: 1)
        #expect(FixedColumnReduction(broken).brokenRow == "none")
        #expect(try search.solve(broken, parameters: exactParameters(lattice: nil)).termination == .infeasible)
    }

    /// A relative gap stops the search with a plan within it of the reported bound, and the
    /// bound holds.
    @Test func relativeGapLeavesAnHonestBound() throws {
        let model = knapsackModel(groups: 20, periods: 4, seed: 3)
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        let optimum = try #require(search.solve(model, parameters: parameters).objectiveValue)
        parameters.relativeGap = 0.01
        let solved = try search.solve(model, parameters: parameters)
        let value = try #require(solved.objectiveValue), bound = try #require(solved.bestBound)
        #expect(solved.termination == .optimal)
        #expect(bound <= optimum + 1e-9 && value >= optimum - 1e-9)
        #expect(value - bound <= 0.01 * abs(value) + 1e-9)
    }

    /// The bounds reported while searching rise, never pass the optimum, and come on models
    /// that need a search.
    @Test func reportedBoundsRiseAndHold() throws {
        final class Bounds: @unchecked Sendable { let lock = NSLock(); var values: [Double] = [] }
        var reported = 0
        for seed in UInt64(1)...10 {
            let model = knapsackModel(groups: 12, periods: 3, seed: seed)
            var parameters = exactParameters(lattice: 0.5)
            let bounds = Bounds()
            parameters.onBoundImproved = { bound in bounds.lock.lock(); bounds.values.append(bound); bounds.lock.unlock() }
            let solved = try search.solve(model, parameters: parameters)
            let optimum = try #require(solved.objectiveValue)
            #expect(solved.termination == .optimal, "seed \(seed)")
            // A minimisation: bounds rise towards the optimum.
            #expect(zip(bounds.values, bounds.values.dropFirst()).allSatisfy { $0 < $1 }, "seed \(seed): \(bounds.values)")
            #expect(bounds.values.allSatisfy { $0 <= optimum + 1e-9 }, "seed \(seed): \(bounds.values) past \(optimum)")
            if solved.nodeCount > 1, !bounds.values.isEmpty { reported += 1 }
        }
        #expect(reported >= 5, "bounds reported on \(reported) searched models")
    }

    /// With the caller's solution as `incumbentValue` and a 2 % gap, a search that finds nothing
    /// better ends `infeasible` with a bound that holds and lies within the gap of it (no bound:
    /// nothing beats the cutoff at all, so the incumbent is the bound); one that finds something
    /// better returns it, within the gap of its bound.
    @Test func incumbentValueLetsTheGapPrune() throws {
        var pruned = 0
        for seed in UInt64(1)...20 {
            let model = knapsackModel(groups: 14, periods: 3, seed: seed)
            var exact = SolverParameters()
            exact.relativeGap = 0
            exact.objectiveGranularity = 0.5
            let optimum = try #require(search.solve(model, parameters: exact).objectiveValue)
            for worse in [0.0, 1.0, 0.01 * abs(optimum)] {
                let incumbent = ((optimum + worse) / 0.5).rounded(.up) * 0.5
                var parameters = exact
                parameters.relativeGap = 0.02
                parameters.objectiveCutoff = incumbent - 0.999 * 0.5
                parameters.incumbentValue = incumbent
                let solved = try search.solve(model, parameters: parameters)
                let tag = "seed \(seed), incumbent \(incumbent), optimum \(optimum)"
                let bound = solved.bestBound ?? (solved.termination.provesNoBetterPoint ? incumbent : -.infinity)
                #expect(bound <= optimum + 1e-9, "\(tag): bound \(bound)")
                if let value = solved.objectiveValue {
                    #expect(solved.termination == .optimal && value >= optimum - 1e-9 && value < incumbent, "\(tag): \(value)")
                    #expect(value - bound <= 0.02 * abs(value) + 1e-9, "\(tag)")
                } else {
                    #expect(solved.termination == .stopped(at: .cutoff), "\(tag): \(solved.termination)")
                    #expect(incumbent - bound <= 0.02 * abs(incumbent) + 1e-9, "\(tag): bound \(bound)")
                    if solved.bestBound != nil { pruned += 1 }
                }
            }
        }
        #expect(pruned >= 10, "only \(pruned) searches ended on the gap")
    }

    /// Integer variables with fractional bounds: 0.5 ≤ x ≤ 2.5 allows 1 and 2 only, and
    /// 2.2 ≤ y ≤ 2.8 allows no integer at all.
    @Test func fractionalIntegerBoundsAreRoundedInward() throws {
        var model = LinearModel(name: "fractional bounds")
        let x = model.addVariable(name: "x", lowerBound: 0.5, upperBound: 2.5, isInteger: true)
        let z = model.addVariable(name: "z", lowerBound: 0, upperBound: 10, isInteger: true)
        model.addConstraint(2 * x + 2 * z, .lessOrEqual, 9, name: "cap")
        model.objective = LinearObjective(.maximize, 3 * x + 2 * z)
        let solved = try search.solve(model, parameters: SolverParameters())
        #expect(solved.termination == .optimal)
        #expect(solved.objectiveValue == 10)
        #expect(solved.value(of: x) == 2 && solved.value(of: z) == 2)
        var crossed = model
        let y = crossed.addVariable(name: "y", lowerBound: 2.2, upperBound: 2.8, isInteger: true)
        crossed.addConstraint(LinearExpression(y), .lessOrEqual, 5, name: "y cap")
        #expect(try search.solve(crossed, parameters: SolverParameters()).termination == .infeasible)
    }

    /// Reduced-cost fixing only removes what could not beat the best plan: with it and without
    /// it, on minimisations and on the same models as maximisations, with and without the
    /// lattice, the same proven optimum (brute force where it can enumerate), and fewer nodes.
    @Test func reducedCostFixingKeepsTheOptimumAndShrinksTheTree() throws {
        var nodesWith = 0, nodesWithout = 0
        for seed in UInt64(1)...30 {
            let periods = 2 + Int(seed % 2)
            let minimisation = knapsackModel(groups: periods == 2 ? 3 : 7, periods: periods, seed: seed)
            var maximisation = minimisation
            maximisation.objective = LinearObjective(.maximize, -1 * minimisation.objective.expression)
            let truth = periods == 2 ? bruteForceMinimum(minimisation) : nil
            for (model, sign) in [(minimisation, 1.0), (maximisation, -1.0)] {
                for lattice in [nil, 0.5] {
                    let parameters = exactParameters(lattice: lattice)
                    let fixing = try BestFirstSolver(backend: LPSolveSolver(), fixesByReducedCosts: true).solve(model, parameters: parameters)
                    let plain = try BestFirstSolver(backend: LPSolveSolver(), fixesByReducedCosts: false).solve(model, parameters: parameters)
                    let context = "seed \(seed), \(sign > 0 ? "min" : "max"), lattice \(lattice ?? 0)"
                    #expect(fixing.termination == .optimal && plain.termination == .optimal, "\(context)")
                    let value = sign * (fixing.objectiveValue ?? .nan)
                    #expect(abs(value - sign * (plain.objectiveValue ?? .nan)) < 1e-6, "\(context)")
                    #expect(abs(sign * (fixing.bestBound ?? .nan) - value) < 1e-6, "\(context)")
                    if let truth { #expect(abs(value - truth) < 1e-6, "\(context): \(value) vs \(truth)") }
                    nodesWith += fixing.nodeCount
                    nodesWithout += plain.nodeCount
                }
            }
        }
        #expect(nodesWith < nodesWithout, "\(nodesWith) nodes with fixing, \(nodesWithout) without")
    }

    /// Started from the caller's poorest solution (nothing replaced), whose point guides the
    /// neighbourhood searches, the search proves lp_solve's optimum with and without them, and
    /// the solution it returns keeps every row and bound.
    @Test func neighbourhoodSearchesFromTheCallersSolutionKeepTheOptimum() throws {
        for seed in UInt64(1)...16 {
            let model = knapsackModel(groups: 10, periods: 3, seed: seed)
            var parameters = exactParameters(lattice: 0.5)
            let truth = try #require(LPSolveSolver().solve(model, parameters: parameters).objectiveValue)
            let nothing = model.objective.expression.constant
            parameters.incumbentValue = nothing
            parameters.objectiveCutoff = nothing - 0.4
            parameters.incumbentPoint = model.variables.map { _ in 0 }
            for neighbourhoods in [true, false] {
                let solved = try BestFirstSolver(backend: LPSolveSolver(), searchesNeighbourhoods: neighbourhoods).solve(model, parameters: parameters)
                #expect(solved.termination == .optimal, "seed \(seed)")
                #expect(abs((solved.objectiveValue ?? .nan) - truth) < 1e-6, "seed \(seed): \(solved.objectiveValue ?? .nan) vs \(truth)")
                #expect(keepsEveryRow(model, solved.values), "seed \(seed)")
            }
        }
    }

    @Test func infeasibleModelIsReported() throws {
        var model = LinearModel(name: "none")
        let x = model.addVariable(name: "x", lowerBound: 0, upperBound: 3, isInteger: true)
        let y = model.addVariable(name: "y", lowerBound: 0, upperBound: 3, isInteger: true)
        // 2x + 2y = 3 has real solutions and no integer one: the root LP is feasible.
        model.addConstraint(2 * x + 2 * y, .equal, 3, name: "odd")
        model.objective = LinearObjective(.minimize, x + y)
        let solved = try search.solve(model, parameters: SolverParameters())
        #expect(solved.termination == .infeasible)
        #expect(!solved.hasSolution)
    }
}

/// Whether `values` keeps every row, bound and integrality of `model` (within 1e-6).
func keepsEveryRow(_ model: LinearModel, _ values: [Double]) -> Bool {
    guard values.count == model.variables.count else { return false }
    for (variable, value) in zip(model.variables, values) {
        if value < variable.lowerBound - 1e-6 || value > variable.upperBound + 1e-6 { return false }
        if variable.isInteger, abs(value - value.rounded()) > 1e-6 { return false }
    }
    return model.constraints.allSatisfy { row in
        let activity = zip(row.variables, row.coefficients).reduce(0) { $0 + $1.1 * values[$1.0.index] }
        return activity >= row.lower - 1e-6 * max(1, abs(row.lower)) && activity <= row.upper + 1e-6 * max(1, abs(row.upper))
    }
}

/// The parameters of an exact search (gap 0) with the given objective lattice.
func exactParameters(lattice: Double?) -> SolverParameters {
    var parameters = SolverParameters()
    parameters.relativeGap = 0
    parameters.objectiveGranularity = lattice
    return parameters
}
