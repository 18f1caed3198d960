/// A figure the comparison sets side by side: the `data-field` it is marked with, how it is
/// written and which way of changing is good news.
struct ComparisonMeasure: Sendable {
    /// Which difference from the baseline the page colours as better.
    enum Better {
        case lower, higher
        /// Money spent or budgeted: more is neither good nor bad, only more.
        case neither
    }

    var field: String
    var name: String
    var better: Better
    var format: @Sendable (Double) -> String
    /// Writes a difference's size; `format` when `nil`.
    var deltaFormat: (@Sendable (Double) -> String)? = nil

    /// The difference of `value` from `baseline` as the page shows it, signed, and the class
    /// that colours it; `same` when the two read alike, so that rounding never shows as a change.
    func delta(_ value: Double, from baseline: Double) -> (text: String, tone: String) {
        if format(value) == format(baseline) { return ("same", "same") }
        let difference = value - baseline
        let size = (deltaFormat ?? format)(abs(difference))
        let text = (difference > 0 ? "+" : "−") + size
        switch better {
        case .neither: return (text, "neutral")
        case .lower: return (text, difference < 0 ? "better" : "worse")
        case .higher: return (text, difference > 0 ? "better" : "worse")
        }
    }
}

extension ComparisonMeasure {
    static func money(_ field: String, _ name: String, better: Better = .neither) -> ComparisonMeasure {
        ComparisonMeasure(field: field, name: name, better: better, format: MoneyText.pounds)
    }

    static func count(_ field: String, _ name: String, better: Better) -> ComparisonMeasure {
        ComparisonMeasure(field: field, name: name, better: better) { HTMLText.grouped($0, decimals: 0) }
    }

    static func riskYears(_ field: String, _ name: String, better: Better = .lower) -> ComparisonMeasure {
        ComparisonMeasure(field: field, name: name, better: better) { HTMLText.grouped($0) }
    }

    static let exposure = riskYears("exposure", "Exposure after (risk-years)")
    static let baselineExposure = riskYears("baselineExposure", "Exposure before (risk-years)", better: .neither)
    static let reduction = ComparisonMeasure(
        field: "exposureReduction", name: "Exposure removed", better: .higher,
        format: { HTMLText.percent($0) }, deltaFormat: { String(format: "%.1f", $0 * 100) + " pts" })
    static let nominalCost = money("nominalCost", "Nominal cost")
    static let presentValueCost = money("presentValueCost", "Present-value cost")
    static let budget = money("budget", "Budget")
    static let spend = money("spend", "Spend")
    static let units = count("units", "Units gone", better: .higher)
    /// Units gone in one period: fewer later often means more earlier, so neither way is better.
    static let unitsInPeriod = count("units", "Units gone", better: .neither)
    static let isolated = count("isolated", "Units isolated", better: .neither)
    static let unitsGoneSoFar = count("unitsGoneSoFar", "Units gone so far", better: .higher)
    static let neverTreated = count("unitsNeverTreated", "Units never treated", better: .lower)
    static let lateUnits = count("lateUnits", "Units late for a deadline", better: .lower)
    static let lateRiskYears = riskYears("lateRiskYears", "Late risk-years")
    static let shortfallMoney = money("shortfallMoney", "Shortfall (money)", better: .lower)
    static let shortfallHours = count("shortfallHours", "Shortfall (labour hours)", better: .lower)

    /// Organisations ending in `status`; more optimal ones is better, more infeasible or unknown worse.
    static func organisations(_ status: PlanStatus) -> ComparisonMeasure {
        let better: Better = switch status {
        case .optimal: .higher
        case .feasible: .neither
        case .infeasible, .unknown: .lower
        }
        return count("statusCounts.\(status.rawValue)", "Organisations \(status.rawValue)", better: better)
    }
}
