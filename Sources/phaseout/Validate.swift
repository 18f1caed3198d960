import ArgumentParser
import Phaseout

import Foundation

/// `phaseout validate REGISTER SCENARIO`: checks the inputs and summarises the estate.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a register and a scenario; list every problem.",
        discussion: "Exits 2 when the inputs are rejected. Warnings and errors go to stderr, the summary to stdout."
    )

    @Argument(help: "The device register (CSV).")
    var register: String

    @Argument(help: "The scenario (JSON).")
    var scenario: String

    func run() throws {
        let estate: Estate
        do {
            estate = try Estate.load(registerPath: register, scenarioPath: scenario)
        } catch {
            for diagnostic in error.diagnostics {
                printError("\(diagnostic.severity.rawValue): \(diagnostic)")
            }
            if error.omitted > 0 { printError("error: … and \(error.omitted) more") }
            throw ExitCode(2)
        }
        for warning in estate.warnings { printError("warning: \(warning)") }
        print(Self.format(estate.summary, scenario: estate.scenario), terminator: "")
    }

    static func format(_ s: EstateSummary, scenario: Scenario) -> String {
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
        out += "Contracted works: \(s.contractedUnits) \(s.contractedUnits == 1 ? "unit" : "units")\n"
        out += "Replacement cost at today's prices: £\(money(s.replacementCost)) (units and one visit per site)\n"
        out += "Total budget over the horizon: £\(money(s.totalBudget))\n"
        if s.atRiskUnits == 0 && s.contractedUnits == 0 { out += "Nothing to plan.\n" }
        return out
    }

    /// Whole pounds with thousands separators (pence when not whole).
    static func money(_ x: Double) -> String {
        let pence = Int((x * 100).rounded())
        let pounds = abs(pence) / 100, rest = abs(pence) % 100
        var digits = String(pounds)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        return (pence < 0 ? "-" : "") + grouped + (rest == 0 ? "" : "." + (rest < 10 ? "0" : "") + String(rest))
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
