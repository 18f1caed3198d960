import Foundation
import Testing

/// Runs `phaseout verify` with `arguments`.
private func runVerify(_ arguments: [String]) throws -> CommandRun {
    try runPhaseout(["verify"] + arguments)
}

private let fixtureDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/spec/1_exposure_inflation_carry_visit")

private func writePlan(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

private var inputs: [String] {
    [fixtureDirectory.appendingPathComponent("register.csv").path, fixtureDirectory.appendingPathComponent("scenario.json").path]
}

@Test func verifyAcceptsTheExpectedPlan() throws {
    let plan = try writePlan("device_id,period,quantity,cost\nA2,2028/29,1,1210\nA1,2027/28,1,1100\n")
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try runVerify(inputs + [plan])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("exposure: 22\nbaselineExposure: 30\nnominalCost: 3465\npresentValueCost: 2800.9464\n"))
    #expect(run.stderr.isEmpty)
}

@Test func verifyListsViolationsAndExitsOne() throws {
    let plan = try writePlan("device_id,period,quantity\nB1,2026/27,1\nA1,2027/28,1\nGHOST,2026/27,1\n")
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try runVerify(inputs + [plan])
    #expect(run.status == 1)
    #expect(run.stderr.contains("violation: \(plan):4: device \"GHOST\" is not in the register (amount 1)"))
    #expect(run.stderr.contains("violation: Fife 2027/28: spend £1,650 exceeds the £1,600 available"))
}

@Test func verifyRejectsUnreadableInputsWithExitTwo() throws {
    let plan = try writePlan("device_id,quantity\nA1,1\n")
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try runVerify(inputs + [plan])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("error: \(plan):1: the plan has no \"period\" column"))
    let missing = try runVerify([inputs[0], "/nonexistent/scenario.json", plan])
    #expect(missing.status == 2)
}

@Test func verifyExitsThreeWhenABestEffortPlanOnlyMissesDeadlines() throws {
    // Fixture 3's best-effort plan: O3 is never replaced, everything else holds.
    let directory = fixtureDirectory.deletingLastPathComponent().appendingPathComponent("3_infeasible_shortfall")
    let plan = try writePlan("""
        device_id,period,treatment,quantity,cost,by
        O1,2026/27,replace,1,850,2027/28
        O2,2027/28,replace,1,881.45,2027/28
        O3,,,1,0,2027/28
        Z1,2026/27,replace,1,850,

        """)
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let files = [directory.appendingPathComponent("register.csv").path, directory.appendingPathComponent("scenario.json").path]
    let run = try runVerify(files + [plan])
    #expect(run.status == 3, "\(run.stderr)")
    #expect(run.stderr.contains("violation: \(plan):4: Orkney 2027/28: device O3: 1 unit due gone by 2027/28: 1 never gone (amount 1)"))
    #expect(run.stderr.contains("late risk-years L = 0.5"))
    #expect(run.stdout.contains("lateRiskYears: 0.5\n"))

    let json = try runVerify(files + [plan, "--json"])
    #expect(json.status == 3)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["verdict"] as? String == "missesDeadlines")
    #expect(object["exitCode"] as? Int == 3)
    #expect(object["lateRiskYears"] as? Double == 0.5)
    #expect(object["nominalCost"] as? Double == 2581.45)
    #expect(object["presentValueCost"] as? Double == 2478.26)
}

@Test func verifyAcceptsFixtureFoursPlanWithTreatments() throws {
    let directory = fixtureDirectory.deletingLastPathComponent().appendingPathComponent("4_treatments_isolate_remove")
    let plan = try writePlan("""
        device_id,council,site_id,kind,vendor,period,treatment,quantity,cost
        K1,Angus,K,camera,Hikvision,2026/27,isolate,1,20
        K1,Angus,K,camera,Hikvision,2027/28,replace,1,200
        L1,Angus,L,camera,Hikvision,2026/27,isolate,1,20
        L1,Angus,L,camera,Hikvision,2027/28,replace,1,200
        D1,Angus,B,camera,Hikvision,2027/28,remove,1,30
        R1,Angus,A,recorder,Hikvision,2028/29,replace,1,600
        C1,Angus,A,camera,Hikvision,2027/28,isolate,1,20

        """)
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let files = [directory.appendingPathComponent("register.csv").path, directory.appendingPathComponent("scenario.json").path]
    let run = try runVerify(files + [plan])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("exposure: 19.75\nbaselineExposure: 43.5\nnominalCost: 1290\npresentValueCost: 1203.970179\nlateRiskYears: 0\n"))
}
