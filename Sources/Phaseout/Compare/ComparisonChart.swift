import Foundation

/// The comparison's charts: every plan drawn on one set of axes, in its own colour
/// (`plan-0`, `plan-1`, …, as the tables' swatches), built from ``ReportChart``'s pieces.
///
/// Shapes that stand for a number carry `data-plan`, the scope, `data-period`, `data-series`
/// and `data-value`, as the report's charts do.
enum ComparisonChart {
    typealias Series = (label: String, colour: Int)

    /// Spend per period, one bar per plan side by side, with a tick across each bar at that
    /// plan's budget for the period.
    /// - Parameters:
    ///   - periods: the periods along the axis.
    ///   - plans: each plan's label and colour, and its figures by period label.
    static func spend(periods: [String], plans: [(series: Series, figures: [String: PeriodFigures])], title: String) -> String {
        let c = ReportChart.self
        let plotWidth = c.width - c.left - c.right, plotHeight = c.height - c.top - c.bottom
        let highest = plans.flatMap { $0.figures.values.map { max($0.budget, $0.spend) } }.max() ?? 0
        let axis = c.scale(highest, integral: false)
        let y = { (value: Double) in c.top + plotHeight * (1 - value / axis.maximum) }
        let slot = plotWidth / Double(max(periods.count, 1))
        let bar = min(slot * 0.8 / Double(max(plans.count, 1)), 40)
        var svg = c.open(title: title, kind: "spend compare")
        svg += c.grid(axis, y: y, label: HTMLText.compactMoney)
        svg += c.legend(plans.map { ("plan-\($0.series.colour)", $0.series.label) })
        // After the plans' entries, spaced as ReportChart.legend spaces them.
        let key = plans.reduce(c.left) { $0 + 30 + Double($1.series.label.count) * 7 }
        svg += "<g class=\"legend\"><line class=\"budget-tick\" x1=\"\(c.f(key))\" x2=\"\(c.f(key + 14))\" y1=\"14\" y2=\"14\"/>"
            + "<text x=\"\(c.f(key + 19))\" y=\"14\" dy=\"0.32em\">Budget</text></g>\n"
        for (t, period) in periods.enumerated() {
            let first = c.left + slot * (Double(t) + 0.5) - bar * Double(plans.count) / 2
            for (index, plan) in plans.enumerated() {
                guard let figures = plan.figures[period] else { continue }
                let x = first + bar * Double(index)
                let marks = [("data-plan", plan.series.label), ("data-scope", "estate"), ("data-period", period)]
                let top = y(figures.spend)
                svg += "<rect class=\"plan-\(plan.series.colour)\" x=\"\(c.f(x + 1))\" y=\"\(c.f(top))\" width=\"\(c.f(bar - 2))\""
                    + " height=\"\(c.f(max(0, c.top + plotHeight - top)))\""
                    + HTMLText.attributes(marks + [("data-series", "spend"), ("data-value", HTMLText.raw(figures.spend))])
                    + "><title>\(HTMLText.escape("\(plan.series.label), \(period): spend \(MoneyText.pounds(figures.spend)) of a budget of \(MoneyText.pounds(figures.budget))"))</title></rect>\n"
                let tick = c.f(y(figures.budget))
                svg += "<line class=\"budget-tick\" x1=\"\(c.f(x))\" x2=\"\(c.f(x + bar))\" y1=\"\(tick)\" y2=\"\(tick)\""
                    + HTMLText.attributes(marks + [("data-series", "budget"), ("data-value", HTMLText.raw(figures.budget))]) + "/>\n"
            }
            svg += c.xLabel(period, x: c.left + slot * (Double(t) + 0.5), count: periods.count)
        }
        return svg + "</svg>\n"
    }

    /// Units gone from the start to the end of each period, one line per plan.
    /// - Parameters:
    ///   - points: the keys along the axis (`start`, then period labels) with their captions.
    ///   - plans: each plan's label and colour, and its units gone by key.
    static func unitsGone(points: [(key: String, caption: String)], plans: [(series: Series, gone: [String: Int])], title: String) -> String {
        let c = ReportChart.self
        let plotWidth = c.width - c.left - c.right, plotHeight = c.height - c.top - c.bottom
        let highest = Double(plans.flatMap(\.gone.values).max() ?? 0)
        let axis = c.scale(highest, integral: true)
        let y = { (value: Double) in c.top + plotHeight * (1 - value / axis.maximum) }
        let slot = plotWidth / Double(max(points.count, 1))
        var svg = c.open(title: title, kind: "progress compare")
        svg += c.grid(axis, y: y) { HTMLText.grouped($0, decimals: 0) }
        svg += c.legend(plans.map { ("plan-\($0.series.colour)", $0.series.label) })
        for (index, point) in points.enumerated() {
            svg += c.xLabel(point.caption, x: c.left + slot * (Double(index) + 0.5), count: points.count)
        }
        for plan in plans {
            let line = points.enumerated().compactMap { index, point in
                plan.gone[point.key].map { (c.left + slot * (Double(index) + 0.5), y(Double($0))) }
            }
            svg += c.path(line, series: "plan-\(plan.series.colour)", scope: [("data-plan", plan.series.label)])
        }
        return svg + "</svg>\n"
    }
}
