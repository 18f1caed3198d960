import Foundation

/// goal.csv (SPEC §4): `council,status,scale,extra`, the budget per period at the scale
/// (`budget <period>`), and `reason`; one row per organisation, then a `total` row.
///
/// Scales have 4 decimals, budgets are whole pounds and `extra` (the scaled budgets' total minus
/// the current total, negative when less money suffices) is in pounds to the penny. Cells are
/// empty where an organisation has no scale. The total row adds the organisations that reach
/// the target; its reason counts the others, so that a reader never takes it for the estate's need.
public enum GoalTable {
    /// The file's name in a goal run's directory.
    public static let fileName = "goal.csv"

    /// The CSV text of a goal run.
    /// - Parameters:
    ///   - run: the goal run.
    ///   - periods: the scenario's period labels.
    public static func csv(_ run: GoalRun, periods: [String]) -> String {
        var text = CSVText.line(["council", "status", "scale", "extra"] + periods.map { "budget \($0)" } + ["reason"])
        var totals = [Int](repeating: 0, count: periods.count)
        var extra = 0.0
        for goal in run.organisations {
            var fields = [CSVText.field(goal.name), goal.status.rawValue, goal.scale.map { String(format: "%.4f", $0) } ?? ""]
            fields.append(goal.extra.map(money) ?? "")
            if let budgets = goal.budgets {
                fields += budgets.map(String.init)
                for (t, amount) in budgets.enumerated() { totals[t] += amount }
                extra += goal.extra ?? 0
            } else {
                fields += periods.map { _ in "" }
            }
            fields.append(CSVText.field(goal.reason ?? ""))
            text += fields.joined(separator: ",") + "\n"
        }
        let left = run.organisations.filter { $0.budgets == nil }
        let reason = left.isEmpty ? "" : "\(left.count) not reaching the target (\(left.map(\.name).joined(separator: "; "))) not counted"
        text += (["total", overallStatus(run).rawValue, "", money(extra)] + totals.map(String.init)).joined(separator: ",")
            + "," + CSVText.field(reason) + "\n"
        return text
    }

    /// The run's status: the least settled of its organisations'.
    static func overallStatus(_ run: GoalRun) -> OrganisationGoal.Status {
        let order: [OrganisationGoal.Status] = [.unknown, .structural, .feasible, .optimal]
        return order.first { status in run.organisations.contains { $0.status == status } } ?? .optimal
    }

    /// Pounds to the penny, trailing zeros dropped; never neutralised (a number, not text).
    private static func money(_ value: Double) -> String {
        PenceApportionment.poundsText(value)
    }
}
