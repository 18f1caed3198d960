import Foundation

/// Renders the comparison page from a ``ComparisonInput``: the plans named, how their scopes
/// differ, the headline figures, the charts overlaid, then per organisation and per period.
struct ComparisonPage {
    let input: ComparisonInput
    let plans: [ComparedPlan]
    let labels: [String]
    /// Every plan's periods and organisations, the baseline's first.
    let periods: [String]
    let organisations: [String]

    init(input: ComparisonInput) {
        self.input = input
        plans = input.plans.map(ComparedPlan.init)
        labels = plans.map(\.label)
        periods = input.periods
        organisations = input.organisations
    }

    /// Chart colours: plans beyond the palette reuse it, told apart by their labels.
    static let paletteSize = 6

    /// The small square that ties a plan's column to its colour in the charts.
    static func swatch(_ index: Int) -> String {
        "<span class=\"swatch plan-\(index % paletteSize)\" aria-hidden=\"true\"></span>"
    }

    func html() -> String {
        var page = HTMLText.documentStart(title: "Comparison: " + labels.joined(separator: ", "), css: ReportPage.css + Self.css)
        page += header()
        page += headlineSection()
        page += chartsSection()
        page += organisationsSection()
        page += periodsSection()
        page += """
        <footer><p>Made by <code>phaseout compare</code> from each folder's summary.json and plan.csv. \
        Every difference is from the baseline, the first folder named. Green marks a change for \
        the better (less exposure, fewer late units, a smaller shortfall, more units gone), red one \
        for the worse; money spent or budgeted is neither and shows in blue. Money is in nominal \
        pounds of each period, rounded to the pound; exposure is in risk-years. Unit counts include \
        contracted works (locked units not at risk), as plan.csv does.</p></footer>

        """
        page += HTMLText.documentEnd
        return page
    }

    private func header() -> String {
        var html = "<header>\n<h1>Comparison of \(plans.count) replacement plans</h1>\n"
        html += "<p class=\"subtitle\">Each column is one plan folder; differences are from the baseline, \(HTMLText.escape(labels[0])).</p>\n"
        html += "<ol class=\"plans\">\n"
        for (index, plan) in input.plans.enumerated() {
            let summary = plan.input.summary
            html += "<li" + HTMLText.attributes([("data-plan", plan.label)]) + ">" + Self.swatch(index)
                + "<strong>\(HTMLText.escape(plan.label))</strong> " + statusBadge(summary.status, plan: plan.label, scope: [("data-scope", "estate")])
                + " " + HTMLText.escape(outcome(summary)) + " <code>\(HTMLText.escape(plan.directory.path))</code>"
                + (index == 0 ? " <span class=\"baseline-tag\">baseline</span>" : "") + "</li>\n"
        }
        html += "</ol>\n"
        let differences = input.differences
        if !differences.isEmpty {
            html += "<div class=\"alert scope-notes\"><p><strong>These plans do not cover the same ground:</strong></p><ul>\n"
            html += differences.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined()
            html += "</ul></div>\n"
        }
        return html + "</header>\n\n"
    }

    /// What a run's status means for its organisations, since `infeasible` alone reads as if
    /// the whole plan were impossible when one organisation of many is short.
    private func outcome(_ summary: ReportSummary) -> String {
        let all = summary.organisations.count
        let infeasible = summary.organisations(with: .infeasible), unknown = summary.organisations(with: .unknown)
        var parts: [String] = []
        if infeasible > 0 {
            parts.append("\(infeasible) of \(all) organisations cannot meet \(infeasible == 1 ? "its" : "their") deadlines within budget")
        }
        if unknown > 0 { parts.append("\(unknown) of \(all) without a plan when time ran out") }
        return parts.isEmpty ? "· every one of \(all) organisations planned" : "· " + parts.joined(separator: "; ")
    }

    /// A status as the report shows it, marked with the plan and scope it belongs to.
    func statusBadge(_ status: PlanStatus, plan: String, scope: [(String, String)]) -> String {
        "<span class=\"status \(status.rawValue)\"" + HTMLText.attributes([("data-plan", plan)] + scope
            + [("data-field", "status"), ("data-value", status.rawValue)]) + ">\(status.rawValue)</span>"
    }

    /// Each plan's value of `value`, in column order.
    func column(_ value: (ComparedPlan) -> Double?) -> [Double?] { plans.map(value) }
}
