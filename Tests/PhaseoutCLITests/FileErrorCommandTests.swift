import Foundation
import Testing

// A file that cannot be read or written is named with the reason — no such file, is a
// directory, permission denied, not a regular file — never a bare "cannot read" and never a
// Foundation error domain (issue #24).

private let inputs = fixture("1_exposure_inflation_carry_visit")

/// A folder holding a directory, a FIFO and a plain file, for the cases below.
private func makeFolder() throws -> String {
    let folder = temporaryPath("file-errors")
    try FileManager.default.createDirectory(atPath: folder + "/a-directory", withIntermediateDirectories: true)
    #expect(mkfifo(folder + "/a-fifo", 0o600) == 0)
    try "x".write(toFile: folder + "/a-file", atomically: true, encoding: .utf8)
    return folder
}

/// Asserts exit 2 (or `status`) and that stderr holds `expected` and no Foundation jargon.
private func expectFailure(_ run: CommandRun, _ expected: String, status: Int32 = 2,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status == status, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.contains(expected), "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("error 512")
            && !run.stderr.contains("couldn’t be completed"), "\(run.stderr)", sourceLocation: sourceLocation)
}

@Test func unreadableRegistersSayWhy() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cases = [("/no/such/register.csv", "no such file"), (folder + "/a-directory", "is a directory"),
                 (folder + "/a-fifo", "not a regular file (a FIFO)"), (folder + "/a-file/x.csv", "a part of the path is not a directory")]
    for (path, reason) in cases {
        let run = try runPhaseout(["validate", path, inputs.scenario])
        expectFailure(run, "error: \(path): cannot read the register file: \(reason)")
    }
    let scenario = try runPhaseout(["validate", inputs.register, folder + "/a-fifo"])
    expectFailure(scenario, "error: \(folder)/a-fifo: cannot read the scenario file: not a regular file (a FIFO)")
}

@Test(.enabled(if: geteuid() != 0, "root reads every file: no permission can be denied"))
func anUnreadableScenarioSaysPermissionDenied() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/scenario.json"
    try FileManager.default.copyItem(atPath: inputs.scenario, toPath: path)
    chmod(path, 0)
    expectFailure(try runPhaseout(["validate", inputs.register, path]), "cannot read the scenario file: permission denied")
}

@Test func planUnderAFileSaysWhichPartIsNotADirectory() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", folder + "/a-file/sub", "--quiet"])
    expectFailure(run, "\(folder)/a-file: is not a directory", status: 1)
}

@Test func verifyAndReportSayWhyTheyCannotRead() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    expectFailure(try runPhaseout(["verify", inputs.register, inputs.scenario, folder + "/a-directory"]),
                  "\(folder)/a-directory: cannot read the plan file: is a directory")
    expectFailure(try runPhaseout(["verify", inputs.register, inputs.scenario, folder + "/a-fifo"]),
                  "cannot read the plan file: not a regular file (a FIFO)")
    expectFailure(try runPhaseout(["report", folder + "/a-directory"]),
                  "\(folder)/a-directory/summary.json: no such file")
}
