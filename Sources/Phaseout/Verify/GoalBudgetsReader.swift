import Foundation

/// Reads the budgets a goal run found: goal.csv's `budget <period>` columns (SPEC §4), so that
/// `phaseout verify --goal` checks a goal run's plan against the budgets it implies.
///
/// ```swift
/// let budgets = try GoalBudgetsReader.read(path: "goal-out/goal.csv", periods: estate.scenario.periods)
/// let report = try PlanVerifier(estate: estate).budgeted(by: budgets).verify(planCSVAt: "goal-out/plan.csv")
/// ```
public enum GoalBudgetsReader {
    /// Reads the whole-pound budgets of every organisation that has them, by name. Rows without
    /// budgets (structural or unknown organisations) and the `total` row are left out.
    /// - Parameters:
    ///   - path: the goal.csv file.
    ///   - periods: the scenario's period labels; each needs its `budget <label>` column.
    /// - Throws: ``InputError`` naming the file, line and column of every problem.
    public static func read(path: String, periods: [String]) throws(InputError) -> [String: [Double]] {
        try parse(FileAccess.readInput(path, fileName: path, what: "goal table"), fileName: path, periods: periods)
    }

    /// The objective the goal run planned for, from the summary.json beside goal.csv: an
    /// exposure target's plan minimises exposure whatever the scenario says (SPEC §2.6: under
    /// `cost` its units need not all be gone). `nil` when there is no readable summary.
    public static func plannedObjective(besideGoalTableAt path: String) -> Objective? {
        let summary = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("summary.json")
        guard let data = try? Data(contentsOf: summary),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let text = object["objective"] as? String else { return nil }
        return Objective(rawValue: text)
    }

    /// Parses goal.csv bytes. See ``read(path:periods:)``.
    public static func parse(_ bytes: [UInt8], fileName: String, periods: [String]) throws(InputError) -> [String: [Double]] {
        var log = DiagnosticLog(file: fileName)
        if !bytes.withUnsafeBufferPointer({ TextBytes.check($0, log: &log) }) { throw log.inputError }
        var columns: (council: Int, budgets: [Int])?
        var budgets: [String: [Double]] = [:]
        bytes.withUnsafeBufferPointer { buffer in
            CSVScanner.scan(buffer, record: { line, fields in
                let cells = fields.map(CSVText.original)
                guard let (council, budgetColumns) = columns else {
                    columns = header(cells, line: line, periods: periods, log: &log) ?? (-1, [])
                    return
                }
                guard council >= 0, council < cells.count, cells[council] != "total" else { return }
                let amounts = budgetColumns.map { $0 < cells.count ? cells[$0] : "" }
                guard amounts.contains(where: { !$0.isEmpty }) else { return }
                var values: [Double] = []
                for (k, amount) in amounts.enumerated() {
                    guard let value = Double(amount), value >= 0, value.isFinite else {
                        log.error(line: line, column: budgetColumns[k] + 1, field: "budget \(periods[k])",
                                  "expected a budget of 0 or more pounds, found '\(amount)'")
                        return
                    }
                    values.append(value)
                }
                budgets[cells[council]] = values
            }, problem: { log.error(line: $0.line, column: $0.column, $0.message) })
        }
        if columns == nil { log.error(line: 1, "the goal table is empty: it needs the header row phaseout goal writes") }
        try log.throwIfErrors()
        return budgets
    }

    /// The `council` column and the `budget <period>` columns, in period order.
    private static func header(_ cells: [String], line: Int, periods: [String], log: inout DiagnosticLog) -> (Int, [Int])? {
        guard let council = cells.firstIndex(of: "council") else {
            log.error(line: line, "expected goal.csv's header with a 'council' column, found \(cells.joined(separator: ","))")
            return nil
        }
        var budgetColumns: [Int] = []
        for period in periods {
            guard let column = cells.firstIndex(of: "budget \(period)") else {
                log.error(line: line, "expected a column 'budget \(period)' for the scenario's period \(period)")
                return nil
            }
            budgetColumns.append(column)
        }
        return (council, budgetColumns)
    }
}

extension PlanVerifier {
    /// A verifier whose organisations have the given budgets instead of the scenario's (a goal
    /// run's); organisations not named keep theirs, and names the scenario does not know change
    /// nothing.
    public func budgeted(by budgets: [String: [Double]]) -> PlanVerifier {
        var scenario = self.scenario
        for (organisation, budget) in budgets.sorted(by: { $0.key < $1.key }) where budget.count == scenario.periodCount {
            scenario.budgets[organisation.folded] = budget
        }
        return withLimits(of: scenario)
    }
}

extension PlanVerifier {
    /// A verifier that reads the plan under `objective` (what `cost` adds: every unit gone).
    public func planned(for objective: Objective) -> PlanVerifier {
        var scenario = self.scenario
        scenario.objective = objective
        return PlanVerifier(register: register, scenario: scenario)
    }

    /// A verifier with every budget multiplied by `scale` (a frontier point's plan).
    public func scalingBudgets(by scale: Double) -> PlanVerifier {
        var scenario = self.scenario
        scenario.budgets = scenario.budgets.mapValues { $0.map { $0 * scale } }
        return withLimits(of: scenario)
    }
}
