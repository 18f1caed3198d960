import Foundation
import Testing
@testable import Phaseout

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
