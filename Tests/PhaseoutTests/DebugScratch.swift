import Testing
import Foundation
import LinearProgramming
@testable import Phaseout

@Test func debugLagrange() throws {
    let estate = try Estate.load(registerPath: "Examples/ScottishCouncils/register.csv", scenarioPath: "Examples/ScottishCouncils/scenario.json")
    for org in estate.organisations {
        let problem = OrganisationProblem(organisation: org, scenario: estate.scenario, register: estate.register)
        var model = OrganisationModel(problem: problem)
        model.setObjective(.minimize, model.exposure)
        let lp = try LPSolveSolver().solve(model.model.relaxed())
        let clock = ContinuousClock()
        let start = clock.now
        let lag = LagrangianRelaxation(problem: problem).maximise(target: nil, iterations: 300, deadline: clock.now + .seconds(5))
        let elapsed = clock.now - start
        let seeded = GreedyPlanner(problem: problem, seed: lag.seed).plan()
        let sv = seeded.map { PlanMeasures(problem: problem, counts: $0).exposure } ?? -1
        print("ORG", org.name, "lp", lp.objectiveValue ?? -1, "lag", lag.bound, "seededGreedy", sv, elapsed)
    }
}
@Test func debugLagrangeBig() throws {
    let estate = try Estate.load(registerPath: "/tmp/c100k/register.csv", scenarioPath: "/tmp/c100k/scenario.json")
    for org in estate.organisations {
        let problem = OrganisationProblem(organisation: org, scenario: estate.scenario, register: estate.register)
        let clock = ContinuousClock()
        var start = clock.now
        let g = GreedyPlanner(problem: problem).plan()
        let gv = g.map { PlanMeasures(problem: problem, counts: $0).exposure } ?? -1
        print("GREEDY", gv, clock.now - start, g.map { $0.keepsRules(of: problem) && PlanMeasures(problem: problem, counts: $0).keepsBudgets(of: problem) } as Any)
        start = clock.now
        let e = LagrangianRelaxation(problem: problem).evaluate(money: [Double](repeating: 0, count: problem.periodCount), hours: [Double](repeating: 0, count: problem.periodCount))
        print("EVAL", e.value, clock.now - start, "sites", problem.sites.count, "maxgroups", problem.sites.map { $0.groups.count }.max()!)
        start = clock.now
        let lag = LagrangianRelaxation(problem: problem).maximise(target: gv > 0 ? gv : nil, iterations: 100, deadline: clock.now + .seconds(20))
        print("LAG", lag.bound, clock.now - start, "baseline", problem.baselineExposure)
        start = clock.now
        let seeded = GreedyPlanner(problem: problem, seed: lag.seed).plan()
        print("SEEDED", seeded.map { PlanMeasures(problem: problem, counts: $0).exposure } ?? -1, clock.now - start)
    }
}
