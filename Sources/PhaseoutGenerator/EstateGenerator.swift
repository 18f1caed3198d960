#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Generates realistic synthetic estates — a `register.csv` and a `scenario.json` — for testing,
/// benchmarking and demonstrating the planner.
///
/// ```swift
/// let estate = try EstateGenerator(GeneratorOptions(devices: 100_000, councils: 380, seed: 42)).generate()
/// try estate.write(to: "out")          // out/register.csv, out/scenario.json, each written atomically
/// ```
///
/// Everything is fixed by the options: the generator uses its own ``SeededGenerator`` streams
/// (one per concern and per council), never Foundation randomness or dictionary order, and
/// formats every number itself, so the same options give byte-identical files.
///
/// The figures follow public reporting on UK council CCTV (all values are synthetic):
/// - Organisation sizes are log-normal (σ = 1, clipped at ±3σ), apportioned so that Σ quantity = `devices`
///   exactly, every organisation holding at least one unit. With 380 councils and 100,000 units
///   the mean is 263 units (public-space cameras average ≈ 130 per council; estates with
///   buildings and housing are 1–3× that) and the largest ≈ 2,500–3,000.
/// - A share of organisations (¾ by default) runs Hikvision or Dahua, 89 % of those Hikvision
///   (with its HiLook, HiWatch and EZVIZ sub-brands; Dahua with Imou). Within such an
///   organisation 35–90 % of sites are at risk; Lorex (formerly Dahua-owned, not in the built-in
///   table) and Axis, Hanwha, Bosch, Avigilon, Vivotek fill the rest. Vendor names come in
///   varied spellings (`HIKVISION`, `Hik Vision`, `Hikvision Digital Technology Co.`, `dahua`…).
/// - Sites hold 1–40 cameras (by category: town-centre 6–40, library 1–10, …) and most have a
///   recorder. Identical indoor cameras are often one row with `quantity` > 1. The regional
///   profile instead splits each organisation into 100–200 larger sites with one recorder per
///   32 cameras (``GeneratorOptions/Profile/regional``).
/// - Kinds: `street-camera` £2,000–£4,000, `indoor-camera` £500–£1,000, `recorder`
///   £1,500–£6,000 (`replacedFirst`), each drawn once per scenario. Installed 2012–2025.
/// - Budgets: 15–30 % of the organisation's at-risk replacement cost a year, raised where needed
///   so that its critical deadline, its largest recorder block and its dearest unit fit; short organisations
///   (10 % in the national profile) get 5–10 %, capped at 70 % of what the deadline needs, so
///   they are infeasible by construction. Organisations with nothing at risk get 2–5 % of their
///   estate's cost. Budgets rise with inflation (3 %), carry-over 0.5.
/// - One deadline: critical sites by the end of the second year (`2027/28`, or `2027/28 Q4`).
///
/// - Complexity: O(`devices`) time and memory for the text.
public struct EstateGenerator: Sendable {
    public let options: GeneratorOptions

    /// Checks the options.
    /// - Throws: ``GeneratorError/invalidOptions(_:)`` listing every problem.
    public init(_ options: GeneratorOptions) throws {
        let problems = options.problems()
        if !problems.isEmpty { throw GeneratorError.invalidOptions(problems) }
        self.options = options
    }

    // MARK: Fixed scenario values

    static let inflation = 0.03
    static let inflationText = "0.03"
    static let discountRateText = "0.035"
    static let carryOverText = "0.5"
    static let streetHours = 6, indoorHours = 3, recorderHours = 8

    /// Replacement costs per kind, drawn once per scenario.
    struct KindCosts {
        var street: Int, indoor: Int, recorder: Int
    }

    /// Per-council accumulators filled while its sites are generated.
    struct CouncilTally {
        var name = ""
        var family: Catalogue.Family = .other
        var units = 0, sites = 0
        var atRiskUnits = 0, atRiskCost = 0, atRiskHours = 0
        var deadlineUnits = 0, deadlineCost = 0, deadlineHours = 0
        var maxLeaderCost = 0, maxLeaderHours = 0
        /// The dearest single at-risk unit plus its site's visit.
        var maxUnitCost = 0
        var estateCost = 0, estateHours = 0
        var sitesWithRecorder = 0, sitesWithVisitCost = 0
        var rows = 0
    }

