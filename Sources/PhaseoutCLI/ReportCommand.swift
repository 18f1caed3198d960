import ArgumentParser
import Foundation
import Phaseout

/// `phaseout report DIR`: a self-contained HTML page explaining a plan directory.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write DIR/report.html from a plan directory's summary.json and plan.csv.",
        discussion: """
            Reads DIR/summary.json and DIR/plan.csv (and visits.csv, funded-plan.csv, \
            funded-visits.csv, goal.csv and frontier.csv when present) and writes one self-contained \
            page for a committee — the headline in words, each infeasible council's best-effort and \
            funded plans side by side, the least budget and the frontier when the folder has them, \
            each council's figures and site-by-year works schedule, the vendors treated as not \
            high-risk, and a glossary — with inline charts and no external resources, ready to print.

            Exit status: 0 when the report is written, 2 when a plan file is missing or malformed, \
            1 when the report cannot be written.

            Example:
              phaseout plan register.csv scenario.json --out out
              phaseout report out
            """
    )

    @Argument(help: "The plan directory written by `phaseout plan --out DIR`.")
    var directory: String

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let written = try writeReport(planDirectory: directory)
        if !quiet { printError("report → \(written.path)") }
    }
}

/// Writes DIR/report.html; on failure prints the problem and exits 2 (unreadable plan) or 1.
func writeReport(planDirectory: String) throws -> URL {
    let directory = URL(fileURLWithPath: planDirectory)
    do {
        return try ReportWriter().write(planDirectory: directory)
    } catch {
        printError("error: \(located(error))")
        let unwritable = error.path.hasSuffix(ReportWriter.fileName)
        throw ExitCode(unwritable ? 1 : 2)
    }
}

/// The report's error as `FILE:LINE: message` when its message starts with "line N: ", else
/// `FILE: message` — the compiler-style location the other commands print.
func located(_ error: ReportError) -> String {
    let prefix = "line "
    guard error.message.hasPrefix(prefix),
          let colon = error.message.firstIndex(of: ":"),
          let line = Int(error.message[error.message.index(error.message.startIndex, offsetBy: prefix.count)..<colon])
    else { return error.description }
    let rest = error.message[error.message.index(after: colon)...].drop { $0 == " " }
    return "\(error.path):\(line): \(rest)"
}
