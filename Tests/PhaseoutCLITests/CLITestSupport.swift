import Foundation
import TestSupport

/// What a run of the built `phaseout` executable printed and how it ended.
struct CommandRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the `phaseout` executable built next to the test bundle.
func runPhaseout(_ arguments: [String]) throws -> CommandRun {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("phaseout")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read both pipes concurrently so that a full stderr pipe cannot block the child.
    let errorData = LockedData()
    let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return CommandRun(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: errorData.value, as: UTF8.self))
}

/// The worked examples shipped with the tests.
func fixture(_ name: String) -> (register: String, scenario: String) { Fixtures.spec(name) }

/// A fresh temporary directory path (not created).
func temporaryPath(_ prefix: String) -> String { Fixtures.temporaryPath(prefix) }
