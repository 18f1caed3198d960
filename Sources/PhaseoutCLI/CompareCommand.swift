import ArgumentParser
import Foundation
import Phaseout

/// `phaseout compare DIR… --out FILE.html`: plan folders side by side on one page.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Write one page that sets plan folders side by side.",
        discussion: """
            Reads each DIR's summary.json and plan.csv (and visits.csv, funded-plan.csv and \
            funded-visits.csv when present) — any folder `plan`, `goal` or `frontier` writes for \
            one plan — and writes one self-contained page: headline figures, per organisation, per \
            period, and the spend, progress and exposure charts overlaid. Each column is labelled by \
            its folder's name; every figure shows its difference from the first DIR (the baseline), \
            and organisations whose status differs are flagged. Folders that cover different \
            periods or organisations are compared by name, with a note on the page.

            Exit status: 0 when the page is written, 2 when a plan file is missing or malformed \
            (the message names it), 1 when the page cannot be written.

            Example:
              phaseout plan register.csv low.json --out low
              phaseout plan register.csv high.json --out high
              phaseout compare low high --out compare.html
            """
    )

    @Argument(help: "Two or more plan folders, the baseline first.")
    var directories: [String] = []

    @Option(name: .long, help: "The page to write (HTML).")
    var out: String

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard directories.count >= 2 else { throw ValidationError("give at least two plan folders to compare") }
    }

    func run() throws {
        let file = URL(fileURLWithPath: out)
        let input: ComparisonInput
        do {
            input = try ComparisonWriter().write(planDirectories: directories.map { URL(fileURLWithPath: $0) }, to: file)
        } catch {
            printError("error: \(located(error))")
            throw ExitCode(error.path == file.path ? 1 : 2)
        }
        guard !quiet else { return }
        for difference in input.differences { printError("note: \(difference)") }
        printError("compare → \(file.path)")
    }
}
