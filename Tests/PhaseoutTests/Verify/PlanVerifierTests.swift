import Foundation
import Testing
@testable import Phaseout

// MARK: The spec's worked examples, written by hand from EXPECTED.md

@Test func fixture1ExpectedPlanVerifies() throws {
    let report = try fixtureVerifier(fixture1).verify([
        ("A1", "2027/28", 1), ("A2", "2028/29", 1), ("B1", nil, 1), ("B2", nil, 1),
    ])
    #expect(report.violations.isEmpty, "\(report.violations)")
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    #expect(close(report.exposure, 22))
    #expect(close(report.baselineExposure, 30))
    #expect(close(report.nominalCost, 3465))
    #expect(abs(report.presentValueCost - 2800.946400) < 1e-6)
    let fife = try #require(report.organisation("fife"))
    #expect(fife.periods.map(\.carryIn).enumerated().allSatisfy { close($0.element, [0, 600, 225][$0.offset]) })
    #expect(fife.periods.map(\.carryOut).enumerated().allSatisfy { close($0.element, [600, 225, 105][$0.offset]) })
    #expect(fife.periods.map(\.spend).enumerated().allSatisfy { close($0.element, [0, 1650, 1815][$0.offset]) })
    #expect(fife.periods.map(\.visitSpend).enumerated().allSatisfy { close($0.element, [0, 550, 605][$0.offset]) })
    #expect(fife.periods.map(\.units) == [0, 1, 1])
}

@Test func fixture1UnitsAbsentFromThePlanCountAsNotReplaced() throws {
    let report = try fixtureVerifier(fixture1).verify([("A2", "2028/29", 1), ("A1", "2027/28", 1)])
    #expect(report.isValid)
    #expect(close(report.exposure, 22))
}

@Test func fixture2ExpectedPlanVerifies() throws {
    let report = try fixtureVerifier(fixture2).verify([
        ("K1", "2026/27", 1), ("R1", "2027/28", 1), ("X1", "2027/28", 1), ("C1", "2028/29", 1), ("C2", "2028/29", 1),
    ])
    #expect(report.violations.isEmpty, "\(report.violations)")
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    #expect(close(report.exposure, 15))
    #expect(close(report.baselineExposure, 42))
    #expect(abs(report.nominalCost - 6340.64) < 1e-6)
    #expect(abs(report.presentValueCost - 5863.387872) < 1e-6)
    let moray = try #require(report.organisation("Moray"))
    #expect(moray.periods.map(\.units) == [1, 2, 2])
    #expect(moray.periods.map(\.labourHours) == [3, 11, 6])
}

@Test func fixture3WithOrkneyUnreplacedBreaksOnlyOrkneysDeadline() throws {
    let report = try fixtureVerifier(fixture3).verify([
        ("O1", nil, 1), ("O2", nil, 1), ("O3", nil, 1), ("Z1", "2026/27", 1),
    ])
    #expect(close(report.exposure, 6.5))
    #expect(close(report.baselineExposure, 8))
    #expect(close(report.nominalCost, 850))
    #expect(abs(report.presentValueCost - 835.504418) < 1e-6)
    // One finding per late register row, each with its deadline; only deadlines are missed.
    #expect(report.violations.map(\.kind) == [.deadline, .deadline, .deadline])
    #expect(report.violations.allSatisfy { $0.organisation == "Orkney" && $0.period == "2027/28" && $0.amount == 1 })
    #expect(report.verdict == .missesDeadlines)
    #expect(report.verdict.exitCode == 3)
    #expect(close(report.lateRiskYears, 1.5))   // three units late by T + 0.5 − by = 0.5
    #expect(report.lateUnits == 3)
}

// MARK: One test per seeded violation

@Test func overspendIsABudgetViolation() throws {
    let report = try fixtureVerifier(fixture1).verify([("A1", "2026/27", 1), ("A2", "2026/27", 1)])
    let budget = violations(report, .budget)
    #expect(budget.count == 1)
    #expect(budget.first?.organisation == "Fife")
    #expect(budget.first?.period == "2026/27")
    #expect(close(budget.first?.amount ?? 0, 1300))   // 2 · 1000 + 500 − 1200
}

