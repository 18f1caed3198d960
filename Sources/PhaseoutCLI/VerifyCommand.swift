import ArgumentParser
import Foundation
import Phaseout

/// `phaseout verify REGISTER SCENARIO PLAN`: recomputes a plan's figures from the inputs and
/// lists every violated constraint (SPEC §3).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a plan against its register and scenario; list every violated constraint.",
        discussion: """
            Recomputes weights, deadlines, costs, budgets with carry-over, labour and site visits from \
            the inputs alone, so that a plan edited in a spreadsheet can be checked before it becomes a \
            works order. Rows may come in any order and batches may be split over several rows.

            Violations and warnings go to stderr as `violation: ORGANISATION PERIOD: message (amount …)`; \
            the recomputed exposure, baseline, nominal and present-value cost, then one line per \
            organisation and period, go to stdout. With --json, stdout is one JSON object instead: \
            `valid`, `violations`, `warnings`, the recomputed totals and each organisation's periods. \
            With --quiet only violations and errors are printed (and the JSON with --json).

            With --shortfall SUMMARY, each infeasible organisation's shortfall in that summary.json \
            (written by `phaseout plan`) is added to its budgets and labour hours first: run it on \
            funded-plan.csv to confirm that the money and hours asked for suffice. With --goal GOAL.csv \
            (written by `phaseout goal`), the budgets in it replace the scenario's, for the \
            organisations that have them. With --budget-scale S every budget is multiplied by S first \
            (the plan of a `phaseout frontier` point, DIR/scale-S/plan.csv).

            Exit status: 0 when the plan keeps every constraint; 3 when it keeps budgets, labour, locks \
            and ordering but misses deadlines (each late unit is listed with its deadline, and the \
            plan's late risk-years L are printed) — what a best-effort plan looks like; 1 for any \
            other violation; 2 when an input cannot be read.

            Example:
              phaseout plan register.csv scenario.json --out out
              phaseout verify register.csv scenario.json out/plan.csv
              phaseout verify register.csv scenario.json edited-plan.csv --json > check.json
              phaseout verify register.csv scenario.json out/funded-plan.csv --shortfall out/summary.json
            """
    )

    @OptionGroup var inputs: InputFiles

    @Argument(help: "The plan to check (plan.csv: device_id, period, quantity; treatment and cost optional).")
    var plan: String

    @Option(name: .long, help: ArgumentHelp(
        "A summary.json whose shortfalls are added to the budgets and hours before checking.", valueName: "summary"))
    var shortfall: String?

    @Option(name: .long, help: ArgumentHelp(
        "A goal.csv whose budgets replace the scenario's before checking (a `phaseout goal` run's plan).", valueName: "goal.csv"))
    var goal: String?

    @Option(name: .long, help: ArgumentHelp(
        "Multiply every budget by this scale before checking (a `phaseout frontier` point's plan).", valueName: "scale"))
    var budgetScale: Double?

    @Flag(name: .long, help: "Print the violations, warnings and recomputed totals as JSON on stdout.")
    var json = false

    @Flag(name: .long, help: "Print nothing but violations and errors (and the JSON with --json).")
    var quiet = false

    func validate() throws {
        if let budgetScale, !(budgetScale >= 0 && budgetScale.isFinite) {
            throw ValidationError("--budget-scale must be a number of 0 or more")
        }
    }

    func run() throws {
        let estate = try loadEstate(inputs)
        let report: VerificationReport
        do {
            var verifier = PlanVerifier(estate: estate)
            if let budgetScale { verifier = verifier.scalingBudgets(by: budgetScale) }
            if let shortfall {
                verifier = verifier.funded(by: try ShortfallReader.read(path: shortfall, periodCount: estate.scenario.periodCount))
            }
            if let goal {
                verifier = verifier.budgeted(by: try GoalBudgetsReader.read(path: goal, periods: estate.scenario.periods))
                if let objective = GoalBudgetsReader.plannedObjective(besideGoalTableAt: goal) { verifier = verifier.planned(for: objective) }
            }
            report = try verifier.verify(planCSVAt: plan)
        } catch {
            for diagnostic in error.diagnostics { printError("\(diagnostic.severity.rawValue): \(diagnostic)") }
            if error.omitted > 0 { printError("error: … and \(error.omitted) more") }
            throw ExitCode(2)
        }
        for violation in report.violations { printError("violation: \(violation)") }
        if !quiet { for warning in report.warnings { printError("warning: \(warning)") } }
        if json {
            try printJSON(report)
        } else if !quiet {
            print(Self.format(report), terminator: "")
        }
        switch report.verdict {
        case .valid: return
        case .missesDeadlines:
            printError("\(report.lateUnits) late \(report.lateUnits == 1 ? "unit" : "units"), late risk-years L = \(Self.number(report.lateRiskYears)); "
                       + "budgets, labour, locks and ordering hold")
        case .invalid:
            printError("\(report.violations.count) \(report.violations.count == 1 ? "violation" : "violations")")
        }
        throw ExitCode(report.verdict.exitCode)
    }

    /// The recomputed totals, then one line per organisation and period.
    static func format(_ report: VerificationReport) -> String {
        var out = "exposure: \(number(report.exposure))\n"
        out += "baselineExposure: \(number(report.baselineExposure))\n"
        out += "nominalCost: \(number(report.nominalCost))\n"
        out += "presentValueCost: \(number(report.presentValueCost))\n"
        out += "lateRiskYears: \(number(report.lateRiskYears))\n"
        for organisation in report.organisations {
            for p in organisation.periods {
                out += "\(organisation.name) \(p.label): budget \(number(p.budget)), carry in \(number(p.carryIn)), "
                out += "spend \(number(p.spend)) (visits \(number(p.visitSpend))), carry out \(number(p.carryOut)), "
                out += "units \(p.units), isolated \(p.isolated), labour \(number(p.labourHours))"
                if let limit = p.labourLimit { out += " of \(number(limit))" }
                out += " h\n"
            }
        }
        return out
    }

    /// Rounded to 6 decimals, trailing zeros dropped.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
