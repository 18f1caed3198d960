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

    @Option(name: .long, help: "Directory for the output files.")
    var out: String

    @Option(name: .long, help: "Wall-clock seconds for the whole run.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Relative gap tolerance.")
    var gap: Double = 1e-4

    @Option(name: .long, help: "Organisations solved at once (default: the number of cores).")
    var threads: Int?

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

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Show progress even when stderr is not a terminal (it is shown on a terminal anyway).")
    var progress = false

    @Flag(name: .long, help: "Also write DIR/report.html (as `phaseout report DIR` does).")
    var report = false

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be in [0, 1)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let whatIf, !(whatIf > 0 && whatIf.isFinite) { throw ValidationError("--what-if must be a positive amount of pounds") }
        if let whatIfTimeLimit, !(whatIfTimeLimit > 0 && whatIfTimeLimit.isFinite) {
            throw ValidationError("--what-if-time-limit must be a positive number of seconds")
        }
    }

    func run() throws {
        // The time limit covers the whole run, reading the inputs included (SPEC §4).
        let started = ContinuousClock.now
        let slice = try shard.map(parseShard)
        let (estate, run) = try loadRecordedEstate(inputs, timeLimit: timeLimit, gap: gap)
        if !quiet { for warning in estate.warnings { printError("warning: \(warning)") } }
        var options = PlanOptions()
        options.timeLimit = .milliseconds(Int64(timeLimit * 1000))
        options.startedAt = started
        options.relativeGap = gap
        if let threads { options.threads = threads }
        options.shard = slice
        options.whatIfAmount = whatIf
        options.whatIfTimeLimit = whatIfTimeLimit.map { .milliseconds(Int64($0 * 1000)) }
        options.progress = planProgress(quiet: quiet, asked: progress)
        let plan = Planner(options: options).planSynchronously(estate)
        try writePlan(plan, estate: estate, run: run, out: out, report: report, quiet: quiet)
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

