/// The tables shared by the estate and organisation parts: spend per period and units per kind.
extension ReportPage {
    func spendTable(_ figures: [PeriodFigures], visits: [Double]?, scope: [(String, String)], caption: String) -> String {
        let hasLabourLimit = figures.contains { $0.labourLimit != nil }
        var html = "<table class=\"figures\">\n<caption>\(esc(caption))</caption>\n<thead><tr>"
        var titles = ["Year", "Budget", "Carried in", "Available", "Spend", "of which site visits", "Can carry on", "Units replaced or removed", "Installer hours"]
        if hasLabourLimit { titles.append("Installer hours available") }
        for title in titles { html += "<th scope=\"col\">\(title)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (t, period) in figures.enumerated() {
            let at = scope + [("data-period", period.period)]
            html += "<tr><th scope=\"row\">\(esc(period.period))</th>"
            html += moneyCell(period.budget, at + [("data-field", "budget")])
            html += moneyCell(period.carryIn, at + [("data-field", "carryIn")])
            html += moneyCell(period.budget + period.carryIn, at + [("data-field", "available")])
            html += moneyCell(period.spend, at + [("data-field", "spend")], over: period.spend > (period.budget + period.carryIn) * (1 + 1e-6) + 1e-6)
            html += moneyCell(visits.map { t < $0.count ? $0[t] : 0 } ?? 0, at + [("data-field", "visitSpend")])
            html += moneyCell(period.carryOut, at + [("data-field", "carryOut")])
            html += count(period.units, at + [("data-field", "units")])
            html += numberCell(period.labourHours, text: HTMLText.grouped(period.labourHours), at + [("data-field", "labourHours")])
            if hasLabourLimit {
                if let limit = period.labourLimit {
                    html += numberCell(limit, text: HTMLText.grouped(limit), at + [("data-field", "labourLimit")])
                } else {
                    html += "<td class=\"num\">—</td>"
                }
            }
            html += "</tr>\n"
        }
        let budget = figures.reduce(0) { $0 + $1.budget }, spend = figures.reduce(0) { $0 + $1.spend }
        let units = figures.reduce(0) { $0 + $1.units }, hours = figures.reduce(0) { $0 + $1.labourHours }
        let visitTotal = visits?.reduce(0, +) ?? 0
        html += "</tbody>\n<tfoot><tr><th scope=\"row\">Total</th>"
        html += moneyCell(budget, scope + [("data-field", "budgetTotal")])
        html += "<td></td><td></td>"
        html += moneyCell(spend, scope + [("data-field", "spendTotal")])
        html += moneyCell(visitTotal, scope + [("data-field", "visitSpendTotal")])
        html += "<td></td>"
        html += count(units, scope + [("data-field", "unitsTotal")])
        html += numberCell(hours, text: HTMLText.grouped(hours), scope + [("data-field", "labourHoursTotal")])
        if hasLabourLimit { html += "<td></td>" }
        return html + "</tr></tfoot>\n</table>\n"
    }

    func unitsTable(_ tally: PlanTally, scope: [(String, String)], caption: String) -> String {
        var html = "<table class=\"figures units\">\n<caption>\(esc(caption))</caption>\n<thead><tr><th scope=\"col\">Kind</th>"
        for period in periods { html += "<th scope=\"col\">\(esc(period))</th>" }
        html += "<th scope=\"col\">Left in place</th><th scope=\"col\">Total</th></tr></thead>\n<tbody>\n"
        if tally.kinds.isEmpty {
            html += "<tr><td colspan=\"\(periods.count + 3)\" class=\"empty\">No units in the plan.</td></tr>\n"
        }
        for kind in tally.kinds {
            let units = tally.unitsByKind[kind] ?? []
            let at = scope + [("data-kind", kind)]
            html += "<tr><th scope=\"row\">\(esc(kind))</th>"
            for (t, period) in periods.enumerated() {
                html += count(units[t], at + [("data-period", period), ("data-field", "units")])
            }
            html += count(units[periods.count], at + [("data-field", "unitsNotReplaced")])
            html += count(units.reduce(0, +), at + [("data-field", "unitsTotal")], strong: true)
            html += "</tr>\n"
        }
        html += "</tbody>\n<tfoot><tr><th scope=\"row\">All kinds</th>"
        for (t, period) in periods.enumerated() {
            html += count(tally.replaced[t], scope + [("data-period", period), ("data-field", "unitsReplaced")])
        }
        html += count(tally.notReplaced, scope + [("data-field", "unitsNotReplaced")])
        html += count(tally.total, scope + [("data-field", "unitsTotal")], strong: true)
        return html + "</tr></tfoot>\n</table>\n"
    }
}
