import Foundation

/// Reads the shortfalls a plan reported: the `shortfalls` array of a `summary.json` written by
/// `phaseout plan` (SPEC §3), so that `phaseout verify --shortfall` can add them to the budgets
/// and check that the funded plan is affordable with exactly the money and hours asked for.
///
/// ```swift
/// let shortfalls = try ShortfallReader.read(path: "out/summary.json")
/// let report = PlanVerifier(estate: estate).funded(by: shortfalls).verify(planCSVAt: "out/funded-plan.csv")
/// ```
public enum ShortfallReader {
    /// Reads the shortfalls of a summary file, by organisation name.
    /// - Parameters:
    ///   - path: the summary file (`summary.json` of a plan folder).
    ///   - fileName: the name errors give for the file; the path when `nil`.
    ///   - periodCount: when given, every `money` and `hours` array must have this length.
    /// - Throws: ``InputError`` naming the file, line and column of every problem.
    public static func read(path: String, fileName: String? = nil, periodCount: Int? = nil) throws(InputError) -> [String: Shortfall] {
        let name = fileName ?? path
        return try parse(FileAccess.readInput(path, fileName: name, what: "summary"), fileName: name, periodCount: periodCount)
    }

    /// Parses summary JSON bytes. A summary without `shortfalls` has none.
    /// - Throws: ``InputError`` naming the line and column of every problem.
    public static func parse(_ bytes: [UInt8], fileName: String, periodCount: Int? = nil) throws(InputError) -> [String: Shortfall] {
        var log = DiagnosticLog(file: fileName)
        if !bytes.withUnsafeBufferPointer({ TextBytes.check($0, log: &log) }) { throw log.inputError }
        let root = try JSONParser.document(bytes, log: &log)
        guard case .object(let members) = root.content else {
            log.error(line: root.line, column: root.column, "expected the summary object written by phaseout plan, found \(root.typeName)")
            throw log.inputError
        }
        var result: [String: Shortfall] = [:]
        guard let list = members.first(where: { $0.key == "shortfalls" })?.value else { return result }
        guard case .array(let entries) = list.content else {
            log.error(line: list.line, column: list.column, field: "shortfalls", "shortfalls: expected an array, found \(list.typeName)")
            throw log.inputError
        }
        for (i, entry) in entries.enumerated() {
            let path = "shortfalls[\(i)]"
            guard case .object(let fields) = entry.content else {
                log.error(line: entry.line, column: entry.column, field: path, "\(path): expected an object, found \(entry.typeName)")
                continue
            }
            func field(_ key: String) -> JSONValue? { fields.first { $0.key == key }?.value }
            guard let nameValue = field("organisation"), case .string(let organisation) = nameValue.content else {
                log.error(line: entry.line, column: entry.column, field: path + ".organisation", "\(path).organisation: expected the organisation's name")
                continue
            }
            func wholeNumbers(_ key: String) -> [Int]? {
                guard let value = field(key) else {
                    log.error(line: entry.line, column: entry.column, field: path + "." + key, "\(path).\(key) is missing: expected an array of whole numbers ≥ 0")
                    return nil
                }
                guard case .array(let items) = value.content else {
                    log.error(line: value.line, column: value.column, field: path + "." + key, "\(path).\(key): expected an array of whole numbers ≥ 0, found \(value.typeName)")
                    return nil
                }
                var numbers: [Int] = []
                for item in items {
                    guard case .number(let x) = item.content, x >= 0, x == x.rounded(), x < 1e15 else {
                        var found = item.typeName
                        if case .number(let x) = item.content { found = x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
                        log.error(line: item.line, column: item.column, field: path + "." + key,
                                  "\(path).\(key): expected a whole number ≥ 0, found \(found)")
                        return nil
                    }
                    numbers.append(Int(x))
                }
                if let periodCount, numbers.count != periodCount {
                    log.error(line: value.line, column: value.column, field: path + "." + key,
                              "\(path).\(key): expected one number per period (\(periodCount)), found \(numbers.count)")
                    return nil
                }
                return numbers
            }
            let structural = field("structural").map { if case .bool(true) = $0.content { true } else { false } } ?? false
            guard let money = wholeNumbers("money"), let hours = wholeNumbers("hours") else { continue }
            result[organisation] = Shortfall(money: money, hours: hours,
                                             structuralReason: structural ? "reported as structural" : nil)
        }
        try log.throwIfErrors()
        return result
    }
}

extension PlanVerifier {
    /// A verifier whose organisations have their shortfalls added: money to each period's
    /// budget (so it may carry over), hours to each period's labour limit. Structural
    /// shortfalls, and organisations the scenario does not know, change nothing.
    public func funded(by shortfalls: [String: Shortfall]) -> PlanVerifier {
        var scenario = self.scenario
        for (organisation, shortfall) in shortfalls.sorted(by: { $0.key < $1.key }) where !shortfall.isStructural {
            if let budget = scenario.budget(for: organisation), budget.count == shortfall.money.count {
                scenario.budgets[organisation.folded] = zip(budget, shortfall.money).map { $0 + Double($1) }
            }
            if let hours = scenario.labourHours(for: organisation), hours.count == shortfall.hours.count {
                scenario.labourHours[organisation.folded] = zip(hours, shortfall.hours).map { $0 + Double($1) }
            }
        }
        return withLimits(of: scenario)
    }
}
