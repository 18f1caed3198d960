import ArgumentParser
import Foundation
import Phaseout

/// The options every solving command shares (`plan`, `goal`, `frontier`): the time limit, the
/// gap, the threads and how much is printed.
struct SolveOptions: ParsableArguments {
    @Option(name: .long, help: "Wall-clock seconds for the whole run.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Relative gap tolerance.")
    var gap: Double = 1e-4

    @Option(name: .long, help: "Organisations solved at once (default: the number of cores).")
    var threads: Int?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Show progress even when stderr is not a terminal (it is shown on a terminal anyway).")
    var progress = false

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be in [0, 1)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The planner's options for a run whose clock started at `started`, with progress lines.
    func planOptions(started: ContinuousClock.Instant) -> PlanOptions {
        var options = PlanOptions()
        options.timeLimit = .milliseconds(Int64(timeLimit * 1000))
        options.startedAt = started
        options.relativeGap = gap
        if let threads { options.threads = threads }
        options.progress = planProgress(quiet: quiet, asked: progress)
        return options
    }
}
