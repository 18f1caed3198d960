import Foundation
import Testing
@testable import Phaseout

// SPEC v2's treatments in the independent verifier: fixture 4's plan, the reading rule, exit 3
// for a plan that only misses deadlines, and one seeded violation per new rule.

@Test func fixture4ExpectedPlanVerifies() throws {
    let report = TreatmentFixture.verifier.verify(TreatmentFixture.plan)
    #expect(report.violations.isEmpty, "\(report.violations)")
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    #expect(report.verdict == .valid && report.verdict.exitCode == 0)
    #expect(close(report.exposure, 19.75))
    #expect(close(report.baselineExposure, 43.5))
    #expect(close(report.nominalCost, 1290))
    #expect(abs(report.presentValueCost - 1203.970179) < 1e-6)
    #expect(report.lateRiskYears == 0 && report.lateUnits == 0)
    let angus = try #require(report.organisation("Angus"))
    #expect(angus.periods.map(\.units) == [0, 3, 1])
    #expect(angus.periods.map(\.isolated) == [2, 1, 0])
    #expect(angus.periods.map(\.spend) == [40, 550, 700])
    #expect(angus.periods.map(\.visitSpend) == [0, 100, 100])   // the 2027/28 visit pays for C1's isolation
    #expect(angus.periods.map(\.labourHours) == [1, 5.5, 6])
}

@Test func fixture4PlanCSVWithTreatmentsVerifies() throws {
    let report = try TreatmentFixture.verifier.verify(planCSV: TreatmentFixture.planCSV, fileName: "plan.csv")
    #expect(report.violations.isEmpty && report.warnings.isEmpty, "\(report.violations + report.warnings)")
    #expect(close(report.exposure, 19.75))
    #expect(abs(report.presentValueCost - 1203.970179) < 1e-6)
}

@Test func fixture3BestEffortPlanMissesOnlyADeadline() throws {
    let report = try fixtureVerifier(fixture3).verify([
        ("O1", "2026/27", 1), ("O2", "2027/28", 1), ("O3", nil, 1), ("Z1", "2026/27", 1),
    ])
    #expect(report.verdict == .missesDeadlines)
    #expect(report.verdict.exitCode == 3)
    #expect(report.violations.count == 1)
    let late = try #require(report.violations.first)
    #expect(late.kind == .deadline)
    #expect(late.organisation == "Orkney" && late.period == "2027/28" && late.amount == 1)
    #expect(late.message.contains("O3") && late.message.contains("never gone"))
    #expect(close(report.lateRiskYears, 0.5))
    #expect(report.lateUnits == 1)
    #expect(report.organisation("Orkney")?.lateUnitList == ["O3"])
    #expect(close(report.exposure, 4.5))
    #expect(close(report.nominalCost, 2581.45))
    #expect(abs(report.presentValueCost - 2478.259482) < 1e-6)
}

@Test func aMissedDeadlineWithAnOverspendIsInvalid() throws {
    // O1 and O2 in 2026/27 (1700 of 1000) and O3 never: a missed deadline and an overspend.
    let report = try fixtureVerifier(fixture3).verify([
        ("O1", "2026/27", 1), ("O2", "2026/27", 1), ("O3", nil, 1), ("Z1", "2026/27", 1),
    ])
    #expect(report.violations.contains { $0.kind == .deadline })
    #expect(report.verdict == .invalid && report.verdict.exitCode == 1)
}

@Test func aMissedIsolatedByIsLateByTheRestOfTheHorizon() throws {
    // L1 untouched: late after isolatedBy 2026/27 by T + 0.5 − 1 = 2.5 periods, w = 0.5.
    var plan = TreatmentFixture.plan
    plan.removeAll { $0.0 == "L1" }
    let report = TreatmentFixture.verifier.verify(plan)
    #expect(report.violations.map(\.kind) == [.isolationDeadline])
    #expect(report.violations.first?.period == "2026/27")
    #expect(report.verdict == .missesDeadlines)
    #expect(close(report.lateRiskYears, 1.25))

    // Replaced in 2027/28 instead: first treated one period late.
    plan.append(("L1", "2027/28", .replace))
    let replaced = TreatmentFixture.verifier.verify(plan)
    #expect(replaced.violations.map(\.kind) == [.isolationDeadline])
    #expect(close(replaced.lateRiskYears, 0.5))
}

@Test func underTheCostObjectiveAUnitNeverGoneIsAMissedDeadline() throws {
    let report = try fixtureVerifier(fixture2).verify([
        ("K1", "2026/27", 1), ("R1", "2027/28", 1), ("X1", "2027/28", 1), ("C1", "2028/29", 1), ("C2", nil, 1),
    ])
    #expect(report.violations.map(\.kind) == [.notReplaced])
    #expect(report.verdict == .missesDeadlines)
    #expect(close(report.lateRiskYears, 0.5))   // w = 1, by = T: late by 0.5
}

@Test func isolatedAndGoneInOnePeriodIsAViolation() throws {
    let report = TreatmentFixture.verifier.verify([("K1", "2026/27", .isolate), ("K1", "2026/27", .replace)])
    #expect(violations(report, .isolatedAndGoneTogether).map(\.period) == ["2026/27"])
    #expect(report.verdict == .invalid)
}

