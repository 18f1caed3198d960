import Foundation
import Testing

private let inputs = fixture("1_exposure_inflation_carry_visit")

/// A copy of fixture 1's register with its first record cut short (two fields of eight).
private func brokenRegister() throws -> String {
    var lines = try String(contentsOfFile: inputs.register, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    lines[1] = "A1,BAD"
    let path = temporaryPath("validate-register") + ".csv"
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Test func validatePrintsTheSummaryAndWarnings() throws {
    let run = try runPhaseout(["validate", inputs.register, inputs.scenario])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Organisations: 1\nSites: 2\nUnits at risk: 4\n"))
    #expect(run.stderr == "warning: \(inputs.register):6:5: vendor \"Axis\" fell to the default weight 0 (1 unit)\n")
}

@Test func validateQuietPrintsNothingForGoodInputs() throws {
    let run = try runPhaseout(["validate", inputs.register, inputs.scenario, "--quiet"])
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.isEmpty)
}

@Test func validateJSONHasTheSummaryAndTheWarnings() throws {
    let run = try runPhaseout(["validate", inputs.register, inputs.scenario, "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let scenario = try #require(object["scenario"] as? [String: Any])
    #expect(scenario["objective"] as? String == "exposure")
    #expect(scenario["periods"] as? [String] == ["2026/27", "2027/28", "2028/29"])
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["organisations"] as? Int == 1)
    #expect(summary["sites"] as? Int == 2)
    #expect(summary["atRiskUnits"] as? Int == 4)
    #expect(summary["unitsSetAside"] as? Int == 1)
    #expect(summary["totalBudget"] as? Double == 4500)
    let byKind = try #require(summary["atRiskByKind"] as? [[String: Any]])
    #expect(byKind.count == 1 && byKind[0]["name"] as? String == "camera" && byKind[0]["units"] as? Int == 4)
    let warnings = try #require(object["warnings"] as? [[String: Any]])
    #expect(warnings.count == 1)
    #expect(warnings.first?["severity"] as? String == "warning")
    #expect(warnings.first?["line"] as? Int == 6)
    #expect(warnings.first?["column"] as? Int == 5)
    #expect(warnings.first?["field"] as? String == "vendor")
    // The warning still reaches stderr for a person; --quiet leaves only the JSON.
    #expect(run.stderr.hasPrefix("warning: "))
    let quiet = try runPhaseout(["validate", inputs.register, inputs.scenario, "--json", "--quiet"])
    #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout == run.stdout)
}

@Test(arguments: [[], ["--json"], ["--quiet"], ["--json", "--quiet"]])
func validateRejectsBadInputsWithExitTwo(flags: [String]) throws {
    let register = try brokenRegister()
    defer { try? FileManager.default.removeItem(atPath: register) }
    let run = try runPhaseout(["validate", register, inputs.scenario] + flags)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "error: \(register):2:3: the row has 2 fields but the header has 8\n")
}

@Test func validateReportsAMissingFileWithExitTwo() throws {
    let run = try runPhaseout(["validate", inputs.register, "/nonexistent/scenario.json", "--json"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: /nonexistent/scenario.json"))
}