    /// Generates the estate.
    ///
    /// Each step draws from its own stream (``stream(_:)``): the councils' names, sizes and
    /// families, the kind costs, each council's sites, which councils are short, then each
    /// council's budget and labour.
    public func generate() -> GeneratedEstate {
        let o = options
        let periods = PeriodLabels.make(count: o.resolvedPeriods, periodYears: o.resolvedPeriodYears,
                                        firstYear: o.firstFinancialYear)
        let traits = ProfileTraits(o.profile)
        let setup = drawCouncils()
        let costs = drawKindCosts()
        let (csv, tallies) = generateRegister(setup, costs: costs, traits: traits)
        let terms = BudgetTerms(options: o, periodCount: periods.count, costs: costs, traits: traits)
        let isShort = drawShortCouncils(tallies)

        var councils: [GeneratedCouncil] = []
        var budgets: [[Int]] = []
        var labour: [[Int]?] = []
        for (i, t) in tallies.enumerated() {
            var rng = SeededGenerator(seed: stream(2000 + UInt64(i)))
            let (annual, raised) = terms.annualBudget(for: t, isShort: isShort[i], rng: &rng)
            budgets.append(terms.periodBudgets(annual: annual))
            let hasLabour = traits.labourShare < 1 ? rng.chance(traits.labourShare) : true
            labour.append(hasLabour ? terms.labourPerPeriod(for: t, annual: annual, rng: &rng) : nil)
            councils.append(GeneratedCouncil(
                name: t.name, units: t.units, sites: t.sites,
                atRiskFamily: t.atRiskUnits == 0 ? nil : (t.family == .dahua ? "dahua" : "hikvision"),
                atRiskUnits: t.atRiskUnits, atRiskCost: t.atRiskCost,
                deadlineUnits: t.deadlineUnits, deadlineCost: t.deadlineCost,
                annualBudget: Int(annual), budgetShare: t.atRiskCost == 0 ? 0 : annual / Double(t.atRiskCost),
                isShort: isShort[i], budgetRaisedToFloor: raised, hasLabourLimit: hasLabour))
        }

        let json = scenarioJSON(periods: periods, deadlineIndex: terms.deadlineIndex, costs: costs,
                                traits: traits, names: setup.names, budgets: budgets, labour: labour)
        return GeneratedEstate(registerCSV: csv, scenarioJSON: json, councils: councils,
                               statistics: Self.statistics(tallies, councils), periods: periods)
    }

    // MARK: Steps

    /// Each council's name, size in units and at-risk family, in register order.
    struct CouncilSetup {
        var names: [String]
        var sizes: [Int]
        var families: [Catalogue.Family]
    }

    /// Draws the councils' names and sizes, then which of them run Hikvision or Dahua.
    func drawCouncils() -> CouncilSetup {
        let o = options
        let c = o.councilCount
        var setup = SeededGenerator(seed: stream(0))
        let names = o.councilNames ?? UKCouncilNames.names(count: c, rng: &setup)
        let sizes = Self.apportion(total: o.devices, weights: councilWeights(count: c, rng: &setup))

        var order = Array(0..<c)
        setup.shuffle(&order)
        let atRiskCount = Int((Double(c) * o.resolvedAtRiskCouncilShare).rounded())
        let hikCount = Int((Double(atRiskCount) * o.hikvisionShare).rounded())
        var families = [Catalogue.Family](repeating: .other, count: c)
        for (rank, index) in order.prefix(atRiskCount).enumerated() {
            families[index] = rank < hikCount ? .hikvision : .dahua
        }
        return CouncilSetup(names: names, sizes: sizes, families: families)
    }

    func drawKindCosts() -> KindCosts {
        var kindRng = SeededGenerator(seed: stream(1))
        return KindCosts(
            street: 2000 + 50 * kindRng.nextInt(in: 0...40),
            indoor: 500 + 50 * kindRng.nextInt(in: 0...10),
            recorder: 1500 + 100 * kindRng.nextInt(in: 0...45))
    }

    /// The register text, header first, and a tally per council of what its sites hold.
    func generateRegister(_ setup: CouncilSetup, costs: KindCosts,
                          traits: ProfileTraits) -> (csv: String, tallies: [CouncilTally]) {
        let c = options.councilCount
        var csv = ""
        csv.reserveCapacity(options.devices * 70 + 128)
        csv += "device_id,council,site_id,kind,vendor,model,sensitivity,site_category,installed,quantity"
            + (options.treatments ? ",removable\n" : "\n")
        let codeWidth = max(3, String(c).count)
        var tallies: [CouncilTally] = []
        tallies.reserveCapacity(c)
        for i in 0..<c {
            var rng = SeededGenerator(seed: stream(1000 + UInt64(i)))
            var tally = CouncilTally(name: setup.names[i], family: setup.families[i])
            let code = "C" + Self.pad(i + 1, codeWidth)
            generateSites(council: &tally, code: code, units: setup.sizes[i], costs: costs,
                          traits: traits, rng: &rng, csv: &csv)
            tallies.append(tally)
        }
        return (csv, tallies)
    }

