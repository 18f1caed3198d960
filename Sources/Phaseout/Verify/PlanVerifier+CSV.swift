import Foundation

/// Verifying a plan.csv file, planned or edited by hand.
extension PlanVerifier {
    /// Reads the plan.csv at `path` and verifies it.
    ///
    /// The file needs a header with at least `device_id`, `period` and `quantity` (names
    /// case-insensitive, in any order); a `cost` column, when present, is compared with the
    /// recomputed cost. A `treatment` column gives `replace`, `remove` or `isolate` (any case) on
    /// every line with a period and nothing on lines without; a plan without one is all
    /// `replace` (a v1 plan). Other columns (`by`, `isolatedBy`, v1's `deadline` …) are ignored:
    /// the verifier reads the deadlines from the scenario. An empty `period` means "never treated".
    /// Unknown device ids, period labels and treatments, a missing or misplaced treatment, and
    /// quantities that are not positive whole numbers, are violations that name the file's line.
    ///
    /// - Parameters:
    ///   - path: The plan file.
    ///   - fileName: The name findings use; defaults to `path`.
    /// - Returns: Every violation and warning, and the recomputed figures.
    /// - Throws: ``InputError`` when the file cannot be read or is not a usable CSV table
    ///   (a missing column, a duplicate column, a record with the wrong field count, bad quoting).
    public func verify(planCSVAt path: String, fileName: String? = nil) throws(InputError) -> VerificationReport {
        let name = fileName ?? path
        return try verify(planCSV: FileAccess.readInput(path, fileName: name, what: "plan"), fileName: name)
    }

    /// Verifies plan.csv text. See ``verify(planCSVAt:fileName:)``.
    public func verify(planCSV text: String, fileName: String) throws(InputError) -> VerificationReport {
        try verify(planCSV: Array(text.utf8), fileName: fileName)
    }

    /// Verifies plan.csv bytes (UTF-8). See ``verify(planCSVAt:fileName:)``.
    public func verify(planCSV bytes: [UInt8], fileName: String) throws(InputError) -> VerificationReport {
        var reader = PlanCSVReader(verifier: self, fileName: fileName)
        if !bytes.withUnsafeBufferPointer({ TextBytes.check($0, log: &reader.log) }) { throw reader.log.inputError }
        bytes.withUnsafeBufferPointer { buffer in
            CSVScanner.scan(
                buffer,
                // Cells the writer neutralised (a leading apostrophe) read back as the original value.
                record: { line, fields in reader.take(line: line, fields: fields.map(CSVText.original)) },
                problem: { p in reader.log.error(line: p.line, column: p.column, p.message) })
        }
        if !reader.sawHeader { reader.log.error(line: 1, "the plan is empty: it needs a header row") }
        try reader.log.throwIfErrors()
        var check = PlanCheck(verifier: self, file: fileName)
        for issue in reader.issues { check.add(issue) }
        check.take(reader.entries)
        return check.report()
    }
}

/// Turns plan.csv records into entries; problems with the table itself go to `log`, problems
/// with a line's values become findings.
struct PlanCSVReader {
    let verifier: PlanVerifier
    let fileName: String
    var log: DiagnosticLog
    var sawHeader = false
    var headerUsable = false
    var fieldCount = 0
    var deviceID = -1, period = -1, quantity = -1, cost = -1, treatment = -1
    var entries: [PlanEntry] = []
    var issues: [PlanIssue] = []

    init(verifier: PlanVerifier, fileName: String) {
        self.verifier = verifier
        self.fileName = fileName
        self.log = DiagnosticLog(file: fileName)
    }

