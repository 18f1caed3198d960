import Foundation
import Testing
import LPSolve
@testable import Phaseout
import LinearProgramming

/// The decomposition path (taken by organisations too large for one lp_solve model), forced on
/// tiny estates so that exhaustive enumeration knows the truth: every plan it returns keeps
/// every constraint (the independent verifier says so), and its bound never exceeds the optimum.
@Suite("Decomposition path against brute force")
struct DecompositionTests {
    @Test("300 tiny estates: valid plans, and bound ≤ optimum ≤ value")
    func decompositionIsSound() throws {
        var options = exactOptions()
        options.monolithicLimit = 0
        var planned = 0, provenOptimal = 0, costPlanned = 0
        for seed in UInt64(5000)..<5300 {
            let tiny = TinyEstate.random(seed: seed)
            let estate = try tiny.estate()
            let plan = Planner(options: options).planSynchronously(estate)
            let report = PlanVerifier(estate: estate).verify(rows: plan.rows)
            // Organisations without coupled sites have no decisions to decompose: they take the exact path.
            let decomposed = Set(estate.organisations.filter {
                OrganisationProblem(organisation: $0, scenario: estate.scenario, register: estate.register).decisionCount > 0
            }.map(\.name))
            for organisation in plan.organisations where organisation.status == .optimal || organisation.status == .feasible {
                planned += 1
                if organisation.status == .optimal { provenOptimal += 1 }
                if tiny.objectiveIsCost, decomposed.contains(organisation.name) { costPlanned += 1 }
                let broken = report.violations.filter { $0.organisation == organisation.name }
                #expect(broken.isEmpty, "seed \(seed) \(organisation.name): \(broken)")
                guard let o = tiny.organisations.firstIndex(of: organisation.name) else { continue }
                let truth = BruteOrganisation(estate: tiny, org: o).solve()
                guard let best = truth.best else {
                    Issue.record("seed \(seed) \(organisation.name): planned but brute force finds no plan")
                    continue
                }
                let value = tiny.objectiveIsCost ? organisation.presentValueCost : organisation.exposure
                let slack = 1e-6 * max(1, abs(best))
                #expect(organisation.bound <= best + slack, "seed \(seed) \(organisation.name): bound \(organisation.bound) above optimum \(best)")
                #expect(best <= value + slack, "seed \(seed) \(organisation.name): value \(value) below optimum \(best)")
            }
            for organisation in plan.organisations where organisation.status == .infeasible {
                guard let o = tiny.organisations.firstIndex(of: organisation.name) else { continue }
                #expect(BruteOrganisation(estate: tiny, org: o).solve().best == nil,
                        "seed \(seed) \(organisation.name): declared infeasible but a plan exists")
            }
        }
        #expect(planned >= 100)
        #expect(provenOptimal >= 10)
        // Under `cost` the greedy plans every at-risk unit (all due by the last period).
        #expect(costPlanned >= 10, "only \(costPlanned) cost organisations planned")
    }

    /// An infeasible organisation on the decomposition path gets the greedy shortfall: the
    /// funded plan keeps every constraint once it is added (the check `phaseout plan` runs
    /// before writing), it is never below the least shortfall the exact path finds, and its
    /// caveat says that it is not proven the least. Where money helps, it is never called
    /// structural (it may stay `unknown` when the Lagrangian bound cannot prove infeasibility).
    @Test("tiny infeasible estates: the greedy shortfall suffices and is at least the least")
    func decompositionShortfallSuffices() throws {
        var options = exactOptions()
        options.monolithicLimit = 0
        var funded = 0
        for seed in UInt64(5000)..<5300 {
            let tiny = TinyEstate.random(seed: seed)
            let estate = try tiny.estate()
            let exact = Planner(options: exactOptions()).planSynchronously(estate)
            // Organisations without coupled sites have no decisions to decompose: they take the exact path.
            let decomposed = Set(estate.organisations.filter {
                OrganisationProblem(organisation: $0, scenario: estate.scenario, register: estate.register).decisionCount > 0
            }.map(\.name))
            let fundable = exact.organisations.filter {
                $0.status == .infeasible && $0.shortfall?.isStructural == false && decomposed.contains($0.name)
            }
            guard !fundable.isEmpty else { continue }
            let plan = Planner(options: options).planSynchronously(estate)
            #expect(throws: Never.self, "seed \(seed)") { try PlanVerifier.checkBeforeWriting(plan, estate: estate) }
            for least in fundable {
                let organisation = try #require(plan.organisations.first { $0.name == least.name })
                guard organisation.status != .unknown else { continue }
                #expect(organisation.status == .infeasible, "seed \(seed) \(least.name)")
                let shortfall = try #require(organisation.shortfall)
                let required = try #require(least.shortfall)
                #expect(!shortfall.isStructural, "seed \(seed) \(least.name): money helps, but called structural")
                #expect(shortfall.caveat != nil, "seed \(seed) \(least.name)")
                #expect(shortfall.totalMoney >= required.totalMoney, "seed \(seed) \(least.name): below the least")
                funded += 1
            }
        }
        #expect(funded >= 10, "only \(funded) organisations got a greedy shortfall")
    }

    /// lp_solve for everything except the elastic model's searches for the least extra money,
    /// which fail as a search cut by the time limit would.
    struct NoElasticAnswer: LinearSolver {
        func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
            if model.isMixedInteger, model.variables.contains(where: { $0.name.hasPrefix("extraMoney[") }) {
                return try FailedSearchTests.FailingMILPSolver().solve(model, parameters: parameters)
            }
            return try LPSolveSolver().solve(model, parameters: parameters)
        }
    }

    /// When the exact shortfall search gives no answer in time, an infeasible organisation is not
    /// called structural: it gets the greedy shortfall, with the relaxation's bound (a caveat
    /// unless the amount meets it), and a funded plan that keeps every rule within the raised
    /// budgets — under both objectives.
    @Test("no exact shortfall in time: the greedy one, with its bound")
    func greedyShortfallWhenTheExactSearchFails() throws {
        var funded = 0
        for seed in UInt64(5000)..<5300 {
            let tiny = TinyEstate.random(seed: seed)
            let estate = try tiny.estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10)).solve()
                guard exact.status == .infeasible, let least = exact.shortfall, !least.isStructural else { continue }
                var cut = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10))
                cut.solver = NoElasticAnswer()
                let outcome = cut.solve()
                #expect(outcome.status == .infeasible, "seed \(seed) \(organisation.name)")
                let shortfall = try #require(outcome.shortfall)
                #expect(!shortfall.isStructural, "seed \(seed) \(organisation.name): money helps, but called structural")
                let bound = try #require(shortfall.moneyBound, "seed \(seed) \(organisation.name): no bound")
                #expect(bound <= least.totalMoney, "seed \(seed) \(organisation.name): bound above the least")
                #expect(shortfall.caveat != nil || bound == shortfall.totalMoney, "seed \(seed) \(organisation.name)")
                #expect(shortfall.totalMoney >= least.totalMoney, "seed \(seed) \(organisation.name): below the least")
                let raised = problem.funded(money: shortfall.money, hours: shortfall.hours)
                let plan = try #require(outcome.fundedCounts, "seed \(seed) \(organisation.name): no funded plan")
                #expect(plan.keepsRules(of: raised), "seed \(seed) \(organisation.name)")
                #expect(PlanMeasures(problem: raised, counts: plan).keepsBudgets(of: raised), "seed \(seed) \(organisation.name)")
                funded += 1
            }
        }
        #expect(funded >= 20, "only \(funded) organisations checked")
    }

    /// lp_solve with the elastic model's searches stopped at their first plan, as a search
    /// cut by the time limit is.
    struct ElasticFirstPlan: LinearSolver {
        func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
            var limited = parameters
            if model.isMixedInteger, model.variables.contains(where: { $0.name.hasPrefix("extraMoney[") }) {
                limited.stopAtFirstSolution = true
            }
            return try LPSolveSolver().solve(model, parameters: limited)
        }
    }

    /// A shortfall search cut short: whatever amount it reports suffices (its funded plan keeps
    /// every rule within the raised budgets), is never below the least, and the least it then
    /// quotes ("at least £L") is never above the true least.
    @Test("a shortfall search cut short: the amount suffices and the quoted least is a bound")
    func cutShortfallSearchQuotesABound() throws {
        var checked = 0, quoted = 0
        for seed in UInt64(5000)..<5300 {
            let tiny = TinyEstate.random(seed: seed)
            let estate = try tiny.estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10)).solve()
                guard exact.status == .infeasible, let least = exact.shortfall, !least.isStructural else { continue }
                var cut = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10))
                cut.solver = ElasticFirstPlan()
                let outcome = cut.solve()
                let shortfall = try #require(outcome.shortfall)
                #expect(!shortfall.isStructural, "seed \(seed) \(organisation.name)")
                #expect(shortfall.totalMoney >= least.totalMoney, "seed \(seed) \(organisation.name): below the least")
                if shortfall.caveat == nil { #expect(shortfall.totalMoney == least.totalMoney, "seed \(seed) \(organisation.name)") }
                let raised = problem.funded(money: shortfall.money, hours: shortfall.hours)
                let plan = try #require(outcome.fundedCounts, "seed \(seed) \(organisation.name): no funded plan")
                #expect(plan.keepsEverything(of: raised), "seed \(seed) \(organisation.name)")
                if let caveat = shortfall.caveat, let range = caveat.range(of: #"at least £(\d+)"#, options: .regularExpression) {
                    let bound = Int(caveat[range].dropFirst("at least £".count))!
                    #expect(bound <= least.totalMoney, "seed \(seed) \(organisation.name): quotes £\(bound), least £\(least.totalMoney)")
                    quoted += 1
                }
                checked += 1
            }
        }
        #expect(quoted >= 10, "only \(quoted) bounds quoted")
        #expect(checked >= 20)
    }
}

