import Foundation
import Testing

/// SPEC v2 fixture 5 through the command line: `goal` for both targets, then `verify --goal`.
@Suite("phaseout goal")
struct GoalCommandTests {
    /// goal.csv's rows without the header.
    static func rows(_ out: String) throws -> [String] {
        try String(contentsOfFile: out + "/goal.csv", encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
    }

    @Test func findsFixtureFiveLeastScalesForTheDeadlines() throws {
        let inputs = fixture("5_goal_least_budget")
        let out = temporaryPath("goal")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPhaseout(["goal", inputs.register, inputs.scenario, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let header = try String(contentsOfFile: out + "/goal.csv", encoding: .utf8).split(separator: "\n").first
        #expect(header == "council,status,scale,extra,budget 2026/27,budget 2027/28,reason")
        #expect(try Self.rows(out) == [
            "Fife,optimal,1.4734,948,1474,1474,",
            "Orkney,structural,,,,,\"labour: the labour hours cannot meet the target, whatever the money\"",
            "Shetland,optimal,0.0000,-2000,0,0,",
            "total,structural,,-1052,1474,1474,1 not reaching the target (Orkney) not counted",
        ])
        for file in ["plan.csv", "visits.csv", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file) missing")
        }
        // The plan keeps Fife's scaled budgets; only Orkney's untreated units miss their deadline.
        let verify = try runPhaseout(["verify", inputs.register, inputs.scenario, out + "/plan.csv", "--goal", out + "/goal.csv"])
        #expect(verify.status == 3, "\(verify.stderr)")
        #expect(!verify.stderr.contains("Fife"), "\(verify.stderr)")
        // Against the scenario's own budgets, Fife overspends: the goal's budgets are what make it valid.
        let unfunded = try runPhaseout(["verify", inputs.register, inputs.scenario, out + "/plan.csv"])
        #expect(unfunded.status == 1)
        #expect(unfunded.stderr.contains("Fife 2027/28: spend"))
    }

    @Test func findsFixtureFiveLeastScalesForHalfTheExposure() throws {
        let inputs = fixture("5_goal_least_budget")
        let out = temporaryPath("goal-exposure")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPhaseout(["goal", inputs.register, inputs.scenario, "--out", out, "--target", "exposure-reduction:0.5"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try Self.rows(out)
        #expect(rows.count == 4)
        #expect(rows.first == "Fife,optimal,1.7000,1400,1700,1700,")
        #expect(rows.dropFirst().first?.hasPrefix("Orkney,structural,,,,,\"labour") == true)
        #expect(rows.dropFirst(2).first == "Shetland,optimal,0.8500,-300,850,850,")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let record = try #require(summary["run"] as? [String: Any])
        #expect(record["target"] as? String == "exposure-reduction:0.5")
    }

    @Test func rejectsAnUnknownTarget() throws {
        let inputs = fixture("5_goal_least_budget")
        let run = try runPhaseout(["goal", inputs.register, inputs.scenario, "--out", temporaryPath("goal-bad"), "--target", "exposure-reduction:1.5"])
        #expect(run.status == 64 || run.status == 2, "\(run.status)")
        #expect(run.stderr.contains("0 < P < 1"), "\(run.stderr)")
    }

    @Test func verifyNamesAMalformedGoalTable() throws {
        let inputs = fixture("5_goal_least_budget")
        let table = temporaryPath("goal-table") + ".csv"
        defer { try? FileManager.default.removeItem(atPath: table) }
        try "council,status,scale,extra,budget 2026/27,reason\nFife,optimal,1.5,0,1500,\n".write(toFile: table, atomically: true, encoding: .utf8)
        let verify = try runPhaseout(["verify", inputs.register, inputs.scenario, inputs.register, "--goal", table])
        #expect(verify.status == 2)
        #expect(verify.stderr.contains("budget 2027/28"), "\(verify.stderr)")
    }
}
