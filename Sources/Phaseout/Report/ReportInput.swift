import Foundation

/// Everything a report is made from: a plan directory's summary.json, plan.csv and, when
/// present, visits.csv, funded-plan.csv and funded-visits.csv.
///
/// ```swift
/// let input = try ReportInput.load(from: URL(fileURLWithPath: "plan-out"))
/// print(input.summary.status, input.plan.count)
/// ```
public struct ReportInput: Sendable {
    /// One line of plan.csv (or funded-plan.csv), with its period resolved.
    public struct PlanLine: Sendable, Equatable {
        public var council: String
        public var kind: String
        /// 0-based period; `nil` for units not treated within the horizon.
        public var period: Int?
        public var quantity: Int
        public var cost: Double
        /// 0-based `by` period (v1's `deadline`), `nil` when the unit has none.
        public var deadline: Int?
        /// What is done to the units; `nil` on a line without a period. A plan.csv without a
        /// `treatment` column reads as all `replace` (a v1 plan).
        public var treatment: Treatment? = .replace
        /// The register's `site_id` (empty when plan.csv has no such column).
        public var siteID = ""
        /// The register's `device_id` (empty when plan.csv has no such column).
        public var deviceID = ""

        /// Whether these units are gone by their `by` deadline (true when they have none).
        public var meetsDeadline: Bool {
            guard let deadline else { return true }
            guard let period, treatment?.isGone ?? false else { return false }
            return period <= deadline
        }
    }

    /// One paid site visit.
    public struct VisitLine: Sendable, Equatable {
        public var council: String
        public var period: Int
        public var cost: Double
        /// The site visited (empty when visits.csv has no `site_id` column).
        public var siteID = ""
    }

    public var summary: ReportSummary
    public var plan: [PlanLine]
    public var visits: [VisitLine]
    /// The plan the shortfalls would buy; `nil` when every organisation is feasible.
    public var funded: [PlanLine]?
    public var fundedVisits: [VisitLine]?
    /// goal.csv of a `phaseout goal` folder: the least budget that meets the target; `nil` when absent.
    public var goal: [GoalLine]?
    /// frontier.csv of a `phaseout frontier` folder: exposure against budget; `nil` when absent.
    public var frontier: [FrontierLine]?
    /// The sub-folder the plan was read from (`scale-1` of a frontier folder), or `nil` when the
    /// plan files are in the folder itself.
    public var planFolder: String?

    /// Creates an input from files already read.
    /// - Parameters:
    ///   - summary: summary.json.
    ///   - plan: plan.csv's lines.
    ///   - visits: visits.csv's lines.
    ///   - funded: funded-plan.csv's lines, when some organisation is infeasible.
    ///   - fundedVisits: funded-visits.csv's lines.
    ///   - goal: goal.csv's lines, when the folder is a goal run's.
    ///   - frontier: frontier.csv's lines, when the folder is a frontier run's.
    public init(summary: ReportSummary, plan: [PlanLine], visits: [VisitLine] = [],
                funded: [PlanLine]? = nil, fundedVisits: [VisitLine]? = nil,
                goal: [GoalLine]? = nil, frontier: [FrontierLine]? = nil) {
        self.summary = summary
        self.plan = plan
        self.visits = visits
        self.funded = funded
        self.fundedVisits = fundedVisits
        self.goal = goal
        self.frontier = frontier
    }

    /// Reads a plan directory written by `phaseout plan` or `phaseout goal`, or a `phaseout
    /// frontier` folder: that has no summary.json of its own, so the plan read is the one in its
    /// `scale-<s>` sub-folder with the scale nearest 1 (``planFolder``).
    /// - Parameter directory: the folder holding summary.json and plan.csv, or frontier.csv.
    /// - Throws: ``ReportError`` naming the file when summary.json or plan.csv is missing or
    ///   malformed, or an optional file is present but malformed.
    public static func load(from directory: URL) throws(ReportError) -> ReportInput {
        // A frontier folder keeps its plans in scale-<s> folders: the page explains the one at
        // today's budgets, or the nearest scale to it.
        let planFolder = exists(directory.appendingPathComponent("summary.json")) ? nil : frontierPlanFolder(in: directory)
        let planDirectory = planFolder.map { directory.appendingPathComponent($0) } ?? directory
        let summaryURL = planDirectory.appendingPathComponent("summary.json")
        let summary: ReportSummary
        do {
            let data = try read(summaryURL)
            summary = try JSONDecoder().decode(ReportSummary.self, from: data)
        } catch let error as ReportError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReportError(path: summaryURL.path, message: "missing \"\(key.stringValue)\"\(where_(context))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ReportError(path: summaryURL.path, message: "unexpected value\(where_(context))")
        } catch DecodingError.dataCorrupted(let context) {
            throw ReportError(path: summaryURL.path, message: "not valid JSON\(where_(context))")
        } catch {
            throw ReportError(path: summaryURL.path, message: "could not be read")
        }
        let periods = summary.periods
        let plan = try readPlan(planDirectory.appendingPathComponent("plan.csv"), periods: periods)
        let visitsURL = planDirectory.appendingPathComponent("visits.csv")
        let visits = exists(visitsURL) ? try readVisits(visitsURL, periods: periods) : []
        let fundedURL = planDirectory.appendingPathComponent("funded-plan.csv")
        let funded = exists(fundedURL) ? try readPlan(fundedURL, periods: periods) : nil
        let fundedVisitsURL = planDirectory.appendingPathComponent("funded-visits.csv")
        let fundedVisits = exists(fundedVisitsURL) ? try readVisits(fundedVisitsURL, periods: periods) : nil
        let goalURL = directory.appendingPathComponent("goal.csv")
        let goal = exists(goalURL) ? try readGoal(goalURL, periods: periods) : nil
        let frontierURL = directory.appendingPathComponent("frontier.csv")
        let frontier = exists(frontierURL) ? try readFrontier(frontierURL) : nil
        var input = ReportInput(summary: summary, plan: plan, visits: visits, funded: funded, fundedVisits: fundedVisits,
                                goal: goal, frontier: frontier)
        input.planFolder = planFolder
        return input
    }

