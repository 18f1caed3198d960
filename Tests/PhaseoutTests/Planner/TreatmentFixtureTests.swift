import Foundation
import Testing
import TestSupport
@testable import Phaseout

/// SPEC v2 fixture 4 (`4_treatments_isolate_remove`): isolation, removal, `isolatedBy`,
/// recorders first and a site visit, through the planner; and the variants of its last table.
struct TreatmentFixtureTests {
    static let name = "4_treatments_isolate_remove"

    /// The fixture's register and scenario, with the given text replacements.
    static func estate(register edits: [(String, String)] = [], scenario scenarioEdits: [(String, String)] = []) throws -> Estate {
        let paths = Fixtures.spec(name)
        var register = try String(contentsOfFile: paths.register, encoding: .utf8)
        var scenario = try String(contentsOfFile: paths.scenario, encoding: .utf8)
        for (old, new) in edits {
            #expect(register.contains(old), "register edit \(old)")
            register = register.replacingOccurrences(of: old, with: new)
        }
        for (old, new) in scenarioEdits {
            #expect(scenario.contains(old), "scenario edit \(old)")
            scenario = scenario.replacingOccurrences(of: old, with: new)
        }
        return try Estate.build(register: RegisterReader.parse(register, fileName: "register.csv"),
                                scenario: ScenarioReader.parse(scenario, fileName: "scenario.json"))
    }

    static func plan(_ estate: Estate) -> Plan {
        Planner(options: PlanOptions()).planSynchronously(estate)
    }

