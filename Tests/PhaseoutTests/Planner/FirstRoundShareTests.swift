import Testing
@testable import Phaseout

/// The first round gives the organisations the greedy cannot plan a larger share of the time:
/// they are the ones that could end the run with no plan at all.
@Suite("The first round's shares")
struct FirstRoundShareTests {
    @Test("every infeasible organisation counts as unplanned, and the unplanned weigh more")
    func unplannedGoFirst() throws {
        var unplannedSeen = 0
        for seed in UInt64(7400)..<7480 {
            let estate = try TinyEstate.random(seed: seed).estate()
            let problems = Planner.problems(of: estate)
            let indices = Array(problems.indices)
            let unplanned = Planner.withoutGreedyPlan(problems, indices: indices, threads: 2)
            let exact = Planner(options: exactOptions()).planSynchronously(estate)
            for (o, organisation) in exact.organisations.enumerated() where organisation.status == .infeasible {
                #expect(unplanned.contains(o), "seed \(seed): infeasible \(organisation.name) has a greedy plan")
            }
            let weights = Planner.timeWeights(problems, indices: indices, firstRound: true, unplanned: unplanned)
            let plain = Planner.timeWeights(problems, indices: indices, firstRound: true)
            for o in indices {
                #expect(weights[o] == plain[o] * (unplanned.contains(o) ? Planner.unplannedWeight : 1))
            }
            unplannedSeen += unplanned.count
        }
        #expect(unplannedSeen >= 10)
    }
}
