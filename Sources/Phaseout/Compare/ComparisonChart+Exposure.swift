import Foundation

extension ComparisonChart {
    /// Exposure left per organisation, one horizontal bar per plan, organisations down the
    /// side so that their names read level.
    /// - Parameters:
    ///   - organisations: the organisations, top to bottom.
    ///   - plans: each plan's label and colour, and its exposure by organisation.
    static func exposure(organisations: [String], plans: [(series: Series, exposure: [String: Double])], title: String) -> String {
        let c = ReportChart.self
        let names = 170.0, bar = 9.0, gap = 10.0
        let group = bar * Double(max(plans.count, 1)) + gap
        let height = c.top + group * Double(organisations.count) + 30
        let plotWidth = c.width - names - c.right
        let axis = c.scale(plans.flatMap(\.exposure.values).max() ?? 0, integral: false)
        let x = { (value: Double) in names + plotWidth * value / axis.maximum }
        var svg = "<svg class=\"chart exposure compare\" viewBox=\"0 0 \(Int(c.width)) \(Int(height.rounded(.up)))\" role=\"img\""
            + " xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTMLText.escape(title))</title>\n"
        svg += c.legend(plans.map { ("plan-\($0.series.colour)", $0.series.label) })
        svg += "<g class=\"grid\">"
        var value = 0.0
        while value <= axis.maximum + axis.step * 1e-9 {
            svg += "<line x1=\"\(c.f(x(value)))\" x2=\"\(c.f(x(value)))\" y1=\"\(c.f(c.top - 4))\" y2=\"\(c.f(height - 24))\"/>"
            svg += "<text x=\"\(c.f(x(value)))\" y=\"\(c.f(height - 10))\" text-anchor=\"middle\">\(HTMLText.escape(HTMLText.grouped(value)))</text>"
            value += axis.step
        }
        svg += "</g>\n"
        for (row, name) in organisations.enumerated() {
            let top = c.top + group * Double(row)
            svg += "<text class=\"axis\" x=\"\(c.f(names - 8))\" y=\"\(c.f(top + group / 2 - gap / 2))\" dy=\"0.32em\" text-anchor=\"end\">"
                + HTMLText.escape(name) + "</text>\n"
            for (index, plan) in plans.enumerated() {
                guard let exposure = plan.exposure[name] else { continue }
                svg += "<rect class=\"plan-\(plan.series.colour)\" x=\"\(c.f(names))\" y=\"\(c.f(top + bar * Double(index)))\""
                    + " width=\"\(c.f(max(0, x(exposure) - names)))\" height=\"\(c.f(bar - 1))\""
                    + HTMLText.attributes([("data-plan", plan.series.label), ("data-org", name), ("data-series", "exposure"),
                                           ("data-value", HTMLText.raw(exposure))])
                    + "><title>\(HTMLText.escape("\(plan.series.label), \(name): \(HTMLText.grouped(exposure)) risk-years"))</title></rect>\n"
            }
        }
        return svg + "</svg>\n"
    }
}
