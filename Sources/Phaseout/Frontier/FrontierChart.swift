import Foundation

/// The frontier's inline SVG: exposure (risk-years) against the total budget (£), one point per
/// scale, joined in scale order. Axes start at 0, so that a flat stretch reads as flat.
enum FrontierChart {
    /// A point: the total budget, the exposure, the scale, and whether the time ran out before
    /// some organisation had a plan (its exposure then counts units untouched).
    typealias Point = (budget: Double, exposure: Double, scale: Double, unfinished: Bool)

    /// A chart of `points` `width` × `height` pixels; small multiples go without axis labels.
    /// Unfinished points are drawn hollow and left out of the line: their exposure is not what
    /// the budget buys, only what was planned in the time.
    static func svg(_ points: [Point], baseline: Double,
                    width: Double, height: Double, small: Bool, title: String) -> String {
        let margin = small ? (left: 6.0, right: 6.0, top: 6.0, bottom: 6.0) : (left: 64.0, right: 24.0, top: 28.0, bottom: 40.0)
        let highestBudget = max(1, points.map(\.budget).max() ?? 1)
        let highestExposure = max(1e-9, baseline, points.map(\.exposure).max() ?? 0)
        let x = { (budget: Double) in margin.left + (width - margin.left - margin.right) * budget / highestBudget }
        let y = { (exposure: Double) in height - margin.bottom - (height - margin.top - margin.bottom) * exposure / highestExposure }
        var svg = "<svg class=\"frontier-chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\""
            + " role=\"img\" aria-label=\"\(HTMLText.escape(title))\"><title>\(HTMLText.escape(title))</title>"
        // The baseline: exposure with nothing done.
        svg += "<line class=\"baseline\" x1=\"\(f(margin.left))\" x2=\"\(f(width - margin.right))\" y1=\"\(f(y(baseline)))\" y2=\"\(f(y(baseline)))\"/>"
        svg += "<line class=\"axis\" x1=\"\(f(margin.left))\" x2=\"\(f(margin.left))\" y1=\"\(f(margin.top))\" y2=\"\(f(height - margin.bottom))\"/>"
        svg += "<line class=\"axis\" x1=\"\(f(margin.left))\" x2=\"\(f(width - margin.right))\" y1=\"\(f(height - margin.bottom))\" y2=\"\(f(height - margin.bottom))\"/>"
        if !small {
            svg += label("0", x: margin.left - 6, y: height - margin.bottom, anchor: "end")
            svg += label(HTMLText.grouped(highestExposure, decimals: 0), x: margin.left - 6, y: margin.top + 4, anchor: "end")
            svg += label("nothing done", x: width - margin.right, y: y(baseline) - 4, anchor: "end")
            svg += label(HTMLText.compactMoney(highestBudget), x: width - margin.right, y: height - margin.bottom + 16, anchor: "end")
            svg += label("£0", x: margin.left, y: height - margin.bottom + 16, anchor: "start")
            svg += label("total budget over the plan", x: (width + margin.left) / 2, y: height - 6, anchor: "middle")
        }
        let line = points.filter { !$0.unfinished }.map { "\(f(x($0.budget))),\(f(y($0.exposure)))" }.joined(separator: " ")
        svg += "<polyline class=\"curve\" points=\"\(line)\"/>"
        for point in points {
            svg += "<circle class=\"\(point.unfinished ? "point unfinished" : "point")\" cx=\"\(f(x(point.budget)))\" cy=\"\(f(y(point.exposure)))\" r=\"\(small ? 2 : 4)\""
                + " data-scale=\"\(HTMLText.raw(point.scale))\" data-exposure=\"\(HTMLText.raw(point.exposure))\">"
                + "<title>×\(HTMLText.raw(point.scale)): \(HTMLText.money(point.budget)), \(HTMLText.grouped(point.exposure)) risk-years"
                + (point.unfinished ? " (not finished in the time: units without a plan counted as untouched)" : "") + "</title></circle>"
            if !small {
                svg += label("×\(HTMLText.raw(point.scale))", x: x(point.budget), y: y(point.exposure) - 8, anchor: "middle")
            }
        }
        return svg + "</svg>"
    }

    private static func label(_ text: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(text))</text>"
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
