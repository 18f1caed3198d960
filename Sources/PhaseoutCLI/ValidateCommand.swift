import ArgumentParser
import Foundation
import Phaseout

/// `phaseout validate REGISTER SCENARIO`: checks the inputs and summarises the estate.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a register and a scenario; list every problem.",
        discussion: """
            Reads both inputs as `plan` would and lists every problem, not only the first, as \
            `error: FILE:LINE:COL: message` on stderr (capped at 200, then "… and N more"). Accepted \
            inputs draw warnings (`warning: …`) for vendors that fell to the default weight and for \
            recorder blocks no period can pay for, and an estate summary on stdout: organisations, \
            sites, units at risk by kind and sensitivity, the vendors treated as not high-risk \
            (weight 0) with their units, most first, contracted works, replacement cost and total \
            budget. A vendor that resembles a high-risk one (a near-miss) is an error, listed \
            before every other problem.

            With --json the summary and the warnings are printed on stdout as one JSON object \
            (`scenario`, `summary`, `warnings`, `unratedVendors`); errors still go to stderr.

            Exit status: 0 when the inputs are accepted (warnings or not), 2 when they are rejected.

            Example:
              phaseout validate Examples/ScottishCouncils/register.csv Examples/ScottishCouncils/scenario.json
              phaseout validate register.csv scenario.json --json > estate.json
            """
    )

    @OptionGroup var inputs: InputFiles

    @Flag(name: .long, help: "Print the summary and the warnings as JSON on stdout.")
    var json = false

    @Flag(name: .long, help: "Print nothing but errors (and the JSON with --json); the exit status tells.")
    var quiet = false

    func run() throws {
        let estate = try loadEstate(inputs)
        if !quiet { for warning in estate.warnings { printError("warning: \(warning)") } }
        if json {
            try printJSON(ValidationOutput(estate))
        } else if !quiet {
            print(Self.format(estate.summary, scenario: estate.scenario, unratedVendors: estate.unratedVendors), terminator: "")
        }
    }

    /// What `validate --json` prints.
    struct ValidationOutput: Encodable {
        struct ScenarioFacts: Encodable {
            var name: String
            var objective: String
            var periods: [String]
        }

        var scenario: ScenarioFacts
        var summary: EstateSummary
        var warnings: [Diagnostic]
        var unratedVendors: [VendorUnits]

        init(_ estate: Estate) {
            scenario = ScenarioFacts(name: estate.scenario.name, objective: estate.scenario.objective.rawValue,
                                     periods: estate.scenario.periods)
            summary = estate.summary
            warnings = estate.warnings
            unratedVendors = estate.unratedVendors
        }
    }

    static func format(_ s: EstateSummary, scenario: Scenario, unratedVendors: [VendorUnits] = []) -> String {
        let periods = scenario.periods
        var out = "Scenario \"\(scenario.name)\": \(periods.count) \(periods.count == 1 ? "period" : "periods")"
        if let first = periods.first, let last = periods.last { out += " (\(first) to \(last))" }
        out += ", objective \(scenario.objective.rawValue)\n"
        out += "Organisations: \(s.organisations)\n"
        out += "Sites: \(s.sites)\n"
        out += "Units at risk: \(s.atRiskUnits)\n"
        if !s.atRiskByKind.isEmpty {
            out += "  by kind: " + s.atRiskByKind.map { "\($0.name) \($0.units)" }.joined(separator: ", ") + "\n"
            out += "  by sensitivity: " + s.atRiskBySensitivity.map { "\($0.name) \($0.units)" }.joined(separator: ", ") + "\n"
        }
        out += "Units set aside (not at risk): \(s.unitsSetAside)\n"
        if let vendors = unratedVendorsLine(unratedVendors) { out += vendors + "\n" }
        out += "Contracted works: \(s.contractedUnits) \(s.contractedUnits == 1 ? "unit" : "units")\n"
        out += "Replacement cost at today's prices: £\(money(s.replacementCost)) (units and one visit per site)\n"
        out += "Total budget over the horizon: £\(money(s.totalBudget))\n"
        if s.atRiskUnits == 0 && s.contractedUnits == 0 { out += "Nothing to plan.\n" }
        return out
    }

    /// `Vendors treated as not high-risk (weight 0): Axis 1,204 units, …`, most units first, or
    /// nil when every vendor is rated: a security officer's check that no risky vendor is missed.
    static func unratedVendorsLine(_ vendors: [VendorUnits]) -> String? {
        guard !vendors.isEmpty else { return nil }
        return "Vendors treated as not high-risk (weight 0): " + vendors.map {
            "\($0.vendor) \(PoundsText.grouped(Double($0.units))) \($0.units == 1 ? "unit" : "units")"
        }.joined(separator: ", ")
    }

    /// Whole pounds with thousands separators (pence when not whole); any finite amount.
    static func money(_ x: Double) -> String {
        PoundsText.grouped(x)
    }
}
