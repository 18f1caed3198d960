import Foundation

/// Reads a scenario from JSON (SPEC §1.2), collecting every problem before it throws.
///
/// ```swift
/// let scenario = try ScenarioReader.read(path: "scenario.json")
/// ```
///
/// Checks: unknown and duplicate keys anywhere, value types, non-finite and negative numbers,
/// `periodYears` > 0, `inflation` and `discountRate` > −1, `carryOver` in [0, 1], budget and
/// labour arrays of T values, distinct periods, kinds with a `replaceCost`, treatments with their
/// required keys and 0 ≤ `residualRisk` < 1, names that fold to the same key, deadline rules
/// with `by` or `isolatedBy` naming known kinds, levels and periods, aliases naming a key of the
/// vendor table in force, and the supported ranges of docs/input-ranges.md (``InputRanges``).
///
/// A syntax error does not stop the reading: the broken member or element is skipped (up to
/// the next `,` or closing bracket) and the rest is checked, so that one run lists every problem.
public enum ScenarioReader {
    /// The scenario format's top-level keys.
    public static let topLevelKeys: Set<String> = [
        "name", "periods", "periodYears", "objective", "vendors", "sensitivity", "kinds", "siteVisitCost",
        "inflation", "discountRate", "budgets", "labourHours", "carryOver", "deadlines", "vendorAliases",
    ]
    /// The keys of a kind.
    public static let kindKeys: Set<String> = ["replaceCost", "labourHours", "risk", "replacedFirst", "isolate", "remove"]
    /// The keys of a kind's `isolate` treatment.
    public static let isolateKeys: Set<String> = ["cost", "labourHours", "residualRisk"]
    /// The keys of a kind's `remove` treatment.
    public static let removeKeys: Set<String> = ["cost", "labourHours"]
    /// The keys of a deadline rule.
    public static let deadlineKeys: Set<String> = ["council", "site_category", "sensitivity", "kind", "vendor", "by", "isolatedBy"]

    /// Reads and checks the scenario at `path`.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - fileName: The name diagnostics use; defaults to `path`.
    /// - Throws: ``InputError`` listing every problem found.
    public static func read(path: String, fileName: String? = nil) throws(InputError) -> Scenario {
        let name = fileName ?? path
        return try parse(FileAccess.readInput(path, fileName: name, what: "scenario"), fileName: name)
    }

    /// Parses scenario JSON text.
    /// - Throws: ``InputError`` listing every problem found.
    public static func parse(_ text: String, fileName: String) throws(InputError) -> Scenario {
        try parse(Array(text.utf8), fileName: fileName)
    }

    /// Parses scenario JSON bytes.
    /// - Throws: ``InputError`` listing every problem found.
    public static func parse(_ bytes: [UInt8], fileName: String) throws(InputError) -> Scenario {
        let read = readPartially(bytes: bytes, fileName: fileName)
        try read.log.throwIfErrors()
        return read.scenario!
    }

    /// Reads the scenario at `path` as far as it can be read, for the checks against the
    /// register that should run even when the scenario has errors.
    ///
    /// - Returns: The scenario with every part that could be read (broken values replaced by
    ///   their defaults or left out), or nil when it cannot be read at all; what it says for
    ///   certain; and every problem found.
    static func readPartially(path: String, fileName: String)
        -> (scenario: Scenario?, coverage: ScenarioCoverage, log: DiagnosticLog) {
        do {
            return readPartially(bytes: try FileAccess.readInput(path, fileName: fileName, what: "scenario"),
                                 fileName: fileName)
        } catch {
            var log = DiagnosticLog(file: fileName)
            log.merge(error)
            return (nil, ScenarioCoverage(), log)
        }
    }

