import LPSolve
import LinearProgramming
import PhaseoutGenerator
import Testing
@testable import Phaseout

/// The greedy with bundles cut where they stop paying (``GreedyPlanner/cutsBundles``): its plans
/// keep every rule and budget, none beats the optimum brute force knows, and on a generated
/// council of many sites over quarterly periods it lies far nearer the LP bound than the greedy
/// with whole sites. Measured against the LP relaxation, so it needs no clock.
@Suite("The greedy with cut bundles")
struct CutBundleTests {
    @Test("300 tiny estates: plans keep every rule and budget and never beat the optimum")
    func cutBundlePlansAreValid() throws {
        var planned = 0
        for seed in UInt64(9100)..<9400 {
            let tiny = TinyEstate.random(seed: seed)
            let estate = try tiny.estate()
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                // Under `cost` the greedy plans with every at-risk unit due by the last period.
                let due = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now).dueByHorizon
                guard let plan = GreedyPlanner(problem: due, cutsBundles: true).plan() else { continue }
                let context = "seed \(seed) \(organisation.name)"
                #expect(plan.keepsEverything(of: problem), "\(context): the plan breaks a rule or a budget")
                guard problem.objective == .exposure, let o = tiny.organisations.firstIndex(of: organisation.name),
                      let best = BruteOrganisation(estate: tiny, org: o).solve().best else { continue }
                let value = PlanMeasures(problem: problem, counts: plan).exposure
                #expect(value >= best - 1e-6 * max(1, best), "\(context): \(value) below the optimum \(best)")
                planned += 1
            }
        }
        #expect(planned >= 100, "only \(planned) plans compared")
    }

    @Test("a concentrated council: cut bundles within 4 % of the LP bound, a third of the whole sites' excess at most")
    func cutBundlesAreNearTheBoundOnALargeCouncil() throws {
        var options = GeneratorOptions(devices: 2_000, councils: 1, seed: 1)
        options.profile = .concentrated
        let generated = try EstateGenerator(options).generate()
        let estate = try Estate.build(register: try RegisterReader.parse(generated.registerCSV, fileName: "register.csv"),
                                      scenario: try ScenarioReader.parse(generated.scenarioJSON, fileName: "scenario.json"))
        let organisation = try #require(estate.organisations.first)
        let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
        var model = OrganisationModel(problem: problem)
        model.setObjective(.minimize, model.exposure)
        var parameters = SolverParameters()
        parameters.timeLimit = .seconds(120)
        let relaxation = try LPSolveSolver().solve(model.model.relaxed(), parameters: parameters)
        let bound = try #require(relaxation.objectiveValue, "no LP bound")
        func excess(_ plan: PlanCounts?) throws -> Double {
            let plan = try #require(plan, "no greedy plan")
            #expect(plan.keepsEverything(of: problem))
            let value = PlanMeasures(problem: problem, counts: plan).exposure
            #expect(value >= bound - 1e-6 * bound, "\(value) below the LP bound \(bound)")
            return value - bound
        }
        let cut = try excess(GreedyPlanner(problem: problem, cutsBundles: true).plan())
        let whole = try excess(GreedyPlanner(problem: problem).plan())
        #expect(cut <= 0.04 * bound, "cut bundles \(cut) above the LP bound \(bound)")
        #expect(cut <= whole / 3, "cut bundles \(cut), whole sites \(whole) above the LP bound")
    }
}
