/// The estate-wide sections: spend against budget and replacement progress, all councils together.
extension ReportPage {
    func spendSection() -> String {
        let figures = summary.estatePeriods
        let visits = (0..<periods.count).map { t in visitSpend.values.reduce(0) { $0 + $1[t] } }
        var html = "<section id=\"spend\">\n<h2>Spend against budget</h2>\n"
        html += "<p>Money available each year is the budget plus what was carried in from the year before; "
        html += "\"can carry on\" is the most the rules let pass to the next year.</p>\n"
        html += "<figure>" + ReportChart.spend(figures, scope: estateScope, title: "Spend against budget and carry-in, all councils")
        html += "<figcaption>All councils: budget and carry-in (stacked) beside spend, year by year.</figcaption></figure>\n"
        html += spendTable(figures, visits: visits, scope: estateScope, caption: "Spend against budget, all councils")
        return html + "</section>\n\n"
    }

    func progressSection() -> String {
        var html = "<section id=\"progress\">\n<h2>Progress year by year</h2>\n"
        html += "<p>Units still in place (isolated or not) at the start and at the end of each year"
        html += fundedEstate == nil ? ".</p>\n" : "; the dashed line is the plan the shortfall would buy.</p>\n"
        html += "<figure>" + ReportChart.burnDown(periods: periods, remaining: estate.remaining, funded: fundedEstate?.remaining,
                                                 scope: estateScope, title: "Units still in place year by year, all councils")
        html += "<figcaption>All councils: units still in place after each year.</figcaption></figure>\n"
        html += "<table class=\"figures\">\n<caption>Units replaced or removed, and left in place, all councils</caption>\n<thead><tr><th scope=\"col\">Year</th>"
        html += "<th scope=\"col\">Replaced or removed</th><th scope=\"col\">Left in place after</th>"
        if fundedEstate != nil { html += "<th scope=\"col\">Replaced if funded</th><th scope=\"col\">Left if funded</th>" }
        html += "</tr></thead>\n<tbody>\n"
        let remaining = estate.remaining
        for (t, period) in periods.enumerated() {
            let at = estateScope + [("data-period", period)]
            html += "<tr><th scope=\"row\">\(esc(period))</th>"
            html += count(estate.replaced[t], at + [("data-field", "unitsReplaced")])
            html += count(remaining[t + 1], at + [("data-field", "unitsRemaining")])
            if let funded = fundedEstate {
                html += count(funded.replaced[t], at + [("data-field", "fundedUnitsReplaced")])
                html += count(funded.remaining[t + 1], at + [("data-field", "fundedUnitsRemaining")])
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += unitsTable(estate, scope: estateScope, caption: "Units replaced or removed by kind and year, all councils")
        return html + "</section>\n\n"
    }
}
