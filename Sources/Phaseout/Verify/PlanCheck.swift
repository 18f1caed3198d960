import Foundation

/// The work of ``PlanVerifier/verify(_:)``: the plan's quantities per register row, period and
/// treatment, each row's units followed through the periods, then every check and figure
/// computed from them.
struct PlanCheck {
    let verifier: PlanVerifier
    /// The plan file's name, for findings about its lines.
    let file: String?
    let periodCount: Int
    /// Units replaced, row-major: `replaced[row * T + t]`.
    var replaced: [Int]
    /// Units removed, row-major.
    var removed: [Int]
    /// Units isolated, row-major.
    var isolated: [Int]
    /// Units listed as never treated (empty period), per row.
    var listedUnreplaced: [Int]
    /// The last plan line naming each row, when entries carry lines.
    var lastLine: [Int: Int] = [:]
    /// Each row's units followed through the plan; filled by ``report()``.
    var paths: [RowPath] = []
    var violations: [PlanIssue] = []
    var warnings: [PlanIssue] = []

    init(verifier: PlanVerifier, file: String? = nil) {
        self.verifier = verifier
        self.file = file
        self.periodCount = verifier.scenario.periodCount
        let zeros = Array(repeating: 0, count: verifier.rows.count * periodCount)
        self.replaced = zeros
        self.removed = zeros
        self.isolated = zeros
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

    /// Units of `row` gone (replaced or removed) in period `t`.
    func gone(_ row: Int, _ t: Int) -> Int { replaced[row * periodCount + t] + removed[row * periodCount + t] }

    /// Units of `row` given any treatment in period `t`.
    func treated(_ row: Int, _ t: Int) -> Int { gone(row, t) + isolated[row * periodCount + t] }

    /// Units of `row` given `treatment` in period `t`.
    func count(_ treatment: Treatment, _ row: Int, _ t: Int) -> Int {
        switch treatment {
        case .replace: replaced[row * periodCount + t]
        case .remove: removed[row * periodCount + t]
        case .isolate: isolated[row * periodCount + t]
        }
    }

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
            guard let t = entry.period else {
                if let treatment = entry.treatment {
                    add(PlanIssue(.invalidTreatment, organisation: organisation, amount: Double(entry.quantity),
                                  message: "device \(device(row)): treatment \"\(treatment.rawValue)\" on a line without a period (units never treated have neither)",
                                  file: file, line: entry.line))
                    continue
                }
                listedUnreplaced[row] += entry.quantity
                checkCost(entry, row: row, treatment: nil)
                continue
            }
            let treatment = entry.treatment ?? .replace
            checkAllowed(treatment, row: row, period: t, quantity: entry.quantity, line: entry.line)
            switch treatment {
            case .replace: replaced[row * periodCount + t] += entry.quantity
            case .remove: removed[row * periodCount + t] += entry.quantity
            case .isolate: isolated[row * periodCount + t] += entry.quantity
            }
            checkCost(entry, row: row, treatment: treatment)
        }
    }

    /// A treatment the row's kind or the register row does not allow is a violation.
    private mutating func checkAllowed(_ treatment: Treatment, row: Int, period t: Int, quantity: Int, line: Int?) {
        let facts = verifier.rows[row]
        let kind = verifier.register.rows[row].kind
        var why: String?
        switch treatment {
        case .replace: break
        case .isolate where facts.isolation == nil:
            why = "kind \(kind) has no isolate treatment in the scenario"
        case .remove where facts.removal == nil:
            why = "kind \(kind) has no remove treatment in the scenario"
        case .remove where !facts.removable:
            why = "the register does not mark it removable"
        default: break
        }
        if why == nil, treatment != .replace, facts.locked != nil {
            why = "it is locked to \(label(facts.locked)!): contracted works are replaced in their period"
        }
        guard let why else { return }
        add(PlanIssue(.treatmentNotAllowed, organisation: organisationName(ofRow: row), period: label(t),
                      amount: Double(quantity),
                      message: "device \(device(row)): \(quantity) \(units(quantity)) \(Self.pastTense(treatment)), but \(why)",
                      file: file, line: line))
    }

    /// A stated cost that differs from the recomputed one by a penny or more is a warning (the
    /// writer rounds each row so that a period's rows add up to its spend, which moves a row by
    /// less than a penny).
    private mutating func checkCost(_ entry: PlanEntry, row: Int, treatment: Treatment?) {
        guard let cost = entry.cost else { return }
        let facts = verifier.rows[row]
        let expected = entry.period.map { t in
            Double(entry.quantity) * facts.cost(treatment ?? .replace) * scenario.costFactor(period: t)
        } ?? 0
        guard abs(cost - expected) > 0.01 + 1e-9 * abs(expected) else { return }
        add(PlanIssue(.costMismatch, organisation: organisationName(ofRow: row), period: label(entry.period),
                      amount: abs(cost - expected),
                      message: "device \(device(row)): the plan states cost \(Money(cost)) for \(entry.quantity) \(units(entry.quantity)), the inputs give \(Money(expected))",
                      file: file, line: entry.line))
    }

    static func pastTense(_ treatment: Treatment) -> String {
        switch treatment {
        case .replace: "replaced"
        case .remove: "removed"
        case .isolate: "isolated"
        }
    }

    /// Units of `row` gone within the horizon.
    func goneTotal(_ row: Int) -> Int {
        var total = 0
        for t in 0..<periodCount { total += gone(row, t) }
        return total
    }

    /// Runs every check and computes the figures.
    mutating func report() -> VerificationReport {
        paths = verifier.rows.indices.map(follow)
        checkQuantities()
        var accounts = accountsPerOrganisation()
        checkMoneyAndLabour(&accounts)
        checkDeadlines()
        checkLocks()
        checkRecordersFirst()
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
