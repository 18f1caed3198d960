import ArgumentParser
import Foundation
import Phaseout

/// `phaseout plan REGISTER SCENARIO --out DIR`: the optimal replacement schedule.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the replacement schedule and write plan.csv, visits.csv and summary.json.",
        discussion: """
        Exit status: 0 optimal or feasible, 3 infeasible (shortfall in summary.json and \
        funded-plan.csv), 4 when some organisation is unknown (time ran out), 2 for bad input, \
        1 when the plan could not be written or the independent verifier rejected it (nothing is written). \
        With --shard, the same for the slice's organisations alone.

        Example:
          phaseout plan Examples/ScottishCouncils/register.csv Examples/ScottishCouncils/scenario.json --out plan-out --report
        """
    )

    @OptionGroup var inputs: InputFiles

    @OptionGroup var solve: SolveOptions

    @Option(name: .long, help: "Directory for the output files.")
    var out: String

    @Option(name: .long, help: ArgumentHelp(
        "Also re-plan each organisation once per period with this many more nominal pounds in that period's budget, and report what it buys (summary.json `whatIf`, report).",
        valueName: "AMOUNT"))
    var whatIf: Double?

    @Option(name: .long, help: "Wall-clock seconds shared by all --what-if re-plans (default: --time-limit again).")
    var whatIfTimeLimit: Double?

    @Option(name: .long, help: ArgumentHelp(
        "Plan only the K-th of N slices of the organisations (balanced by size) and write a shard folder for `phaseout merge`.",
        valueName: "K/N"))
    var shard: String?

    @Flag(name: .long, help: "Also write DIR/report.html (as `phaseout report DIR` does).")
    var report = false

    func validate() throws {
        if let whatIf, !(whatIf > 0 && whatIf.isFinite) { throw ValidationError("--what-if must be a positive amount of pounds") }
        if let whatIfTimeLimit, !(whatIfTimeLimit > 0 && whatIfTimeLimit.isFinite) {
            throw ValidationError("--what-if-time-limit must be a positive number of seconds")
        }
    }

    func run() throws {
        // The time limit covers the whole run, reading the inputs included (SPEC §4).
        let started = ContinuousClock.now
        let slice = try shard.map(parseShard)
        let (estate, run) = try loadRecordedEstate(inputs, timeLimit: solve.timeLimit, gap: solve.gap)
        if !solve.quiet { for warning in estate.warnings { printError("warning: \(warning)") } }
        var options = solve.planOptions(started: started)
        options.shard = slice
        options.whatIfAmount = whatIf
        options.whatIfTimeLimit = whatIfTimeLimit.map { .milliseconds(Int64($0 * 1000)) }
        let plan = Planner(options: options).planSynchronously(estate)
        try writePlan(plan, estate: estate, run: run, out: out, report: report, quiet: solve.quiet)
    }
}

/// `--shard K/N` as a ``Shard``; a bad one is bad input (exit 2), said before the inputs are read.
private func parseShard(_ text: String) throws -> Shard {
    do {
        return try Shard(parsing: text)
    } catch {
        printError("error: \(error)")
        throw ExitCode(2)
    }
}

