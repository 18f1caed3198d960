import ArgumentParser
import Foundation
import Phaseout

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// The two input files every planning command takes.
struct InputFiles: ParsableArguments {
    @Argument(help: "The device register (CSV).")
    var register: String

    @Argument(help: "The scenario (JSON).")
    var scenario: String
}

/// Loads and checks the inputs named on the command line (see ``loadEstate(register:scenario:)``).
func loadEstate(_ inputs: InputFiles) throws -> Estate {
    try loadEstate(register: inputs.register, scenario: inputs.scenario)
}

/// Loads and checks the inputs; on rejection prints every problem as
/// `error: FILE:LINE:COL: message` and exits 2 (SPEC §4).
func loadEstate(register: String, scenario: String) throws -> Estate {
    do {
        return try Estate.load(registerPath: register, scenarioPath: scenario)
    } catch {
        for diagnostic in error.diagnostics { printError("\(diagnostic.severity.rawValue): \(diagnostic)") }
        if error.omitted > 0 { printError("error: … and \(error.omitted) more") }
        throw ExitCode(2)
    }
}

/// Loads and checks the inputs as ``loadEstate(_:)`` does, reading each file once and recording
/// its SHA-256 with the options that change the result (summary.json `run`).
func loadRecordedEstate(_ inputs: InputFiles, timeLimit: Double?, gap: Double?) throws -> (Estate, RunRecord) {
    do {
        return try RunRecord.load(registerPath: inputs.register, scenarioPath: inputs.scenario, timeLimit: timeLimit, gap: gap)
    } catch {
        for diagnostic in error.diagnostics { printError("\(diagnostic.severity.rawValue): \(diagnostic)") }
        if error.omitted > 0 { printError("error: … and \(error.omitted) more") }
        throw ExitCode(2)
    }
}