@Test func removingAUnitNotRemovableIsAViolation() throws {
    let report = TreatmentFixture.verifier.verify([("K1", "2027/28", .remove)])
    let issue = try #require(violations(report, .treatmentNotAllowed).first)
    #expect(issue.message.contains("removable"))
    #expect(report.verdict == .invalid)
}

@Test(arguments: [Treatment.isolate, .remove])
func aTreatmentTheKindLacksIsAViolation(treatment: Treatment) throws {
    let report = TreatmentFixture.verifier.verify([("R1", "2027/28", treatment)])
    let issue = try #require(violations(report, .treatmentNotAllowed).first)
    #expect(issue.message.contains("recorder has no \(treatment.rawValue) treatment"))
}

@Test func aTreatmentOnAnEntryWithoutAPeriodIsAViolation() throws {
    let report = TreatmentFixture.verifier.verify([PlanEntry(device: "K1", period: nil, treatment: .replace, quantity: 1)])
    #expect(violations(report, .invalidTreatment).count == 1)
}

@Test func treatmentColumnProblemsAreViolationsWithTheirLine() throws {
    let csv = """
        device_id,period,treatment,quantity
        K1,2026/27,,1
        L1,2026/27,unplug,1
        D1,,remove,1
        R1,2028/29,REPLACE,1

        """
    let report = try TreatmentFixture.verifier.verify(planCSV: csv, fileName: "plan.csv")
    let invalid = violations(report, .invalidTreatment)
    #expect(invalid.map(\.line) == [2, 3, 4])
    #expect(invalid[1].message.contains("\"unplug\""))
    #expect(report.verdict == .invalid)
}

@Test func aPlanWithoutATreatmentColumnIsAllReplacements() throws {
    let csv = """
        device_id,period,quantity,cost,deadline
        O1,2026/27,1,850,2027/28
        O2,2027/28,1,881.45,2027/28
        O3,,1,0,2027/28
        Z1,2026/27,1,850,

        """
    let report = try fixtureVerifier(fixture3).verify(planCSV: csv, fileName: "plan.csv")
    #expect(report.violations.map(\.kind) == [.deadline])
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    #expect(close(report.lateRiskYears, 0.5))
}

@Test func isolationsBeyondTheUntouchedUnitsAreOverQuantity() throws {
    let report = TreatmentFixture.verifier.verify([("C1", "2026/27", .isolate), ("C1", "2027/28", .isolate)])
    #expect(violations(report, .overQuantity).map(\.period) == ["2027/28"])
}

@Test func recordersFirstOrdersOnlyUnitsGone() throws {
    // Removing C1 before its recorder is ordering broken; isolating it is not (fixture 4's plan).
    var scenario = TreatmentFixture.scenario
    scenario.budgets["angus"] = [1000, 1000, 1000]
    var register = TreatmentFixture.register
    register.rows[4].removable = true
    let verifier = PlanVerifier(register: register, scenario: scenario)
    let report = verifier.verify([("L1", "2026/27", .isolate), ("C1", "2026/27", .remove), ("R1", "2027/28", .replace)])
    #expect(report.violations.map(\.kind) == [.recordersFirst])
}

// MARK: The reading rule (SPEC §2.5): isolations take untouched units; the units gone are
// untouched ones first, then isolated ones, first isolated first.

@Test func unitsGoneAreUntouchedOnesFirstThenTheEarliestIsolated() throws {
    let register = Register(fileName: "r.csv", columns: ["device_id", "council", "site_id", "kind", "vendor", "quantity"],
                            rows: [RegisterRow(deviceID: "B1", council: "Fife", siteID: "S", kind: "camera",
                                               vendor: "Hikvision", quantity: 4)])
    let scenario = Scenario(
        periods: ["P1", "P2", "P3"], vendors: VendorTable(["hikvision": 1]),
        kinds: ["camera": Kind(name: "camera", replaceCost: 100,
                               isolate: .init(cost: 10, residualRisk: 0.5))],
        budgets: ["fife": [1000, 1000, 1000]])
    let verifier = PlanVerifier(register: register, scenario: scenario)
    let report = verifier.verify([
        PlanEntry(device: "B1", period: 0, treatment: .isolate, quantity: 1),
        PlanEntry(device: "B1", period: 1, treatment: .isolate, quantity: 1),
        PlanEntry(device: "B1", period: 2, treatment: .replace, quantity: 3),
    ])
    #expect(report.violations.isEmpty, "\(report.violations)")
    // P3 replaces the 2 untouched units (2.5 each), then the unit isolated in P1
    // (0.5 + 0.5 · 2 = 1.5); the unit isolated in P2 stays isolated (1.5 + 0.5 · 1.5 = 2.25).
    #expect(close(report.exposure, 2.5 + 2.5 + 1.5 + 2.25))
    #expect(report.organisation("Fife")?.periods.map(\.units) == [0, 0, 3])
    #expect(report.organisation("Fife")?.periods.map(\.isolated) == [1, 1, 0])
}
