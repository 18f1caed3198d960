import Testing
import LinearProgramming
import LPSolve
import PhaseoutGenerator
@testable import Phaseout

/// SPEC §2.5's shortfall is a minimisation like any other: under `cost` the reported total must
/// be the least whole-pound total, or carry a proven bound and gap that say how far it can be
/// above it. Checked against exhaustive enumeration on tiny estates and against an exact solve
/// of the plain elastic model (no pooling, no greedy plans, no cutoff, gap 0) on generated ones.
@Suite("Least shortfalls under cost")
struct LeastShortfallTests {
    /// Tiny estates under `cost` with tight budgets and paid visits: most organisations are short.
    static var tightCostShape: TinyShape {
        var shape = TinyShape()
        shape.costChance = 1
        shape.budgetShare = 0.05...0.5
        shape.paidVisits = true
        return shape
    }

    /// Tiny tight-budget estates under `cost`: the shortfall equals the brute force's least, and
    /// its bound says it is proven.
    @Test func tinyCostShortfallsAreTheLeastAndSayProven() throws {
        let shape = Self.tightCostShape
        var compared = 0
        for seed in UInt64(2001)...2080 {
            let tiny = TinyEstate.random(seed: seed, shape: shape)
            let plan = Planner(options: exactOptions()).planSynchronously(try tiny.estate())
            for o in tiny.organisations.indices {
                let least = BruteOrganisation(estate: tiny, org: o).solve().shortfallMoney
                guard let planned = plan.organisations.first(where: { $0.name == tiny.organisations[o] }),
                      let shortfall = planned.shortfall, !shortfall.isStructural else { continue }
                compared += 1
                #expect(shortfall.totalMoney == least, "seed \(seed) \(planned.name): £\(shortfall.totalMoney), least £\(least)")
                #expect(shortfall.moneyBound == shortfall.totalMoney && shortfall.moneyGap == 0,
                        "seed \(seed) \(planned.name): bound \(String(describing: shortfall.moneyBound))")
            }
        }
        #expect(compared >= 40, "only \(compared) shortfalls compared")
    }

    /// Every greedy funded plan keeps the rules but money and hours, and asks for no less than
    /// the least: whatever the greedy does, its total is a valid incumbent.
    @Test func greedyFundedPlansKeepTheRules() throws {
        let shape = Self.tightCostShape
        var plans = 0
        for seed in UInt64(2001)...2080 {
            let tiny = TinyEstate.random(seed: seed, shape: shape)
            let estate = try tiny.estate()
            for (o, organisation) in estate.organisations.enumerated() {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let solver = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(10))
                let brute = BruteOrganisation(estate: tiny, org: tiny.organisations.firstIndex(of: organisation.name) ?? o).solve()
                // The brute force's least money means something only where no plan fits.
                guard brute.best == nil, brute.structurallyPossible else { continue }
                let least = brute.shortfallMoney
                for counts in GreedyPlanner(problem: solver.dueByHorizon).fundedPlans() {
                    #expect(counts.keepsRules(of: problem), "seed \(seed) \(problem.name)")
                    let money = PlanMeasures(problem: problem, counts: counts).overspend(of: problem).money.reduce(0, +)
                    #expect(money >= least, "seed \(seed) \(problem.name): greedy £\(money) below the least £\(least)")
                    plans += 1
                }
            }
        }
        #expect(plans >= 60, "only \(plans) greedy plans checked")
    }

    /// Generated estates under `cost`: each infeasible organisation's shortfall against the exact
    /// least of the plain elastic model, where lp_solve proves it. The bound never exceeds the
    /// least and the total is never below it; a total whose gap is 0 is the least. (Proving the
    /// least to the pound is hard for any solver: its relaxation is seldom whole, and closing the
    /// last pounds is a search over which units fill each period's budget. Estates where the
    /// plain model is proven in seconds are chosen.)
    @Test(arguments: [(UInt64(11), 300), (18, 350)])
    func generatedCostShortfallsMatchAnExactSolve(seed: UInt64, devices: Int) throws {
        let estate = try Self.costEstate(seed: seed, devices: devices, councils: 3)
        let plan = Planner(options: exactOptions()).planSynchronously(estate)
        var compared = 0, proven = 0
        for organisation in estate.organisations {
            guard let planned = plan.organisations.first(where: { $0.name == organisation.name }),
                  let shortfall = planned.shortfall, !shortfall.isStructural else { continue }
            let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
            let tag = "seed \(seed) \(problem.name)"
            guard let exact = try Self.exactLeastMoney(problem) else { continue }
            compared += 1
            let bound = try #require(shortfall.moneyBound, "\(tag): no bound")
            #expect(bound <= exact, "\(tag): bound £\(bound) above the least £\(exact)")
            #expect(shortfall.totalMoney >= exact, "\(tag): £\(shortfall.totalMoney) below the least £\(exact)")
            if shortfall.moneyGap == 0 {
                #expect(shortfall.totalMoney == exact, "\(tag): £\(shortfall.totalMoney) said proven, least £\(exact)")
                proven += 1
            }
        }
        #expect(compared >= 1 && proven >= 1, "seed \(seed): \(compared) compared, \(proven) proven")
    }

    /// A generated estate (SPEC v1 files) with every short organisation short, under `cost`.
    static func costEstate(seed: UInt64, devices: Int, councils: Int) throws -> Estate {
        var options = GeneratorOptions(devices: devices, councils: councils, seed: seed)
        options.shortShare = 1
        let generated = try EstateGenerator(options).generate()
        let scenario = generated.scenarioJSON.replacingOccurrences(of: "\"objective\": \"exposure\"", with: "\"objective\": \"cost\"")
        return try Estate.build(register: try RegisterReader.parse(generated.registerCSV, fileName: "register.csv"),
                                scenario: try ScenarioReader.parse(scenario, fileName: "scenario.json"))
    }

    /// The least whole extra money of the plain elastic model, solved by lp_solve alone at gap
    /// 0; `nil` when it does not finish in its (generous) time.
    static func exactLeastMoney(_ problem: OrganisationProblem) throws -> Int? {
        let elastic = OrganisationModel(problem: problem, purpose: .elastic, aggregate: false)
        var model = elastic.model
        var total = LinearExpression()
        for variable in elastic.extraMoney { total.add(1, variable) }
        model.objective = LinearObjective(.minimize, total)
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        parameters.absoluteGap = 1e-9
        parameters.objectiveGranularity = 1
        parameters.timeLimit = .seconds(60)
        let run = try LPSolveSolver().solve(model, parameters: parameters)
        guard run.termination == .optimal, let value = run.objectiveValue else { return nil }
        return Int(value.rounded())
    }
}
