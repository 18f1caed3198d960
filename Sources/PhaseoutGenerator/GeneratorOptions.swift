/// What ``EstateGenerator`` should produce.
///
/// ```swift
/// var options = GeneratorOptions(devices: 100_000, councils: 380, seed: 42)
/// options.profile = .concentrated
/// let estate = try EstateGenerator(options).generate()
/// ```
public struct GeneratorOptions: Sendable, Equatable {
    /// The shape of the synthetic estate.
    public enum Profile: String, Sendable, CaseIterable {
        /// Many organisations of skewed sizes (mean N/C units), 5 yearly periods.
        ///
        /// Measured on `--devices 100000 --councils 380 --seed 42` (Examples/GENERATOR.md):
        /// 75 % of councils run Hikvision/Dahua (254 of 285 Hikvision, 89 %); 45.9 % of units at
        /// risk; 84.6 % of sites have a recorder; 31.8 % of sites have a visit cost (town-centre
        /// 1200, civic 600, car-park 300); 3.0 % of units (6.6 % of at-risk units) fall under the
        /// critical deadline (second period); 10 % of councils are short of budget; 31 % have
        /// labour limits; council sizes 8 / 166 / 263 / 2,792 units (min / median / mean / max).
        case national
        /// One organisation holding (when `councils` > 1, ≈ 90 % of) thousands of sites,
        /// 20 quarterly periods (`periodYears` 0.25), labour limits for every organisation,
        /// visit costs for every category but libraries, nobody short of budget.
        ///
        /// Measured on `--devices 100000 --councils 1 --profile concentrated --seed 42`:
        /// 8,544 sites; 94.9 % with a recorder; 95.1 % with a visit cost; 51.6 % of units at risk;
        /// 1.8 % of units (3.5 % of at-risk units) under the critical deadline (`2027/28 Q4`).
        case concentrated
        /// 10–20 organisations of 5,000–10,000 units each (with ~100,000 devices; the CLI derives
        /// the organisation count from the devices when none is given, see
        /// ``defaultOrganisations(devices:)``), each holding 100–200 large sites with one recorder
        /// per 32 units, which are replaced first; paid visits at every category but libraries,
        /// the critical-site deadline, labour limits for every organisation, nobody short of
        /// budget, 5 yearly periods.
        ///
        /// Measured on `--devices 100000 --profile regional --seed 42` (Examples/GENERATOR.md):
        /// 13 organisations of 5,945 / 7,699 / 9,593 units (min / median / max) at 106–179 sites,
        /// 1,804 sites, 74,879 rows; 95.3 % of sites with recorders, 91.0 % with a visit cost;
        /// 56.2 % of units at risk; 3.9 % of units (6.9 % of at-risk units) under the deadline.
        case regional
    }

    /// Total units (Σ quantity over the register), ≥ 1.
    public var devices: Int
    /// Number of organisations, 1 ≤ councils ≤ devices. Ignored when ``councilNames`` is given.
    public var councils: Int
    /// The seed: the same options give byte-identical files.
    public var seed: UInt64
    public var profile: Profile
    /// Number of periods; `nil` uses the profile's default (national and regional 5, concentrated 20).
    public var periods: Int?
    /// Length of a period in years: 0.25, 0.5 or a whole number 1…10; `nil` uses the profile's
    /// default (national and regional 1, concentrated 0.25).
    public var periodYears: Double?
    /// Explicit organisation names (unique case-insensitively); overrides ``councils``.
    public var councilNames: [String]?
    /// Relative sizes for ``councilNames`` (same count, each > 0); `nil` draws skewed sizes.
    public var councilWeights: [Double]?
    /// First financial year: 2026 gives `2026/27`.
    public var firstFinancialYear: Int
    /// Share of organisations running Hikvision or Dahua; `nil` uses the profile's (0.75 national,
    /// 1 concentrated and regional).
    public var atRiskCouncilShare: Double?
    /// Share of those whose main at-risk family is Hikvision rather than Dahua (default 0.89).
    public var hikvisionShare: Double
    /// Share of at-risk organisations given a budget too small for their critical deadline;
    /// `nil` uses the profile's (0.1 national, 0 concentrated and regional).
    public var shortShare: Double?
    /// Write the built-in vendor table explicitly into the scenario instead of omitting `vendors`.
    public var explicitVendors: Bool
    /// The scenario's `name`; `nil` writes a description of the options.
    public var name: String?
    /// SPEC v2 treatments: kinds may be isolated (and cameras removed), a share of camera rows is
    /// `removable`, and critical sites must be isolated in the first period (``EstateGenerator``
    /// documents the shares). Off: the files of SPEC v1, byte for byte as before.
    public var treatments = false

