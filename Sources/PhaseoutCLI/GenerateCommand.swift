import ArgumentParser
import Foundation
import Phaseout
import PhaseoutGenerator

/// `phaseout generate`: writes a realistic synthetic register and scenario (SPEC §4).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic DIR/register.csv and DIR/scenario.json; same seed, same files.",
        discussion: """
            The national profile spreads the devices over many organisations with yearly periods; \
            the concentrated profile gives one large organisation quarterly periods; the regional \
            profile gives 5,000–10,000 devices to each organisation (13 for 100,000 devices when \
            --councils is not given), at 100–200 large sites each with paid visits, recorders \
            replaced first, the critical-site deadline, labour limits and yearly periods. The files \
            are written atomically; a one-line account of what was generated goes to stderr.

            Exit status: 0 when both files are written, 1 when they cannot be written; bad \
            arguments are reported with the usage and a non-zero status.

            Example:
              phaseout generate --devices 100000 --councils 380 --seed 42 --out estate
              phaseout generate --devices 100000 --profile regional --seed 1 --out regional
            Explicit organisations, with optional relative sizes:
              phaseout generate --devices 4000 --seed 7 --out scot --council Glasgow=635 --council Moray=94
            """)

    @Option(help: "Total units (Σ quantity), at least 1.")
    var devices: Int

    @Option(help: "Number of organisations, 1…devices (defaults to the number of --council options, or for the regional profile to devices ÷ 7,500).")
    var councils: Int?

    @Option(help: "Seed: the same arguments give byte-identical files.")
    var seed: UInt64

    @Option(help: "Output directory (created if missing).")
    var out: String

    @Option(help: "national (many organisations, 5 yearly periods), concentrated (one organisation, 20 quarters) or regional (5,000–10,000 devices per organisation at 100–200 sites, 5 yearly periods).")
    var profile: GeneratorOptions.Profile = .national

    @Option(help: "Number of periods (default: 5 national and regional, 20 concentrated).")
    var periods: Int?

    @Option(name: .customLong("period-years"), help: "Period length in years: 0.25, 0.5 or 1…10 (default: 1 national and regional, 0.25 concentrated).")
    var periodYears: Double?

    @Option(name: .customLong("first-year"), help: "First financial year (2026 gives 2026/27).")
    var firstYear: Int = 2026

    @Option(name: .customLong("council"), help: "An organisation NAME or NAME=WEIGHT (relative size); repeat for each.")
    var councilSpecs: [String] = []

    @Option(name: .customLong("at-risk-share"), help: "Share of organisations running Hikvision or Dahua (default 0.75 national, 1 concentrated and regional).")
    var atRiskShare: Double?

    @Option(name: .customLong("hikvision-share"), help: "Share of those whose main family is Hikvision.")
    var hikvisionShare: Double = 0.89

    @Option(name: .customLong("short-share"), help: "Share of organisations short of budget for their critical deadline (default 0.1 national, 0 concentrated and regional).")
    var shortShare: Double?

    @Flag(name: .customLong("explicit-vendors"), help: "Write the built-in vendor table into the scenario instead of omitting it.")
    var explicitVendors = false

    @Flag(help: "SPEC v2 treatments: kinds that can be isolated or removed, removable camera rows, and critical sites to isolate in the first period.")
    var treatments = false

    @Flag(help: "Also print the estate's measured shares to stderr.")
    var stats = false

    @Option(help: "The scenario's name.")
    var name: String?

    @Flag(name: .long, help: "Print nothing but errors (--stats still prints).")
    var quiet = false

    func options() throws -> GeneratorOptions {
        var names: [String]?
        var weights: [Double]?
        if !councilSpecs.isEmpty {
            var n: [String] = [], w: [Double] = []
            var anyWeight = false
            for spec in councilSpecs {
                if let eq = spec.lastIndex(of: "="), let value = Double(spec[spec.index(after: eq)...]) {
                    n.append(String(spec[..<eq])); w.append(value); anyWeight = true
                } else {
                    n.append(spec); w.append(1)
                }
            }
            names = n
            weights = anyWeight ? w : nil
        }
        if let c = councils, let names, c != names.count {
            throw ValidationError("--councils \(c) disagrees with the \(names.count) --council options")
        }
        guard let count = councils ?? names?.count ?? profile.defaultOrganisations(devices: devices) else {
            throw ValidationError("give --councils C or one --council option per organisation")
        }
        var options = GeneratorOptions(
            devices: devices, councils: count, seed: seed, profile: profile,
            periods: periods, periodYears: periodYears, councilNames: names, councilWeights: weights,
            firstFinancialYear: firstYear, atRiskCouncilShare: atRiskShare, hikvisionShare: hikvisionShare,
            shortShare: shortShare, explicitVendors: explicitVendors, name: name)
        options.treatments = treatments
        return options
    }

    func validate() throws {
        let problems = try options().problems()
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    func run() throws {
        let estate = try EstateGenerator(options()).generate()
        do {
            try estate.write(to: out)
        } catch {
            printError("error: \(out): could not write the estate: \(error)")
            throw ExitCode(1)
        }
        let s = estate.statistics
        var line = ""
        if !quiet {
            line += "generated \(s.units) units in \(s.rows) rows at \(s.sites) sites for \(s.councils) organisations"
            line += " (\(s.atRiskUnits) units at risk in \(s.atRiskCouncils) organisations, \(s.shortCouncils) short of budget)"
            line += " over \(estate.periods.count) periods → \(out)/register.csv, \(out)/scenario.json\n"
        }
        if stats {
            func pct(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
            line += "sites with a recorder: \(pct(s.shareSitesWithRecorder)); with a visit cost: \(pct(s.shareSitesWithVisitCost))\n"
            line += "units at risk: \(pct(s.shareUnitsAtRisk)); units under a deadline: \(pct(s.shareUnitsUnderDeadline))"
            line += " of all, \(pct(s.shareAtRiskUnitsUnderDeadline)) of at-risk\n"
            line += "organisations running Hikvision/Dahua: \(s.atRiskCouncils) (\(pct(s.shareCouncilsAtRisk))), Hikvision \(s.hikvisionCouncils);"
            line += " short of budget: \(s.shortCouncils) (\(pct(s.shareCouncilsShort))); budget raised to a floor: \(s.councilsWithRaisedBudget);"
            line += " labour-limited: \(s.councilsWithLabourLimit)\n"
            let sizes = estate.councils.map(\.units).sorted()
            line += "units per organisation: min \(sizes.first!), median \(sizes[sizes.count / 2]), mean \(s.units / s.councils), max \(sizes.last!)\n"
        }
        if !line.isEmpty { FileHandle.standardError.write(Data(line.utf8)) }
    }
}

extension GeneratorOptions.Profile: ExpressibleByArgument {}

