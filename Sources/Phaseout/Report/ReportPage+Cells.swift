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
        numberCell(value, text: HTMLText.money(value), attributes, over: over)
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

    func badge(_ status: PlanStatus, scope: [(String, String)]) -> String {
        let marks = scope.isEmpty ? "" : HTMLText.attributes(scope + [("data-field", "status"), ("data-value", status.rawValue)])
        return "<span class=\"status \(status.rawValue)\"\(marks)>\(status.rawValue)</span>"
    }
}
