/// Table cells, KPI items, status badges and the `data-` attributes that let tests and scripts
/// read figures back from the page.
extension ReportPage {
    var estateScope: [(String, String)] { [("data-scope", "estate")] }

    func organisationScope(_ name: String) -> [(String, String)] { [("data-org", name)] }

    func esc(_ text: String) -> String { HTMLText.escape(text) }

    func numberCell(_ value: Double, text: String, _ attributes: [(String, String)], strong: Bool = false, over: Bool = false) -> String {
        var classes = "num"
        if strong { classes += " total" }
        if over { classes += " bad" }
        return "<td class=\"\(classes)\"" + HTMLText.attributes(attributes + [("data-value", HTMLText.raw(value))]) + ">\(esc(text))</td>"
    }

    func moneyCell(_ value: Double, _ attributes: [(String, String)], over: Bool = false) -> String {
        // Whole pounds on the page; the exact figure, to the penny, is the cell's data-value.
        numberCell(value, text: MoneyText.pounds(value), attributes, over: over)
    }

    func count(_ value: Int, _ attributes: [(String, String)], strong: Bool = false) -> String {
        numberCell(Double(value), text: HTMLText.grouped(Double(value), decimals: 0), attributes, strong: strong)
    }

    func kpi(_ title: String, field: String, value: Double, text: String, note: String) -> String {
        "<div class=\"kpi\"><dt>\(esc(title))</dt><dd id=\"estate-\(field)\"" + HTMLText.attributes(estateScope + [("data-field", field), ("data-value", HTMLText.raw(value))])
            + ">\(esc(text))</dd><dd class=\"note\">\(esc(note))</dd></div>"
    }

    func hoursText(_ hours: Int) -> String {
        HTMLText.grouped(Double(hours), decimals: 0) + (hours == 1 ? " hour" : " hours")
    }

    /// The plan's status in words ("proven best", "within 0.4 %", "cannot meet a deadline"),
    /// with the status word itself as its machine-readable value.
    func badge(_ status: PlanStatus, scope: [(String, String)], gap: Double = 0) -> String {
        let marks = scope.isEmpty ? "" : HTMLText.attributes(scope + [("data-field", "status"), ("data-value", status.rawValue)])
        let words = switch status {
        case .optimal: "proven best"
        case .feasible: gap > 0 ? provenText(gap) : "good plan"
        case .infeasible: "cannot meet a deadline"
        case .unknown: "no plan: time ran out"
        }
        return "<span class=\"status \(status.rawValue)\" title=\"\(status.rawValue)\"\(marks)>\(esc(words))</span>"
    }
}