    @Test func plansTheWorkedExample() throws {
        let plan = Self.plan(try Self.estate())
        #expect(plan.status == .optimal)
        #expect(abs(plan.exposure - 19.75) < 1e-9)
        #expect(abs(plan.bound - 19.75) < 1e-9)
        #expect(plan.gap == 0)
        #expect(abs(plan.baselineExposure - 43.5) < 1e-9)
        #expect(abs(plan.nominalCost - 1290) < 1e-9)
        #expect(abs(plan.presentValueCost - 1203.970179) < 5e-7)
        let rows = plan.rows.map { row in
            "\(row.deviceID),\(row.periodLabel ?? ""),\(row.treatment?.rawValue ?? ""),\(row.quantity),\(row.cost)"
        }
        #expect(rows == [
            "K1,2026/27,isolate,1,20.0",
            "K1,2027/28,replace,1,200.0",
            "L1,2026/27,isolate,1,20.0",
            "L1,2027/28,replace,1,200.0",
            "D1,2027/28,remove,1,30.0",
            "R1,2028/29,replace,1,600.0",
            "C1,2027/28,isolate,1,20.0",
        ])
        #expect(plan.visits.map { "\($0.siteID),\($0.period),\($0.cost)" } == ["A,1,100.0", "A,2,100.0"])
        let figures = try #require(plan.organisations.first).periods
        #expect(figures.map(\.units) == [0, 3, 1])
        #expect(figures.map(\.isolated) == [2, 1, 0])
        #expect(figures.map(\.spend) == [40, 550, 700])
        #expect(figures.map(\.labourHours) == [1, 5.5, 6])
        #expect(plan.organisations[0].lateRiskYears == 0 && plan.organisations[0].lateUnits == 0)
    }

    /// The replace-only greedy cannot meet L1's `isolatedBy` (200 > 50); with isolations added
    /// to the greedy plan of the rest, the incumbent keeps every rule.
    @Test func isolationsMakeTheGreedyPlanAnIncumbent() throws {
        let estate = try Self.estate()
        let problem = OrganisationProblem(organisation: estate.organisations[0], scenario: estate.scenario,
                                          register: estate.register)
        #expect(GreedyPlanner(problem: problem).plan().map { $0.keepsEverything(of: problem) } != true)
        let base = try #require(GreedyPlanner(problem: IsolationFill.baseProblem(problem)).plan())
        let filled = try #require(IsolationFill(problem: problem).filling(base))
        #expect(filled.keepsEverything(of: problem))
        let measures = PlanMeasures(problem: problem, counts: filled)
        #expect(measures.exposure < PlanMeasures(problem: problem, counts: base).exposure)
        #expect(measures.exposure >= 19.75 - 1e-9)
    }

    /// Flows that remove an isolated unit while an untouched one of its group waits (a search
    /// stopped by its time limit can return them) are read from plan.csv the other way round:
    /// the planner reports the plan as it will be read, which is never worse.
    @Test func flowsFollowTheReadingRule() throws {
        let register = "device_id,council,site_id,kind,vendor,removable,quantity\nD1,Angus,S,camera,Hikvision,yes,2\n"
        let scenario = """
        { "periods": ["2026/27", "2027/28"], "vendors": { "hikvision": 1 },
          "kinds": { "camera": { "replaceCost": 200, "isolate": { "cost": 20, "residualRisk": 0.25 }, "remove": { "cost": 30 } } },
          "budgets": { "Angus": [1000, 1000] } }
        """
        let estate = try Estate.build(register: RegisterReader.parse(register, fileName: "r.csv"),
                                      scenario: ScenarioReader.parse(scenario, fileName: "s.json"))
        let problem = OrganisationProblem(organisation: estate.organisations[0], scenario: estate.scenario,
                                          register: estate.register)
        var flows = PlanCounts(problem: problem)
        flows.isolated[0][0][0] = 1
        flows.removedFromIsolation[0][0][1] = 1
        let read = flows.followingTheReadingRule(in: problem)
        #expect(read.isolated[0][0] == [1, 0] && read.removed[0][0] == [0, 1] && read.removedFromIsolation[0][0] == [0, 0])
        #expect(read.keepsEverything(of: problem))
        let before = PlanMeasures(problem: problem, counts: flows), after = PlanMeasures(problem: problem, counts: read)
        #expect(after.spend == before.spend && after.labour == before.labour && after.unitsReplaced == before.unitsReplaced)
        // Isolated in 1, removed in 2: 0.5 + 0.25·1 = 0.75, and untouched 2 → 2.75; read back:
        // removed in 2 (1.5) and isolated in 1 for good (0.5 + 0.25·1.5 = 0.875) → 2.375.
        #expect(abs(before.exposure - 2.75) < 1e-12 && abs(after.exposure - 2.375) < 1e-12)
        #expect(read.followingTheReadingRule(in: problem) == read)
        let outcome = OrganisationOutcome(status: .feasible, counts: read, value: after.exposure, bound: 2)
        let plan = PlanAssembler(estate: estate, problems: [problem], outcomes: [outcome]).plan()
        let report = PlanVerifier(estate: estate).verify(plan: plan)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(abs(report.exposure - 2.375) < 1e-12)
    }

    /// The last table of EXPECTED.md: each rule decides part of the plan.
    @Test(arguments: [
        ("no isolatedBy", [], [(#"[ { "sensitivity": "low", "isolatedBy": "2026/27" } ]"#, "[]")], 19.125),
        ("D1 not removable", [("2015,yes", "2015,")], [], 19.9375),
        ("no recorders first", [], [(#", "replacedFirst": true"#, "")], 19.5625),
        ("no visit cost", [], [(#""town-centre": 100"#, #""town-centre": 0"#)], 19.625),
    ] as [(String, [(String, String)], [(String, String)], Double)])
    func variant(_ name: String, register: [(String, String)], scenario: [(String, String)], exposure: Double) throws {
        let plan = Self.plan(try Self.estate(register: register, scenario: scenario))
        #expect(plan.status == .optimal, "\(name)")
        #expect(abs(plan.exposure - exposure) < 1e-9, "\(name): \(plan.exposure)")
        #expect(abs(plan.bound - exposure) < 1e-9, "\(name): bound \(plan.bound)")
    }

    @Test func withoutIsolationItIsInfeasible() throws {
        let plan = Self.plan(try Self.estate(scenario: [(
            #""isolate": { "cost": 20, "labourHours": 0.5, "residualRisk": 0.25 },"#, "")]))
        #expect(plan.status == .infeasible)
    }
}
