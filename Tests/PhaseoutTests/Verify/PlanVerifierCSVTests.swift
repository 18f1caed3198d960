import Foundation
import Testing
@testable import Phaseout

// plan.csv as a person might hand it back: columns reordered, rows reordered, batches split.

@Test func plannerShapedCSVVerifies() throws {
    let csv = """
        device_id,council,site_id,kind,vendor,period,quantity,cost,sensitivity,site_category,deadline
        A1,Fife,S1,camera,Hikvision,2027/28,1,1100,high,town-centre,
        A2,Fife,S1,camera,HIKVISION,2028/29,1,1210,high,town-centre,
        B1,Fife,S2,camera,Hik Vision,,1,0,standard,default,
        B2,Fife,S2,camera,Hikvision Digital Technology Co.,,1,0,standard,default,

        """
    let report = try fixtureVerifier(fixture1).verify(planCSV: csv, fileName: "plan.csv")
    #expect(report.violations.isEmpty && report.warnings.isEmpty, "\(report.violations + report.warnings)")
    #expect(abs(report.presentValueCost - 2800.946400) < 1e-6)
}

private let batchRegister = """
    device_id,council,site_id,kind,vendor,quantity,installed
    CAMS,Angus,S1,camera,Dahua,3,2014
    OLD,Angus,S2,camera,Dahua,1,2010
    """

private let batchScenario = """
    {
      "periods": ["P1", "P2"],
      "kinds": { "camera": {"replaceCost": 100} },
      "inflation": 0,
      "budgets": { "default": [300, 200] }
    }
    """

@Test func spreadsheetEditedPlanStillVerifies() throws {
    let verifier = try inlineVerifier(register: batchRegister, scenario: batchScenario)
    let csv = """
        Quantity , PERIOD,device_id
        1,p2,CAMS
        1,P1,OLD
        2,P1,CAMS

        """
    let report = try verifier.verify(planCSV: csv, fileName: "edited.csv")
    #expect(report.isValid, "\(report.violations)")
    #expect(close(report.nominalCost, 400))
    #expect(close(report.exposure, 2 * 0.5 + 1.5 + 0.5))
    #expect(report.organisation("angus")?.periods.map(\.units) == [3, 1])
}

@Test func badLinesAreViolationsWithTheirLine() throws {
    let verifier = try fixtureVerifier(fixture1)
    let csv = """
        device_id,period,quantity
        A1,2027/28,1
        GHOST,2027/28,1
        A2,2031/32,1
        B1,2026/27,0
        B2,2026/27,1.5
        A1,2028/29,1

        """
    let report = try verifier.verify(planCSV: csv, fileName: "plan.csv")
    let kinds = report.violations.map(\.kind)
    #expect(kinds.prefix(5) == [.unknownDevice, .unknownPeriod, .invalidQuantity, .invalidQuantity, .overQuantity])
    #expect(report.violations.prefix(5).map(\.line) == [3, 4, 5, 6, 7])
    #expect(report.violations.allSatisfy { $0.line == nil || $0.file == "plan.csv" })
    #expect(report.violations[1].organisation == "Fife")
    #expect(report.violations[3].period == "2026/27")
    #expect(report.violations[4].amount == 1)
    #expect(report.violations[0].description.hasPrefix("plan.csv:3: device \"GHOST\""))
}

@Test func listingMoreUnreplacedUnitsThanTheRowHoldsIsAViolation() throws {
    let verifier = try inlineVerifier(register: batchRegister, scenario: batchScenario)
    let report = try verifier.verify(planCSV: "device_id,period,quantity\nCAMS,P1,2\nCAMS,,2\n", fileName: "p.csv")
    #expect(report.violations.map(\.kind) == [.overQuantity])
    #expect(report.violations.first?.line == 3)
}

@Test func unusableTablesAreInputErrors() throws {
    let verifier = try fixtureVerifier(fixture1)
    #expect(throws: InputError.self) { try verifier.verify(planCSV: "device_id,quantity\nA1,1\n", fileName: "p.csv") }
    #expect(throws: InputError.self) { try verifier.verify(planCSV: "device_id,period,quantity\nA1,2027/28\n", fileName: "p.csv") }
    #expect(throws: InputError.self) { try verifier.verify(planCSV: "", fileName: "p.csv") }
    #expect(throws: InputError.self) { try verifier.verify(planCSVAt: "/nonexistent/plan.csv") }
}
