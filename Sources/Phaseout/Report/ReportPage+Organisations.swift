/// The councils section: an overview table, then one collapsed detail section per council that
/// a reader opens (and that prints expanded).
extension ReportPage {
    func organisationsSection() -> String {
        var html = "<section id=\"organisations\">\n<h2>Councils</h2>\n"
        html += "<p>Open a council's name below the table for its spending, its units year by year and its works schedule.</p>\n"
        html += "<table class=\"figures overview\">\n<caption>Each council at a glance</caption>\n<thead><tr>"
        for title in ["Council", "Plan", "Budget", "Spend", "Budget used", "Units replaced or removed", "High-risk units",
                      "Deadlines met?", "Risk-years if nothing is done", "Risk-years left"] {
            let isText = title == "Plan" || title == "Deadlines met?"
            html += "<th scope=\"col\"\(isText ? " class=\"text\"" : "")>\(title)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (index, organisation) in summary.organisations.enumerated() {
            let scope = organisationScope(organisation.name)
            let tally = byOrganisation[organisation.name] ?? PlanTally(periodCount: periods.count)
            let budget = organisation.periods.reduce(0) { $0 + $1.budget }
            let spend = organisation.periods.reduce(0) { $0 + $1.spend }
            html += "<tr><th scope=\"row\"><a href=\"#org-\(index + 1)\">\(esc(organisation.name))</a></th>"
            html += "<td>\(badge(organisation.status, scope: scope, gap: organisation.gap))</td>"
            html += numberCell(budget, text: MoneyText.pounds(budget), scope + [("data-field", "budgetTotal")])
            html += numberCell(spend, text: MoneyText.pounds(spend), scope + [("data-field", "spendTotal")])
            let used = budget > 0 ? spend / budget : 0
            html += numberCell(used, text: HTMLText.percent(used), scope + [("data-field", "budgetUsed")])
            html += count(tally.replacedTotal, scope + [("data-field", "unitsReplaced")])
            html += count(tally.total, scope + [("data-field", "units")])
            html += deadlineCell(organisation.name, tally: tally, scope: scope)
            html += numberCell(organisation.baselineExposure, text: HTMLText.grouped(organisation.baselineExposure, decimals: 0), scope + [("data-field", "baselineExposure")])
            html += numberCell(organisation.exposure, text: HTMLText.grouped(organisation.exposure, decimals: 0), scope + [("data-field", "exposure")])
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if hasMargins { html += marginsExplanation() }
        for (index, organisation) in summary.organisations.enumerated() {
            html += organisationArticle(organisation, index: index)
        }
        return html + "</section>\n\n"
    }

    private func organisationArticle(_ organisation: ReportSummary.Organisation, index: Int) -> String {
        let scope = organisationScope(organisation.name)
        let tally = byOrganisation[organisation.name] ?? PlanTally(periodCount: periods.count)
        let name = esc(organisation.name)
        var html = "<details class=\"organisation\" id=\"org-\(index + 1)\"" + HTMLText.attributes(scope) + ">\n"
        html += "<summary><h3>\(name) \(badge(organisation.status, scope: [], gap: organisation.gap))</h3> "
        html += "<span class=\"facts\">\(esc(organisationFacts(organisation, tally: tally)))</span></summary>\n<article>\n"
        if let shortfall = organisation.shortfall {
            html += "<p class=\"alert\">" + infeasibleWords(organisation) + ". "
            html += shortfall.structural ? "Its units stand untreated.</p>\n"
                : "Its plan below is the best it can do with its own budget; <a href=\"#short-\(index + 1)\">the funded plan</a> is set beside it above.</p>\n"
        } else if organisation.status == .unknown {
            html += "<p class=\"alert\">Time ran out before a plan was found; its units are shown untouched.</p>\n"
        }
        html += "<figure>" + ReportChart.spend(organisation.periods, scope: scope, title: "Spend against budget and carry-in, \(organisation.name)")
        html += "<figcaption>\(name): budget and carry-in beside spend.</figcaption></figure>\n"
        html += spendTable(organisation.periods, visits: visitSpend[organisation.name], scope: scope, caption: "Spend against budget, \(organisation.name)")
        html += unitsTable(tally, scope: scope, caption: "Units replaced or removed by kind and year, \(organisation.name)")
        html += scheduleTable(organisation.name, scope: scope)
        html += marginsTable(organisation, scope: scope)
        return html + "</article>\n</details>\n"
    }

    /// "Risk-years 1,771 of 4,204 · cost £312,400 · deadlines met: yes · proven best".
    private func organisationFacts(_ organisation: ReportSummary.Organisation, tally: PlanTally) -> String {
        var facts: [String] = []
        if summary.objective == "cost" {
            facts.append("cost in today's money \(MoneyText.pounds(organisation.presentValueCost))")
        } else {
            facts.append("\(riskYearsText(organisation.exposure)) left of \(HTMLText.grouped(organisation.baselineExposure, decimals: 0))")
        }
        facts.append("cost \(MoneyText.pounds(organisation.nominalCost))")
        facts.append("\(unitsText(tally.replacedTotal)) replaced or removed")
        if tally.isolated > 0 { facts.append("\(unitsText(tally.isolated)) isolated") }
        facts.append(tally.deadlineUnits == 0 ? "no deadlines" : tally.lateUnits == 0 ? "every deadline met"
            : "\(tally.lateUnits) of \(tally.deadlineUnits) units with a deadline late")
        return facts.joined(separator: " · ")
    }

    private func deadlineCell(_ name: String, tally: PlanTally, scope: [(String, String)]) -> String {
        let attributes = { (value: String) in HTMLText.attributes(scope + [("data-field", "deadlinesMet"), ("data-value", value)]) }
        if tally.deadlineUnits == 0 { return "<td\(attributes("none"))>no deadlines</td>" }
        var text: String
        let value: String
        if tally.lateUnits == 0 {
            value = "yes"
            text = "yes (\(tally.deadlineUnits) \(tally.deadlineUnits == 1 ? "unit" : "units"))"
        } else {
            value = "no"
            text = "<span class=\"bad\">no</span>: \(tally.lateUnits) of \(tally.deadlineUnits) late"
            if let funded = fundedByOrganisation[name], funded.deadlineUnits > 0 {
                text += funded.lateUnits == 0 ? "; yes if funded" : "; \(funded.lateUnits) late if funded"
            }
        }
        return "<td\(attributes(value))>\(text)</td>"
    }
}