    /// Marks the short councils, drawn among those with at-risk units under the deadline.
    func drawShortCouncils(_ tallies: [CouncilTally]) -> [Bool] {
        let c = tallies.count
        var budgetRng = SeededGenerator(seed: stream(2))
        let eligible = (0..<c).filter { tallies[$0].atRiskUnits > 0 && tallies[$0].deadlineUnits > 0 }
        var shuffledEligible = eligible
        budgetRng.shuffle(&shuffledEligible)
        let shortCount = min(eligible.count, Int((Double(c) * options.resolvedShortShare).rounded()))
        var isShort = [Bool](repeating: false, count: c)
        for i in shuffledEligible.prefix(shortCount) { isShort[i] = true }
        return isShort
    }

    static func statistics(_ tallies: [CouncilTally], _ councils: [GeneratedCouncil]) -> GeneratorStatistics {
        var stats = GeneratorStatistics()
        stats.councils = tallies.count
        for (t, g) in zip(tallies, councils) {
            stats.sites += t.sites
            stats.rows += t.rows
            stats.units += t.units
            stats.atRiskUnits += t.atRiskUnits
            stats.unitsUnderDeadline += t.deadlineUnits
            stats.sitesWithRecorder += t.sitesWithRecorder
            stats.sitesWithVisitCost += t.sitesWithVisitCost
            if g.atRiskFamily != nil { stats.atRiskCouncils += 1 }
            if g.atRiskFamily == "hikvision" { stats.hikvisionCouncils += 1 }
            if g.isShort { stats.shortCouncils += 1 }
            if g.hasLabourLimit { stats.councilsWithLabourLimit += 1 }
            if g.budgetRaisedToFloor { stats.councilsWithRaisedBudget += 1 }
        }
        return stats
    }

    // MARK: Sizes

    /// An independent seed per concern, so that changing one draw never shifts another's stream.
    func stream(_ k: UInt64) -> UInt64 {
        var g = SeededGenerator(seed: options.seed ^ (k &* 0xD1B5_4A32_D192_ED03))
        return g.next()
    }

    func councilWeights(count c: Int, rng: inout SeededGenerator) -> [Double] {
        if let w = options.councilWeights { return w }
        if options.profile == .regional {
            // 5,000–10,000 units each at 7,500 a head, with room for the rounding of the count.
            return (0..<c).map { _ in rng.nextDouble(5.5, 9.5) }
        }
        // Log-normal, σ = 1, the normal deviate clipped to ±3 so that no estate is absurdly large.
        var weights = (0..<c).map { _ in exp(min(3, max(-3, rng.nextNormal()))) }
        if options.profile == .concentrated && c > 1 {
            weights[0] = 9 * weights.dropFirst().reduce(0, +)
        }
        return weights
    }

    /// Splits `total` into `weights.count` parts ≥ 1 proportional to the weights
    /// (largest remainder, ties to the lower index); the parts sum to `total` exactly.
    /// - Precondition: `1 ≤ weights.count ≤ total`, weights > 0.
    static func apportion(total: Int, weights: [Double]) -> [Int] {
        let c = weights.count
        var parts = [Int](repeating: 1, count: c)
        let rest = total - c
        guard rest > 0 else { return parts }
        let sum = weights.reduce(0, +)
        var remainders: [(Double, Int)] = []
        remainders.reserveCapacity(c)
        var given = 0
        for i in 0..<c {
            let quota = weights[i] / sum * Double(rest)
            let whole = Int(quota.rounded(.down))
            parts[i] += whole
            given += whole
            remainders.append((quota - Double(whole), i))
        }
        remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        var k = 0
        while given < rest {
            parts[remainders[k % c].1] += 1
            given += 1
            k += 1
        }
        return parts
    }

    // MARK: Number formatting

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func ceilTo100(_ v: Double) -> Double { (v / 100).rounded(.up) * 100 }
    static func floorTo100(_ v: Double) -> Double { max(0, (v / 100).rounded(.down) * 100) }
}
