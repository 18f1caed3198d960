/// The "What more money buys" part of the report: per organisation, each period's shadow price
/// and, when the run asked for it, the what-if re-plan.
extension ReportPage {
    /// Whether any organisation carries shadow prices or what-if figures.
    var hasMargins: Bool {
        input.summary.organisations.contains { organisation in
            organisation.periods.contains { $0.shadowPricePer1000 != nil || $0.whatIf != nil }
        }
    }

    /// One paragraph saying what the figures mean and where the shadow price misleads.
    func marginsExplanation() -> String {
        let measure = input.summary.objective == "cost" ? "cost saved in today's money" : "risk-years removed"
        let text = "What more money buys: \"at the margin\" is the \(measure) that an extra £1,000 in one year's "
            + "budget would buy if the plan's site visits and recorder blocks stayed as they are (economists call it a "
            + "shadow price). It misleads whenever £1,000 would pay for a new site visit or a whole recorder block, or "
            + "cannot, so the re-planned column — the council planned again with that sum added to that year — is the "
            + "figure to put to a committee."
        return "<p class=\"note\" id=\"margins-explained\">\(HTMLText.escape(text))</p>\n"
    }

    /// The per-period table of one organisation; empty when it has no figures.
    func marginsTable(_ organisation: ReportSummary.Organisation, scope: [(String, String)]) -> String {
        let figures = organisation.periods
        let hasPrices = figures.contains { $0.shadowPricePer1000 != nil }
        let hasLabour = figures.contains { $0.shadowPricePerLabourHour != nil }
        let hasWhatIf = figures.contains { $0.whatIf != nil }
        guard hasPrices || hasWhatIf else {
            // A council with a shortfall has its own answer to what more money buys.
            guard organisation.shortfall == nil, let note = organisation.shadowPriceNote else { return "" }
            return "<p class=\"note\">What more money buys: \(HTMLText.escape(note)).</p>\n"
        }
        let isCost = input.summary.objective == "cost"
        var titles = ["Year"]
        if hasPrices { titles.append(isCost ? "Saved (today's £) per extra £1,000, at the margin" : "Risk-years removed per extra £1,000, at the margin") }
        if hasLabour { titles.append(isCost ? "Saved (today's £) per extra installer hour" : "Risk-years removed per extra installer hour") }
        if let amount = figures.compactMap(\.whatIf).first?.amount {
            let sum = MoneyText.pounds(amount)
            titles += [isCost ? "Saved (today's £) with \(sum) more, re-planned" : "Risk-years removed with \(sum) more, re-planned", "Re-plan"]
        }
        var html = "<table class=\"figures margins\">\n<caption>\(HTMLText.escape("What more money buys, \(organisation.name)"))</caption>\n<thead><tr>"
        for title in titles { html += "<th scope=\"col\">\(HTMLText.escape(title))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for period in figures {
            let at = scope + [("data-period", period.period)]
            html += "<tr><th scope=\"row\">\(HTMLText.escape(period.period))</th>"
            if hasPrices { html += optionalCell(period.shadowPricePer1000, at + [("data-field", "shadowPricePer1000")]) }
            if hasLabour { html += optionalCell(period.shadowPricePerLabourHour, at + [("data-field", "shadowPricePerLabourHour")]) }
            if hasWhatIf {
                if let whatIf = period.whatIf {
                    let saved = isCost ? whatIf.presentValueSaved : whatIf.exposureRemoved
                    html += optionalCell(saved, at + [("data-field", "whatIfRemoved")])
                    let gap = whatIf.gap > 0 ? " (gap \(HTMLText.percent(whatIf.gap, decimals: 2)))" : ""
                    html += "<td class=\"text\"" + HTMLText.attributes(at + [("data-field", "whatIfStatus"), ("data-value", whatIf.status.rawValue)])
                        + ">\(whatIf.status.rawValue)\(HTMLText.escape(gap))</td>"
                } else {
                    html += "<td class=\"num\">—</td><td class=\"text\">—</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if let note = organisation.shadowPriceNote, !hasPrices {
            html += "<p class=\"note\">Shadow prices: \(HTMLText.escape(note)).</p>\n"
        }
        return html
    }

    private func optionalCell(_ value: Double?, _ attributes: [(String, String)]) -> String {
        guard let value else { return "<td class=\"num\">—</td>" }
        return "<td class=\"num\"" + HTMLText.attributes(attributes + [("data-value", HTMLText.raw(value))]) + ">"
            + HTMLText.escape(HTMLText.grouped(value, decimals: 3)) + "</td>"
    }
}