    /// Reads scenario bytes as far as they can be read; see ``readPartially(path:fileName:)``.
    static func readPartially(bytes: [UInt8], fileName: String)
        -> (scenario: Scenario?, coverage: ScenarioCoverage, log: DiagnosticLog) {
        var log = DiagnosticLog(file: fileName)
        if !bytes.withUnsafeBufferPointer({ TextBytes.check($0, log: &log) }) { return (nil, ScenarioCoverage(), log) }
        let (root, syntaxErrors) = JSONParser.parseRecovering(bytes)
        for e in syntaxErrors { log.error(line: e.line, column: e.column, e.message) }
        guard let root else { return (nil, ScenarioCoverage(), log) }
        var reader = Reader(log: log, fileName: fileName)
        let scenario = reader.scenario(from: root)
        // Syntax errors were found first; list everything in file order.
        if !syntaxErrors.isEmpty { reader.log.sortByPosition() }
        return (scenario, scenario == nil ? ScenarioCoverage() : reader.coverage, reader.log)
    }
}

extension ScenarioReader {
    /// Walks the JSON tree, checking as it goes.
    struct Reader {
        var log: DiagnosticLog
        let fileName: String
        /// What the scenario read so far says for certain (``ScenarioCoverage``).
        var coverage = ScenarioCoverage()

        init(log: DiagnosticLog, fileName: String) {
            self.log = log
            self.fileName = fileName
        }

        /// Records an error at a value; none at a value that could not be parsed, whose syntax
        /// error is reported already.
        mutating func error(_ at: JSONValue, _ path: String, _ message: String) {
            if at.isInvalid { return }
            log.error(line: at.line, column: at.column, field: path, message)
        }

        mutating func error(_ at: JSONMember, _ path: String, _ message: String) {
            log.error(line: at.line, column: at.column, field: path, message)
        }

        static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

        static func place(_ path: String) -> String { path.isEmpty ? "the scenario" : path }

        /// The members of an object by key (first occurrence), after reporting duplicates and,
        /// when `allowed` is given, unknown keys.
        mutating func members(_ value: JSONValue, _ path: String, allowed: Set<String>?) -> [(JSONMember)]? {
            guard case .object(let members) = value.content else {
                error(value, path, "\(Self.place(path)) must be an object, not \(value.typeName)")
                return nil
            }
            var seen: [String: JSONMember] = [:]
            var unique: [JSONMember] = []
            for member in members {
                let memberPath = Self.join(path, member.key)
                if let first = seen[member.key] {
                    error(member, memberPath, "duplicate key \"\(member.key)\" in \(Self.place(path)) (first at line \(first.line))")
                    continue
                }
                seen[member.key] = member
                if let allowed, !allowed.contains(member.key) {
                    error(member, memberPath, "unknown key \"\(member.key)\" in \(Self.place(path))")
                    continue
                }
                unique.append(member)
            }
            return unique
        }

        /// Members keyed by names that fold case: reports two that fold to the same name.
        mutating func namedMembers(_ value: JSONValue, _ path: String, fold: (String) -> String = { $0.folded })
            -> [(member: JSONMember, key: String)]? {
            guard let members = members(value, path, allowed: nil) else { return nil }
            var seen: [String: JSONMember] = [:]
            var out: [(JSONMember, String)] = []
            for member in members {
                let key = fold(member.key)
                let memberPath = Self.join(path, member.key)
                if key.isEmpty {
                    error(member, memberPath, "empty name \"\(member.key)\" in \(path)")
                    continue
                }
                if let first = seen[key] {
                    error(member, memberPath,
                          "\"\(member.key)\" and \"\(first.key)\" in \(path) name the same thing (names ignore case)")
                    continue
                }
                seen[key] = member
                out.append((member, key))
            }
            return out
        }

        /// A finite number, at least `minimum` (or above it when `strictly`), else nil after an error.
        mutating func number(_ value: JSONValue, _ path: String, minimum: Double = 0, strictly: Bool = false,
                             maximum: Double? = nil) -> Double? {
            guard case .number(let x) = value.content else {
                error(value, path, "\(path) must be a number, not \(value.typeName)")
                return nil
            }
            guard x.isFinite else {
                error(value, path, "\(path) is not a finite number")
                return nil
            }
            if strictly ? !(x > minimum) : x < minimum {
                let bound = minimum == 0 ? (strictly ? "positive" : "negative") : "\(minimum)"
                if minimum == 0 && !strictly {
                    error(value, path, "\(path) must not be negative (\(Self.format(x)))")
                } else if minimum == 0 {
                    error(value, path, "\(path) must be \(bound) (\(Self.format(x)))")
                } else {
                    error(value, path, "\(path) must be greater than \(Self.format(minimum)) (\(Self.format(x)))")
                }
                return nil
            }
            if let maximum, x > maximum {
                error(value, path, "\(path) must be at most \(Self.format(maximum)) (\(Self.format(x)))")
                return nil
            }
            return x
        }

