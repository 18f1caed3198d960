import Foundation
import Testing
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

