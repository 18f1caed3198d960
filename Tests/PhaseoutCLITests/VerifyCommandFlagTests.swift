import Foundation
import Testing

private let inputs = fixture("1_exposure_inflation_carry_visit")

private func writePlan(_ text: String) throws -> String {
    let path = temporaryPath("verify-flags") + ".csv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

private func decode(_ stdout: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
}

private func isClose(_ value: Any?, _ expected: Double) -> Bool {
    guard let value = value as? Double else { return false }
    return abs(value - expected) <= 1e-6 * max(1, abs(expected))
}

@Test func verifyJSONHasTheRecomputedTotals() throws {
    let plan = try writePlan("device_id,period,quantity,cost\nA2,2028/29,1,1210\nA1,2027/28,1,1100\n")
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try runPhaseout(["verify", inputs.register, inputs.scenario, plan, "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    let object = try decode(run.stdout)
    #expect(object["valid"] as? Bool == true)
    #expect((object["violations"] as? [Any])?.isEmpty == true)
    #expect((object["warnings"] as? [Any])?.isEmpty == true)
    #expect(isClose(object["exposure"], 22))
    #expect(isClose(object["baselineExposure"], 30))
    #expect(isClose(object["nominalCost"], 3465))
    #expect(isClose(object["presentValueCost"], 2800.95))   // pence
    let organisations = try #require(object["organisations"] as? [[String: Any]])
    #expect(organisations.map { $0["name"] as? String } == ["Fife"])
    let periods = try #require(organisations.first?["periods"] as? [[String: Any]])
    #expect(periods.map { $0["label"] as? String } == ["2026/27", "2027/28", "2028/29"])
    #expect(isClose(periods[1]["spend"], 1650) && isClose(periods[1]["carryIn"], 600))
    #expect(periods[1]["units"] as? Int == 1)
    #expect(periods[1]["labourLimit"] == nil)
}

@Test func verifyJSONListsViolationsAndExitsOne() throws {
    let plan = try writePlan("device_id,period,quantity\nB1,2026/27,1\nA1,2027/28,1\nGHOST,2026/27,1\n")
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try runPhaseout(["verify", inputs.register, inputs.scenario, plan, "--json"])
    #expect(run.status == 1)
    let object = try decode(run.stdout)
    #expect(object["valid"] as? Bool == false)
    let violations = try #require(object["violations"] as? [[String: Any]])
    let ghost = try #require(violations.first { $0["kind"] as? String == "unknownDevice" })
    #expect(ghost["file"] as? String == plan)
    #expect(ghost["line"] as? Int == 4)
    #expect(isClose(ghost["amount"], 1))
    let budget = try #require(violations.first { $0["kind"] as? String == "carryOver" })
    #expect(budget["organisation"] as? String == "Fife")
    #expect(budget["period"] as? String == "2027/28")
    #expect(isClose(budget["amount"], 50))
    #expect((budget["text"] as? String)?.hasPrefix("Fife 2027/28: spend £1,650 exceeds") == true)
    // Violations still go to stderr, as without --json.
    #expect(run.stderr.contains("violation: \(plan):4: device \"GHOST\" is not in the register (amount 1)"))
}

@Test func verifyJSONHasWarnings() throws {
    // B3 is not at risk (Axis): replacing it is allowed but draws a warning.
    let plan = try writePlan("device_id,period,quantity\nA2,2028/29,1\nA1,2027/28,1\nB3,2028/29,1\n")
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try runPhaseout(["verify", inputs.register, inputs.scenario, plan, "--json"])
    let object = try decode(run.stdout)
    let warnings = try #require(object["warnings"] as? [[String: Any]])
    #expect(warnings.contains { $0["kind"] as? String == "notAtRisk" }, "\(run.stdout)")
}

@Test func verifyQuietPrintsOnlyViolations() throws {
    let good = try writePlan("device_id,period,quantity,cost\nA2,2028/29,1,1210\nA1,2027/28,1,1100\n")
    let bad = try writePlan("device_id,period,quantity\nB1,2026/27,1\nA1,2027/28,1\n")
    defer { for path in [good, bad] { try? FileManager.default.removeItem(atPath: path) } }
    let quiet = try runPhaseout(["verify", inputs.register, inputs.scenario, good, "--quiet"])
    #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    let broken = try runPhaseout(["verify", inputs.register, inputs.scenario, bad, "--quiet"])
    #expect(broken.status == 1 && broken.stdout.isEmpty)
    #expect(broken.stderr.contains("violation: Fife 2027/28: spend £1,650 exceeds the £1,600 available"))
}

@Test(arguments: [["--json"], ["--quiet"]])
func verifyFlagsKeepExitTwoForUnreadablePlans(flags: [String]) throws {
    let plan = try writePlan("device_id,quantity\nA1,1\n")
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try runPhaseout(["verify", inputs.register, inputs.scenario, plan] + flags)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: \(plan):1: the plan has no \"period\" column"))
}
