import ArgumentParser
import Foundation
import Phaseout

/// `phaseout goal REGISTER SCENARIO --out DIR`: the least budget that meets a target (SPEC §2.6).
struct GoalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal",
        abstract: "Find each organisation's least budget scale for a target; write goal.csv and the plan at those budgets.",
        discussion: """
        For every organisation, the least s such that its budgets multiplied by s (carry-over rules \
        unchanged) admit a plan that keeps every rule and meets the target: `deadlines` (every \
        deadline met, and under `cost` every at-risk unit gone) or `exposure-reduction:P` (exposure \
        at most (1 − P) of the baseline, deadlines still met). s is found by one mixed-integer model \
        per organisation, to the relative gap, and reported rounded up to 4 decimals.

        Writes DIR/goal.csv (council, status, scale, extra, the budget per period at that scale in \
        whole pounds, reason; a total row last) and DIR/plan.csv, visits.csv and summary.json: one \
        plan in which each organisation that reaches the target keeps its scaled budgets; the units \
        of structural organisations (no scale reaches the target: labour, locks, ordering, or no \
        budget in the periods that need money) stand untreated. Check it with \
        `phaseout verify REGISTER SCENARIO DIR/plan.csv --goal DIR/goal.csv`.

        Exit status: 0, or 4 when the time ran out for some organisation (status unknown); 2 for \
        bad input; 1 when the files could not be written or the verifier rejected the plan.

        Example:
          phaseout goal Examples/ScottishCouncils/register.csv Examples/ScottishCouncils/scenario.json --out goal-out
        """
    )

    @OptionGroup var inputs: InputFiles

    @OptionGroup var solve: SolveOptions

    @Option(name: .long, help: "Directory for the output files.")
    var out: String

    @Option(name: .long, help: ArgumentHelp("deadlines, or exposure-reduction:P with 0 < P < 1.", valueName: "target"))
    var target: String = "deadlines"

    @Flag(name: .long, help: "Also write DIR/report.html (as `phaseout report DIR` does).")
    var report = false

    func validate() throws {
        do { _ = try GoalTarget(parsing: target) } catch { throw ValidationError("--target: \(error)") }
    }

    func run() throws {
        let started = ContinuousClock.now
        let goalTarget = try GoalTarget(parsing: target)
        var (estate, record) = try loadRecordedEstate(inputs, timeLimit: solve.timeLimit, gap: solve.gap)
        record.target = goalTarget.description
        if !solve.quiet { for warning in estate.warnings { printError("warning: \(warning)") } }
        let options = solve.planOptions(started: started)
        var seeker = GoalSeeker(target: goalTarget, options: options)
        let show = showsProgress(quiet: solve.quiet, asked: solve.progress)
        seeker.progress = { goal, done, count in
            if show { printError("scale \(done)/\(count): \(Self.describe(goal))") }
        }
        let run = seeker.seekSynchronously(estate)
        try write(run, record: record)
        if !solve.quiet {
            for goal in run.organisations { printError(Self.describe(goal)) }
            printError("goal (\(goalTarget)) → \(out)")
        }
        if run.hasUnknown { throw ExitCode(4) }
    }

    /// Writes goal.csv with the plan's files as one set, once the verifier has accepted the plan
    /// at the scaled budgets.
    private func write(_ run: GoalRun, record: RunRecord) throws {
        let verified: VerifiedPlan
        do {
            verified = try run.plan.verified(against: run.estate)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        let table = GoalTable.csv(run, periods: run.estate.scenario.periods)
        do {
            try PlanWriter(estate: run.estate, run: record)
                .write(verified, to: URL(fileURLWithPath: out), adding: [(GoalTable.fileName, Data(table.utf8))])
        } catch {
            printError("error: \(out): could not write the goal run: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        if report { _ = try writeReport(planDirectory: out) }
    }

    /// One line per organisation: its scale and budgets, or why it has none.
    static func describe(_ goal: OrganisationGoal) -> String {
        guard let scale = goal.scale, let budgets = goal.budgets else {
            return "\(goal.name): \(goal.status.rawValue)" + (goal.reason.map { ": \($0)" } ?? "")
        }
        let gapText = goal.status == .feasible ? String(format: " (gap %.2e)", goal.gap ?? 0) : ""
        return "\(goal.name): scale \(String(format: "%.4f", scale))\(gapText), budgets "
            + budgets.map { "£\($0)" }.joined(separator: " / ")
    }
}
