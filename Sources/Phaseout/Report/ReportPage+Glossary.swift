/// The words the report uses, explained once, and the vendors it leaves out.
extension ReportPage {
    func glossarySection() -> String {
        let gap = summary.gap > 0 ? provenText(summary.gap) : "within 0.01 %"
        let terms: [(String, String)] = [
            ("risk-year", "one high-risk camera or recorder left in place for one year; units at more sensitive sites, "
                + "and kinds the scenario rates riskier, count for more. The plan keeps the total as low as the budgets allow."),
            ("replaced, removed", "the unit is gone: a new device from another vendor in its place, or taken away for good."),
            ("isolated", "the unit stays but is cut off from every network that reaches the internet or the vendor: "
                + "its risk is lowered, not gone, and it still counts (for less) until it is replaced or removed."),
            ("proven \(gap)", "the planner has proven that no plan within the same budgets leaves less risk than this one "
                + "by more than that share; \"proven best\" means no better plan exists."),
            ("best-effort plan", "for a council that cannot meet a deadline, the most it can do with its own budget: "
                + "as few units as possible left past their deadline, then as little risk as possible."),
            ("shortfall, funded plan", "the least extra money (and installer hours) that would let a council meet every "
                + "deadline, and the plan that money would buy."),
            ("carry-over", "money not spent in one year that the rules let the council spend the next."),
            ("cost in today's money", "each year's spending discounted to \(periods.first ?? "first-year") prices."),
            ("site visit", "the cost of sending a crew to a site, paid once for each year the site has work."),
        ]
        var html = "<section id=\"glossary\">\n<h2>Words used in this report</h2>\n<dl class=\"glossary\">\n"
        for (term, meaning) in terms { html += "<dt>\(esc(term))</dt><dd>\(esc(meaning))</dd>\n" }
        return html + "</dl>\n</section>\n\n"
    }

    /// The vendors of weight 0, most units first: what a security officer checks first.
    func vendorsSection() -> String {
        guard let vendors = summary.unratedVendors, !vendors.isEmpty else { return "" }
        let units = vendors.reduce(0) { $0 + $1.units }
        var html = "<section id=\"vendors\">\n<h2>Vendors treated as not high-risk</h2>\n"
        html += "<p>These vendors have risk weight 0, so the plan leaves their \(unitsText(units)) in place. "
        html += "Check that none of them is a high-risk vendor under another name; if one is, name it in the "
        html += "scenario's <code>vendors</code> or <code>vendorAliases</code> and plan again.</p>\n"
        html += "<table class=\"figures vendors\">\n<caption>Vendors with risk weight 0, most units first</caption>\n"
        html += "<thead><tr><th scope=\"col\">Vendor (as first spelt in the register)</th><th scope=\"col\">Units</th></tr></thead>\n<tbody>\n"
        for vendor in vendors {
            html += "<tr><th scope=\"row\">\(esc(vendor.vendor))</th>"
            html += count(vendor.units, estateScope + [("data-vendor", vendor.vendor), ("data-field", "unratedUnits")]) + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n\n"
    }
}
