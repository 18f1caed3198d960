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

            var name = (fileName as NSString).lastPathComponent
            if let v = byKey["name"], case .string(let s) = v.content { name = s } else if let v = byKey["name"] {
                _ = string(v, "name")
            }

            // Periods first: budgets, labour and deadlines depend on T.
            var periods: [String] = []
            var periodsOK = false
            if let v = byKey["periods"] {
                if case .array(let elements) = v.content {
                    periodsOK = true
                    if elements.isEmpty {
                        error(v, "periods", "periods must list at least one period")
                        periodsOK = false
                    }
                    var seen: [String: Int] = [:]
                    for (k, element) in elements.enumerated() {
                        guard let label = string(element, "periods[\(k)]") else { periodsOK = false; continue }
                        if let first = seen[label.folded] {
                            error(element, "periods[\(k)]", "period \"\(label)\" is listed twice (also periods[\(first)])")
                            periodsOK = false
                            continue
                        }
                        seen[label.folded] = k
                        periods.append(label)
                    }
                } else {
                    error(v, "periods", "periods must be an array of labels, not \(v.typeName)")
                }
            } else if root.complete {
                error(root, "periods", "missing required key \"periods\"")
            }
            if periodsOK, let v = byKey["periods"] { periodsOK = periodCountInRange(v, count: periods.count) }
            let t: Int? = periodsOK ? periods.count : nil

            let periodYears = byKey["periodYears"].flatMap { number($0, "periodYears", strictly: true, maximum: InputRanges.maxPeriodYears) } ?? 1

            var objective = Objective.exposure
            if let v = byKey["objective"], let s = string(v, "objective") {
                if let o = Objective(rawValue: s.lowercased()) {
                    objective = o
                } else {
                    error(v, "objective", "objective must be \"exposure\" or \"cost\", not \"\(s)\"")
                }
            }

            var vendors = VendorTable.builtIn
            // The keys of the table in force, read or not (for the aliases' targets); nil when unknown.
            var vendorKeys: Set<String>? = root.complete ? Set(VendorTable.builtIn.weights.keys) : nil
            if let v = byKey["vendors"] {
                vendorKeys = nil
                if let named = namedMembers(v, "vendors", fold: { $0.folded == "default" ? "default" : $0.vendorKey }) {
                    var weights: [String: Double] = [:]
                    var defaultWeight = 0.0
                    for (member, key) in named {
                        guard let w = weight(member.value, "vendors.\(member.key)") else { continue }
                        if key == "default" { defaultWeight = w } else { weights[key] = w }
                    }
                    vendors = VendorTable(weights, defaultWeight: defaultWeight)
                    if v.complete { vendorKeys = Set(named.map(\.key).filter { $0 != "default" }) }
                }
            }
            coverage.vendorsKnown = vendorKeys != nil

            var sensitivity = Scenario.defaultSensitivityWeights
            var levelNames: Set<String>? = root.complete ? Set(sensitivity.keys) : nil
            if let v = byKey["sensitivity"] {
                levelNames = nil
                if let named = namedMembers(v, "sensitivity") {
                    for (member, key) in named {
                        if let w = weight(member.value, "sensitivity.\(member.key)") { sensitivity[key] = w }
                    }
                    if v.complete { levelNames = Set(sensitivity.keys).union(named.map(\.key)) }
                }
            }
            coverage.levelNames = levelNames

            var kinds: [String: Kind] = [:]
            var kindNames: Set<String> = []
            if let v = byKey["kinds"], let named = namedMembers(v, "kinds") {
                if v.complete { coverage.kindNames = Set(named.map(\.key)) }
                for (member, key) in named {
                    let path = "kinds.\(member.key)"
                    kindNames.insert(key)
                    guard let fields = members(member.value, path, allowed: ScenarioReader.kindKeys) else { continue }
                    var kind = Kind(name: member.key.trimmingUnicodeWhitespace, replaceCost: 0)
                    var hasCost = false
                    var ok = true
                    for field in fields {
                        let p = "\(path).\(field.key)"
                        switch field.key {
                        case "replaceCost":
                            if let x = cost(field.value, p) { kind.replaceCost = x; hasCost = true } else { ok = false; hasCost = true }
                        case "labourHours":
                            if let x = unitHours(field.value, p) { kind.labourHours = x } else { ok = false }
                        case "risk":
                            if let x = weight(field.value, p) { kind.risk = x } else { ok = false }
                        case "replacedFirst":
                            if let b = bool(field.value, p) { kind.replacedFirst = b } else { ok = false }
                        case "isolate":
                            if let x = isolation(field.value, p) { kind.isolate = x } else { ok = false }
                        case "remove":
                            if let x = removal(field.value, p) { kind.remove = x } else { ok = false }
                        default: break
                        }
                    }
                    if !hasCost && member.value.complete { error(member, path, "kind \"\(member.key)\" has no replaceCost") }
                    if ok && hasCost { kinds[key] = kind }
                }
            } else if byKey["kinds"] == nil && root.complete {
                error(root, "kinds", "missing required key \"kinds\"")
            }

            var visit: [String: Double] = [:]
            if let v = byKey["siteVisitCost"], let named = namedMembers(v, "siteVisitCost") {
                for (member, key) in named {
                    if let x = cost(member.value, "siteVisitCost.\(member.key)") { visit[key] = x }
                }
            }

            let inflation = byKey["inflation"].flatMap { rate($0, "inflation") } ?? 0
            let discountRate = byKey["discountRate"].flatMap { rate($0, "discountRate") } ?? 0.035
            let carryOver = byKey["carryOver"].flatMap { number($0, "carryOver", maximum: 1) } ?? 0

            var budgets: [String: [Double]] = [:]
            coverage.budgetNames = root.complete ? [] : nil
            if let v = byKey["budgets"] {
                coverage.budgetNames = nil
                if let named = namedMembers(v, "budgets") {
                    for (member, key) in named {
                        if let s = budgetSeries(member.value, "budgets.\(member.key)", count: t) { budgets[key] = s }
                    }
                    if v.complete { coverage.budgetNames = Set(named.map(\.key)) }
                }
            }
            var labour: [String: [Double]] = [:]
            if let v = byKey["labourHours"], let named = namedMembers(v, "labourHours") {
                for (member, key) in named {
                    if let s = series(member.value, "labourHours.\(member.key)", count: t, maximum: InputRanges.maxHours) { labour[key] = s }
                }
            }

            coverage.periodsKnown = periodsOK
            coverage.aliasSpellings = root.complete ? [] : nil
            if let v = byKey["vendorAliases"] {
                coverage.aliasSpellings = nil
                vendors.aliases = aliases(v, vendorKeys: vendorKeys)
            }

            var deadlines: [DeadlineRule] = []
            if let v = byKey["deadlines"] {
                if case .array(let rules) = v.content {
                    for (k, ruleValue) in rules.enumerated() {
                        if let rule = deadline(ruleValue, "deadlines[\(k)]", periods: periodsOK ? periods : nil,
                                               kindNames: coverage.kindNames, levels: levelNames) {
                            deadlines.append(rule)
                        }
                    }
                } else {
                    error(v, "deadlines", "deadlines must be an array of rules, not \(v.typeName)")
                }
            }

            checkFactors(byKey, root: root, periodCount: t, periodYears: periodYears,
                         inflation: inflation, discountRate: discountRate)
            return Scenario(
                fileName: fileName, name: name, periods: periods, periodYears: periodYears, objective: objective,
                vendors: vendors, sensitivityWeights: sensitivity, kinds: kinds, siteVisitCost: visit,
                inflation: inflation, discountRate: discountRate, budgets: budgets, labourHours: labour,
                carryOver: carryOver, deadlines: deadlines)
        }

        /// A deadline rule; `kindNames` and `levels` are nil when the scenario's kinds or levels
        /// could not all be read (the rule's names are then not checked).
        mutating func deadline(_ value: JSONValue, _ path: String, periods: [String]?, kindNames: Set<String>?,
                               levels: Set<String>?) -> DeadlineRule? {
            guard let fields = members(value, path, allowed: ScenarioReader.deadlineKeys) else { return nil }
            var rule = DeadlineRule(line: value.line, column: value.column)
            var ok = true
            var hasPeriod = false
            for field in fields {
                let p = "\(path).\(field.key)"
                guard let s = string(field.value, p) else { ok = false; continue }
                switch field.key {
                case "council": rule.council = s
                case "site_category": rule.siteCategory = s
                case "sensitivity":
                    rule.sensitivity = s
                    if let levels, !levels.contains(s.folded) {
                        error(field.value, p, "deadline names unknown sensitivity level \"\(s)\"")
                        ok = false
                    }
                case "kind":
                    rule.kind = s
                    if let kindNames, !kindNames.contains(s.folded) {
                        error(field.value, p, "deadline names unknown kind \"\(s)\"")
                        ok = false
                    }
                case "vendor":
                    rule.vendor = s
                    if s.vendorKey.isEmpty {
                        error(field.value, p, "deadline vendor \"\(s)\" has no letters or digits")
                        ok = false
                    }
                case "by", "isolatedBy":
                    hasPeriod = true
                    if let periods {
                        if let index = periods.firstIndex(where: { $0.folded == s.folded }) {
                            if field.key == "by" { rule.by = index } else { rule.isolatedBy = index }
                        } else {
                            error(field.value, p, "deadline names unknown period \"\(s)\"")
                            ok = false
                        }
                    } else {
                        ok = false
                    }
                default: break
                }
            }
            if !hasPeriod {
                // A member that could not be read may have been the period.
                if value.complete && !fields.contains(where: { $0.value.isInvalid }) {
                    error(value, path, "deadline rule has no \"by\" or \"isolatedBy\" period")
                }
                ok = false
            }
            return ok ? rule : nil
        }

        /// A kind's `isolate` treatment, else nil after its errors.
        mutating func isolation(_ value: JSONValue, _ path: String) -> Kind.Isolation? {
            guard let fields = members(value, path, allowed: ScenarioReader.isolateKeys) else { return nil }
            var cost: Double?, hours = 0.0, residualRisk: Double?
            var ok = true, hasCost = false, hasResidualRisk = false
            for field in fields {
                let p = "\(path).\(field.key)"
                switch field.key {
                case "cost":
                    hasCost = true
                    if let x = self.cost(field.value, p) { cost = x } else { ok = false }
                case "labourHours":
                    if let x = unitHours(field.value, p) { hours = x } else { ok = false }
                case "residualRisk":
                    hasResidualRisk = true
                    if let x = share(field.value, p) { residualRisk = x } else { ok = false }
                default: break
                }
            }
            if value.complete {
                if !hasCost { error(value, path, "\(path) has no cost (it is required)") }
                if !hasResidualRisk { error(value, path, "\(path) has no residualRisk (it is required)") }
            }
            guard ok, let cost, let residualRisk else { return nil }
            return Kind.Isolation(cost: cost, labourHours: hours, residualRisk: residualRisk)
        }

        /// A kind's `remove` treatment, else nil after its errors.
        mutating func removal(_ value: JSONValue, _ path: String) -> Kind.Removal? {
            guard let fields = members(value, path, allowed: ScenarioReader.removeKeys) else { return nil }
            var cost: Double?, hours = 0.0
            var ok = true, hasCost = false
            for field in fields {
                let p = "\(path).\(field.key)"
                switch field.key {
                case "cost":
                    hasCost = true
                    if let x = self.cost(field.value, p) { cost = x } else { ok = false }
                case "labourHours":
                    if let x = unitHours(field.value, p) { hours = x } else { ok = false }
                default: break
                }
            }
            if value.complete && !hasCost { error(value, path, "\(path) has no cost (it is required)") }
            guard ok, let cost else { return nil }
            return Kind.Removal(cost: cost, labourHours: hours)
        }

        /// `vendorAliases`: normalised spelling → a key of the vendor table in force or
        /// `default`. `vendorKeys` is nil when that table could not be read (targets are then
        /// not checked). Fills ``coverage``'s alias spellings when every entry could be read.
        mutating func aliases(_ value: JSONValue, vendorKeys: Set<String>?) -> [String: String] {
            guard let named = namedMembers(value, "vendorAliases", fold: { $0.vendorKey }) else { return [:] }
            var out: [String: String] = [:]
            for (member, spelling) in named {
                let p = "vendorAliases.\(member.key)"
                guard let target = string(member.value, p) else { continue }
                let key = target.folded == "default" ? "default" : target.vendorKey
                if key != "default", let vendorKeys, !vendorKeys.contains(key) {
                    let known = vendorKeys.sorted { $0.utf8Precedes($1) }.joined(separator: ", ")
                    error(member.value, p, "vendorAliases maps \"\(member.key)\" to \"\(target)\", which is neither a key of the vendor table in force (\(known.isEmpty ? "none" : known)) nor \"default\"")
                    continue
                }
                out[spelling] = key
            }
            if value.complete { coverage.aliasSpellings = Set(named.map(\.key)) }
            return out
        }
    }
}
