import Testing
@testable import Phaseout

/// The quick bound stands in for an LP relaxation that did not finish in an organisation's
/// share (``OrganisationSolver/strengthenWithQuickBound(_:)``). Forced here on tiny estates,
/// whose truth exhaustive enumeration knows: the bound never exceeds the optimum (or, for a best
/// effort, the least exposure of any plan within the budgets), a plan it finds keeps every rule,
/// and an organisation it calls infeasible has no plan.
@Suite("The quick bound against brute force")
struct QuickBoundTests {
    @Test("300 tiny estates: bound ≤ optimum, plans valid, infeasible only when no plan exists")
    func quickBoundIsSound() throws {
        var raised = 0, planned = 0, bestEfforts = 0
        for seed in UInt64(7000)..<7300 {
            let tiny = TinyEstate.random(seed: seed)
            let estate = try tiny.estate()
            for (o, organisation) in estate.organisations.enumerated() {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let solver = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now)
                let nothing = PlanCounts(problem: problem)
                let baseline = solver.primaryValue(PlanMeasures(problem: problem, counts: nothing))
                guard let index = tiny.organisations.firstIndex(of: organisation.name) else { continue }
                let brute = BruteOrganisation(estate: tiny, org: index)
                let truth = brute.solve()
                let context = "seed \(seed) organisation \(o)"
                let slack = 1e-6 * max(1, abs(baseline))
                // As the search leaves an organisation whose LP did not finish: no plan, the trivial bound.
                var unplanned = OrganisationOutcome(status: .unknown, counts: nothing, value: baseline, bound: solver.trivialBound)
                solver.strengthenWithQuickBound(&unplanned)
                if unplanned.bound > solver.trivialBound + slack { raised += 1 }
                switch unplanned.status {
                case .optimal, .feasible:
                    planned += 1
                    #expect(unplanned.counts.keepsEverything(of: problem), "\(context): the quick plan breaks a rule")
                    let best = try #require(truth.best, "\(context): a plan where brute force finds none")
                    #expect(unplanned.value >= best - slack, "\(context): value below the optimum")
                    #expect(unplanned.bound <= best + slack, "\(context): bound \(unplanned.bound) above the optimum \(best)")
                case .infeasible:
                    #expect(truth.best == nil, "\(context): called infeasible, but a plan exists")
                case .unknown:
                    if let best = truth.best { #expect(unplanned.bound <= best + slack, "\(context): bound above the optimum") }
                }
                // A best effort left with the trivial bound.
                guard truth.best == nil, !tiny.objectiveIsCost, let effort = brute.bestEffort() else { continue }
                var infeasible = OrganisationOutcome(status: .infeasible, counts: nothing, value: effort.value, bound: solver.trivialBound)
                infeasible.lateRiskYears = effort.late
                solver.strengthenWithQuickBound(&infeasible)
                bestEfforts += 1
                #expect(infeasible.bound <= effort.value + slack, "\(context): best-effort bound above its least exposure")
                #expect(infeasible.bound >= solver.trivialBound - slack, "\(context): bound lowered")
            }
        }
        #expect(raised >= 50, "the quick bound raised only \(raised) bounds")
        #expect(planned >= 30, "only \(planned) quick plans")
        #expect(bestEfforts >= 10, "only \(bestEfforts) best efforts")
    }
}