@Test func spendingMoreCarryThanAllowedIsACarryOverViolation() throws {
    // B1 in period 1 leaves only 0.5 · 200 = 100 to carry: 1600 < 1650 for A1 in period 2.
    let report = try fixtureVerifier(fixture1).verify([("B1", "2026/27", 1), ("A1", "2027/28", 1)])
    #expect(report.violations.count == 1)
    let carry = try #require(report.violations.first)
    #expect(carry.kind == .carryOver)
    #expect(carry.organisation == "Fife")
    #expect(carry.period == "2027/28")
    #expect(close(carry.amount, 50))
    let fife = try #require(report.organisation("Fife"))
    #expect(close(fife.periods[1].carryIn, 100))
    #expect(fife.periods[1].carryOut == 0)
}

@Test func tooManyHoursIsALabourViolation() throws {
    // The funded plan: O2 and O3 in 2027/28 take 7 h of 6.5.
    let report = try fixtureVerifier(fixture3).verify([
        ("O1", "2026/27", 1), ("O2", "2027/28", 1), ("O3", "2027/28", 1), ("Z1", "2026/27", 1),
    ])
    let labour = violations(report, .labour)
    #expect(labour.count == 1)
    #expect(labour.first?.organisation == "Orkney")
    #expect(labour.first?.period == "2027/28")
    #expect(close(labour.first?.amount ?? 0, 0.5))
    #expect(violations(report, .budget).first.map { close($0.amount, 487.9, 1e-9) } == true)
}

@Test func lateUnitIsADeadlineViolation() throws {
    let report = try fixtureVerifier(fixture2).verify([
        ("K1", "2028/29", 1), ("R1", "2027/28", 1), ("X1", "2027/28", 1), ("C1", "2028/29", 1), ("C2", "2028/29", 1),
    ])
    #expect(report.violations.map(\.kind) == [.deadline])
    #expect(report.violations.first?.organisation == "Moray")
    #expect(report.violations.first?.period == "2026/27")
    #expect(report.violations.first?.amount == 1)
}

@Test func contractedWorksOutsideTheirPeriodAreALockViolation() throws {
    let report = try fixtureVerifier(fixture2).verify([
        ("K1", "2026/27", 1), ("R1", "2027/28", 1), ("X1", "2028/29", 1), ("C1", "2028/29", 1), ("C2", "2028/29", 1),
    ])
    #expect(report.violations.map(\.kind) == [.lock])
    #expect(report.violations.first?.organisation == "Moray")
    #expect(report.violations.first?.period == "2027/28")
    #expect(report.violations.first?.amount == 1)
    // X1 is contracted works: no pointless-spend warning.
    #expect(!report.warnings.contains { $0.kind == .notAtRisk })
}

@Test func unlockedContractedWorksAreALockViolation() throws {
    let report = try fixtureVerifier(fixture2).verify([
        ("K1", "2026/27", 1), ("R1", "2027/28", 1), ("C1", "2028/29", 1), ("C2", "2028/29", 1),
    ])
    #expect(report.violations.map(\.kind) == [.lock])
}

@Test func camerasBeforeTheirRecorderBreakRecordersFirst() throws {
    // The plan EXPECTED.md rules out: R1 in 2028/29, both cameras in 2027/28.
    let report = try fixtureVerifier(fixture2).verify([
        ("K1", "2026/27", 1), ("X1", "2027/28", 1), ("C1", "2027/28", 1), ("C2", "2027/28", 1), ("R1", "2028/29", 1),
    ])
    #expect(report.violations.map(\.kind) == [.recordersFirst])
    #expect(report.violations.first?.organisation == "Moray")
    #expect(report.violations.first?.period == "2027/28")
    #expect(report.violations.first?.amount == 2)
}

@Test func followersWhileLeadersAreNeverReplacedBreakRecordersFirst() throws {
    let report = try fixtureVerifier(fixture2).verify([
        ("K1", "2026/27", 1), ("X1", "2027/28", 1), ("C1", "2028/29", 1),
    ])
    let ordering = violations(report, .recordersFirst)
    #expect(ordering.count == 1)
    #expect(ordering.first?.period == "2028/29")
    // R1 and C2, under `cost`: one finding per register row.
    #expect(violations(report, .notReplaced).map(\.amount) == [1, 1])
}

private let twoRecorders = """
    device_id,council,site_id,kind,vendor,installed
    R1,Angus,S1,recorder,Hikvision,2010
    R2,Angus,S1,recorder,Hikvision,2011
    C1,Angus,S1,camera,Hikvision,2012
    N1,Angus,S1,recorder,Axis,2012
    """

