/// The organisations section: an overview table, then one article per organisation.
extension ReportPage {
    func organisationsSection() -> String {
        var html = "<section id=\"organisations\">\n<h2>Organisations</h2>\n"
        html += "<table class=\"figures overview\">\n<caption>Each organisation at a glance</caption>\n<thead><tr>"
        for title in ["Organisation", "Status", "Budget", "Spend", "Budget used", "Units replaced", "Units in plan",
                      "Deadlines met?", "Exposure before", "Exposure after"] {
            let isText = title == "Status" || title == "Deadlines met?"
            html += "<th scope=\"col\"\(isText ? " class=\"text\"" : "")>\(title)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (index, organisation) in summary.organisations.enumerated() {
            let scope = organisationScope(organisation.name)
            let tally = byOrganisation[organisation.name] ?? PlanTally(periodCount: periods.count)
            let budget = organisation.periods.reduce(0) { $0 + $1.budget }
            let spend = organisation.periods.reduce(0) { $0 + $1.spend }
            html += "<tr><th scope=\"row\"><a href=\"#org-\(index + 1)\">\(esc(organisation.name))</a></th>"
            html += "<td>\(badge(organisation.status, scope: scope))</td>"
            html += numberCell(budget, text: HTMLText.money(budget), scope + [("data-field", "budgetTotal")])
            html += numberCell(spend, text: HTMLText.money(spend), scope + [("data-field", "spendTotal")])
            let used = budget > 0 ? spend / budget : 0
            html += numberCell(used, text: HTMLText.percent(used), scope + [("data-field", "budgetUsed")])
            html += count(tally.replacedTotal, scope + [("data-field", "unitsReplaced")])
            html += count(tally.total, scope + [("data-field", "units")])
            html += deadlineCell(organisation.name, tally: tally, scope: scope)
            html += numberCell(organisation.baselineExposure, text: HTMLText.grouped(organisation.baselineExposure), scope + [("data-field", "baselineExposure")])
            html += numberCell(organisation.exposure, text: HTMLText.grouped(organisation.exposure), scope + [("data-field", "exposure")])
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
        var html = "<article class=\"organisation\" id=\"org-\(index + 1)\"" + HTMLText.attributes(scope) + ">\n"
        html += "<h3>\(name) \(badge(organisation.status, scope: []))</h3>\n"
        let valueText = summary.objective == "cost" ? "present-value cost \(HTMLText.money(organisation.presentValueCost))"
            : "exposure \(HTMLText.grouped(organisation.exposure)) of \(HTMLText.grouped(organisation.baselineExposure)) risk-years"
        html += "<p class=\"facts\">\(esc(valueText)) · nominal cost \(HTMLText.money(organisation.nominalCost))"
        html += " · PV \(HTMLText.money(organisation.presentValueCost))"
        if organisation.gap > 0 { html += " · gap \(HTMLText.percent(organisation.gap, decimals: 2))" }
        let budget = organisation.periods.reduce(0) { $0 + $1.budget }, spend = organisation.periods.reduce(0) { $0 + $1.spend }
        html += " · budget used \(HTMLText.percent(budget > 0 ? spend / budget : 0))"
        html += " · deadlines met: " + (tally.deadlineUnits == 0 ? "no deadlines" : tally.lateUnits == 0 ? "yes"
            : "no, \(tally.lateUnits) of \(tally.deadlineUnits) units late")
        html += "</p>\n"
        if let shortfall = organisation.shortfall {
            if shortfall.structural {
                html += "<p class=\"alert\">Infeasible for a structural reason: \(esc(shortfall.reason ?? "unknown")). Its units stand unreplaced.</p>\n"
            } else {
                html += "<p class=\"alert\">Infeasible within budget: short of \(HTMLText.money(Double(shortfall.totalMoney))) and "
                html += "\(hoursText(shortfall.totalHours)). Its units stand unreplaced in plan.csv; "
                html += "funded-plan.csv shows what the shortfall would buy.</p>\n"
            }
        } else if organisation.status == .unknown {
            html += "<p class=\"alert\">Time ran out before a plan was found; its units stand unreplaced.</p>\n"
        }
        html += "<figure>" + ReportChart.spend(organisation.periods, scope: scope, title: "Spend against budget and carry-in, \(organisation.name)")
        html += "<figcaption>\(name): budget and carry-in beside spend.</figcaption></figure>\n"
        html += spendTable(organisation.periods, visits: visitSpend[organisation.name], scope: scope, caption: "Spend against budget, \(organisation.name)")
        html += unitsTable(tally, scope: scope, caption: "Units by kind and period, \(organisation.name)")
        html += marginsTable(organisation, scope: scope)
        return html + "</article>\n"
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
