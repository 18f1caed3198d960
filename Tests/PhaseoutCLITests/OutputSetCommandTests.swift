import Foundation
import Testing

// A plan folder always holds the files of one run: a re-plan removes what the previous run
// wrote and this one does not, and a run killed at any moment leaves the previous set or the
// new one, never a mix (issue #24, docs/outputs.md).

private let outputNames = ["plan.csv", "visits.csv", "summary.json", "funded-plan.csv", "funded-visits.csv", "report.html"]

/// The outputs in `folder`, by name.
private func outputs(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for name in outputNames { files[name] = FileManager.default.contents(atPath: folder + "/" + name) }
    return files
}

@Test func replanRemovesTheOldReportAndFundedFiles() throws {
    let hostile = try writeHostileInputs()
    defer { try? FileManager.default.removeItem(atPath: hostile.folder) }
    let out = hostile.folder + "/out"
    _ = try runPhaseout(["plan", hostile.register, hostile.scenario, "--out", out, "--quiet", "--report"])
    #expect(Set(outputs(out).keys) == Set(outputNames))
    let inputs = fixture("1_exposure_inflation_carry_visit")
    let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", out, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Set(outputs(out).keys) == ["plan.csv", "visits.csv", "summary.json"])
    let siblings = try FileManager.default.contentsOfDirectory(atPath: hostile.folder)
    #expect(Set(siblings) == ["register.csv", "scenario.json", "out"], "\(siblings)")
}

@Test func otherFilesInThePlanFolderAreKept() throws {
    let folder = temporaryPath("keep")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "mine".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
    let inputs = fixture("1_exposure_inflation_carry_visit")
    #expect(try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", folder, "--quiet", "--report"]).status == 0)
    #expect(try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", folder, "--quiet"]).status == 0)
    #expect(try String(contentsOfFile: folder + "/notes.txt", encoding: .utf8) == "mine")
    #expect(Set(outputs(folder).keys) == ["plan.csv", "visits.csv", "summary.json"])
}

@Test func killingPlanAtRandomMomentsNeverLeavesAMix() throws {
    let hostile = try writeHostileInputs()
    defer { try? FileManager.default.removeItem(atPath: hostile.folder) }
    let small = fixture("1_exposure_inflation_carry_visit")
    let runs = [(small.register, small.scenario), (hostile.register, hostile.scenario)]
    // The complete set of each run, as a reference.
    var sets: [[String: Data]] = []
    for (k, (register, scenario)) in runs.enumerated() {
        let reference = hostile.folder + "/reference\(k)"
        _ = try runPhaseout(["plan", register, scenario, "--out", reference, "--quiet"])
        sets.append(outputs(reference))
    }
    #expect(sets[0] != sets[1] && sets[0]["plan.csv"] != nil && sets[1]["funded-plan.csv"] != nil)

    let out = hostile.folder + "/out"
    _ = try runPhaseout(["plan", runs[0].0, runs[0].1, "--out", out, "--quiet"])
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("phaseout")
    var generator = SystemRandomNumberGenerator()
    for k in 0..<100 {
        let (register, scenario) = runs[k % 2]
        let process = Process()
        process.executableURL = binary
        process.arguments = ["plan", register, scenario, "--out", out, "--quiet"]
        // Half the runs pause 8 ms after each staged file and before the swap (a test hook),
        // so that kills land between the writes and the swap.
        if k % 4 < 2 { process.environment = ["PHASEOUT_OUTPUT_PAUSE_MS": "8"] }
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32.random(in: 0...(k % 4 < 2 ? 70_000 : 40_000), using: &generator))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let now = outputs(out)
        #expect(now == sets[0] || now == sets[1], "run \(k): a mix of \(now.keys.sorted())")
        let strays = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".tmp") }
        #expect(strays.isEmpty, "run \(k): \(strays)")
    }
}