private let twoRecordersScenario = """
    {
      "periods": ["P1", "P2", "P3"],
      "kinds": { "camera": {"replaceCost": 100, "labourHours": 1},
                 "recorder": {"replaceCost": 300, "labourHours": 4, "risk": 4, "replacedFirst": true} },
      "budgets": { "default": [10000, 10000, 10000] }
    }
    """

@Test func leadersSplitAcrossPeriodsAreAViolation() throws {
    let verifier = try inlineVerifier(register: twoRecorders, scenario: twoRecordersScenario)
    let report = verifier.verify([("R1", "P1", 1), ("R2", "P2", 1), ("C1", "P2", 1)])
    #expect(report.violations.map(\.kind) == [.leadersSplit])
    #expect(report.violations.first?.organisation == "Angus")
    #expect(report.violations.first?.period == "P2")
    #expect(report.violations.first?.amount == 1)

    let partly = verifier.verify([("R1", "P1", 1), ("C1", "P2", 1)])
    #expect(partly.violations.map(\.kind) == [.leadersSplit])
    #expect(partly.violations.first?.period == nil)

    // N1 is a recorder but not at risk: it gates nothing and need not go with the leaders.
    let together = verifier.verify([("R1", "P2", 1), ("R2", "P2", 1), ("C1", "P2", 1)])
    #expect(together.isValid, "\(together.violations)")
}

@Test func unreplacedUnitsUnderTheCostObjectiveAreAViolation() throws {
    let report = try fixtureVerifier(fixture2).verify([
        ("K1", "2026/27", 1), ("R1", "2027/28", 1), ("X1", "2027/28", 1), ("C1", "2028/29", 1), ("C2", nil, 1),
    ])
    #expect(report.violations.map(\.kind) == [.notReplaced])
    #expect(report.violations.first?.organisation == "Moray")
    #expect(report.violations.first?.period == nil)
    #expect(report.violations.first?.amount == 1)
}

@Test func entriesThatNameNothingAreViolations() throws {
    let verifier = try fixtureVerifier(fixture1)
    let report = verifier.verify([
        PlanEntry(device: "NOPE", period: 0, quantity: 1),
        PlanEntry(row: 99, period: 0, quantity: 1),
        PlanEntry(device: "A1", period: 7, quantity: 1),
        PlanEntry(device: "A1", period: 1, quantity: 0),
    ])
    #expect(report.violations.map(\.kind) == [.unknownDevice, .unknownDevice, .unknownPeriod, .invalidQuantity])
    #expect(report.violations[2].organisation == "Fife")
    #expect(report.violations[3].period == "2027/28")
}

@Test func moreUnitsThanTheRowHoldsIsAViolation() throws {
    let report = try fixtureVerifier(fixture1).verify([("A1", "2027/28", 1), ("A1", "2028/29", 1)])
    let over = violations(report, .overQuantity)
    #expect(over.count == 1)
    #expect(over.first?.organisation == "Fife")
    #expect(over.first?.amount == 1)
}

// MARK: Warnings

@Test func newerBeforeOlderIsOnlyAWarning() throws {
    let report = try fixtureVerifier(fixture1).verify([("A2", "2027/28", 1), ("A1", "2028/29", 1)])
    #expect(report.isValid, "\(report.violations)")
    #expect(report.warnings.map(\.kind) == [.newerBeforeOlder])
    #expect(report.warnings.first?.organisation == "Fife")
    #expect(report.warnings.first?.period == "2027/28")
    #expect(close(report.exposure, 22))
}

@Test func replacingAUnitNotAtRiskIsAWarningAndCosts() throws {
    let report = try fixtureVerifier(fixture1).verify([("B3", "2026/27", 1)])
    #expect(report.isValid)
    #expect(report.warnings.map(\.kind) == [.notAtRisk])
    #expect(close(report.nominalCost, 1000))
    #expect(close(report.exposure, 30))
}

@Test func aWrongStatedCostIsAWarning() throws {
    let verifier = try fixtureVerifier(fixture1)
    let report = verifier.verify([
        PlanEntry(device: "A1", period: 1, quantity: 1, cost: 1000),
        PlanEntry(device: "A2", period: 2, quantity: 1, cost: 1210),
    ])
    #expect(report.isValid)
    #expect(report.warnings.map(\.kind) == [.costMismatch])
    #expect(close(report.warnings.first?.amount ?? 0, 100))
}
