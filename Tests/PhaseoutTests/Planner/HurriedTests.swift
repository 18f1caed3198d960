import Foundation
import Testing
import LPSolve
@testable import Phaseout
import LinearProgramming

/// An organisation that starts after the run's solve deadline is planned in a hurry: greedy
/// plans and the LP relaxation, no cuts, no neighbourhood searches, no branch and bound once a
/// plan is in hand. Its answer must still be valid: a plan that keeps every rule, a bound no plan
/// beats, and a shortfall that suffices.
@Suite("Organisations planned after the deadline")
struct HurriedTests {
    /// lp_solve, counting its calls.
    final class CountingSolver: LinearSolver, @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var calls: Int { lock.lock(); defer { lock.unlock() }; return count }
        func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
            lock.lock(); count += 1; lock.unlock()
            return try LPSolveSolver().solve(model, parameters: parameters)
        }
    }

    @Test func aHurriedAnswerIsValidAndCheap() throws {
        var planned = 0, infeasible = 0
        for seed in UInt64(300)..<380 {
            let estate = try TinyEstate.random(seed: seed, shape: .small).estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10)).solve()
                let counting = CountingSolver()
                var hurried = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now)
                hurried.hurried = true
                hurried.solver = counting
                let outcome = hurried.solve()
                let context = "seed \(seed) \(problem.name)"
                switch exact.status {
                case .optimal:
                    try #require(outcome.status == .optimal || outcome.status == .feasible, "\(context): \(outcome.status)")
                    #expect(outcome.counts.keepsEverything(of: problem), "\(context)")
                    #expect(outcome.value >= exact.value - 1e-9 * max(1, exact.value), "\(context): beats the optimum")
                    #expect(outcome.bound <= exact.value + 1e-9 * max(1, exact.value), "\(context): bound above the optimum")
                    // The greedy plan is in hand: at most the relaxation, no search.
                    if GreedyPlanner(problem: problem).plan().map({ $0.keepsEverything(of: problem) }) == true {
                        #expect(counting.calls <= 1, "\(context): \(counting.calls) lp_solve calls in a hurry")
                        planned += 1
                    }
                case .infeasible:
                    try #require(outcome.status == .infeasible, "\(context): \(outcome.status)")
                    guard let least = exact.shortfall, !least.isStructural else { continue }
                    let found = try #require(outcome.shortfall)
                    #expect(found.totalMoney >= least.totalMoney, "\(context): less than the least")
                    let funded = problem.funded(money: found.money, hours: found.hours)
                    let counts = try #require(outcome.fundedCounts, "\(context): no funded plan")
                    #expect(counts.keepsEverything(of: funded), "\(context): the hurried shortfall does not suffice")
                    infeasible += 1
                default:
                    Issue.record("\(context): the exact solve ended \(exact.status)")
                }
            }
        }
        #expect(planned >= 40 && infeasible >= 5, "planned \(planned), infeasible \(infeasible)")
    }

    /// A run whose clock started long ago hurries every organisation, and its plan still passes
    /// the independent verifier.
    @Test func aRunPastItsLimitStillGivesAVerifiedPlan() throws {
        for seed in UInt64(1)...10 {
            let estate = try TinyEstate.random(seed: seed, shape: .small).estate()
            var options = PlanOptions()
            options.timeLimit = .seconds(1)
            options.startedAt = .now - .seconds(3600)
            let plan = Planner(options: options).planSynchronously(estate)
            #expect(!plan.organisations.contains { $0.status == .unknown }, "seed \(seed)")
            #expect(throws: Never.self, "seed \(seed)") { try PlanVerifier.checkBeforeWriting(plan, estate: estate) }
        }
    }
}
