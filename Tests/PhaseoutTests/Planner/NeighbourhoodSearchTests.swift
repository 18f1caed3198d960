import Foundation
import Testing
import LPSolve
@testable import Phaseout
import LinearProgramming

/// The neighbourhood search (RENS) and the second round's starting plan give branch and bound a
/// better incumbent. These tests take the full search away, so that only those can improve on
/// the greedy plan, and check what they return against the exact optimum.
@Suite("Incumbents: the neighbourhood search and the starting plan")
struct NeighbourhoodSearchTests {
    /// lp_solve for LPs and, when `neighbourhood` is set, for node-limited searches (the
    /// neighbourhood); every other integer model fails, as lp_solve's ACCURACYERROR does.
    struct WithoutFullSearch: LinearSolver {
        var neighbourhood: Bool
        func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
            if neighbourhood, parameters.nodeLimit != nil { return try LPSolveSolver().solve(model, parameters: parameters) }
            return try FailedSearchTests.FailingMILPSolver().solve(model, parameters: parameters)
        }
    }

    static var shape: TinyShape {
        var shape = TinyShape()
        shape.minUnits = 30
        shape.maxUnits = 120
        shape.periods = 2...3
        shape.organisations = 1...2
        shape.sitesPerOrganisation = 2...6
        shape.maxQuantity = 8
        shape.budgetShare = 0.2...0.6
        shape.costChance = 0
        return shape
    }

    /// Every plan the neighbourhood search leaves is whole, keeps every rule, is never worse than
    /// the greedy plan and never better than the optimum; on some organisations it is better.
    @Test func neighbourhoodPlansAreValidAndImproveOnGreedy() throws {
        var compared = 0, improved = 0
        for seed in UInt64(900)..<1000 {
            let estate = try TinyEstate.random(seed: seed, shape: Self.shape).estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                func attempt(_ solver: any LinearSolver) -> OrganisationOutcome {
                    var attempt = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10))
                    attempt.solver = solver
                    return attempt.solve()
                }
                let greedy = attempt(WithoutFullSearch(neighbourhood: false))
                let searched = attempt(WithoutFullSearch(neighbourhood: true))
                guard greedy.status == .feasible || greedy.status == .optimal else { continue }
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10)).solve()
                try #require(exact.status == .optimal, "seed \(seed): the reference did not finish")
                #expect(searched.counts.keepsRules(of: problem), "seed \(seed)")
                #expect(PlanMeasures(problem: problem, counts: searched.counts).keepsBudgets(of: problem), "seed \(seed)")
                #expect(searched.value <= greedy.value + 1e-9, "seed \(seed): \(searched.value) worse than greedy \(greedy.value)")
                #expect(searched.value >= exact.value - 1e-9, "seed \(seed): \(searched.value) beats the optimum \(exact.value)")
                #expect(searched.bound <= exact.value + 1e-9, "seed \(seed)")
                compared += 1
                if searched.value < greedy.value - 1e-9 { improved += 1 }
            }
        }
        #expect(compared >= 40)
        #expect(improved >= 5, "the neighbourhood search improved \(improved) of \(compared) greedy plans")
    }

    /// The search around the incumbent (RINS) on top of the neighbourhood search: with the full
    /// search gone, its plans keep every rule, are never worse than those without it and never
    /// better than the optimum; on some organisations they are better. The Gomory cuts are left
    /// out: their sharper first LP leaves the neighbourhood search plans that RINS can seldom
    /// better on estates this small (1 of these organisations with them).
    @Test func plansAroundTheIncumbentAreValidAndBetter() throws {
        var compared = 0, improved = 0
        for seed in UInt64(900)..<1000 {
            let estate = try TinyEstate.random(seed: seed, shape: Self.shape).estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                func attempt(rounds: Int) -> OrganisationOutcome {
                    var attempt = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10))
                    attempt.solver = WithoutFullSearch(neighbourhood: true)
                    attempt.roundsAround = rounds
                    attempt.gomoryCuts = false
                    return attempt.solve()
                }
                let before = attempt(rounds: 0)
                let around = attempt(rounds: OrganisationSolver.aroundRounds)
                guard before.status == .feasible || before.status == .optimal else { continue }
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10)).solve()
                try #require(exact.status == .optimal, "seed \(seed): the reference did not finish")
                #expect(around.counts.keepsEverything(of: problem), "seed \(seed)")
                #expect(around.value <= before.value + 1e-9, "seed \(seed): \(around.value) worse than \(before.value)")
                #expect(around.value >= exact.value - 1e-9, "seed \(seed): \(around.value) beats the optimum \(exact.value)")
                compared += 1
                if around.value < before.value - 1e-9 { improved += 1 }
            }
        }
        #expect(compared >= 40)
        #expect(improved >= 3, "the search around the incumbent improved \(improved) of \(compared) plans")
    }

    /// A plan's decisions (``OrganisationModel/decisions(of:)``), fixed in the planning model with
    /// its cuts' site capacity rows, leave a model whose optimum is the plan's own value and
    /// whose counts measure the same: the search around a plan starts from that very plan.
    @Test func aPlansDecisionsReproduceIt() throws {
        var shape = Self.shape
        shape.costChance = 0.5
        var checked = 0
        for seed in UInt64(900)..<960 {
            let estate = try TinyEstate.random(seed: seed, shape: shape).estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10)).solve()
                guard exact.status == .optimal || exact.status == .feasible else { continue }
                for aggregate in [true, false] {
                    var model = OrganisationModel(problem: problem, aggregate: aggregate, strengthen: aggregate)
                    let exposure = problem.objective == .exposure
                    model.setObjective(.minimize, exposure ? model.exposure : model.presentValue)
                    let decisions = model.decisions(of: exact.counts)
                    #expect(decisions.contains { $0 != nil })
                    for (index, value) in decisions.enumerated() {
                        if let value { model.fix(model.model.variable(at: index), to: value) }
                    }
                    let fixed = try LPSolveSolver().solve(model.model, parameters: SolverParameters())
                    try #require(fixed.termination == .optimal, "seed \(seed): the plan's own decisions are infeasible (\(fixed.termination))")
                    let value = try #require(fixed.objectiveValue)
                    #expect(abs(value - exact.value) <= 1e-6 * max(1, abs(exact.value)), "seed \(seed): \(value) against \(exact.value)")
                    let back = PlanMeasures(problem: problem, counts: model.counts(from: fixed))
                    let plan = PlanMeasures(problem: problem, counts: exact.counts)
                    #expect(abs(back.exposure - plan.exposure) <= 1e-6 && abs(back.nominal - plan.nominal) <= 1e-6, "seed \(seed)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 40)
    }

    /// Records how lp_solve's full searches on the primary objective from an incumbent (a
    /// cutoff, no node limit, no cap from the secondary aim) end.
    final class FullSearches: LinearSolver, @unchecked Sendable {
        private let lock = NSLock()
        private var endings: [Termination] = []
        var terminations: [Termination] { lock.lock(); defer { lock.unlock() }; return endings }
        func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
            let solution = try LPSolveSolver().solve(model, parameters: parameters)
            if model.isMixedInteger, parameters.nodeLimit == nil, parameters.objectiveCutoff != nil,
               !model.constraints.contains(where: { $0.name == "primaryCap" }) {
                lock.lock(); endings.append(solution.termination); lock.unlock()
            }
            return solution
        }
    }

    /// Started from its own optimum, the full search proves it: its cutoff admits the incumbent.
    /// A cutoff just below the incumbent made lp_solve end such searches with ACCURACYERROR,
    /// which proves nothing, so the planner had to search again without a cutoff.
    @Test func anOptimalStartIsProvenWithoutAFailedSearch() throws {
        var checked = 0
        var failures: [String] = []
        for seed in UInt64(900)..<1000 {
            let estate = try TinyEstate.random(seed: seed, shape: Self.shape).estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10)).solve()
                guard exact.status == .optimal else { continue }
                let recorder = FullSearches()
                var started = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10))
                started.solver = recorder
                started.startingPlan = exact.counts
                let outcome = started.solve()
                #expect(outcome.status == .optimal && abs(outcome.value - exact.value) <= 1e-9 * max(1, exact.value), "seed \(seed)")
                if recorder.terminations.contains(where: { $0.reason == .failed }) { failures.append("seed \(seed) \(problem.name)") }
                checked += 1
            }
        }
        #expect(checked >= 40)
        #expect(failures.isEmpty, "full searches from the optimum ended ACCURACYERROR: \(failures)")
    }

    /// The second round starts from the first round's plan: with no search at all, an optimal
    /// starting plan is kept (and an invalid one ignored).
    @Test func aStartingPlanBecomesTheIncumbent() throws {
        var checked = 0
        for seed in UInt64(900)..<1000 {
            let estate = try TinyEstate.random(seed: seed, shape: Self.shape).estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10)).solve()
                guard exact.status == .optimal else { continue }
                var started = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10))
                started.solver = WithoutFullSearch(neighbourhood: false)
                let without = started.solve()
                guard without.value > exact.value + 1e-9 else { continue }
                started.startingPlan = exact.counts
                #expect(started.solve().value == exact.value, "seed \(seed)")
                // A plan that breaks the budget (everything in the first period) is not taken.
                var overspent = PlanCounts(problem: problem)
                for (s, site) in problem.sites.enumerated() {
                    for (g, group) in site.groups.enumerated() where group.atRisk { overspent.counts[s][g][group.locked ?? 0] = group.count }
                }
                started.startingPlan = overspent
                if !PlanMeasures(problem: problem, counts: overspent).keepsBudgets(of: problem) {
                    #expect(started.solve().value == without.value, "seed \(seed)")
                }
                checked += 1
            }
        }
        #expect(checked >= 10)
    }

    /// Under `cost` a plan must replace every at-risk unit. With every full search failing,
    /// the greedy plans and the neighbourhood search (which, without an incumbent, looks for
    /// any plan) still give feasible organisations a plan that keeps every rule, never better
    /// than the optimum; before they ran for `cost`, all of these ended `unknown`.
    @Test func costPlansComeWithoutAFullSearch() throws {
        var shape = Self.shape
        shape.costChance = 1
        var planned = 0, feasible = 0
        for seed in UInt64(900)..<1000 {
            let estate = try TinyEstate.random(seed: seed, shape: shape).estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                try #require(problem.objective == .cost)
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10)).solve()
                guard exact.status == .optimal else { continue }
                feasible += 1
                var attempt = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10))
                attempt.solver = WithoutFullSearch(neighbourhood: true)
                let found = attempt.solve()
                #expect(found.status != .infeasible, "seed \(seed): a feasible organisation called infeasible")
                guard found.status == .feasible || found.status == .optimal else { continue }
                planned += 1
                #expect(found.counts.keepsRules(of: problem), "seed \(seed)")
                #expect(PlanMeasures(problem: problem, counts: found.counts).keepsBudgets(of: problem), "seed \(seed)")
                #expect(found.value >= exact.value - 1e-6 * exact.value, "seed \(seed): \(found.value) beats the optimum \(exact.value)")
                #expect(found.bound <= exact.value + 1e-6 * exact.value, "seed \(seed)")
            }
        }
        #expect(feasible >= 30)
        #expect(Double(planned) >= 0.8 * Double(feasible), "only \(planned) of \(feasible) feasible organisations got a plan")
    }
}

