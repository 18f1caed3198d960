import ArgumentParser
import Foundation
import Phaseout

/// `phaseout merge REGISTER SCENARIO DIR… --out DIR`: joins the folders of `plan --shard K/N`
/// runs into the files one run over every organisation would write.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shard folders of `plan --shard K/N` runs into one plan folder.",
        discussion: """
        Every shard 1…N must be given once, finished, and planned from these register and \
        scenario files by this version with the same options; anything else is an error naming \
        the folder, and nothing is written. The merged files are those one run writes whenever \
        each organisation's answer did not depend on its share of time (every organisation proven).

        Exit status: as `plan` gives for the merged plan (0, 3 infeasible, 4 unknown); 2 for bad \
        input or a missing, unfinished, duplicated or mismatched shard; 1 when the plan could not \
        be written or the independent verifier rejected it.

        Example:
          phaseout merge register.csv scenario.json shards/1 shards/2 shards/3 --out plan-out
        """
    )

    @OptionGroup var inputs: InputFiles

    @Argument(help: "The shard folders, in any order.")
    var shards: [String]

    @Option(name: .long, help: "Directory for the merged output files.")
    var out: String

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Also write DIR/report.html (as `phaseout report DIR` does).")
    var report = false

    func run() throws {
        let (estate, inputRecord) = try loadRecordedEstate(inputs, timeLimit: nil, gap: nil)
        let merged: (plan: Plan, run: RunRecord)
        do {
            merged = try ShardMerge(estate: estate, inputs: inputRecord).merge(folders: shards)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        try writePlan(merged.plan, estate: estate, run: merged.run, out: out, report: report, quiet: quiet)
    }
}
