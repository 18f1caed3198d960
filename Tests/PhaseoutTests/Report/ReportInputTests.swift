import Foundation
import Testing
import TestSupport
@testable import Phaseout

// The report reads v2 plan.csv files (treatment, by, isolatedBy) and v1 ones (no treatment, deadline).

private func planLines(_ text: String) throws -> [ReportInput.PlanLine] {
    let path = Fixtures.temporaryPath("report-plan") + ".csv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try ReportInput.readPlan(URL(fileURLWithPath: path), periods: ["P1", "P2"])
}

@Test func reportReadsTreatmentsAndBy() throws {
    let lines = try planLines("""
        device_id,council,site_id,kind,vendor,period,treatment,quantity,cost,by,isolatedBy
        K1,Angus,K,camera,Hikvision,P1,isolate,1,20,P2,P1
        K1,Angus,K,camera,Hikvision,P2,replace,1,200,P2,P1
        C1,Angus,A,camera,Hikvision,,,1,0,,

        """)
    #expect(lines.map(\.treatment) == [.isolate, .replace, nil])
    #expect(lines.map(\.deadline) == [1, 1, nil])
    #expect(lines.map(\.meetsDeadline) == [false, true, true])
    let tally = PlanTally(lines, periodCount: 2)
    #expect(tally.replaced == [0, 1] && tally.isolated == 1 && tally.cost == 220)
}

@Test func reportReadsAVersionOnePlan() throws {
    let lines = try planLines("""
        device_id,council,site_id,kind,vendor,period,quantity,cost,deadline
        A1,Fife,S1,camera,Hikvision,P2,1,1100,P1

        """)
    #expect(lines.map(\.treatment) == [.replace])
    #expect(lines.map(\.deadline) == [0])
    #expect(lines.first?.meetsDeadline == false)
}
