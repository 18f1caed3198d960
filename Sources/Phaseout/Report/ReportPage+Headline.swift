/// The top of the report: the title with the plan's status and scope, then the headline figures
/// and alerts for shortfalls and organisations without a plan.
extension ReportPage {
    func header() -> String {
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

    var objectiveName: String {
        summary.objective == "cost" ? "least present-value cost, everything replaced" : "least exposure (risk-years)"
    }

    func headline() -> String {
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
}
