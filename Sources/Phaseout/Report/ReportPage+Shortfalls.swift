/// The shortfalls section: what extra money and labour each infeasible organisation needs, and
/// what the funded plan would then buy.
extension ReportPage {
    func shortfallSection() -> String {
        let shortfalls = summary.organisations.compactMap { organisation in organisation.shortfall.map { (organisation.name, $0) } }
        guard !shortfalls.isEmpty else { return "" }
        var html = "<section id=\"shortfalls\">\n<h2>Shortfalls</h2>\n"
        html += "<p>The least extra money (nominal £, added to that period's budget, so it may carry over) and then the least "
        html += "extra labour hours that would let each organisation meet its deadlines. The totals are the least possible "
        html += shortfalls.contains { $0.1.caveat != nil } ? "(except where a caveat says they only suffice); " : "; "
        html += "the split across periods is one split that achieves them.</p>\n"
        html += "<table class=\"figures shortfall\">\n<caption>Shortfall per organisation and period</caption>\n<thead><tr>"
        html += "<th scope=\"col\">Organisation</th><th scope=\"col\" class=\"text\">Need</th>"
        for period in periods { html += "<th scope=\"col\">\(esc(period))</th>" }
        html += "<th scope=\"col\">Total</th><th scope=\"col\" class=\"text\">Structural reason or caveat</th></tr></thead>\n<tbody>\n"
        for (name, shortfall) in shortfalls {
            let scope = organisationScope(name)
            let reason = shortfall.structural ? esc(shortfall.reason ?? "structural") : shortfall.caveat.map(esc) ?? "—"
            for (label, field, values, total) in [("Money", "shortfallMoney", shortfall.money, shortfall.totalMoney),
                                                  ("Labour hours", "shortfallHours", shortfall.hours, shortfall.totalHours)] {
                html += "<tr>" + (field == "shortfallMoney" ? "<th scope=\"row\" rowspan=\"2\">\(esc(name))</th>" : "")
                html += "<td>\(label)</td>"
                for (t, period) in periods.enumerated() {
                    let value = t < values.count ? Double(values[t]) : 0
                    html += numberCell(value, text: field == "shortfallMoney" ? HTMLText.money(value) : HTMLText.grouped(value, decimals: 0),
                                       scope + [("data-period", period), ("data-field", field)])
                }
                html += numberCell(Double(total), text: field == "shortfallMoney" ? HTMLText.money(Double(total)) : HTMLText.grouped(Double(total), decimals: 0),
                                   scope + [("data-field", field + "Total")], strong: true)
                if field == "shortfallMoney" {
                    html += "<td rowspan=\"2\" class=\"reason\"" + HTMLText.attributes(scope + [("data-field", "structuralReason"), ("data-value", shortfall.structural ? "yes" : "no")]) + ">\(reason)</td>"
                }
                html += "</tr>\n"
            }
        }
        html += "</tbody>\n</table>\n"
        if input.funded != nil {
            let fundedCost = (input.funded ?? []).reduce(0) { $0 + $1.cost } + (input.fundedVisits ?? []).reduce(0) { $0 + $1.cost }
            html += "<p>With the shortfall funded, the plan in funded-plan.csv replaces "
            html += "<strong" + HTMLText.attributes(estateScope + [("data-field", "fundedUnitsReplaced"), ("data-value", String(fundedEstate?.replacedTotal ?? 0))])
            html += ">\(HTMLText.grouped(Double(fundedEstate?.replacedTotal ?? 0), decimals: 0))</strong> units for a nominal "
            html += "<strong" + HTMLText.attributes(estateScope + [("data-field", "fundedNominalCost"), ("data-value", HTMLText.raw(fundedCost))])
            html += ">\(HTMLText.money(fundedCost))</strong>\(input.fundedVisits == nil ? " (site visits not included)" : " including site visits").</p>\n"
        }
        return html + "</section>\n\n"
    }
}
