import Foundation
import Testing

/// `phaseout frontier` on SPEC fixture 5: a plan folder per scale, frontier.csv and
/// frontier.html, each point's plan checked by `verify --budget-scale`.
@Suite("phaseout frontier")
struct FrontierCommandTests {
    @Test func writesAPlanFolderPerScaleAndTheCurve() throws {
        let inputs = fixture("5_goal_least_budget")
        let out = temporaryPath("frontier")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPhaseout(["frontier", inputs.register, inputs.scenario, "--out", out, "--scales", "2,1"])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOfFile: out + "/frontier.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 2 * 4)
        #expect(lines.filter { $0.contains(",all,") }.map { $0.split(separator: ",").first.map(String.init) } == ["1", "2"])
        let html = try String(contentsOfFile: out + "/frontier.html", encoding: .utf8)
        #expect(html.contains("<polyline class=\"curve\""))
        #expect(html.contains("data-council=\"Shetland\""))
        for (scale, expected) in [("1", 3), ("2", 3)] {
            let folder = out + "/scale-\(scale)"
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))) as! [String: Any]
            let exposure = try #require(summary["exposure"] as? Double)
            let row = try #require(lines.first { $0.hasPrefix("\(scale),all,") })
            #expect(Double(row.split(separator: ",")[3]) == exposure, "\(row) vs \(exposure)")
            #expect((summary["run"] as? [String: Any])?["budgetScale"] as? Double == Double(scale))
            // Orkney's labour keeps it late at every scale: its best effort only misses deadlines.
            let verify = try runPhaseout(["verify", inputs.register, inputs.scenario, folder + "/plan.csv", "--budget-scale", scale])
            #expect(verify.status == Int32(expected), "×\(scale): \(verify.stderr)")
            #expect(!verify.stderr.contains("exceeds"), "×\(scale): \(verify.stderr)")
        }
    }

    @Test func rejectsAScaleThatIsNotANumber() throws {
        let inputs = fixture("5_goal_least_budget")
        let run = try runPhaseout(["frontier", inputs.register, inputs.scenario, "--out", temporaryPath("frontier-bad"), "--scales", "1,lots"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("'lots' is not a budget scale"), "\(run.stderr)")
    }
}
