/// A finished plan for a whole estate: what is replaced when, what it costs, and how sure we are.
public struct Plan: Sendable {
    /// The worst organisation status (unknown > infeasible > feasible > optimal).
    public let status: PlanStatus
    public let objective: Objective
    /// Period labels.
    public let periods: [String]
    /// Exposure of the plan (risk-years); infeasible or unknown organisations count at baseline.
    public let exposure: Double
    public let baselineExposure: Double
    public let nominalCost: Double
    public let presentValueCost: Double
    /// Proven bound on the primary objective's value (exposure or present-value cost).
    public let bound: Double
    /// `(value − bound) / value`, 0 when equal.
    public let gap: Double
    public let organisations: [OrganisationPlan]
    /// plan.csv rows, in register order then period order.
    public let rows: [PlanRow]
    public let visits: [VisitRow]
    /// The plan the shortfalls would buy (feasible organisations as in ``rows``); `nil` when
    /// every organisation is feasible.
    public let fundedRows: [PlanRow]?
    public let fundedVisits: [VisitRow]?
    /// A shard run's slice and unrounded outcomes (shard.json); `nil` for a whole run.
    var shardPart: ShardPart? = nil

    /// The primary objective's value.
    public var value: Double { objective == .exposure ? exposure : presentValueCost }

    /// Organisations per status (summary.json `statusCounts`): a reader sees at once that, say,
    /// 12 of 13 are optimal and one cannot meet its deadlines.
    public var statusCounts: [PlanStatus: Int] {
        organisations.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }
}

/// One organisation's part of a plan.
public struct OrganisationPlan: Sendable {
    public let name: String
    public let status: PlanStatus
    public let exposure: Double
    public let baselineExposure: Double
    public let nominalCost: Double
    public let presentValueCost: Double
    public let bound: Double
    public let gap: Double
    public let periods: [PeriodFigures]
    public let shortfall: Shortfall?
    /// Late risk-years L of the organisation's plan (SPEC §2.2): 0 unless it is infeasible and
    /// this is its best-effort plan.
    public var lateRiskYears: Double = 0
    /// The proven bound on L (`lateRiskYearsBound`); equal to L when proven.
    public var lateRiskYearsBound: Double = 0
    /// The device ids of the units that miss a deadline, in register order (`lateUnitList`).
    public var lateUnitList: [String] = []
    /// How many units miss a deadline (`lateUnits`).
    public var lateUnits: Int = 0
    /// Why an infeasible organisation's units stand untouched (SPEC §2.5): no best-effort plan
    /// keeps its locks and ordering within its money, or none was found in the time; `nil` when it
    /// has a best-effort plan (or is not infeasible).
    public var untouchedReason: String?
    /// Size of the model solved, for benchmarks: rows, columns, nonzeros.
    public let modelSize: (rows: Int, columns: Int, nonzeros: Int)
    public let solveSeconds: Double
    /// What the per-period `shadowPricePer1000` figures measure, or why they are absent.
    public var shadowPriceNote: String?
}

/// Money, carry, labour and units of one organisation in one period.
public struct PeriodFigures: Sendable, Equatable, Codable {
    public let period: String
    public let budget: Double
    public let spend: Double
    public let carryIn: Double
    /// The largest carry the rules allow out of this period.
    public let carryOut: Double
    public let units: Int
    /// Units isolated in this period (SPEC v2 §3 `isolated`).
    public var isolated: Int = 0
    public let labourHours: Double
    /// The period's labour limit; `nil` when unlimited.
    public let labourLimit: Double?
    /// Primary objective removed per extra £1,000 in this period's budget (exposure in
    /// risk-years; present-value £ for the `cost` objective): minus the budget row's dual in
    /// the LP with the plan's visits and recorder blocks fixed. Marginal: it misleads when
    /// £1,000 would pay for a new site visit or recorder block. `nil` when not computed.
    public var shadowPricePer1000: Double? = nil
    /// Primary objective removed per extra labour hour in this period (same LP); `nil` when
    /// labour is unlimited or prices were not computed.
    public var shadowPricePerLabourHour: Double? = nil
    /// What a fixed sum more in this period's budget buys when the organisation is re-planned.
    public var whatIf: WhatIf? = nil
}

