import Testing
@testable import Phaseout

/// The first round's long shares are split: lp_solve's depth-first search for a part, then the
/// best-first search from its plan (``Planner/solveFirst(_:gap:)``).
@Suite("The first round's split shares")
struct FirstRoundEscalationTests {
    /// With lp_solve's branch and bound failing (as its ACCURACYERROR does), the depth-first part
    /// leaves only the incumbent from the greedy and neighbourhood plans; the best-first part of a
    /// long share then proves the exact optimum. On a short share nothing runs on, and the
    /// organisation stays unproven wherever that incumbent was not optimal.
    @Test func bestFirstRunsOnWhereDepthFirstLeavesAnOrganisationOpen() throws {
        var compared = 0, carried = 0
        for seed in UInt64(2200)..<2250 {
            for problem in try TinyEstate.problems(seed: seed, shape: BestFirstPlanningTests.shape) {
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(20)).solve()
                guard exact.status == .optimal else { continue }
                func split(share: Duration) -> OrganisationOutcome {
                    var solver = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + share)
                    solver.solver = FailedSearchTests.FailingMILPSolver()
                    return Planner.solveFirst(solver, gap: 0)
                }
                let long = split(share: Planner.escalationShare + .seconds(16))
                let tag = "seed \(seed) \(problem.name)"
                #expect(long.status == .optimal, "\(tag): \(long.status)")
                #expect(abs(long.value - exact.value) <= 1e-9 * max(1, exact.value), "\(tag): \(long.value) against \(exact.value)")
                #expect(long.counts.keepsEverything(of: problem), "\(tag): the plan breaks a rule")
                compared += 1
                let short = split(share: Planner.escalationShare / 2)
                #expect(short.value >= exact.value - 1e-9, "\(tag): \(short.value) beats the optimum")
                if short.status == .feasible { carried += 1 }
            }
        }
        #expect(compared >= 30, "compared \(compared)")
        // Organisations the greedy and neighbourhood plans leave above the optimum, which only the
        // best-first part proves: the test has real work in it.
        #expect(carried >= 5, "only \(carried) organisations needed the best-first part")
    }

    /// The split ends the primary search only: an organisation proven infeasible still gets its
    /// least shortfall and its best-effort plan, the same as with the whole share, and every
    /// other organisation reaches its exact optimum.
    @Test func aSplitShareKeepsShortfallsAndBestEfforts() throws {
        var infeasible = 0, compared = 0
        for seed in UInt64(7400)..<7460 {
            for problem in try TinyEstate.problems(seed: seed) {
                let exact = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(20)).solve()
                guard exact.status == .optimal || exact.status == .infeasible else { continue }
                let split = Planner.solveFirst(
                    OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + Planner.escalationShare + .seconds(16)), gap: 0)
                let tag = "seed \(seed) \(problem.name)"
                #expect(split.status == exact.status, "\(tag): \(split.status) against \(exact.status)")
                #expect(abs(split.value - exact.value) <= 1e-9 * max(1, exact.value), "\(tag): \(split.value) against \(exact.value)")
                compared += 1
                guard exact.status == .infeasible else { continue }
                infeasible += 1
                #expect(split.shortfall?.totalMoney == exact.shortfall?.totalMoney, "\(tag): shortfall")
                #expect(split.shortfall?.totalHours == exact.shortfall?.totalHours, "\(tag): hours")
                #expect(split.lateRiskYears == exact.lateRiskYears, "\(tag): late risk-years")
            }
        }
        #expect(compared >= 60, "compared \(compared)")
        #expect(infeasible >= 5, "only \(infeasible) infeasible organisations")
    }
}