        static func format(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        }

        mutating func string(_ value: JSONValue, _ path: String) -> String? {
            guard case .string(let s) = value.content else {
                error(value, path, "\(path) must be a string, not \(value.typeName)")
                return nil
            }
            let trimmed = s.trimmingUnicodeWhitespace
            if trimmed.isEmpty {
                error(value, path, "\(path) must not be empty")
                return nil
            }
            return trimmed
        }

        mutating func bool(_ value: JSONValue, _ path: String) -> Bool? {
            guard case .bool(let b) = value.content else {
                error(value, path, "\(path) must be true or false, not \(value.typeName)")
                return nil
            }
            return b
        }

        /// An array of T finite numbers from 0 to `maximum`.
        mutating func series(_ value: JSONValue, _ path: String, count: Int?, maximum: Double) -> [Double]? {
            guard case .array(let elements) = value.content else {
                error(value, path, "\(path) must be an array of numbers, not \(value.typeName)")
                return nil
            }
            if let count, elements.count != count {
                error(value, path, "\(path) has \(elements.count) values but there are \(count) periods")
                return nil
            }
            var out: [Double] = []
            var ok = true
            for (k, element) in elements.enumerated() {
                if let x = number(element, "\(path)[\(k)]", maximum: maximum) { out.append(x) } else { ok = false }
            }
            return ok ? out : nil
        }

        mutating func scenario(from root: JSONValue) -> Scenario? {
            guard let top = members(root, "", allowed: ScenarioReader.topLevelKeys) else { return nil }
            var byKey: [String: JSONValue] = [:]
            for m in top { byKey[m.key] = m.value }
            let name = readName(byKey)
            // Periods first: budgets, labour and deadlines depend on T.
            let (periods, periodsOK) = readPeriods(byKey, root: root)
            let t: Int? = periodsOK ? periods.count : nil
            let periodYears = byKey["periodYears"].flatMap { number($0, "periodYears", strictly: true, maximum: InputRanges.maxPeriodYears) } ?? 1
            let objective = readObjective(byKey)
            var (vendors, vendorKeys) = readVendors(byKey, root: root)
            let (sensitivity, levelNames) = readSensitivity(byKey, root: root)
            let kinds = readKinds(byKey, root: root)
            let visit = readSiteVisitCosts(byKey)
            let inflation = byKey["inflation"].flatMap { rate($0, "inflation") } ?? 0
            let discountRate = byKey["discountRate"].flatMap { rate($0, "discountRate") } ?? 0.035
            let carryOver = byKey["carryOver"].flatMap { number($0, "carryOver", maximum: 1) } ?? 0
            let budgets = readBudgets(byKey, root: root, periodCount: t)
            let labour = readLabour(byKey, periodCount: t)
            coverage.periodsKnown = periodsOK
            coverage.aliasSpellings = root.complete ? [] : nil
            if let v = byKey["vendorAliases"] {
                coverage.aliasSpellings = nil
                vendors.aliases = aliases(v, vendorKeys: vendorKeys)
            }
            let deadlines = readDeadlines(byKey, periods: periodsOK ? periods : nil, levels: levelNames)
            checkFactors(byKey, root: root, periodCount: t, periodYears: periodYears,
                         inflation: inflation, discountRate: discountRate)
            return Scenario(
                fileName: fileName, name: name, periods: periods, periodYears: periodYears, objective: objective,
                vendors: vendors, sensitivityWeights: sensitivity, kinds: kinds, siteVisitCost: visit,
                inflation: inflation, discountRate: discountRate, budgets: budgets, labourHours: labour,
                carryOver: carryOver, deadlines: deadlines)
        }
    }
}
