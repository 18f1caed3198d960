import Foundation

/// Renders one report page from a ``ReportInput``.
struct ReportPage {
    let input: ReportInput
    private let summary: ReportSummary
    private let periods: [String]
    private let estate: PlanTally
    private let byOrganisation: [String: PlanTally]
    private let fundedEstate: PlanTally?
    private let fundedByOrganisation: [String: PlanTally]
    private let visitSpend: [String: [Double]]

    init(input: ReportInput) {
        self.input = input
        summary = input.summary
        periods = summary.periods
        let count = periods.count
        estate = PlanTally(input.plan, periodCount: count)
        byOrganisation = Dictionary(grouping: input.plan, by: \.council).mapValues { PlanTally($0, periodCount: count) }
        fundedEstate = input.funded.map { PlanTally($0, periodCount: count) }
        fundedByOrganisation = Dictionary(grouping: input.funded ?? [], by: \.council).mapValues { PlanTally($0, periodCount: count) }
        var visits: [String: [Double]] = [:]
        for visit in input.visits {
            visits[visit.council, default: [Double](repeating: 0, count: count)][visit.period] += visit.cost
        }
        visitSpend = visits
    }

    // MARK: - Page

    func html() -> String {
        var page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="phaseout \(PhaseoutInfo.specVersion)">
        <title>Replacement plan report</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <main>

        """
        page += header()
        page += headline()
        page += spendSection()
        page += progressSection()
        page += shortfallSection()
        page += organisationsSection()
        page += """
        <footer><p>Made by <code>phaseout report</code> from summary.json and plan.csv\
        \(input.visits.isEmpty ? "" : ", visits.csv")\(input.funded == nil ? "" : ", funded-plan.csv"). \
        Costs are nominal pounds of each period unless marked present value (period-1 prices, discounted). \
        Exposure is in risk-years. Unit counts include contracted works (locked units not at risk).</p></footer>
        </main>
        </body>
        </html>

        """
        return page
    }

    // MARK: - Sections

    private func header() -> String {
        let range = periods.isEmpty ? "no periods" : periods.count == 1 ? periods[0] : "\(periods[0]) to \(periods[periods.count - 1])"
        let organisations = summary.organisations.count
        return """
        <header>
        <h1>Replacement plan for high-risk CCTV devices</h1>
        <p class="subtitle">\(badge(summary.status, scope: [])) Objective: <strong>\(esc(objectiveName))</strong> · \
        \(periods.count) \(periods.count == 1 ? "period" : "periods") (\(esc(range))) · \
        \(organisations) \(organisations == 1 ? "organisation" : "organisations")</p>
        </header>

        """
    }

    private var objectiveName: String {
        summary.objective == "cost" ? "least present-value cost, everything replaced" : "least exposure (risk-years)"
    }

    private func headline() -> String {
        let reduction = summary.baselineExposure > 0 ? 1 - summary.exposure / summary.baselineExposure : 0
        let replacedShare = estate.total > 0 ? Double(estate.replacedTotal) / Double(estate.total) : 0
        var items: [String] = []
        items.append(kpi("Units at risk", field: "units", value: Double(estate.total),
                         text: HTMLText.grouped(Double(estate.total), decimals: 0), note: "and contracted works, in plan.csv"))
        items.append(kpi("Units replaced", field: "unitsReplaced", value: Double(estate.replacedTotal),
                         text: HTMLText.grouped(Double(estate.replacedTotal), decimals: 0),
                         note: "\(HTMLText.percent(replacedShare)) · \(HTMLText.grouped(Double(estate.notReplaced), decimals: 0)) left"))
        items.append(kpi("Exposure before", field: "baselineExposure", value: summary.baselineExposure,
                         text: HTMLText.grouped(summary.baselineExposure), note: "risk-years if nothing is replaced"))
        items.append(kpi("Exposure after", field: "exposure", value: summary.exposure,
                         text: HTMLText.grouped(summary.exposure), note: "risk-years · \(HTMLText.percent(reduction)) less"))
        items.append(kpi("Nominal cost", field: "nominalCost", value: summary.nominalCost,
                         text: HTMLText.money(summary.nominalCost), note: "units and site visits"))
        items.append(kpi("Present-value cost", field: "presentValueCost", value: summary.presentValueCost,
                         text: HTMLText.money(summary.presentValueCost), note: "period-1 prices, discounted"))
        let boundText = summary.objective == "cost" ? HTMLText.money(summary.bound) : HTMLText.grouped(summary.bound)
        items.append("<div class=\"kpi\"><dt>Status</dt><dd id=\"estate-status\"" + HTMLText.attributes(estateScope + [("data-field", "status"), ("data-value", summary.status.rawValue)])
            + ">\(esc(summary.status.rawValue))</dd><dd class=\"note\">bound \(esc(boundText))</dd></div>")
        items.append(kpi("Gap", field: "gap", value: summary.gap, text: HTMLText.percent(summary.gap, decimals: 2),
                         note: summary.gap == 0 ? "proven best" : "from the proven bound"))
        var html = "<section id=\"headline\">\n<h2>Headline</h2>\n<dl class=\"kpis\">\n" + items.joined(separator: "\n") + "\n</dl>\n"
        let shortfalls = summary.shortfalls ?? summary.organisations.compactMap(\.shortfall)
        if !shortfalls.isEmpty {
            let money = shortfalls.reduce(0) { $0 + $1.totalMoney }, hours = shortfalls.reduce(0) { $0 + $1.totalHours }
            let structural = shortfalls.filter(\.structural).count
            let who = shortfalls.count == 1 ? "1 organisation cannot meet its" : "\(shortfalls.count) organisations cannot meet their"
            html += "<p class=\"alert\">\(who) deadlines within budget: short of "
            html += "<strong>\(HTMLText.money(Double(money)))</strong> and <strong>\(hoursText(hours))</strong>"
            if structural > 0 { html += "; \(structural) for structural reasons that no money can fix" }
            html += ". See <a href=\"#shortfalls\">Shortfalls</a>.</p>\n"
        }
        let unknown = summary.organisations.filter { $0.status == .unknown }
        if !unknown.isEmpty {
            html += "<p class=\"alert\">Time ran out before a plan was found for "
            html += unknown.map { esc($0.name) }.joined(separator: ", ") + "; their units are shown unreplaced.</p>\n"
        }
        return html + "</section>\n\n"
    }

    private func spendSection() -> String {
        let figures = summary.estatePeriods
        let visits = (0..<periods.count).map { t in visitSpend.values.reduce(0) { $0 + $1[t] } }
        var html = "<section id=\"spend\">\n<h2>Spend against budget</h2>\n"
        html += "<p>Money available each period is the budget plus what was carried in from the period before; "
        html += "carry-out is the most the rules allow to carry on.</p>\n"
        html += "<figure>" + ReportChart.spend(figures, scope: estateScope, title: "Spend against budget and carry-in, all organisations")
        html += "<figcaption>All organisations: budget and carry-in (stacked) beside spend, per period.</figcaption></figure>\n"
        html += spendTable(figures, visits: visits, scope: estateScope, caption: "Spend against budget, all organisations")
        return html + "</section>\n\n"
    }

    private func progressSection() -> String {
        var html = "<section id=\"progress\">\n<h2>Replacement progress</h2>\n"
        html += "<p>Units still to replace at the start and at the end of each period"
        html += fundedEstate == nil ? ".</p>\n" : "; the dashed line is the plan the shortfall would buy.</p>\n"
        html += "<figure>" + ReportChart.burnDown(periods: periods, remaining: estate.remaining, funded: fundedEstate?.remaining,
                                                 scope: estateScope, title: "Units still to replace per period, all organisations")
        html += "<figcaption>All organisations: units left to replace after each period.</figcaption></figure>\n"
        html += "<table class=\"figures\">\n<caption>Units replaced and left, all organisations</caption>\n<thead><tr><th scope=\"col\">Period</th>"
        html += "<th scope=\"col\">Replaced</th><th scope=\"col\">Left after</th>"
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
        html += unitsTable(estate, scope: estateScope, caption: "Units by kind and period, all organisations")
        return html + "</section>\n\n"
    }

    private func shortfallSection() -> String {
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

    private func organisationsSection() -> String {
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

    // MARK: - Tables

    private func spendTable(_ figures: [PeriodFigures], visits: [Double]?, scope: [(String, String)], caption: String) -> String {
        let hasLabourLimit = figures.contains { $0.labourLimit != nil }
        var html = "<table class=\"figures\">\n<caption>\(esc(caption))</caption>\n<thead><tr>"
        var titles = ["Period", "Budget", "Carry-in", "Available", "Spend", "of which visits", "Carry-out", "Units", "Labour hours"]
        if hasLabourLimit { titles.append("Labour limit") }
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

    private func unitsTable(_ tally: PlanTally, scope: [(String, String)], caption: String) -> String {
        var html = "<table class=\"figures units\">\n<caption>\(esc(caption))</caption>\n<thead><tr><th scope=\"col\">Kind</th>"
        for period in periods { html += "<th scope=\"col\">\(esc(period))</th>" }
        html += "<th scope=\"col\">Not replaced</th><th scope=\"col\">Total</th></tr></thead>\n<tbody>\n"
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

    // MARK: - Cells

    private var estateScope: [(String, String)] { [("data-scope", "estate")] }

    private func organisationScope(_ name: String) -> [(String, String)] { [("data-org", name)] }

    private func esc(_ text: String) -> String { HTMLText.escape(text) }

    private func numberCell(_ value: Double, text: String, _ attributes: [(String, String)], strong: Bool = false, over: Bool = false) -> String {
        var classes = "num"
        if strong { classes += " total" }
        if over { classes += " bad" }
        return "<td class=\"\(classes)\"" + HTMLText.attributes(attributes + [("data-value", HTMLText.raw(value))]) + ">\(esc(text))</td>"
    }

    private func moneyCell(_ value: Double, _ attributes: [(String, String)], over: Bool = false) -> String {
        numberCell(value, text: HTMLText.money(value), attributes, over: over)
    }

    private func count(_ value: Int, _ attributes: [(String, String)], strong: Bool = false) -> String {
        numberCell(Double(value), text: HTMLText.grouped(Double(value), decimals: 0), attributes, strong: strong)
    }

    private func kpi(_ title: String, field: String, value: Double, text: String, note: String) -> String {
        "<div class=\"kpi\"><dt>\(esc(title))</dt><dd id=\"estate-\(field)\"" + HTMLText.attributes(estateScope + [("data-field", field), ("data-value", HTMLText.raw(value))])
            + ">\(esc(text))</dd><dd class=\"note\">\(esc(note))</dd></div>"
    }

    private func hoursText(_ hours: Int) -> String {
        HTMLText.grouped(Double(hours), decimals: 0) + (hours == 1 ? " hour" : " hours")
    }

    private func badge(_ status: PlanStatus, scope: [(String, String)]) -> String {
        let marks = scope.isEmpty ? "" : HTMLText.attributes(scope + [("data-field", "status"), ("data-value", status.rawValue)])
        return "<span class=\"status \(status.rawValue)\"\(marks)>\(status.rawValue)</span>"
    }
}