    mutating func take(line: Int, fields: [String]) {
        guard sawHeader else {
            sawHeader = true
            readHeader(fields)
            return
        }
        guard headerUsable else { return }
        guard fields.count == fieldCount else {
            log.error(line: line, column: min(fields.count, fieldCount) + 1,
                      "this record has \(fields.count) fields, the header has \(fieldCount)")
            return
        }
        let id = fields[deviceID]
        let row = verifier.rowOfDevice[id]
        let organisation = row.map { verifier.organisations[verifier.rows[$0].organisation].name }
        let scenario = verifier.scenario

        var t: Int?
        let label = fields[period]
        if !label.isEmpty {
            guard let index = scenario.periodIndex(of: label) else {
                issues.append(PlanIssue(.unknownPeriod, organisation: organisation, amount: Double(Int(fields[quantity]) ?? 1),
                                        message: "device \(id): period \"\(label)\" is not one of the scenario's periods (\(scenario.periods.joined(separator: ", ")))",
                                        file: fileName, line: line))
                return
            }
            t = index
        }
        let text = fields[quantity]
        if Self.isBeyondRange(text) {
            log.error(line: line, column: quantity + 1, field: "quantity",
                      "quantity \"\(text)\" is more than \(InputRanges.maxQuantity) units in one row")
            return
        }
        guard let n = Self.wholeNumber(text) else {
            issues.append(PlanIssue(.invalidQuantity, organisation: organisation, period: t.map { scenario.periods[$0] },
                                    amount: 1,
                                    message: "device \(id): quantity \"\(text)\" is not a positive whole number",
                                    file: fileName, line: line))
            return
        }
        var given: Treatment?
        if treatment >= 0 {
            let word = fields[treatment].trimmingUnicodeWhitespace
            if !word.isEmpty {
                guard let known = Treatment(rawValue: word.folded) else {
                    issues.append(PlanIssue(.invalidTreatment, organisation: organisation, period: t.map { scenario.periods[$0] },
                                            amount: Double(n),
                                            message: "device \(id): treatment \"\(word)\" is not one of replace, remove, isolate",
                                            file: fileName, line: line))
                    return
                }
                given = known
            } else if t != nil {
                issues.append(PlanIssue(.invalidTreatment, organisation: organisation, period: t.map { scenario.periods[$0] },
                                        amount: Double(n),
                                        message: "device \(id): a line with a period needs a treatment (replace, remove or isolate)",
                                        file: fileName, line: line))
                return
            }
        }
        var stated: Double?
        if cost >= 0, !fields[cost].isEmpty {
            stated = Double(fields[cost])
            if stated == nil || !stated!.isFinite {
                issues.append(PlanIssue(.costMismatch, organisation: organisation, period: t.map { scenario.periods[$0] },
                                        amount: 0, message: "device \(id): cost \"\(fields[cost])\" is not a number",
                                        file: fileName, line: line))
                stated = nil
            }
        }
        entries.append(PlanEntry(device: id, period: t, treatment: given, quantity: n, cost: stated, line: line))
    }

    /// A whole number in optional sign and digits (`0` and `-2` pass here; the verifier rejects
    /// them as not positive), or nil.
    static func wholeNumber(_ text: String) -> Int? {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" || digits.first == "+" { negative = digits.first == "-"; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(digits) else { return nil }
        return negative ? -value : value
    }

    /// Whether `text` is a whole number, signed or not, beyond ``InputRanges/maxQuantity`` in
    /// magnitude (too big to overflow any sum of quantities): an input error, not a violation.
    static func isBeyondRange(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let significant = digits.drop { $0 == "0" }
        return significant.count > 10 || (Int(significant) ?? 0) > InputRanges.maxQuantity
    }

    mutating func readHeader(_ fields: [String]) {
        fieldCount = fields.count
        var seen: [String: Int] = [:]
        for (index, name) in fields.enumerated() {
            let key = name.folded
            if seen[key] != nil, ["device_id", "period", "quantity", "cost", "treatment"].contains(key) {
                log.error(line: 1, column: index + 1, "duplicate column \"\(name)\"")
                continue
            }
            if seen[key] == nil { seen[key] = index }
        }
        deviceID = seen["device_id"] ?? -1
        period = seen["period"] ?? -1
        quantity = seen["quantity"] ?? -1
        cost = seen["cost"] ?? -1
        treatment = seen["treatment"] ?? -1
        for (name, index) in [("device_id", deviceID), ("period", period), ("quantity", quantity)] where index < 0 {
            log.error(line: 1, "the plan has no \"\(name)\" column")
        }
        headerUsable = deviceID >= 0 && period >= 0 && quantity >= 0
    }
}
