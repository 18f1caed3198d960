/// The two files of a synthetic estate, with the figures that describe it.
public struct GeneratedEstate: Sendable {
    /// `register.csv` (SPEC §1.1), UTF-8, LF line endings, header first.
    public let registerCSV: String
    /// `scenario.json` (SPEC §1.2), pretty-printed with a stable key order.
    public let scenarioJSON: String
    /// One entry per organisation, in register order.
    public let councils: [GeneratedCouncil]
    public let statistics: GeneratorStatistics
    /// The period labels written to the scenario.
    public let periods: [String]
}

/// What the generator decided for one organisation. Money is whole pounds at period-1 prices
/// unless said otherwise.
public struct GeneratedCouncil: Sendable, Equatable {
    public let name: String
    public let units: Int
    public let sites: Int
    /// The main at-risk family (`"hikvision"` or `"dahua"`), or `nil` for a council with none.
    public let atRiskFamily: String?
    public let atRiskUnits: Int
    /// Replacement cost of every at-risk unit.
    public let atRiskCost: Int
    /// At-risk units at critical sites (they carry the deadline).
    public let deadlineUnits: Int
    /// Cost of the deadline units plus one visit per such site.
    public let deadlineCost: Int
    /// The yearly budget before inflation (period budgets are this × periodYears, inflated).
    public let annualBudget: Int
    /// `annualBudget / atRiskCost` (0 when nothing is at risk).
    public let budgetShare: Double
    /// Budget deliberately below what the critical deadline needs.
    public let isShort: Bool
    /// Budget raised above the drawn share so that the deadline or a recorder block fits.
    public let budgetRaisedToFloor: Bool
    public let hasLabourLimit: Bool
}

/// Counts over a generated estate (shares are derived from them).
public struct GeneratorStatistics: Sendable, Equatable {
    public var councils = 0
    public var sites = 0
    public var rows = 0
    public var units = 0
    public var atRiskCouncils = 0
    public var hikvisionCouncils = 0
    public var sitesWithRecorder = 0
    public var sitesWithVisitCost = 0
    public var atRiskUnits = 0
    public var unitsUnderDeadline = 0
    public var shortCouncils = 0
    public var councilsWithLabourLimit = 0
    public var councilsWithRaisedBudget = 0

    public var shareSitesWithRecorder: Double { ratio(sitesWithRecorder, sites) }
    public var shareSitesWithVisitCost: Double { ratio(sitesWithVisitCost, sites) }
    public var shareUnitsUnderDeadline: Double { ratio(unitsUnderDeadline, units) }
    public var shareAtRiskUnitsUnderDeadline: Double { ratio(unitsUnderDeadline, atRiskUnits) }
    public var shareUnitsAtRisk: Double { ratio(atRiskUnits, units) }
    public var shareCouncilsAtRisk: Double { ratio(atRiskCouncils, councils) }
    public var shareCouncilsShort: Double { ratio(shortCouncils, councils) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}
