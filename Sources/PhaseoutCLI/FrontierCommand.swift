import ArgumentParser
import Foundation
import Phaseout

/// `phaseout frontier REGISTER SCENARIO --out DIR`: the plan at each budget scale (SPEC §4).
struct FrontierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontier",
        abstract: "Plan at each budget scale; write frontier.csv, frontier.html and one plan folder per scale.",
        discussion: """
        Multiplies every budget by each scale and plans again, from the least scale up, each \
        organisation starting from its plan at the scale below: a plan for a lower scale is a plan \
        for a higher one, so a planned organisation's exposure never rises with the scale. The \
        scales share --time-limit: scale 1 (the budgets as given) two fifths, the others equal \
        parts of the rest.

        Writes DIR/scale-<s>/ (plan.csv, visits.csv, summary.json, as `plan` writes them, at that \
        scale's budgets), then DIR/frontier.csv (scale, council, budget, exposure, bound, \
        nominalCost, presentValueCost, units, isolated, lateRiskYears, status; a row `all` per \
        scale) and DIR/frontier.html (the exposure-against-money curve and one small chart per \
        organisation).

        Exit status: 0; 4 when the time ran out for some organisation at some scale (status \
        unknown); 2 for bad input; 1 when the files could not be written.

        Example:
          phaseout frontier Examples/ScottishCouncils/register.csv Examples/ScottishCouncils/scenario.json --out frontier-out
        """
    )

    @OptionGroup var inputs: InputFiles

    @OptionGroup var solve: SolveOptions

    @Option(name: .long, help: "Directory for the output files.")
    var out: String

    @Option(name: .long, help: ArgumentHelp("Budget scales, comma-separated.", valueName: "s,s,…"))
    var scales: String = BudgetFrontier.defaultScales.map { String($0) }.joined(separator: ",")

    func validate() throws {
        _ = try parsedScales()
    }

    /// The scales: non-negative finite numbers, at least one.
    func parsedScales() throws -> [Double] {
        let parts = scales.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var values: [Double] = []
        for part in parts {
            guard let value = Double(part), value >= 0, value.isFinite else {
                throw ValidationError("--scales: '\(part)' is not a budget scale (a number of 0 or more, e.g. 0.5,1,1.5)")
            }
            values.append(value)
        }
        return values
    }

    func run() throws {
        let started = ContinuousClock.now
        let (estate, record) = try loadRecordedEstate(inputs, timeLimit: solve.timeLimit, gap: solve.gap)
        if !solve.quiet { for warning in estate.warnings { printError("warning: \(warning)") } }
        let options = solve.planOptions(started: started)
        let frontier = BudgetFrontier(scales: try parsedScales(), options: options)
        let writer = FrontierWriter(directory: URL(fileURLWithPath: out), run: record)
        var baselines: [String: Double] = [:]
        var unknown = false
        do {
            let rows = try frontier.run(estate) { point in
                try writer.write(point)
                for organisation in point.plan.organisations { baselines[organisation.name] = organisation.baselineExposure }
                baselines["all"] = point.plan.baselineExposure
                unknown = unknown || point.plan.status == .unknown
                if !solve.quiet {
                    printError(String(format: "×%@: exposure %.4f of %.4f risk-years, nominal £%.2f, %@ → %@/%@",
                                      FrontierRow.scaleText(point.scale), point.plan.exposure, point.plan.baselineExposure,
                                      point.plan.nominalCost, point.plan.status.rawValue, out, point.folderName))
                }
            }
            try writer.finish(rows, baselines: baselines, scenarioName: estate.scenario.name)
        } catch let rejected as PlanRejected {
            printError("error: \(rejected)")
            throw ExitCode(1)
        } catch {
            printError("error: \(out): could not write the frontier: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        if !solve.quiet { printError("frontier → \(out)/frontier.csv, \(out)/\(FrontierPage.fileName)") }
        if unknown { throw ExitCode(4) }
    }
}
