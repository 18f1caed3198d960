/// The comparison's tables: the headline figures, then per organisation, then per period.
extension ComparisonPage {
    private static let estate = [("data-scope", "estate")]

    func headlineSection() -> String {
        func row(_ measure: ComparisonMeasure, _ value: (ComparedPlan) -> Double?) -> ComparisonTable.Row {
            ComparisonTable.Row(heading: measure.name, scope: Self.estate, measure: measure, values: column(value))
        }
        var rows = [
            row(.exposure) { $0.summary.exposure },
            row(.reduction) { $0.reduction },
            row(.nominalCost) { $0.summary.nominalCost },
            row(.presentValueCost) { $0.summary.presentValueCost },
            row(.money("budget", "Budget over the horizon")) { $0.totalBudget },
            row(.units) { $0.unitsGone },
            row(.isolated) { $0.unitsIsolated },
            row(.neverTreated) { Double($0.unitsNeverTreated) },
            row(.lateUnits) { $0.lateUnits },
            row(.lateRiskYears) { $0.lateRiskYears },
            row(.shortfallMoney) { $0.shortfallMoney },
            row(.shortfallHours) { $0.shortfallHours },
        ]
        for status in [PlanStatus.optimal, .feasible, .infeasible, .unknown] {
            rows.append(row(.organisations(status)) { Double($0.summary.organisations(with: status)) })
        }
        rows.append(row(.baselineExposure) { $0.summary.baselineExposure })
        let table = ComparisonTable(id: "headline-figures", caption: "All organisations", corner: "Figure", labels: labels, rows: rows)
        return "<section id=\"headline\">\n<h2>Headline</h2>\n" + table.html() + "</section>\n\n"
    }

    func organisationsSection() -> String {
        var html = "<section id=\"organisations\">\n<h2>By organisation</h2>\n" + statusTable()
        func table(_ id: String, _ caption: String, _ measure: ComparisonMeasure, onlyNonZero: Bool = false,
                   _ value: @escaping (ReportSummary.Organisation, ComparedPlan) -> Double?) -> String {
            let values = organisations.map { name in column { plan in plan.organisations[name].flatMap { value($0, plan) } } }
            var rows: [ComparisonTable.Row] = []
            for (name, values) in zip(organisations, values) where !onlyNonZero || values.contains(where: { ($0 ?? 0) != 0 }) {
                rows.append(ComparisonTable.Row(heading: name, scope: [("data-org", name)], measure: measure, values: values))
            }
            guard !rows.isEmpty else { return "" }
            var html = ComparisonTable(id: id, caption: caption, corner: "Organisation", labels: labels, rows: rows).html()
            // Rows of zeros would bury the few organisations that matter here.
            if rows.count < organisations.count {
                html += "<p class=\"note\">Every other organisation: 0 in every plan.</p>\n"
            }
            return html
        }
        html += table("organisation-exposure", "Exposure after (risk-years)", .exposure) { organisation, _ in organisation.exposure }
        html += table("organisation-cost", "Nominal cost", .nominalCost) { organisation, _ in organisation.nominalCost }
        html += table("organisation-late", "Units late for a deadline", .lateUnits, onlyNonZero: true) { organisation, _ in
            organisation.lateUnits.map(Double.init)
        }
        html += table("organisation-shortfall", "Shortfall: the extra money that would meet every deadline", .shortfallMoney,
                      onlyNonZero: true) { organisation, plan in
            Double(plan.shortfalls.first { $0.organisation == organisation.name }?.totalMoney ?? 0)
        }
        return html + "</section>\n\n"
    }

    /// Each organisation's status in each plan; an organisation whose status is not the same
    /// in every plan is flagged, since that is where the plans tell a different story.
    private func statusTable() -> String {
        var html = "<table class=\"compare\" id=\"organisation-status\">\n<caption>Status</caption>\n"
        html += ComparisonTable.head(corner: "Organisation", labels: labels) + "<tbody>\n"
        for name in organisations {
            let statuses = plans.map { $0.organisations[name]?.status }
            let differs = Set(statuses.map { $0?.rawValue ?? "" }).count > 1
            html += "<tr\(differs ? " class=\"differs\"" : "")" + HTMLText.attributes([("data-org", name)]) + "><th scope=\"row\">"
                + HTMLText.escape(name) + (differs ? " <span class=\"flag\">status differs</span>" : "") + "</th>"
            for (plan, status) in zip(plans, statuses) {
                html += "<td class=\"num\">" + (status.map { statusBadge($0, plan: plan.label, scope: [("data-org", name)]) } ?? "—") + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    func periodsSection() -> String {
        func table(_ id: String, _ caption: String, _ measure: ComparisonMeasure,
                   _ value: @escaping (ComparedPlan, String) -> Double?) -> String {
            let rows = periods.map { period in
                ComparisonTable.Row(heading: period, scope: Self.estate + [("data-period", period)], measure: measure,
                                    values: column { value($0, period) })
            }
            return ComparisonTable(id: id, caption: caption, corner: "Period", labels: labels, rows: rows).html()
        }
        var html = "<section id=\"periods\">\n<h2>By period, all organisations</h2>\n"
        html += table("period-budget", "Budget", .budget) { plan, period in plan.periods[period]?.budget }
        html += table("period-spend", "Spend", .spend) { plan, period in plan.periods[period]?.spend }
        html += table("period-units", "Units gone in the period", .unitsInPeriod) { plan, period in
            plan.periods[period].map { Double($0.units) }
        }
        html += table("period-gone-so-far", "Units gone so far (by the end of the period)", .unitsGoneSoFar) { plan, period in
            plan.unitsGoneBy[period].map(Double.init)
        }
        return html + "</section>\n\n"
    }
}