    private static func where_(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "" : " at \(path.hasPrefix(".") ? String(path.dropFirst()) : path)"
    }

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    private static func read(_ url: URL) throws(ReportError) -> Data {
        do { return Data(try FileAccess.readRegularFile(url.path)) } catch {
            throw ReportError(path: url.path, message: error.reason)
        }
    }

    /// The records of a CSV file with a header, as dictionaries from lower-cased column name to field.
    static func records(_ url: URL, required: [String]) throws(ReportError)
        -> [(line: Int, field: (String) -> String, has: (String) -> Bool)] {
        let data = try read(url)
        var header: [String: Int]?
        var rows: [(Int, [String])] = []
        var syntax: CSVScanner.SyntaxProblem?
        data.withUnsafeBytes { raw in
            CSVScanner.scan(raw.bindMemory(to: UInt8.self), record: { line, cells in
                let fields = cells.map(CSVText.original)  // undo the writer's formula neutralisation
                if header == nil {
                    var columns: [String: Int] = [:]
                    for (i, name) in fields.enumerated() where columns[name.lowercased()] == nil { columns[name.lowercased()] = i }
                    header = columns
                } else {
                    rows.append((line, fields))
                }
            }, problem: { if syntax == nil { syntax = $0 } })
        }
        if let syntax { throw ReportError(path: url.path, message: "line \(syntax.line): \(syntax.message)") }
        guard let header else { throw ReportError(path: url.path, message: "empty file: no header row") }
        if let missing = required.first(where: { header[$0] == nil }) {
            throw ReportError(path: url.path, message: "line 1: no \"\(missing)\" column")
        }
        return rows.map { line, fields in
            (line, { name in header[name].flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }, { header[$0] != nil })
        }
    }

    private static func period(_ label: String, _ periods: [String], _ url: URL, _ line: Int) throws(ReportError) -> Int? {
        if label.isEmpty { return nil }
        guard let index = periods.firstIndex(of: label) else {
            throw ReportError(path: url.path, message: "line \(line): period \"\(label)\" is not one of summary.json's periods")
        }
        return index
    }

    static func number(_ text: String, _ column: String, _ url: URL, _ line: Int) throws(ReportError) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw ReportError(path: url.path, message: "line \(line): \(column) \"\(text)\" is not a number")
        }
        return value
    }

    static func readPlan(_ url: URL, periods: [String]) throws(ReportError) -> [PlanLine] {
        var lines: [PlanLine] = []
        for record in try records(url, required: ["council", "kind", "period", "quantity", "cost"]) {
            let quantityText = record.field("quantity")
            guard let quantity = Int(quantityText), quantity >= 0, quantity <= InputRanges.maxQuantity else {
                throw ReportError(path: url.path, message: "line \(record.line): quantity \"\(quantityText)\" is not a whole number from 0 to \(InputRanges.maxQuantity)")
            }
            let t = try period(record.field("period"), periods, url, record.line)
            // v2 names the unit's deadlines `by` and `isolatedBy`; v1 called `by` `deadline`.
            let by = record.has("by") ? record.field("by") : record.field("deadline")
            var treatment: Treatment? = t == nil ? nil : .replace
            if record.has("treatment"), t != nil {
                let word = record.field("treatment")
                guard let known = Treatment(rawValue: word.folded) else {
                    throw ReportError(path: url.path, message: "line \(record.line): treatment \"\(word)\" is not one of replace, remove, isolate")
                }
                treatment = known
            }
            lines.append(PlanLine(
                council: record.field("council"), kind: record.field("kind"),
                period: t, quantity: quantity,
                cost: try number(record.field("cost"), "cost", url, record.line),
                deadline: try period(by, periods, url, record.line), treatment: treatment,
                siteID: record.field("site_id"), deviceID: record.field("device_id")))
        }
        return lines
    }

    static func readVisits(_ url: URL, periods: [String]) throws(ReportError) -> [VisitLine] {
        var visits: [VisitLine] = []
        for record in try records(url, required: ["council", "period", "cost"]) {
            guard let t = try period(record.field("period"), periods, url, record.line) else {
                throw ReportError(path: url.path, message: "line \(record.line): a visit needs a period")
            }
            visits.append(VisitLine(council: record.field("council"), period: t,
                                    cost: try number(record.field("cost"), "cost", url, record.line),
                                    siteID: record.field("site_id")))
        }
        return visits
    }
}
