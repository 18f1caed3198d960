import Foundation
import Testing
import TestSupport
@testable import Phaseout

// plan.csv's v2 columns, money in pence that adds up per period, and summary.json's v2 keys and
// run record.

@Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
])
func sha256MatchesTheNISTVectors(message: String, digest: String) {
    #expect(SHA256.hex(Array(message.utf8)) == digest)
}

@Test func sha256OfAMillionAs() {
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}

@Test func penceAddUpToTheRoundedTotal() {
    #expect(PenceApportionment.pence([1.0 / 3, 1.0 / 3, 1.0 / 3], total: 1) == [34, 33, 33])
    // Rounding each on its own gives 0.99; rounding down and topping up the largest losses gives 1.00.
    let amounts = (1...40).map { Double($0) * 0.123456 }
    let pence = PenceApportionment.pence(amounts, total: amounts.reduce(0, +))
    #expect(pence.reduce(0, +) == Int64((amounts.reduce(0, +) * 100).rounded()))
    #expect(zip(pence, amounts).allSatisfy { abs(Double($0) - $1 * 100) < 1 })
    #expect(PenceApportionment.pence([881.45, 850], total: 1731.45) == [88145, 85000])
    #expect([88145, 2050, 85000, 1, 0].map(PenceApportionment.text) == ["881.45", "20.5", "850", "0.01", "0"])
}

@Test func rowsAndVisitsAddUpToEachPeriodsSpend() throws {
    let estate = try Estate.build(register: TreatmentFixture.register, scenario: TreatmentFixture.scenario)
    let register = estate.register
    func row(_ index: Int, _ t: Int, _ treatment: Treatment, cost: Double) -> PlanRow {
        PlanRow(row: register.rows[index], rowIndex: index, period: t, periods: TreatmentFixture.periods,
                treatment: treatment, quantity: 1, cost: cost)
    }
    // Three costs of £20/3 and a visit of £100/3 in one period: each rounds to 6.67 and 33.33
    // (53.34 in all), but the period's spend is 53.33.
    let rows = [row(0, 0, .isolate, cost: 20.0 / 3), row(1, 0, .isolate, cost: 20.0 / 3), row(4, 0, .isolate, cost: 20.0 / 3)]
    let visits = [VisitRow(council: "Angus", siteID: "A", period: 0, cost: 100.0 / 3)]
    let texts = PlanWriter(estate: estate).planAndVisitsCSV(rows, visits, spend: ["angus": [40 + 100.0 / 3 - 20, 0, 0]])
    let costs = texts.plan.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",", omittingEmptySubsequences: false)[8])! }
    let visitCosts = texts.visits.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",")[3])! }
    #expect(((costs + visitCosts).reduce(0, +) * 100).rounded() == 5333)
    #expect((costs + visitCosts).allSatisfy { [6.66, 6.67, 33.33, 33.34].contains($0) })
}

@Test func planCSVHasTreatmentAndDeadlineColumns() throws {
    var estate = try Estate.build(register: TreatmentFixture.register, scenario: TreatmentFixture.scenario)
    // The builder fills isolatedBy once it reads v2 rules; set L1's here.
    for o in estate.organisations.indices {
        for s in estate.organisations[o].sites.indices {
            for g in estate.organisations[o].sites[s].groups.indices
            where estate.organisations[o].sites[s].groups[g].units.contains(where: { $0.rowIndex == 1 }) {
                estate.organisations[o].sites[s].groups[g].isolatedBy = 0
            }
        }
    }
    let register = estate.register
    let rows = [
        PlanRow(row: register.rows[1], rowIndex: 1, period: 0, periods: TreatmentFixture.periods, treatment: .isolate, quantity: 1, cost: 20),
        PlanRow(row: register.rows[1], rowIndex: 1, period: 1, periods: TreatmentFixture.periods, treatment: .replace, quantity: 1, cost: 200),
        PlanRow(row: register.rows[2], rowIndex: 2, period: nil, periods: TreatmentFixture.periods, quantity: 1, cost: 0),
    ]
    let lines = PlanWriter(estate: estate).planCSV(rows).split(separator: "\n").map(String.init)
    #expect(lines[0] == "device_id,council,site_id,kind,vendor,period,treatment,quantity,cost,sensitivity,site_category,installed,removable,by,isolatedBy")
    #expect(lines[1] == "L1,Angus,L,camera,Hikvision,2026/27,isolate,1,20,low,default,2014,no,,2026/27")
    #expect(lines[2] == "L1,Angus,L,camera,Hikvision,2027/28,replace,1,200,low,default,2014,no,,2026/27")
    #expect(lines[3] == "D1,Angus,B,camera,Hikvision,,,1,0,standard,default,2015,yes,,")
    // The verifier reads it back.
    let report = try PlanVerifier(estate: estate).verify(planCSV: lines.joined(separator: "\n") + "\n", fileName: "plan.csv")
    #expect(!report.violations.contains { $0.kind == .invalidTreatment })
}

@Test func summaryHasStatusCountsLateFiguresAndTheRunRecord() throws {
    let paths = Fixtures.spec("1_exposure_inflation_carry_visit")
    let (estate, run) = try RunRecord.load(registerPath: paths.register, scenarioPath: paths.scenario, timeLimit: 30, gap: 1e-4)
    #expect(run.registerSHA256 == SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: paths.register)))))
    #expect(run.scenarioSHA256 == SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: paths.scenario)))))
    #expect(run.scenarioName == estate.scenario.name)
    var options = PlanOptions()
    options.timeLimit = .seconds(30)
    let plan = Planner(options: options).planSynchronously(estate)
    let writer = PlanWriter(estate: estate, run: run)
    let json = try #require(try JSONSerialization.jsonObject(with: writer.summaryJSON(plan)) as? [String: Any])
    #expect(json["statusCounts"] as? [String: Int] == ["optimal": 1, "feasible": 0, "infeasible": 0, "unknown": 0])
    let record = try #require(json["run"] as? [String: Any])
    #expect(record["version"] as? String == PhaseoutInfo.version)
    #expect(record["registerSHA256"] as? String == run.registerSHA256)
    #expect(record["timeLimit"] as? Double == 30)
    #expect(record["gap"] as? Double == 1e-4)
    let organisation = try #require((json["organisations"] as? [[String: Any]])?.first)
    #expect(organisation["lateRiskYears"] as? Double == 0)
    #expect(organisation["lateUnits"] as? Int == 0)
    #expect(organisation["lateUnitList"] as? [String] == [])
    let periods = try #require(organisation["periods"] as? [[String: Any]])
    #expect(periods.allSatisfy { $0["isolated"] as? Int == 0 })
    // Money in pence: PV 2800.9464 → 2800.95.
    #expect(json["presentValueCost"] as? Double == 2800.95)

    // plan.csv + visits.csv add up to each period's spend in summary.json.
    let texts = writer.planAndVisitsCSV(plan.rows, plan.visits, spend: ["fife": plan.organisations[0].periods.map(\.spend)])
    var sums = [String: Double]()
    for line in texts.plan.split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",", omittingEmptySubsequences: false)
        sums[String(f[5]), default: 0] += Double(f[8])!
    }
    for line in texts.visits.split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",")
        sums[String(f[2]), default: 0] += Double(f[3])!
    }
    for p in periods {
        let label = p["period"] as! String
        #expect(abs((sums[label] ?? 0) - (p["spend"] as! Double)) < 1e-9, "\(label)")
    }
}