/// One organisation's shadow prices and what-if figures, before they join its ``PeriodFigures``.
struct OrganisationMargins {
    var objective: Objective
    /// Whether the organisation has a plan (optimal or feasible); only those are priced.
    var planned: Bool
    var prices: ShadowPrices.Prices?
    var whatIf: [WhatIf]?
    var shadowPriceNote: String?

    init(objective: Objective, planned: Bool) {
        self.objective = objective
        self.planned = planned
        shadowPriceNote = planned ? nil : "not computed: the organisation has no plan"
    }

    /// The note summary.json carries beside the figures.
    var note: String? {
        if let shadowPriceNote { return shadowPriceNote }
        guard prices != nil else { return nil }
        return objective == .exposure
            ? "exposure removed (risk-years) per extra £1,000, from the LP with this plan's site visits and recorder blocks fixed"
            : "present-value cost saved (£) per extra £1,000, from the LP with this plan's site visits and recorder blocks fixed"
    }
}

/// What is done to a unit (SPEC §2.1).
public enum Treatment: String, Sendable, Hashable, CaseIterable {
    /// Replaced by a new device.
    case replace
    /// Removed without a successor (only where the register marks the unit `removable`).
    case remove
    /// Cut off from every network that reaches the internet or the vendor: risk lowered, not gone.
    case isolate

    /// Whether the unit is gone after this treatment.
    public var isGone: Bool { self != .isolate }
}

/// One line of plan.csv: some units of one register row replaced in one period (or not at all).
public struct PlanRow: Sendable, Equatable {
    /// Index into the register's rows.
    public let rowIndex: Int
    /// The register row's device, organisation and site, as the register spells them.
    public let deviceID: String
    public let council: String
    public let siteID: String
    /// 0-based period, `nil` for units not replaced within the horizon.
    public let period: Int?
    /// The period's label (`2027/28`), `nil` for units not replaced within the horizon.
    public let periodLabel: String?
    /// What is done to these units in that period; `nil` for units never treated.
    public let treatment: Treatment?
    public let quantity: Int
    /// Nominal cost of these units in that period (0 when not replaced); site visits excluded.
    public let cost: Double

    init(row: RegisterRow, rowIndex: Int, period: Int?, periods: [String], treatment: Treatment? = .replace,
         quantity: Int, cost: Double) {
        self.treatment = period == nil ? nil : treatment
        self.rowIndex = rowIndex
        deviceID = row.deviceID
        council = row.council
        siteID = row.siteID
        self.period = period
        periodLabel = period.map { periods[$0] }
        self.quantity = quantity
        self.cost = cost
    }
}

/// One paid site visit (visits.csv).
public struct VisitRow: Sendable, Equatable {
    public let council: String
    public let siteID: String
    public let period: Int
    public let cost: Double
}

extension PeriodFigures {
    /// Reads a summary.json period, also one written before SPEC v2 (no `isolated`: none were).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            period: try container.decode(String.self, forKey: .period),
            budget: try container.decode(Double.self, forKey: .budget),
            spend: try container.decode(Double.self, forKey: .spend),
            carryIn: try container.decode(Double.self, forKey: .carryIn),
            carryOut: try container.decode(Double.self, forKey: .carryOut),
            units: try container.decode(Int.self, forKey: .units),
            isolated: try container.decodeIfPresent(Int.self, forKey: .isolated) ?? 0,
            labourHours: try container.decode(Double.self, forKey: .labourHours),
            labourLimit: try container.decodeIfPresent(Double.self, forKey: .labourLimit),
            shadowPricePer1000: try container.decodeIfPresent(Double.self, forKey: .shadowPricePer1000),
            shadowPricePerLabourHour: try container.decodeIfPresent(Double.self, forKey: .shadowPricePerLabourHour),
            whatIf: try container.decodeIfPresent(WhatIf.self, forKey: .whatIf))
    }
}
