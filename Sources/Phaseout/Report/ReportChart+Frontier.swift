/// The frontier chart of a `phaseout frontier` folder's report.
extension ReportChart {
    /// Risk left against money: one point per budget scale, joined left to right, each labelled
    /// with its scale (`×1.25`). Points carry `data-scale` and `data-value` (the exposure).
    /// - Parameters:
    ///   - points: the budget over the horizon and the risk-years left, per scale.
    ///   - scope: the attributes naming whose figures these are.
    ///   - title: the chart's accessible title.
    static func frontier(_ points: [(scale: Double, budget: Double, exposure: Double)], scope: [(String, String)], title: String) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let sorted = points.sorted { $0.budget < $1.budget }
        let yAxis = scale(sorted.map(\.exposure).max() ?? 0, integral: false)
        let xAxis = scale(sorted.map(\.budget).max() ?? 0, integral: false)
        let x = { (value: Double) in left + plotWidth * value / xAxis.maximum }
        let y = { (value: Double) in top + plotHeight * (1 - value / yAxis.maximum) }
        var svg = open(title: title, kind: "frontier")
        svg += grid(yAxis, y: y) { HTMLText.grouped($0, decimals: 0) }
        svg += legend([("remaining", "Risk-years left, against the budget over all years")])
        var value = 0.0
        while value <= xAxis.maximum + xAxis.step * 1e-9 {
            svg += xLabel(MoneyText.compact(value), x: x(value), count: 0)
            value += xAxis.step
        }
        svg += path(sorted.map { (x($0.budget), y($0.exposure)) }, series: "remaining", scope: scope)
        for point in sorted {
            svg += "<text class=\"value\" x=\"\(f(x(point.budget) + 5))\" y=\"\(f(y(point.exposure) - 6))\""
                + HTMLText.attributes(scope + [("data-scale", HTMLText.raw(point.scale)), ("data-value", HTMLText.raw(point.exposure))])
                + ">×\(HTMLText.grouped(point.scale))\(point.scale == 1 ? " (today's budgets)" : "")</text>\n"
        }
        return svg + "</svg>\n"
    }
}
