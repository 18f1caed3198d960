import Foundation

/// The report's inline SVG charts: plain shapes and text, no script and no external resource,
/// sized by `viewBox` so that they scale to the page and print crisply.
///
/// Every shape that stands for a number carries it as `data-value`, with the scope
/// (`data-scope="estate"` or `data-org`), `data-period` and `data-series`, so that a test can
/// read a chart as it reads a table.
enum ReportChart {
    static let width = 720.0
    static let height = 260.0
    static let left = 64.0, right = 16.0, top = 34.0, bottom = 44.0

    /// Spend against the money available per period: a stacked bar of budget and carry-in
    /// beside a bar of spend.
    /// - Parameters:
    ///   - scope: the attributes naming whose figures these are.
    static func spend(_ periods: [PeriodFigures], scope: [(String, String)], title: String) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let highest = periods.map { max($0.budget + $0.carryIn, $0.spend) }.max() ?? 0
        let axis = scale(highest, integral: false)
        let y = { (value: Double) in top + plotHeight * (1 - value / axis.maximum) }
        let slot = plotWidth / Double(max(periods.count, 1))
        let bar = min(slot * 0.34, 56)
        var svg = open(title: title, kind: "spend")
        svg += grid(axis, y: y, label: HTMLText.compactMoney)
        svg += legend([("budget", "Budget"), ("carry", "Carry-in"), ("spend", "Spend")])
        let showValues = periods.count <= 8
        for (t, figures) in periods.enumerated() {
            let centre = left + slot * (Double(t) + 0.5)
            let period = [("data-period", figures.period)]
            func rect(_ series: String, x: Double, from low: Double, to high: Double, value: Double, caption: String) -> String {
                let y0 = y(high), y1 = y(low)
                return "<rect class=\"\(series)\" x=\"\(f(x))\" y=\"\(f(y0))\" width=\"\(f(bar))\" height=\"\(f(max(0, y1 - y0)))\""
                    + HTMLText.attributes(scope + period + [("data-series", series), ("data-value", HTMLText.raw(value))])
                    + "><title>\(HTMLText.escape("\(figures.period) \(caption): \(HTMLText.money(value))"))</title></rect>\n"
            }
            let availableX = centre - bar - 2, spendX = centre + 2
            svg += rect("budget", x: availableX, from: 0, to: figures.budget, value: figures.budget, caption: "budget")
            svg += rect("carry", x: availableX, from: figures.budget, to: figures.budget + figures.carryIn,
                        value: figures.carryIn, caption: "carry-in")
            svg += rect("spend", x: spendX, from: 0, to: figures.spend, value: figures.spend, caption: "spend")
            if showValues && figures.spend > 0 {
                svg += "<text class=\"value\" x=\"\(f(spendX + bar / 2))\" y=\"\(f(y(figures.spend) - 4))\" text-anchor=\"middle\">"
                    + HTMLText.escape(HTMLText.compactMoney(figures.spend)) + "</text>\n"
            }
            svg += xLabel(figures.period, x: centre, count: periods.count)
        }
        return svg + "</svg>\n"
    }

    /// At-risk units still to replace at the start and at the end of each period, as bars with
    /// a line through their tops; the funded plan's line, when given, dashed.
    static func burnDown(periods: [String], remaining: [Int], funded: [Int]?, scope: [(String, String)], title: String) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let highest = Double(([remaining.max() ?? 0] + (funded ?? [])).max() ?? 0)
        let axis = scale(highest, integral: true)
        let y = { (value: Double) in top + plotHeight * (1 - value / axis.maximum) }
        let labels = ["Start"] + periods.map { "end \($0)" }
        let slot = plotWidth / Double(max(labels.count, 1))
        let bar = min(slot * 0.5, 64)
        var svg = open(title: title, kind: "burn-down")
        svg += grid(axis, y: y) { HTMLText.grouped($0, decimals: 0) }
        var entries = [("remaining", "High-risk units still in place")]
        if funded != nil { entries.append(("funded", "If the shortfall is funded")) }
        svg += legend(entries)
        let showValues = labels.count <= 10
        var points: [(Double, Double)] = []
        for (index, units) in remaining.enumerated() {
            let centre = left + slot * (Double(index) + 0.5)
            let y0 = y(Double(units))
            let period = index == 0 ? "start" : periods[index - 1]
            svg += "<rect class=\"remaining\" x=\"\(f(centre - bar / 2))\" y=\"\(f(y0))\" width=\"\(f(bar))\" height=\"\(f(top + plotHeight - y0))\""
                + HTMLText.attributes(scope + [("data-period", period), ("data-series", "remaining"), ("data-value", String(units))])
                + "><title>\(HTMLText.escape("\(labels[index]): \(units) high-risk units still in place"))</title></rect>\n"
            if showValues {
                // Under the period's name, where the line cannot cross it.
                svg += "<text class=\"value\" x=\"\(f(centre))\" y=\"\(f(height - bottom + 30))\" text-anchor=\"middle\">"
                    + "\(HTMLText.grouped(Double(units), decimals: 0)) left</text>\n"
            }
            points.append((centre, y0))
            svg += xLabel(index == 0 ? "Start" : periods[index - 1], x: centre, count: labels.count)
        }
        svg += path(points, series: "remaining", scope: scope)
        if let funded {
            let fundedPoints = funded.enumerated().map { (left + slot * (Double($0.offset) + 0.5), y(Double($0.element))) }
            svg += path(fundedPoints, series: "funded", scope: scope)
        }
        return svg + "</svg>\n"
    }

    // MARK: - Pieces (shared with the comparison page's charts)

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    static func open(title: String, kind: String) -> String {
        "<svg class=\"chart \(kind)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(HTMLText.escape(title))</title>\n"
    }

    /// A top of axis and a step: 1, 2, 2.5 or 5 times a power of ten, about five lines.
    static func scale(_ highest: Double, integral: Bool) -> (maximum: Double, step: Double) {
        guard highest > 0, highest.isFinite else { return (integral ? 4 : 1, integral ? 1 : 0.25) }
        let rough = highest / 4
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / magnitude
        var step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * magnitude
        if integral { step = max(1, step.rounded(.up)) }
        return ((highest / step).rounded(.up) * step, step)
    }

    static func grid(_ axis: (maximum: Double, step: Double), y: (Double) -> Double, label: (Double) -> String) -> String {
        var svg = "<g class=\"grid\">"
        var value = 0.0
        while value <= axis.maximum + axis.step * 1e-9 {
            let position = f(y(value))
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(position)\" y2=\"\(position)\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(position)\" dy=\"0.32em\" text-anchor=\"end\">\(HTMLText.escape(label(value)))</text>"
            value += axis.step
        }
        return svg + "</g>\n"
    }

    static func legend(_ entries: [(series: String, label: String)]) -> String {
        var svg = "<g class=\"legend\">"
        var x = left
        for entry in entries {
            svg += "<rect class=\"\(entry.series)\" x=\"\(f(x))\" y=\"8\" width=\"12\" height=\"12\"/>"
            svg += "<text x=\"\(f(x + 17))\" y=\"14\" dy=\"0.32em\">\(HTMLText.escape(entry.label))</text>"
            x += 30 + Double(entry.label.count) * 7
        }
        return svg + "</g>\n"
    }

    /// A period label under the axis; turned when there are many periods.
    static func xLabel(_ text: String, x: Double, count: Int) -> String {
        let baseline = height - bottom + 16
        if count > 10 {
            return "<text class=\"axis\" x=\"\(f(x))\" y=\"\(f(baseline))\" text-anchor=\"end\" transform=\"rotate(-40 \(f(x)) \(f(baseline)))\">\(HTMLText.escape(text))</text>\n"
        }
        return "<text class=\"axis\" x=\"\(f(x))\" y=\"\(f(baseline))\" text-anchor=\"middle\">\(HTMLText.escape(text))</text>\n"
    }

    static func path(_ points: [(Double, Double)], series: String, scope: [(String, String)]) -> String {
        guard let first = points.first else { return "" }
        var d = "M\(f(first.0)) \(f(first.1))"
        for point in points.dropFirst() { d += " L\(f(point.0)) \(f(point.1))" }
        var svg = "<path class=\"line \(series)\" d=\"\(d)\"" + HTMLText.attributes(scope + [("data-series", series)]) + "/>\n"
        for point in points { svg += "<circle class=\"dot \(series)\" cx=\"\(f(point.0))\" cy=\"\(f(point.1))\" r=\"3.5\"/>" }
        return svg + "\n"
    }
}
