import Foundation

/// The work of ``PlanVerifier/verify(_:)``: the plan's quantities per register row and period,
/// then every check and figure computed from them.
struct PlanCheck {
    let verifier: PlanVerifier
    /// The plan file's name, for findings about its lines.
    let file: String?
    let periodCount: Int
    /// Units replaced, row-major: `replaced[row * T + t]`.
    var replaced: [Int]
    /// Units listed as not replaced (empty period), per row.
    var listedUnreplaced: [Int]
    /// The last plan line naming each row, when entries carry lines.
    var lastLine: [Int: Int] = [:]
    var violations: [PlanIssue] = []
    var warnings: [PlanIssue] = []

    init(verifier: PlanVerifier, file: String? = nil) {
        self.verifier = verifier
        self.file = file
        self.periodCount = verifier.scenario.periodCount
        self.replaced = Array(repeating: 0, count: verifier.rows.count * periodCount)
        self.listedUnreplaced = Array(repeating: 0, count: verifier.rows.count)
    }

    var scenario: Scenario { verifier.scenario }

    /// Records a finding as a violation or a warning, by its kind.
    mutating func add(_ issue: PlanIssue) {
        if issue.isWarning { warnings.append(issue) } else { violations.append(issue) }
    }

    func label(_ t: Int?) -> String? { t.map { scenario.periods[$0] } }
    func organisationName(ofRow row: Int) -> String { verifier.organisations[verifier.rows[row].organisation].name }
    func device(_ row: Int) -> String { verifier.register.rows[row].deviceID }

    /// The register row an entry names, or nil after recording why it names none.
    mutating func resolve(_ entry: PlanEntry) -> Int? {
        switch entry.unit {
        case .row(let index):
            if verifier.rows.indices.contains(index) { return index }
            add(PlanIssue(.unknownDevice, amount: Double(entry.quantity),
                          message: "register row \(index) does not exist (the register has \(verifier.rows.count) rows)",
                          file: file, line: entry.line))
        case .device(let id):
            if let index = verifier.rowOfDevice[id] { return index }
            add(PlanIssue(.unknownDevice, amount: Double(entry.quantity),
                          message: "device \"\(id)\" is not in the register", file: file, line: entry.line))
        }
        return nil
    }

    /// Adds the entries' quantities, checking each entry on its own.
    mutating func take(_ entries: [PlanEntry]) {
        for entry in entries {
            guard let row = resolve(entry) else { continue }
            let organisation = organisationName(ofRow: row)
            if let line = entry.line { lastLine[row] = max(lastLine[row] ?? 0, line) }
            if let t = entry.period, !(0..<periodCount).contains(t) {
                add(PlanIssue(.unknownPeriod, organisation: organisation, amount: Double(entry.quantity),
                              message: "device \(device(row)): period index \(t) is not one of the scenario's \(periodCount) periods",
                              file: file, line: entry.line))
                continue
            }
            guard entry.quantity > 0 else {
                add(PlanIssue(.invalidQuantity, organisation: organisation, period: label(entry.period),
                              amount: Double(1 - entry.quantity),
                              message: "device \(device(row)): quantity \(entry.quantity) is not positive",
                              file: file, line: entry.line))
                continue
            }
            if let t = entry.period {
                replaced[row * periodCount + t] += entry.quantity
            } else {
                listedUnreplaced[row] += entry.quantity
            }
            if let cost = entry.cost {
                let facts = verifier.rows[row]
                let expected = entry.period.map { Double(entry.quantity) * facts.unitCost * scenario.costFactor(period: $0) } ?? 0
                if abs(cost - expected) > 0.005 + 1e-9 * abs(expected) {
                    add(PlanIssue(.costMismatch, organisation: organisation, period: label(entry.period),
                                  amount: abs(cost - expected),
                                  message: "device \(device(row)): the plan states cost \(Money(cost)) for \(entry.quantity) \(units(entry.quantity)), the inputs give \(Money(expected))",
                                  file: file, line: entry.line))
                }
            }
        }
    }

    /// Units of `row` replaced within the horizon.
    func replacedTotal(_ row: Int) -> Int {
        var total = 0
        for t in 0..<periodCount { total += replaced[row * periodCount + t] }
        return total
    }

    /// Units of `row` replaced in periods `0...last`.
    func replaced(_ row: Int, through last: Int) -> Int {
        var total = 0
        for t in 0...last { total += replaced[row * periodCount + t] }
        return total
    }

    /// Runs every check and computes the figures.
    mutating func report() -> VerificationReport {
        checkQuantities()
        var accounts = accountsPerOrganisation()
        checkMoneyAndLabour(&accounts)
        checkDeadlines()
        checkLocks()
        checkRecordersFirst()
        if scenario.objective == .cost { checkEverythingReplaced() }
        warnNewerBeforeOlder()
        return figures(accounts)
    }
}

/// `n unit(s)`.
func units(_ n: Int) -> String { n == 1 ? "unit" : "units" }

/// A few device identifiers, then how many more.
func deviceList(_ ids: [String], limit: Int = 5) -> String {
    if ids.count <= limit { return ids.joined(separator: ", ") }
    return ids.prefix(limit).joined(separator: ", ") + " and \(ids.count - limit) more"
}

/// Pounds for messages: `£1,650`, `£832.32`.
struct Money: CustomStringConvertible {
    var value: Double
    init(_ value: Double) { self.value = value }
    var description: String {
        let (negative, digits) = PoundsText.parts(value)
        return (negative ? "-£" : "£") + digits
    }
}