    public init(
        devices: Int, councils: Int, seed: UInt64, profile: Profile = .national,
        periods: Int? = nil, periodYears: Double? = nil,
        councilNames: [String]? = nil, councilWeights: [Double]? = nil,
        firstFinancialYear: Int = 2026, atRiskCouncilShare: Double? = nil,
        hikvisionShare: Double = 0.89, shortShare: Double? = nil,
        explicitVendors: Bool = false, name: String? = nil
    ) {
        self.devices = devices
        self.councils = councils
        self.seed = seed
        self.profile = profile
        self.periods = periods
        self.periodYears = periodYears
        self.councilNames = councilNames
        self.councilWeights = councilWeights
        self.firstFinancialYear = firstFinancialYear
        self.atRiskCouncilShare = atRiskCouncilShare
        self.hikvisionShare = hikvisionShare
        self.shortShare = shortShare
        self.explicitVendors = explicitVendors
        self.name = name
    }

    /// The number of organisations actually generated.
    public var councilCount: Int { councilNames?.count ?? councils }
    /// Periods after profile defaults.
    public var resolvedPeriods: Int { periods ?? (profile == .concentrated ? 20 : 5) }
    /// Period length after profile defaults.
    public var resolvedPeriodYears: Double { periodYears ?? (profile == .concentrated ? 0.25 : 1) }
    /// At-risk council share after profile defaults.
    public var resolvedAtRiskCouncilShare: Double { atRiskCouncilShare ?? (profile == .national ? 0.75 : 1) }
    /// Short-of-budget share after profile defaults.
    public var resolvedShortShare: Double { shortShare ?? (profile == .national ? 0.1 : 0) }

    /// Every problem with these options, empty when they can be generated.
    public func problems() -> [String] {
        var out: [String] = []
        if devices < 1 { out.append("devices must be at least 1 (got \(devices))") }
        if devices > 50_000_000 { out.append("devices must be at most 50000000 (got \(devices))") }
        let c = councilCount
        if c < 1 { out.append("councils must be at least 1 (got \(c))") }
        if c > devices && devices >= 1 { out.append("councils (\(c)) must not exceed devices (\(devices))") }
        if resolvedPeriods < 1 || resolvedPeriods > 400 { out.append("periods must be 1…400 (got \(resolvedPeriods))") }
        let y = resolvedPeriodYears
        if !PeriodLabels.supports(periodYears: y) {
            out.append("period-years must be 0.25, 0.5 or a whole number of years 1…10 (got \(y))")
        }
        if firstFinancialYear < 1900 || firstFinancialYear > 9000 {
            out.append("first financial year must be 1900…9000 (got \(firstFinancialYear))")
        }
        for (label, v) in [("at-risk council share", resolvedAtRiskCouncilShare),
                           ("hikvision share", hikvisionShare), ("short share", resolvedShortShare)]
        where !(v >= 0 && v <= 1) {
            out.append("\(label) must be in [0, 1] (got \(v))")
        }
        if let names = councilNames {
            var seen: [String: String] = [:]
            for n in names {
                let trimmed = n.generatorTrimmed()
                if trimmed.isEmpty { out.append("council names must not be empty"); continue }
                if trimmed != n { out.append("council name '\(n)' has leading or trailing white space") }
                if n.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\"" }) {
                    out.append("council name '\(n)' must not contain quotes or line breaks")
                }
                let folded = n.lowercased()
                if folded == "default" { out.append("'default' is reserved and cannot be a council name") }
                if let prior = seen[folded] { out.append("council names '\(prior)' and '\(n)' are the same ignoring case") }
                seen[folded] = n
            }
            if let w = councilWeights {
                if w.count != names.count { out.append("council weights (\(w.count)) must match council names (\(names.count))") }
                if w.contains(where: { !($0 > 0) || !$0.isFinite }) { out.append("council weights must be positive and finite") }
            }
        } else if councilWeights != nil {
            out.append("council weights need explicit council names")
        }
        return out
    }
}

extension String {
    fileprivate func generatorTrimmed() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
