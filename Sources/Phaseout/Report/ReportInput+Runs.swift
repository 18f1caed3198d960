import Foundation

/// goal.csv and frontier.csv (SPEC §4), read when a report's folder is a `goal` or a
/// `frontier` run's: a missing file leaves its section out, a malformed one is an error that
/// names the line.
extension ReportInput {
    /// One row of goal.csv: the least budget scale that meets the target (SPEC §2.6).
    public struct GoalLine: Sendable, Equatable {
        /// The organisation, or `total` for the last row.
        public var council: String
        /// `optimal`, `feasible`, `structural` or `unknown`, as written.
        public var status: String
        /// The least budget scale; `nil` when structural or unknown.
        public var scale: Double?
        /// Money beyond the current budgets, over the horizon; `nil` when not given.
        public var extra: Double?
        /// The budget per period at that scale (`nil` where the cell is empty).
        public var budgets: [Double?]
        /// Why no scale reaches the target, when structural.
        public var reason: String
    }

    /// One row of frontier.csv: an organisation's (or `all`'s) plan at one budget scale.
    public struct FrontierLine: Sendable, Equatable {
        /// The budget scale the plan was made at.
        public var scale: Double
        /// The organisation, or `all` for the estate.
        public var council: String
        /// The budget over the horizon at that scale.
        public var budget: Double
        /// Risk-years left by the plan.
        public var exposure: Double
        /// The plan's nominal cost.
        public var nominalCost: Double
        /// Units gone.
        public var units: Int
        /// Units isolated.
        public var isolated: Int
        /// The plan's status.
        public var status: String
    }

    /// The `scale-<s>` sub-folder of a frontier folder whose scale is nearest 1 (the lower on a
    /// tie), or `nil` when the folder has no frontier.csv or no such sub-folder.
    static func frontierPlanFolder(in directory: URL) -> String? {
        guard exists(directory.appendingPathComponent("frontier.csv")),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return nil }
        let scales = names.compactMap { name -> (String, Double)? in
            guard name.hasPrefix("scale-"), let scale = Double(name.dropFirst(6)), scale.isFinite,
                  exists(directory.appendingPathComponent(name).appendingPathComponent("summary.json")) else { return nil }
            return (name, scale)
        }
        return scales.min { a, b in
            let da = abs(a.1 - 1), db = abs(b.1 - 1)
            return da != db ? da < db : a.1 < b.1
        }?.0
    }

    static func readGoal(_ url: URL, periods: [String]) throws(ReportError) -> [GoalLine] {
        let budgetColumns = periods.map { "budget \($0)".lowercased() }
        var lines: [GoalLine] = []
        for record in try records(url, required: ["council", "status", "scale", "extra"] + budgetColumns) {
            func optional(_ column: String) throws(ReportError) -> Double? {
                let text = record.field(column)
                return text.isEmpty ? nil : try number(text, column, url, record.line)
            }
            var budgets: [Double?] = []
            for column in budgetColumns { budgets.append(try optional(column)) }
            lines.append(GoalLine(council: record.field("council"), status: record.field("status"),
                                  scale: try optional("scale"), extra: try optional("extra"),
                                  budgets: budgets, reason: record.field("reason")))
        }
        return lines
    }

    static func readFrontier(_ url: URL) throws(ReportError) -> [FrontierLine] {
        let required = ["scale", "council", "budget", "exposure", "nominalcost", "units", "isolated", "status"]
        var lines: [FrontierLine] = []
        for record in try records(url, required: required) {
            func count(_ column: String) throws(ReportError) -> Int {
                let text = record.field(column)
                guard let value = Int(text), value >= 0 else {
                    throw ReportError(path: url.path, message: "line \(record.line): \(column) \"\(text)\" is not a whole number")
                }
                return value
            }
            lines.append(FrontierLine(
                scale: try number(record.field("scale"), "scale", url, record.line),
                council: record.field("council"),
                budget: try number(record.field("budget"), "budget", url, record.line),
                exposure: try number(record.field("exposure"), "exposure", url, record.line),
                nominalCost: try number(record.field("nominalcost"), "nominalCost", url, record.line),
                units: try count("units"), isolated: try count("isolated"), status: record.field("status")))
        }
        return lines
    }
}
