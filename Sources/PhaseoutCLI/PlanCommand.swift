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
        1 when the plan could not be written or the independent verifier rejected it (nothing is written).

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
        let (estate, run) = try loadRecordedEstate(inputs, timeLimit: timeLimit, gap: gap)
        if !quiet { for warning in estate.warnings { printError("warning: \(warning)") } }
        var options = PlanOptions()
        options.timeLimit = .milliseconds(Int64(timeLimit * 1000))
        options.startedAt = started
        options.relativeGap = gap
        if let threads { options.threads = threads }
        options.whatIfAmount = whatIf
        options.whatIfTimeLimit = whatIfTimeLimit.map { .milliseconds(Int64($0 * 1000)) }
        options.progress = planProgress(quiet: quiet, asked: progress)
        let plan = Planner(options: options).planSynchronously(estate)
        let verified: VerifiedPlan
        do {
            verified = try plan.verified(against: estate)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        do {
            try PlanWriter(estate: estate, run: run).write(verified, to: URL(fileURLWithPath: out))
        } catch {
            printError("error: \(out): could not write the plan: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        if report {
            do {
                let written = try ReportWriter().write(planDirectory: URL(fileURLWithPath: out))
                if !quiet { printError("report → \(written.path)") }
            } catch {
                printError("error: could not write the report: \(error)")
                throw ExitCode(1)
            }
        }
        if !quiet {
            printError(String(format: "%@: exposure %.4f of %.4f risk-years, nominal £%.2f, PV £%.2f, gap %.2e → %@",
                              plan.status.rawValue, plan.exposure, plan.baselineExposure, plan.nominalCost,
                              plan.presentValueCost, plan.gap, out))
            let counts = plan.statusCounts
            if plan.organisations.count > 1 || counts[.optimal] != plan.organisations.count {
                printError("organisations: " + [PlanStatus.optimal, .feasible, .infeasible, .unknown]
                    .compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }.joined(separator: ", "))
            }
            for organisation in plan.organisations where organisation.lateUnits > 0 {
                printError(String(format: "%@: best effort misses deadlines: %d late %@, late risk-years %.6g",
                                  organisation.name, organisation.lateUnits, organisation.lateUnits == 1 ? "unit" : "units",
                                  organisation.lateRiskYears))
            }
            for organisation in plan.organisations {
                guard let shortfall = organisation.shortfall else { continue }
                if let reason = shortfall.structuralReason {
                    printError("\(organisation.name): infeasible, structural: \(reason)")
                } else {
                    printError("\(organisation.name): infeasible; short of £\(shortfall.totalMoney) \(shortfall.money) and \(shortfall.totalHours) h \(shortfall.hours)"
                               + (shortfall.caveat.map { " (\($0))" } ?? ""))
                }
            }
        }
        switch plan.status {
        case .optimal, .feasible: return
        case .infeasible: throw ExitCode(3)
        case .unknown: throw ExitCode(4)
        }
    }
}

