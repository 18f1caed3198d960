import ArgumentParser
import Foundation
import Phaseout

/// `phaseout export-model REGISTER SCENARIO --format lp|mps --out PATH`: the planner's exact
/// MILP per organisation, for another solver.
struct ExportModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write each organisation's exact planning MILP as LP or MPS.",
        discussion: """
            The model is the plain form of the one the planner solves first (no pooling of sites and \
            no branching totals, which change its size but not its optimum), with its primary objective \
            (exposure, or present-value cost for the cost objective). Neither format holds the \
            objective's constant; a leading comment in each file gives it: the organisation's value \
            is the model's optimum plus that constant.

            PATH is a directory (created if missing) that receives one file per organisation, \
            NAME.lp or NAME.mps; with --organisation, or for an estate of one organisation, it may \
            be the file itself.

            Exit status: 0 when every model is written, 2 when the inputs are rejected (every \
            problem listed as `error: FILE:LINE:COL: message`), 1 when a model cannot be written or \
            --organisation names no organisation of the estate.

            Example:
              phaseout export-model register.csv scenario.json --format mps --out models
              phaseout export-model register.csv scenario.json --format lp --organisation Fife --out fife.lp
            """
    )

    @OptionGroup var inputs: InputFiles

    @Option(help: "lp (lp_solve's LP dialect) or mps (free MPS).")
    var format: ModelExporter.Format

    @Option(help: "A directory for one file per organisation, or a file for one organisation.")
    var out: String

    @Option(help: "Export only this organisation (case-insensitive).")
    var organisation: String?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let estate = try loadEstate(inputs)
        let written: [URL]
        do {
            written = try ModelExporter(estate: estate).write(format: format, to: URL(fileURLWithPath: out), organisation: organisation)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        if !quiet {
            printError("wrote \(written.count) \(written.count == 1 ? "model" : "models"): "
                + (written.count == 1 ? written[0].path : "\(out)/"))
        }
    }
}

extension ModelExporter.Format: ExpressibleByArgument {}
