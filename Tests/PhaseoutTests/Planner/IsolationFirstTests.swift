import LPSolve
import LinearProgramming
import PhaseoutGenerator
import Testing
@testable import Phaseout

/// ``IsolationFill/following(_:)`` (the greedy following a relaxation that isolates first): on
/// generated councils with treatments its plan keeps every rule and budget and lies far nearer
/// the LP bound than the replace-only greedy with isolations added after. Measured against
/// the LP relaxation, so it needs no clock and no branch and bound.
@Suite("Plans that follow a relaxation which isolates first")
struct IsolationFirstTests {
    @Test("generated councils with treatments: within 30 % of the LP bound, half the greedy's excess at most")
    func followingTheRelaxationIsNearItsBound() throws {
        var options = GeneratorOptions(devices: 6_000, councils: 12, seed: 5)
        options.treatments = true
        let generated = try EstateGenerator(options).generate()
        let estate = try Estate.build(register: try RegisterReader.parse(generated.registerCSV, fileName: "register.csv"),
                                      scenario: try ScenarioReader.parse(generated.scenarioJSON, fileName: "scenario.json"))
        var compared = 0
        for organisation in estate.organisations {
            let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
            guard problem.hasTreatments, GreedyPlanner(problem: problem).plan()?.keepsEverything(of: problem) == true else { continue }
            var model = OrganisationModel(problem: problem)
            model.setObjective(.minimize, model.exposure)
            var parameters = SolverParameters()
            parameters.timeLimit = .seconds(60)
            let relaxation = try LPSolveSolver().solve(model.model.relaxed(), parameters: parameters)
            guard relaxation.termination == .optimal, let bound = relaxation.objectiveValue else { continue }
            let followed = try #require(IsolationFill(problem: problem).following(model.counts(from: relaxation)),
                                        "\(organisation.name): no plan following the relaxation")
            #expect(followed.keepsEverything(of: problem), "\(organisation.name): the plan breaks a rule or a budget")
            let value = PlanMeasures(problem: problem, counts: followed).exposure
            #expect(value >= bound - 1e-6 * bound, "\(organisation.name): \(value) below the LP bound \(bound)")
            #expect(value <= bound * 1.3, "\(organisation.name): \(value) more than 30 % above the LP bound \(bound)")
            // The replace-only greedy with isolations added after: 69–101 % above the bound here,
            // where following the relaxation is 6–24 % above it.
            let base = GreedyPlanner(problem: IsolationFill.baseProblem(problem)).plan()
            let greedy = base.flatMap { IsolationFill(problem: problem).filling($0) }.map { PlanMeasures(problem: problem, counts: $0).exposure }
            #expect(value - bound <= 0.5 * ((greedy ?? .infinity) - bound),
                    "\(organisation.name): following \(value), greedy \(greedy ?? -1), bound \(bound)")
            compared += 1
        }
        #expect(compared >= 6, "only \(compared) councils compared")
    }
}
