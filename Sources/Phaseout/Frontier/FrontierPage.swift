import Foundation

/// frontier.html: the exposure-against-money curve of the estate, a table of the points, and
/// small multiples per organisation. One self-contained page (no external resources).
public enum FrontierPage {
    /// The file's name in a frontier directory.
    public static let fileName = "frontier.html"

    /// The page for frontier.csv's rows.
    /// - Parameters:
    ///   - rows: every point's rows (``FrontierRow/rows(scale:plan:)``).
    ///   - baselines: each organisation's exposure with nothing done, by name, and `all`'s.
    ///   - scenarioName: the scenario's name, for the title.
    public static func html(_ rows: [FrontierRow], baselines: [String: Double], scenarioName: String) -> String {
        let estate = rows.filter { $0.council == "all" }
        let councils = orderedCouncils(rows)
        var page = HTMLText.documentStart(title: "Budget frontier: \(scenarioName)", css: css)
        page += """
        <h1>What each budget buys</h1>
        <p>Every budget multiplied by the same scale, planned again. Exposure is counted in risk-years: one \
        high-risk camera left in place for one year. Lower is better; the dashed line is exposure with nothing done. A hollow point is a scale \
        where the time ran out before some organisation had a plan: its units count as untouched there.</p>

        """
        page += FrontierChart.svg(points(estate), baseline: baselines["all"] ?? 0, width: 720, height: 360, small: false,
                                  title: "Exposure against total budget, all organisations")
        page += pointsTable(estate, baseline: baselines["all"] ?? 0)
        page += "<h2>By organisation</h2>\n<div class=\"multiples\">\n"
        for council in councils {
            let own = rows.filter { $0.council == council }
            page += "<figure class=\"multiple\" data-council=\"\(HTMLText.escape(council))\">"
            page += FrontierChart.svg(points(own), baseline: baselines[council] ?? 0, width: 200, height: 120, small: true,
                                      title: "Exposure against budget, \(council)")
            page += "<figcaption>\(HTMLText.escape(council))<br><span>\(caption(own, baseline: baselines[council] ?? 0))</span></figcaption></figure>\n"
        }
        page += "</div>\n<footer><p>Made by <code>phaseout frontier</code>; the figures are frontier.csv's; each scale's plan is in its "
            + "<code>scale-…</code> folder. A scale marked infeasible has an organisation whose deadlines its budget cannot meet: "
            + "its figures are then for its best-effort plan.</p></footer>\n</main>\n</body>\n</html>\n"
        return page
    }

    private static func points(_ rows: [FrontierRow]) -> [FrontierChart.Point] {
        rows.map { ($0.budget, $0.exposure, $0.scale, $0.status == .unknown) }
    }

    private static func orderedCouncils(_ rows: [FrontierRow]) -> [String] {
        var seen = Set<String>(), names: [String] = []
        for row in rows where row.council != "all" && seen.insert(row.council).inserted { names.append(row.council) }
        return names
    }

    /// The estate's points: scale, budget, exposure and the share of the baseline removed, cost, status.
    private static func pointsTable(_ rows: [FrontierRow], baseline: Double) -> String {
        var table = "<table class=\"points\"><thead><tr><th>Budget scale</th><th>Total budget</th><th>Exposure (risk-years)</th>"
            + "<th>Exposure removed</th><th>Spent</th><th>Units replaced or removed</th><th>Units isolated</th><th>Plan</th></tr></thead><tbody>\n"
        for row in rows {
            let removed = baseline > 0 ? 1 - row.exposure / baseline : 0
            table += "<tr data-scale=\"\(HTMLText.raw(row.scale))\" data-exposure=\"\(HTMLText.raw(row.exposure))\">"
                + "<td>×\(HTMLText.raw(row.scale))</td><td>\(HTMLText.money(row.budget.rounded()))</td>"
                + "<td>\(HTMLText.grouped(row.exposure, decimals: 1))</td><td>\(HTMLText.percent(removed))</td>"
                + "<td>\(HTMLText.money(row.nominalCost.rounded()))</td><td>\(HTMLText.grouped(Double(row.units), decimals: 0))</td>"
                + "<td>\(HTMLText.grouped(Double(row.isolated), decimals: 0))</td><td>\(statusWords(row.status))</td></tr>\n"
        }
        return table + "</tbody></table>\n"
    }

    private static func caption(_ rows: [FrontierRow], baseline: Double) -> String {
        guard let first = rows.first, let last = rows.last, baseline > 0 else { return "" }
        return "×\(HTMLText.raw(first.scale)): \(HTMLText.percent(1 - first.exposure / baseline, decimals: 0)) removed; "
            + "×\(HTMLText.raw(last.scale)): \(HTMLText.percent(1 - last.exposure / baseline, decimals: 0))"
    }

    private static func statusWords(_ status: PlanStatus) -> String {
        switch status {
        case .optimal: return "best possible"
        case .feasible: return "good, not proven best"
        case .infeasible: return "a council cannot meet a deadline"
        case .unknown: return "a council not finished in the time"
        }
    }

    private static let css = """
    body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}main{max-width:980px;margin:0 auto;padding:24px}
    h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;margin:1rem 0;width:100%}
    th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}
    .frontier-chart .curve{fill:none;stroke:#1d5fa8;stroke-width:2}.frontier-chart .point{fill:#1d5fa8}.frontier-chart .unfinished{fill:#fff;stroke:#1d5fa8;stroke-width:1.5}
    .frontier-chart .axis{stroke:#666}.frontier-chart .baseline{stroke:#b33;stroke-dasharray:4 3}
    .frontier-chart text{font-size:11px;fill:#333}.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:12px}
    .multiple{margin:0;border:1px solid #eee;padding:6px}.multiple figcaption{font-size:.85rem}.multiple span{color:#555}
    footer{margin-top:2rem;font-size:.85rem;color:#555}
    """
}
