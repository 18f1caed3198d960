/// One finding of ``PlanVerifier``: a violated constraint (the plan is not acceptable) or a
/// warning (allowed, but probably not meant).
///
/// Its description reads `ORGANISATION PERIOD: message (amount A)`, preceded by the plan
/// file and line when the finding is about one line of it.
///
/// ```swift
/// for issue in report.violations { print("violation: \(issue)") }
/// // violation: Fife 2027/28: spend £1,650 exceeds the £1,600 available … (amount 50)
/// ```
public struct PlanIssue: Sendable, Hashable, CustomStringConvertible {
    /// What was found.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Spend above budget plus the carry the rules allow (SPEC §2.3 rule 2).
        case budget
        /// Spend that fits only if more unspent money carried over than `carryOver` allows.
        case carryOver
        /// Labour hours above the period's limit (rule 3).
        case labour
        /// Units with a `by` deadline gone (replaced or removed) after it or not at all (rule 4).
        case deadline
        /// Units with an `isolatedBy` deadline first treated after it or not at all (rule 4).
        case isolationDeadline
        /// Locked units not replaced in exactly their locked period (rule 5).
        case lock
        /// A site's leader units not all replaced in one period (rule 6).
        case leadersSplit
        /// Units of a site replaced before its leaders, or while its leaders never are (rule 6).
        case recordersFirst
        /// Under the `cost` objective, at-risk units never gone within the horizon (a missed
        /// deadline: every unit counts as due by the last period).
        case notReplaced
        /// Units isolated and gone in the same period (a unit is isolated before it is gone).
        case isolatedAndGoneTogether
        /// A treatment the unit's kind or register row does not allow: isolation or removal of a
        /// kind without that treatment, removal of a unit not `removable`, or any treatment of
        /// contracted works other than replacement in their period.
        case treatmentNotAllowed
        /// A plan line whose treatment is not `replace`, `remove` or `isolate`, that names a
        /// treatment without a period, or that has a period but no treatment in a plan with a
        /// `treatment` column.
        case invalidTreatment
        /// A register row with more units in the plan than it holds (rule 1).
        case overQuantity
        /// A plan line naming a device the register does not have.
        case unknownDevice
        /// A plan line naming a period the scenario does not have.
        case unknownPeriod
        /// A plan line whose quantity is not a positive whole number.
        case invalidQuantity
        /// Warning: a newer unit of a group replaced before an older one.
        case newerBeforeOlder
        /// Warning: units that are not at risk and not locked, replaced anyway.
        case notAtRisk
        /// Warning: a stated cost that disagrees with the recomputed one.
        case costMismatch

        /// Whether findings of this kind are only warnings.
        public var isWarning: Bool {
            switch self {
            case .newerBeforeOlder, .notAtRisk, .costMismatch: true
            default: false
            }
        }

        /// Whether findings of this kind are missed deadlines: a plan whose only violations are
        /// of these kinds keeps budgets, labour, locks and ordering (`verify` exits 3).
        public var isMissedDeadline: Bool {
            switch self {
            case .deadline, .isolationDeadline, .notReplaced: true
            default: false
            }
        }
    }

    /// What was found.
    public var kind: Kind
    /// The organisation concerned, as the register first spells it, if known.
    public var organisation: String?
    /// The period label concerned, if any.
    public var period: String?
    /// By how much the rule is broken: £ for money, hours for labour, units otherwise.
    public var amount: Double
    /// What is wrong, in the user's words.
    public var message: String
    /// The plan file, when the finding is about one of its lines.
    public var file: String?
    /// The plan file's line (header = line 1), when known.
    public var line: Int?

    /// Creates a finding.
    public init(_ kind: Kind, organisation: String? = nil, period: String? = nil, amount: Double,
                message: String, file: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.organisation = organisation
        self.period = period
        self.amount = amount
        self.message = message
        self.file = file
        self.line = line
    }

    /// Whether this finding is only a warning.
    public var isWarning: Bool { kind.isWarning }

    /// `[FILE:LINE: ]ORGANISATION PERIOD: message (amount A)`, with unknown parts left out.
    public var description: String {
        var text = ""
        if let line { text += (file ?? "plan") + ":\(line): " }
        let subject = [organisation, period].compactMap { $0 }.joined(separator: " ")
        if !subject.isEmpty { text += subject + ": " }
        return text + message + " (amount \(PlanIssue.format(amount)))"
    }

    /// A number for messages: whole numbers without decimals, others to at most 6 decimals.
    static func format(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        var text = String(x.formatted6)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension Double {
    /// The value with six decimals.
    fileprivate var formatted6: String {
        let scaled = (self * 1_000_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let whole = (magnitude / 1_000_000).rounded(.down)
        let fraction = Int(magnitude - whole * 1_000_000)
        let digits = String(fraction)
        return sign + String(Int(whole)) + "." + String(repeating: "0", count: 6 - digits.count) + digits
    }
}
