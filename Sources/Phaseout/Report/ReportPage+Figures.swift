/// The headline figures, in words a committee uses: units, risk left, money, and how sure the
/// planner is that no better plan exists.
extension ReportPage {
    func headlineFigures() -> [String] {
        let reduction = summary.baselineExposure > 0 ? 1 - summary.exposure / summary.baselineExposure : 0
        let replacedShare = estate.total > 0 ? Double(estate.replacedTotal) / Double(estate.total) : 0
        var items: [String] = []
        items.append(kpi("High-risk units", field: "units", value: Double(estate.total),
                         text: unitsText(estate.total), note: "cameras and recorders, with contracted works"))
        items.append(kpi("Replaced or removed", field: "unitsReplaced", value: Double(estate.replacedTotal),
                         text: unitsText(estate.replacedTotal),
                         note: "\(HTMLText.percent(replacedShare, decimals: 0)) · \(unitsText(estate.notReplaced)) left in place"))
        // Most isolated units are replaced later: say how many are still only isolated at the end.
        let stillIsolated = estate.stillIsolated.reduce(0) { $0 + $1.units }
        items.append(kpi("Isolated on the way", field: "unitsIsolated", value: Double(estate.isolated), text: unitsText(estate.isolated),
                         note: "risk lowered, not gone; \(HTMLText.grouped(Double(stillIsolated), decimals: 0)) still only isolated at the end"))
        items.append(kpi("Risk if nothing is done", field: "baselineExposure", value: summary.baselineExposure,
                         text: riskYearsText(summary.baselineExposure), note: "risk-years over the plan's years"))
        items.append(kpi("Risk left by the plan", field: "exposure", value: summary.exposure,
                         text: riskYearsText(summary.exposure), note: "\(HTMLText.percent(reduction, decimals: 0)) less than doing nothing"))
        items.append(kpi("Cost", field: "nominalCost", value: summary.nominalCost,
                         text: MoneyText.pounds(summary.nominalCost), note: "as paid each year, site visits included"))
        items.append(kpi("Cost in today's money", field: "presentValueCost", value: summary.presentValueCost,
                         text: MoneyText.pounds(summary.presentValueCost), note: "\(periods.first ?? "first-year") prices, discounted"))
        items.append(kpi("How sure", field: "gap", value: summary.gap, text: provenText(summary.gap),
                         note: "no plan can be better by more than this"))
        return items
    }

    /// "proven best", or "within 1.2 %" of the best possible (SPEC §2.5's gap, in words).
    func provenText(_ gap: Double) -> String {
        if gap <= 0 { return "proven best" }
        // One decimal unless that would read as 0.0 %.
        return "within " + HTMLText.percent(gap, decimals: gap < 0.0005 ? 2 : 1)
    }

    /// "1,204 units", "1 unit".
    func unitsText(_ units: Int) -> String {
        HTMLText.grouped(Double(units), decimals: 0) + (units == 1 ? " unit" : " units")
    }

    /// Risk-years as a committee reads them: whole above 100, one decimal below.
    func riskYearsText(_ value: Double) -> String {
        HTMLText.grouped(value, decimals: abs(value) >= 100 ? 0 : 1) + " risk-years"
    }
}
