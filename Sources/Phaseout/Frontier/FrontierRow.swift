/// One row of frontier.csv (SPEC §4): an organisation's figures at one budget scale, or the
/// estate's (council `all`).
public struct FrontierRow: Sendable, Equatable {
    /// The budget scale.
    public var scale: Double
    /// The organisation's name, or `all`.
    public var council: String
    /// The total budget over the periods at this scale (nominal £).
    public var budget: Double
    /// Exposure in risk-years.
    public var exposure: Double
    /// The proven bound on the primary objective's value (SPEC §2.4).
    public var bound: Double
    /// Nominal spend over the horizon (£).
    public var nominalCost: Double
    /// Present-value spend (£ at period-1 prices, discounted).
    public var presentValueCost: Double
    /// Units gone (replaced or removed) within the horizon.
    public var units: Int
    /// Units isolated within the horizon.
    public var isolated: Int
    /// Late risk-years L of a best-effort plan (0 for a feasible one).
    public var lateRiskYears: Double
    /// The organisation's status at this scale (the run's for `all`).
    public var status: PlanStatus

    /// The rows of one point: each organisation's, then `all`.
    public static func rows(scale: Double, plan: Plan) -> [FrontierRow] {
        var rows = plan.organisations.map { organisation in
            FrontierRow(
                scale: scale, council: organisation.name, budget: organisation.periods.reduce(0) { $0 + $1.budget },
                exposure: organisation.exposure, bound: organisation.bound, nominalCost: organisation.nominalCost,
                presentValueCost: organisation.presentValueCost, units: organisation.periods.reduce(0) { $0 + $1.units },
                isolated: organisation.periods.reduce(0) { $0 + $1.isolated }, lateRiskYears: organisation.lateRiskYears,
                status: organisation.status)
        }
        rows.append(FrontierRow(
            scale: scale, council: "all", budget: rows.reduce(0) { $0 + $1.budget }, exposure: plan.exposure, bound: plan.bound,
            nominalCost: plan.nominalCost, presentValueCost: plan.presentValueCost, units: rows.reduce(0) { $0 + $1.units },
            isolated: rows.reduce(0) { $0 + $1.isolated }, lateRiskYears: rows.reduce(0) { $0 + $1.lateRiskYears },
            status: plan.status))
        return rows
    }

    /// A scale as files name it: `1`, `0.75`, `1.25` (no trailing zeros).
    public static func scaleText(_ scale: Double) -> String { CSVText.number(scale) }

    /// frontier.csv's text.
    public static func csv(_ rows: [FrontierRow]) -> String {
        var text = CSVText.line(["scale", "council", "budget", "exposure", "bound", "nominalCost", "presentValueCost",
                                 "units", "isolated", "lateRiskYears", "status"])
        for row in rows {
            text += [scaleText(row.scale), CSVText.field(row.council), pence(row.budget), riskYears(row.exposure),
                     riskYears(row.bound), pence(row.nominalCost), pence(row.presentValueCost), String(row.units),
                     String(row.isolated), riskYears(row.lateRiskYears), row.status.rawValue].joined(separator: ",") + "\n"
        }
        return text
    }

    /// Money to the penny (SPEC §3), trailing zeros dropped.
    static func pence(_ value: Double) -> String { PenceApportionment.poundsText(value) }

    /// Risk-years to 6 decimals (SPEC §3).
    static func riskYears(_ value: Double) -> String { CSVText.number(value) }
}
