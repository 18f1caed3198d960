import Testing
@testable import Phaseout

/// ``OrganisationSolver/plainCheck()``, the plain model's search for an organisation with no plan
/// in hand, against brute force on tiny estates: it calls an organisation infeasible only when
/// no plan exists, and a plan it returns keeps every rule and budget.
@Suite("The plain model's search before the planning search")
struct PlainCheckTests {
    @Test("300 tiny estates: infeasible only when brute force finds no plan; its plans are valid")
    func plainCheckIsSound() throws {
        var proven = 0
        for seed in UInt64(11_000)..<11_300 {
            let tiny = TinyEstate.random(seed: seed)
            let estate = try tiny.estate()
            for organisation in estate.organisations {
                guard let o = tiny.organisations.firstIndex(of: organisation.name) else { continue }
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let solver = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10))
                let check = solver.plainCheck()
                let truth = BruteOrganisation(estate: tiny, org: o).solve()
                let context = "seed \(seed) \(organisation.name)"
                if check.infeasible {
                    proven += 1
                    #expect(truth.best == nil, "\(context): called infeasible, brute force finds \(truth.best ?? 0)")
                }
                if let plan = check.plan {
                    #expect(plan.keepsEverything(of: problem), "\(context): its plan breaks a rule or a budget")
                }
            }
        }
        #expect(proven >= 20, "only \(proven) organisations proven infeasible")
    }
}
