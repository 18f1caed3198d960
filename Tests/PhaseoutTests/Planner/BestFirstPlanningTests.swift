import Foundation
import Testing
import MixedIntegerSearch
import LPSolve
@testable import Phaseout
import LinearProgramming

/// The second round's best-first search (``BestFirstSolver``) on the planner's own models,
/// against lp_solve's depth-first search: the same optimum, proven, on models where the search
/// has real work to do; and the whole organisation solver with it keeps every rule.
@Suite("Best-first search on organisation models")
struct BestFirstPlanningTests {
    static var shape: TinyShape {
        var shape = NeighbourhoodSearchTests.shape
        shape.costChance = 0.3
        shape.paidVisits = true
        return shape
    }

    /// The planning model (cuts aside) of every organisation of 60 seeded estates of 30–120
    /// units, with visits, recorders, deadlines and labour limits, under both objectives:
    /// best first and lp_solve at gap 0 agree on the optimum, or on infeasibility. At least 20
    /// of the models must need more than the root node, so that the search is what is tested.
    @Test func agreesWithLPSolveOnPlanningModels() throws {
        var compared = 0, searched = 0, infeasible = 0
        for seed in UInt64(2000)..<2060 {
            let estate = try TinyEstate.random(seed: seed, shape: Self.shape).estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                // The planner reports these without a model.
                guard structuralConflict(problem) == nil else { continue }
                var model = OrganisationModel(problem: problem, aggregate: true, strengthen: true)
                model.setObjective(.minimize, problem.objective == .exposure ? model.exposure : model.presentValue)
                var parameters = SolverParameters()
                parameters.relativeGap = 0
                parameters.absoluteGap = 1e-9
                parameters.objectiveGranularity = problem.objective == .exposure ? problem.exposureGranularity : nil
                parameters.timeLimit = .seconds(20)
                let depthFirst = try LPSolveSolver().solve(model.model, parameters: parameters)
                guard depthFirst.termination == .optimal || depthFirst.termination == .infeasible else { continue }
                let bestFirst = try BestFirstSolver(backend: LPSolveSolver()).solve(model.model, parameters: parameters)
                let tag = "seed \(seed) \(problem.name) (\(problem.objective))"
                #expect(bestFirst.termination == depthFirst.termination, "\(tag): \(bestFirst.termination) vs \(depthFirst.termination)")
                compared += 1
                if depthFirst.termination == .infeasible { infeasible += 1; continue }
                let value = try #require(bestFirst.objectiveValue, "\(tag)")
                let optimum = try #require(depthFirst.objectiveValue)
                let tolerance = 1e-6 * max(1, abs(optimum))
                #expect(abs(value - optimum) <= tolerance, "\(tag): best first \(value), lp_solve \(optimum)")
                #expect(abs((bestFirst.bestBound ?? .nan) - value) <= tolerance, "\(tag): bound \(bestFirst.bestBound ?? .nan)")
                // Its point is a whole plan that keeps every rule, with the value it claims.
                let counts = model.counts(from: bestFirst)
                #expect(counts.keepsEverything(of: problem), "\(tag): the plan breaks a rule")
                #expect(model.counts(from: depthFirst).keepsEverything(of: problem), "\(tag): lp_solve's plan breaks a rule")
                let measures = PlanMeasures(problem: problem, counts: counts)
                let measured = problem.objective == .exposure ? measures.exposure : measures.presentValue
                #expect(abs(measured - value) <= tolerance, "\(tag): plan measures \(measured), search says \(value)")
                if bestFirst.nodeCount > 1 { searched += 1 }
            }
        }
        #expect(compared >= 60, "compared \(compared)")
        #expect(searched >= 20, "only \(searched) of \(compared) models needed a search")
        #expect(infeasible >= 3, "only \(infeasible) infeasible models")
    }

    /// The organisation solver with the best-first primary search (as the planner's second
    /// round runs it, with and without the first round's plan to start from, and with its own
    /// deadline already past but a later one lent) reaches the exact optimum at gap 0 and
    /// returns a plan that keeps every rule and budget.
    @Test func organisationSolverProvesTheOptimum() throws {
        var compared = 0
        for seed in UInt64(2100)..<2140 {
            let estate = try TinyEstate.random(seed: seed, shape: Self.shape).estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(20)).solve()
                guard exact.status == .optimal else { continue }
                for (start, lent) in [(nil, false), (PlanCounts?.some(exact.counts), false), (nil, true)] {
                    let later = ContinuousClock.now + .seconds(20)
                    var solver = OrganisationSolver(problem: problem, relativeGap: 0, deadline: lent ? .now : later,
                                                    solver: Planner.Round.second.lpSolve)
                    if lent { solver.extendedDeadline = { later } }
                    solver.primarySearch = .bestFirst
                    solver.startingPlan = start
                    let outcome = solver.solve()
                    let tag = "seed \(seed) \(problem.name)\(start == nil ? "" : " (started)")\(lent ? " (lent time)" : "")"
                    #expect(outcome.status == .optimal, "\(tag): \(outcome.status)")
                    #expect(abs(outcome.value - exact.value) <= 1e-6 * max(1, abs(exact.value)), "\(tag): \(outcome.value) vs \(exact.value)")
                    #expect(outcome.counts.keepsEverything(of: problem), "\(tag)")
                }
                compared += 1
            }
        }
        #expect(compared >= 30, "compared \(compared)")
    }
}
