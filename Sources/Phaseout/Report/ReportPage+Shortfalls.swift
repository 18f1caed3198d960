/// The shortfalls section: what extra money and labour each infeasible organisation needs, and
/// what the funded plan would then buy.
extension ReportPage {
    func shortfallSection() -> String {
        let shortfalls = summary.organisations.compactMap { organisation in organisation.shortfall.map { (organisation.name, $0) } }
        guard !shortfalls.isEmpty else { return "" }
        var html = "<section id=\"shortfalls\">\n<h2>Councils that cannot meet a deadline</h2>\n"
        for (index, organisation) in summary.organisations.enumerated() where organisation.shortfall != nil {
            html += "<article class=\"shortfall\" id=\"short-\(index + 1)\"" + HTMLText.attributes(organisationScope(organisation.name)) + ">\n"
            html += "<h3>\(esc(organisation.name))</h3>\n<p>" + infeasibleWords(organisation) + ".</p>\n"
            html += bestEffortTable(organisation, scope: organisationScope(organisation.name))
            html += "</article>\n"
        }
        html += "<p>The shortfall is the least extra money, and then the fewest extra installer hours, that would let a "
        html += "council meet every deadline. Money is added to that year's budget, so what is not spent may carry over. "
        html += "The total is the least possible"
        html += shortfalls.contains { $0.1.caveat != nil } ? " (except where a caveat says it is only enough)" : ""
        html += "; the split across years is one split that achieves it.</p>\n"
        html += "<table class=\"figures shortfall\">\n<caption>Shortfall per council and year</caption>\n<thead><tr>"
        html += "<th scope=\"col\">Council</th><th scope=\"col\" class=\"text\">Need</th>"
        for period in periods { html += "<th scope=\"col\">\(esc(period))</th>" }
        html += "<th scope=\"col\">Total</th><th scope=\"col\" class=\"text\">Structural reason or caveat</th></tr></thead>\n<tbody>\n"
        for (name, shortfall) in shortfalls {
            let scope = organisationScope(name)
            let reason = shortfall.structural ? esc(shortfall.reason ?? "structural") : shortfall.caveat.map(esc) ?? "—"
            for (label, field, values, total) in [("Money", "shortfallMoney", shortfall.money, shortfall.totalMoney),
                                                  ("Installer hours", "shortfallHours", shortfall.hours, shortfall.totalHours)] {
                html += "<tr>" + (field == "shortfallMoney" ? "<th scope=\"row\" rowspan=\"2\">\(esc(name))</th>" : "")
                html += "<td>\(label)</td>"
                for (t, period) in periods.enumerated() {
                    let value = t < values.count ? Double(values[t]) : 0
                    html += numberCell(value, text: field == "shortfallMoney" ? MoneyText.pounds(value) : HTMLText.grouped(value, decimals: 0),
                                       scope + [("data-period", period), ("data-field", field)])
                }
                html += numberCell(Double(total), text: field == "shortfallMoney" ? MoneyText.pounds(Double(total)) : HTMLText.grouped(Double(total), decimals: 0),
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
            html += "<p>With every shortfall funded, the plan (funded-plan.csv) replaces or removes "
            html += "<strong" + HTMLText.attributes(estateScope + [("data-field", "fundedUnitsReplaced"), ("data-value", String(fundedEstate?.replacedTotal ?? 0))])
            html += ">\(HTMLText.grouped(Double(fundedEstate?.replacedTotal ?? 0), decimals: 0))</strong> units at a cost of "
            html += "<strong" + HTMLText.attributes(estateScope + [("data-field", "fundedNominalCost"), ("data-value", HTMLText.raw(fundedCost))])
            html += ">\(MoneyText.pounds(fundedCost))</strong>\(input.fundedVisits == nil ? " (site visits not included)" : " including site visits").</p>\n"
        }
        return html + "</section>\n\n"
    }
}
