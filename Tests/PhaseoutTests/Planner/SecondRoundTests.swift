import Foundation
import Testing
import LPSolve
@testable import Phaseout
import LinearProgramming

/// The planner's second round re-solves organisations the first could not prove; `better`
/// decides what is kept. These cases pin its rules on hand-made outcomes.
@Suite("Second round: keeping the better of two attempts")
struct SecondRoundTests {
    let nothing: PlanCounts = {
        let estate = try! TinyEstate.random(seed: 11).estate()
        let problem = OrganisationProblem(organisation: estate.organisations[0], scenario: estate.scenario, register: estate.register)
        return PlanCounts(problem: problem)
    }()

    func outcome(_ status: PlanStatus, value: Double, bound: Double, marker: Int = 0) -> OrganisationOutcome {
        var counts = nothing
        if marker > 0 { counts.counts[0][0][0] = marker }
        return OrganisationOutcome(status: status, counts: counts, value: value, bound: bound)
    }

    func bestEffort(late: Double, lateBound: Double, value: Double, bound: Double, marker: Int = 0) -> OrganisationOutcome {
        var effort = outcome(.infeasible, value: value, bound: bound, marker: marker)
        effort.lateRiskYears = late
        effort.lateRiskYearsBound = lateBound
        return effort
    }

    @Test func aBestEffortWithFewerLateRiskYearsWinsAndKeepsTheStrongerBounds() {
        // Fewer late risk-years beat lower exposure (SPEC §2.5: L first); both attempts' bounds hold.
        let merged = Planner.better(bestEffort(late: 48, lateBound: 30, value: 1500, bound: 1400, marker: 1),
                                    bestEffort(late: 32, lateBound: 17, value: 1700, bound: 1450, marker: 2), gap: 1e-4)
        #expect(merged.status == .infeasible)
        #expect(merged.counts.counts[0][0][0] == 2 && merged.lateRiskYears == 32 && merged.value == 1700)
        #expect(merged.lateRiskYearsBound == 30 && merged.bound == 1450)
        // With as many late risk-years, the lower exposure wins; a tie keeps the first.
        let tied = Planner.better(bestEffort(late: 32, lateBound: 32, value: 1700, bound: 1600, marker: 1),
                                  bestEffort(late: 32, lateBound: 20, value: 1650, bound: 1500, marker: 2), gap: 1e-4)
        #expect(tied.counts.counts[0][0][0] == 2 && tied.lateRiskYearsBound == 32 && tied.bound == 1600)
    }

    @Test func onlyUnprovenBestEffortsAreRetried() {
        #expect(Planner.isOpen(bestEffort(late: 48, lateBound: 17, value: 10, bound: 10), gap: 1e-4))
        #expect(Planner.isOpen(bestEffort(late: 48, lateBound: 48, value: 10, bound: 8), gap: 1e-4))
        #expect(!Planner.isOpen(bestEffort(late: 48, lateBound: 48, value: 10, bound: 10), gap: 1e-4))
        var untouched = bestEffort(late: 48, lateBound: 17, value: 10, bound: 8)
        untouched.untouchedReason = "locks"
        #expect(!Planner.isOpen(untouched, gap: 1e-4))
    }

    @Test func keepsTheBetterPlanAndTheStrongerBound() {
        // The second attempt finds a better plan but proves less: both facts are kept.
        let merged = Planner.better(outcome(.feasible, value: 100, bound: 97), outcome(.feasible, value: 99, bound: 95, marker: 2), gap: 1e-4)
        #expect(merged.value == 99)
        #expect(merged.counts.counts[0][0][0] == 2)
        #expect(merged.bound == 97)
        #expect(merged.status == .feasible)
    }

    @Test func aStrongerBoundAloneCanProveTheFirstPlan() {
        let merged = Planner.better(outcome(.feasible, value: 100, bound: 97, marker: 1), outcome(.feasible, value: 101, bound: 100), gap: 1e-4)
        #expect(merged.value == 100 && merged.counts.counts[0][0][0] == 1)
        #expect(merged.bound == 100)
        #expect(merged.status == .optimal)
    }

    @Test func aProvenTieTakesTheSecondForItsSecondaryAim() {
        let merged = Planner.better(outcome(.feasible, value: 100, bound: 98, marker: 1), outcome(.optimal, value: 100, bound: 100, marker: 3), gap: 1e-4)
        #expect(merged.counts.counts[0][0][0] == 3)
        #expect(merged.status == .optimal)
    }

    @Test func provenInfeasibilityWinsAndNothingFoundLoses() {
        #expect(Planner.better(outcome(.unknown, value: 200, bound: 50), outcome(.infeasible, value: 200, bound: 200), gap: 1e-4).status == .infeasible)
        #expect(Planner.better(outcome(.feasible, value: 100, bound: 90), outcome(.unknown, value: 200, bound: 95), gap: 1e-4).status == .feasible)
        #expect(Planner.better(outcome(.unknown, value: 200, bound: 50), outcome(.feasible, value: 120, bound: 60), gap: 1e-4).value == 120)
        #expect(Planner.better(outcome(.feasible, value: 100, bound: 90), nil, gap: 1e-4).value == 100)
    }
}

/// lp_solve sometimes ends a search with ACCURACYERROR and nothing to show (seen on Essex in
/// the national 100k estate). The organisation then keeps its greedy plan and the LP
/// relaxation's bound (after the cuts), never the trivial one.
@Suite("A failed search keeps the relaxation's bound")
struct FailedSearchTests {
    /// Solves LPs with lp_solve and fails every integer model as lp_solve's ACCURACYERROR does.
    struct FailingMILPSolver: LinearSolver {
        func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
            if !model.isMixedInteger { return try LPSolveSolver().solve(model, parameters: parameters) }
            return Solution(termination: .failed("ACCURACYERROR"), objectiveValue: nil, bestBound: nil, values: [],
                            rowActivities: [], duals: nil, reducedCosts: nil, rawStatus: 25,
                            rawStatusText: "ACCURACYERROR", nodeCount: 0, iterationCount: 0,
                            improvedSolutionCount: 0, solveTime: .zero)
        }
    }

    @Test func boundIsTheRoundedRelaxation() throws {
        var checked = 0
        for seed in UInt64(700)..<760 {
            let tiny = TinyEstate.random(seed: seed)
            guard !tiny.objectiveIsCost else { continue }
            let estate = try tiny.estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                var solver = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(5))
                solver.solver = FailingMILPSolver()
                let failed = solver.solve()
                // With the cuts, the rounded relaxation alone often proves the greedy plan optimal.
                guard failed.status == .feasible || failed.status == .optimal else { continue }
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(5)).solve()
                var relaxed = OrganisationModel(problem: problem)
                relaxed.setObjective(.minimize, relaxed.exposure)
                let lp = try #require(try LPSolveSolver().solve(relaxed.model.relaxed(), parameters: SolverParameters()).objectiveValue)
                #expect(failed.bound >= lp - 1e-6, "seed \(seed): bound \(failed.bound) below the LP's \(lp)")
                #expect(failed.bound <= exact.value + 1e-6, "seed \(seed): bound \(failed.bound) above the optimum \(exact.value)")
                #expect(failed.value >= exact.value - 1e-6)
                if failed.status == .optimal { #expect(abs(failed.value - exact.value) < 1e-6, "seed \(seed): claimed optimal") }
                checked += 1
            }
        }
        #expect(checked >= 10)
    }
}
