/// The sections of a `goal` or `frontier` folder: the least budget that meets the deadlines,
/// and the risk left against money. Each appears only when its file is in the folder.
extension ReportPage {
    func goalSection() -> String {
        guard let goal = input.goal, !goal.isEmpty else { return "" }
        var html = "<section id=\"goal\">\n<h2>The least budget that meets the deadlines</h2>\n"
        html += "<p>For each council, the smallest multiple of its current budgets (every year scaled alike, carry-over "
        html += "rules unchanged) with which a plan meets every deadline; the budgets it implies, rounded up to whole "
        html += "pounds, and the extra money over all years. A structural council cannot meet its deadlines at any budget.</p>\n"
        html += "<table class=\"figures goal\">\n<caption>Least budget per council</caption>\n<thead><tr>"
        html += "<th scope=\"col\">Council</th><th scope=\"col\" class=\"text\">Result</th><th scope=\"col\">Budget multiple</th><th scope=\"col\">Extra money, all years (− is less than now)</th>"
        for period in periods { html += "<th scope=\"col\">Budget \(esc(period))</th>" }
        let hasReasons = goal.contains { !$0.reason.isEmpty }
        html += (hasReasons ? "<th scope=\"col\" class=\"text\">Why no budget is enough</th>" : "") + "</tr></thead>\n<tbody>\n"
        for line in goal {
            let isTotal = line.council.lowercased() == "total"
            let scope = isTotal ? estateScope : organisationScope(line.council)
            html += isTotal ? "</tbody>\n<tfoot>" : ""
            html += "<tr><th scope=\"row\">\(esc(isTotal ? "All councils" : line.council))</th><td class=\"text\">\(esc(isTotal ? goalTotalWords(line.status) : goalStatusWords(line.status)))</td>"
            html += line.scale.map { numberCell($0, text: "×" + HTMLText.grouped($0, decimals: 4), scope + [("data-field", "goalScale")]) } ?? "<td class=\"num\">—</td>"
            html += line.extra.map { moneyCell($0, scope + [("data-field", "goalExtra")]) } ?? "<td class=\"num\">—</td>"
            for (t, period) in periods.enumerated() {
                let budget = t < line.budgets.count ? line.budgets[t] : nil
                html += budget.map { moneyCell($0, scope + [("data-period", period), ("data-field", "goalBudget")]) } ?? "<td class=\"num\">—</td>"
            }
            html += (hasReasons ? "<td class=\"text reason\">\(esc(line.reason))</td>" : "") + "</tr>\n"
            html += isTotal ? "</tfoot>\n" : ""
        }
        if !goal.contains(where: { $0.council.lowercased() == "total" }) { html += "</tbody>\n" }
        return html + "</table>\n</section>\n\n"
    }

    /// The total row's status: whether every council's least budget is counted in it.
    private func goalTotalWords(_ status: String) -> String {
        ["structural", "unknown"].contains(status.lowercased()) ? "some councils left out" : ""
    }

    private func goalStatusWords(_ status: String) -> String {
        switch status.lowercased() {
        case "optimal": "proven least"
        case "feasible": "enough, not proven least"
        case "structural": "no budget is enough"
        case "unknown": "time ran out"
        default: status
        }
    }

    func frontierSection() -> String {
        guard let frontier = input.frontier else { return "" }
        let all = frontier.filter { $0.council.lowercased() == "all" }.sorted { $0.scale < $1.scale }
        guard !all.isEmpty else { return "" }
        var html = "<section id=\"frontier\">\n<h2>What each budget buys</h2>\n"
        html += "<p>The same councils planned with every budget scaled alike: how much risk each total budget leaves. "
        html += "For a council that meets its deadlines, more money never leaves more risk; one that cannot meet them "
        html += "is first brought as close to its deadlines as the money allows, which can leave more risk elsewhere."
        if let folder = input.planFolder {
            html += " The rest of this report explains the plan in <code>\(esc(folder))/</code>, the one nearest today's budgets."
        }
        html += "</p>\n"
        // The same chart as frontier.html's, so that the two pages draw the curve alike.
        html += "<figure>" + FrontierChart.svg(all.map { ($0.budget, $0.exposure, $0.scale, $0.status == "unknown") }, baseline: summary.baselineExposure,
                                               width: 720, height: 300, small: false, title: "Risk-years left against the budget, all councils")
        html += "<figcaption>All councils: each point is a plan at that multiple of today's budgets (×1); "
        html += "the dashed line is the risk if nothing is done.</figcaption></figure>\n"
        html += "<table class=\"figures frontier\">\n<caption>Plans at each budget multiple, all councils</caption>\n<thead><tr>"
        for title in ["Budget multiple", "Budget, all years", "Risk-years left", "Cost", "Replaced or removed", "Isolated"] {
            html += "<th scope=\"col\">\(title)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for line in all {
            let at = estateScope + [("data-scale", HTMLText.raw(line.scale))]
            html += "<tr><th scope=\"row\">×\(HTMLText.grouped(line.scale))</th>"
            html += moneyCell(line.budget, at + [("data-field", "frontierBudget")])
            html += numberCell(line.exposure, text: HTMLText.grouped(line.exposure, decimals: 0), at + [("data-field", "frontierExposure")])
            html += moneyCell(line.nominalCost, at + [("data-field", "frontierCost")])
            html += count(line.units, at + [("data-field", "frontierUnits")])
            html += count(line.isolated, at + [("data-field", "frontierIsolated")]) + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n\n"
    }
}
