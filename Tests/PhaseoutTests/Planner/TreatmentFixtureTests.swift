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
