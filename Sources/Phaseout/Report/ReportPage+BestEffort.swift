/// An infeasible council's two plans side by side: the best it can do with its own budget
/// (plan.csv) and what its shortfall would buy (funded-plan.csv), year by year, with what each
/// leaves in place and how much of that is past its deadline.
extension ReportPage {
    /// One plan of one council, year by year.
    struct PlanYears {
        var gone: [Int]
        var isolated: [Int]
        var cost: [Double]
        /// Units still in place at the end of each year (isolated ones included).
        var left: [Int]
        /// Of those, units past their `by` deadline.
        var late: [Int]

        init(_ lines: [ReportInput.PlanLine], visits: [ReportInput.VisitLine], periods: Int) {
            let tally = PlanTally(lines, periodCount: periods)
            gone = tally.replaced
            left = Array(tally.remaining.dropFirst())
            isolated = [Int](repeating: 0, count: periods)
            late = isolated
            cost = [Double](repeating: 0, count: periods)
            for line in lines {
                if let t = line.period, t < periods {
                    cost[t] += line.cost
                    if line.treatment == .isolate { isolated[t] += line.quantity }
                }
                guard line.treatment != .isolate, let by = line.deadline else { continue }
                let end = min(line.period ?? periods, periods)
                if by < end { for t in by..<end { late[t] += line.quantity } }
            }
            for row in tally.stillIsolated {
                guard let by = row.deadline, by < periods else { continue }
                for t in by..<periods { late[t] += row.units }
            }
            for visit in visits where visit.period < periods { cost[visit.period] += visit.cost }
        }
    }

    func bestEffortTable(_ organisation: ReportSummary.Organisation, scope: [(String, String)]) -> String {
        guard let funded = input.funded else { return "" }
        let name = organisation.name
        let own = PlanYears(input.plan.filter { $0.council == name }, visits: input.visits.filter { $0.council == name }, periods: periods.count)
        let bought = PlanYears(funded.filter { $0.council == name }, visits: (input.fundedVisits ?? []).filter { $0.council == name },
                               periods: periods.count)
        var html = "<table class=\"figures side-by-side\"" + HTMLText.attributes(scope) + ">\n"
        html += "<caption>\(esc(name)): with its own budget, and with the shortfall funded</caption>\n<thead>"
        html += "<tr><th scope=\"col\" rowspan=\"2\">Year</th><th scope=\"colgroup\" colspan=\"5\" class=\"plan\">With its own budget (best effort)</th>"
        html += "<th scope=\"colgroup\" colspan=\"5\" class=\"plan\">With the shortfall funded</th></tr>\n<tr>"
        for _ in 0..<2 {
            for title in ["Replaced or removed", "Isolated", "Cost", "Left in place after", "of which past deadline"] { html += "<th scope=\"col\">\(title)</th>" }
        }
        html += "</tr></thead>\n<tbody>\n"
        for (t, period) in periods.enumerated() {
            html += "<tr><th scope=\"row\">\(esc(period))</th>"
            for (plan, prefix) in [(own, "bestEffort"), (bought, "funded")] {
                let at = scope + [("data-period", period)]
                html += count(plan.gone[t], at + [("data-field", prefix + "Gone")])
                html += count(plan.isolated[t], at + [("data-field", prefix + "Isolated")])
                html += moneyCell(plan.cost[t], at + [("data-field", prefix + "Cost")])
                html += count(plan.left[t], at + [("data-field", prefix + "Left")])
                html += numberCell(Double(plan.late[t]), text: HTMLText.grouped(Double(plan.late[t]), decimals: 0),
                                   at + [("data-field", prefix + "Late")], over: plan.late[t] > 0)
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        return html + sideBySideWords(own: own, funded: bought)
    }

    /// What each plan leaves at the end, in a sentence.
    private func sideBySideWords(own: PlanYears, funded: PlanYears) -> String {
        func words(_ plan: PlanYears) -> String {
            let late = plan.late.enumerated().filter { $0.element > 0 }
            var text = "leaves \(unitsText(plan.left.last ?? 0)) in place at the end of \(periods.last ?? "the plan")"
            if let first = late.first, let last = late.last {
                text += "; \(unitsText(first.element)) \(first.element == 1 ? "is" : "are") past \(first.element == 1 ? "its" : "their") deadline in \(periods[first.offset])"
                if last.offset != first.offset {
                    text += ", and \(last.element) \(last.element == 1 ? "is" : "are") still in place past it at the end of \(periods[last.offset])"
                }
            } else {
                text += ", and every deadline is met"
            }
            let isolated = plan.isolated.reduce(0, +)
            if isolated > 0 { text += "; it isolates \(unitsText(isolated)) on the way (risk lowered, not gone)" }
            return text
        }
        return "<p>With its own budget the plan \(esc(words(own))). With the shortfall funded it \(esc(words(funded))).</p>\n"
    }
}
