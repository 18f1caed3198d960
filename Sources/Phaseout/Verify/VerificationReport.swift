/// What ``PlanVerifier`` found: the violated constraints, the warnings, and every figure of the
/// plan recomputed from the inputs.
///
/// ```swift
/// let report = verifier.verify(entries)
/// if !report.isValid { report.violations.forEach { print("violation: \($0)") } }
/// print(report.exposure, report.presentValueCost)
/// ```
public struct VerificationReport: Sendable {
    /// Broken constraints and unusable plan lines, in check order.
    public var violations: [PlanIssue]
    /// Findings that do not make the plan unacceptable.
    public var warnings: [PlanIssue]
    /// Per-organisation figures, organisations in byte order of their folded names.
    public var organisations: [VerifiedOrganisation]
    /// The plan's exposure E in risk-years (units absent from the plan count as not replaced).
    public var exposure: Double
    /// The exposure E₀ when nothing is replaced.
    public var baselineExposure: Double
    /// The nominal spend over the horizon: units and site visits.
    public var nominalCost: Double
    /// The present-value spend at period-1 prices (SPEC §2.2).
    public var presentValueCost: Double

    /// The plan's late risk-years L (SPEC §2.2): 0 when every deadline is met.
    public var lateRiskYears: Double = 0
    /// How many units miss a deadline.
    public var lateUnits: Int = 0

    /// Whether the plan keeps every constraint.
    public var isValid: Bool { violations.isEmpty }

    /// What the findings add up to, as `verify`'s exit status says it.
    public enum Verdict: String, Sendable {
        /// Every constraint holds (exit 0).
        case valid
        /// Budgets, labour, locks and ordering hold; only deadlines are missed, as in a
        /// best-effort plan (exit 3).
        case missesDeadlines
        /// Any other violation (exit 1).
        case invalid

        /// `phaseout verify`'s exit status: 0, 3 or 1.
        public var exitCode: Int32 {
            switch self {
            case .valid: 0
            case .missesDeadlines: 3
            case .invalid: 1
            }
        }
    }

    /// ``Verdict/valid`` without violations, ``Verdict/missesDeadlines`` when every violation is
    /// a missed deadline, else ``Verdict/invalid``.
    public var verdict: Verdict {
        if violations.isEmpty { return .valid }
        return violations.allSatisfy(\.kind.isMissedDeadline) ? .missesDeadlines : .invalid
    }

    /// The organisation called `name` (case-insensitive), if the report has it.
    public func organisation(_ name: String) -> VerifiedOrganisation? {
        let key = name.folded
        return organisations.first { $0.name.folded == key }
    }
}
