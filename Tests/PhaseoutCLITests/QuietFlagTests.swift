import Foundation
import Testing

@Test func generateQuietWritesTheFilesSilently() throws {
    let dir = temporaryPath("generate-quiet")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let run = try runPhaseout(["generate", "--devices", "50", "--councils", "2", "--seed", "3", "--out", dir, "--quiet"])
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty && run.stderr.isEmpty)
    #expect(FileManager.default.fileExists(atPath: dir + "/register.csv"))
    #expect(FileManager.default.fileExists(atPath: dir + "/scenario.json"))
}

@Test func generateReportsAnUnwritableDirectoryWithExitOne() throws {
    let blocker = temporaryPath("generate-blocker")
    try "not a directory".write(toFile: blocker, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: blocker) }
    let run = try runPhaseout(["generate", "--devices", "50", "--councils", "2", "--seed", "3", "--out", blocker + "/estate", "--quiet"])
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("error: \(blocker)/estate: could not write the estate: "))
}

@Test func reportQuietPrintsNothing() throws {
    let inputs = fixture("1_exposure_inflation_carry_visit")
    let dir = temporaryPath("report-quiet")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let planned = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", dir, "--quiet"])
    #expect(planned.status == 0, "\(planned.stderr)")
    let run = try runPhaseout(["report", dir, "--quiet"])
    #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty)
    #expect(FileManager.default.fileExists(atPath: dir + "/report.html"))
    // A malformed plan.csv is named with its line, compiler-style.
    try "device_id,period\nA1\n".write(toFile: dir + "/plan.csv", atomically: true, encoding: .utf8)
    let malformed = try runPhaseout(["report", dir, "--quiet"])
    #expect(malformed.status == 2)
    #expect(malformed.stderr == "error: \(dir)/plan.csv:1: no \"council\" column\n")
    let missing = try runPhaseout(["report", dir + "/nothing-here", "--quiet"])
    #expect(missing.status == 2)
    #expect(missing.stderr.hasPrefix("error: "))
}
