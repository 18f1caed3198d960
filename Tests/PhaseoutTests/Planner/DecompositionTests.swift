import Foundation
import Testing
@testable import Phaseout

/// The decomposition path (taken by organisations too large for one lp_solve model), forced on
/// tiny estates so that exhaustive enumeration knows the truth: every plan it returns keeps
/// every constraint (the independent verifier says so), and its bound never exceeds the optimum.
@Suite("Decomposition path against brute force")
struct DecompositionTests {
    @Test("300 tiny estates: valid plans, and bound ≤ optimum ≤ value")
    func decompositionIsSound() throws {
        var options = exactOptions()
        options.monolithicLimit = 0
        var planned = 0, provenOptimal = 0
        for seed in UInt64(5000)..<5300 {
            let tiny = TinyEstate.random(seed: seed)
            let estate = try tiny.estate()
            let plan = Planner(options: options).plan(estate)
            let report = PlanVerifier(estate: estate).verify(rows: plan.rows)
            for organisation in plan.organisations where organisation.status == .optimal || organisation.status == .feasible {
                planned += 1
                if organisation.status == .optimal { provenOptimal += 1 }
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
    }
}
