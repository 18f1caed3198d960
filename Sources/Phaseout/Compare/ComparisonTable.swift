/// A table with one column per plan and one row per figure, organisation or period; every
/// cell after the baseline's shows its difference from the baseline, signed and coloured.
///
/// Each cell is marked as the report marks its figures, with the plan first:
/// `data-plan`, then `data-scope="estate"` or `data-org`, `data-period`, `data-field` and
/// `data-value` (the number as summary.json writes it).
struct ComparisonTable {
    struct Row {
        /// The row's heading, plain text.
        var heading: String
        /// Whose figure it is: `data-scope` or `data-org`, and `data-period` when per period.
        var scope: [(String, String)]
        var measure: ComparisonMeasure
        /// One value per plan; `nil` where the plan has no such figure (shown as —).
        var values: [Double?]
    }

    var id: String
    var caption: String
    /// The heading over the rows' headings.
    var corner: String
    var labels: [String]
    var rows: [Row]

    func html() -> String {
        var html = "<table class=\"compare\" id=\"\(HTMLText.escape(id))\">\n<caption>\(HTMLText.escape(caption))</caption>\n"
        html += Self.head(corner: corner, labels: labels)
        html += "<tbody>\n"
        for row in rows {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(row.heading))</th>"
            let baseline = row.values.first ?? nil
            for (index, value) in row.values.enumerated() {
                html += cell(value, baseline: index == 0 ? nil : baseline, plan: labels[index], row: row)
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The header row: the corner, then each plan's label with its chart colour; the first is
    /// marked as the baseline.
    static func head(corner: String, labels: [String]) -> String {
        var html = "<thead><tr><th class=\"text\" scope=\"col\">\(HTMLText.escape(corner))</th>"
        for (index, label) in labels.enumerated() {
            html += "<th scope=\"col\"" + HTMLText.attributes([("data-plan", label)]) + ">"
                + ComparisonPage.swatch(index) + HTMLText.escape(label)
                + (index == 0 ? "<span class=\"baseline-tag\">baseline</span>" : "") + "</th>"
        }
        return html + "</tr></thead>\n"
    }

    private func cell(_ value: Double?, baseline: Double?, plan: String, row: Row) -> String {
        let marks = [("data-plan", plan)] + row.scope + [("data-field", row.measure.field)]
        guard let value else {
            return "<td class=\"num missing\"" + HTMLText.attributes(marks) + " title=\"not in this plan\">—</td>"
        }
        var html = "<td class=\"num\"" + HTMLText.attributes(marks + [("data-value", HTMLText.raw(value))]) + ">"
            + HTMLText.escape(row.measure.format(value))
        if let baseline {
            let delta = row.measure.delta(value, from: baseline)
            html += "<span class=\"delta \(delta.tone)\" data-delta=\"\(HTMLText.raw(value - baseline))\">"
                + HTMLText.escape(delta.text) + "</span>"
        }
        return html + "</td>"
    }
}
