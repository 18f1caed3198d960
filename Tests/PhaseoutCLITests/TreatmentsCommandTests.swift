import Foundation
import Testing

/// SPEC v2 fixture 4 through the command line: plan, then verify the plan it wrote.
@Suite("phaseout plan with treatments")
struct TreatmentsCommandTests {
    @Test func plansFixtureFourAsExpectedAndItVerifies() throws {
        let inputs = fixture("4_treatments_isolate_remove")
        let out = temporaryPath("treatments")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try String(contentsOfFile: out + "/plan.csv", encoding: .utf8)
        let rows = plan.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).prefix(9).joined(separator: ",")
        }
        #expect(rows == [
            "K1,Angus,K,camera,Hikvision,2026/27,isolate,1,20",
            "K1,Angus,K,camera,Hikvision,2027/28,replace,1,200",
            "L1,Angus,L,camera,Hikvision,2026/27,isolate,1,20",
            "L1,Angus,L,camera,Hikvision,2027/28,replace,1,200",
            "D1,Angus,B,camera,Hikvision,2027/28,remove,1,30",
            "R1,Angus,A,recorder,Hikvision,2028/29,replace,1,600",
            "C1,Angus,A,camera,Hikvision,2027/28,isolate,1,20",
        ])
        #expect(plan.contains("L1,Angus,L,camera,Hikvision,2026/27,isolate,1,20,low,default,2014,no,,2026/27\n"))
        let visits = try String(contentsOfFile: out + "/visits.csv", encoding: .utf8)
        #expect(visits == "council,site_id,period,cost\nAngus,A,2027/28,100\nAngus,A,2028/29,100\n")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        #expect(summary["status"] as? String == "optimal")
        #expect(summary["exposure"] as? Double == 19.75)
        #expect(summary["bound"] as? Double == 19.75)
        #expect(summary["nominalCost"] as? Double == 1290)
        #expect(summary["presentValueCost"] as? Double == 1203.97)
        let angus = try #require((summary["organisations"] as? [[String: Any]])?.first)
        let periods = try #require(angus["periods"] as? [[String: Any]])
        #expect(periods.map { $0["units"] as? Int } == [0, 3, 1])
        #expect(periods.map { $0["isolated"] as? Int } == [2, 1, 0])
        #expect(angus["lateUnits"] as? Int == 0 && angus["lateRiskYears"] as? Double == 0)
        let verify = try runPhaseout(["verify", inputs.register, inputs.scenario, out + "/plan.csv"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
