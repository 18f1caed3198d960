import ArgumentParser
import Phaseout

@main
struct PhaseoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phaseout",
        abstract: "Plan the phased replacement of high-risk surveillance devices.",
        subcommands: [Plan.self, Validate.self, Verify.self, Report.self, ExportModel.self, Generate.self]
    )
}
