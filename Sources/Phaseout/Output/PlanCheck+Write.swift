/// The independent check every plan passes before it is written.
public struct PlanRejected: Error, Sendable, CustomStringConvertible {
    /// The violations the verifier found where the planner claimed a valid plan.
    public let violations: [PlanIssue]
    public var description: String {
        "the planner produced a plan that breaks \(violations.count) constraint(s) — a bug; nothing was written:\n"
            + violations.map { "  \($0)" }.joined(separator: "\n")
    }
}

extension PlanVerifier {
    /// Verifies `plan` the way `phaseout plan` does before writing it:
    /// - plan.csv must keep every constraint for organisations whose status is optimal or feasible;
    /// - an infeasible organisation's best-effort plan in plan.csv must keep every constraint but
    ///   its deadlines (budgets, labour, locks, ordering, treatments);
    /// - funded-plan.csv must keep every constraint once each infeasible organisation's shortfall
    ///   (money and hours) is added to its budgets, so the shortfall provably suffices.
    /// - Throws: ``PlanRejected`` listing what broke.
    public static func checkBeforeWriting(_ plan: Plan, estate: Estate) throws(PlanRejected) {
        let planned = Set(plan.organisations.filter { $0.status == .optimal || $0.status == .feasible }.map { $0.name.folded })
        var shortfalls: [String: Shortfall] = [:]
        for organisation in plan.organisations { shortfalls[organisation.name] = organisation.shortfall }
        let verifier = PlanVerifier(estate: estate)
        let (report, fundedReport) = concurrently(
            { verifier.verify(rows: plan.rows) },
            { [shortfalls] in plan.fundedRows.map { verifier.funded(by: shortfalls).verify(rows: $0) } })
        // Units standing untouched (no best-effort plan) break locks by design: SPEC §2.5.
        let bestEffort = Set(plan.organisations.filter { $0.status == .infeasible && $0.untouchedReason == nil }.map { $0.name.folded })
        var broken = report.violations.filter { issue in
            guard let organisation = issue.organisation else { return true }
            if bestEffort.contains(organisation.folded) { return !issue.kind.isMissedDeadline }
            return planned.contains(organisation.folded)
        }
        if let fundedReport {
            let fundedOrganisations = planned.union(shortfalls.filter { !$0.value.isStructural }.keys.map(\.folded))
            broken += fundedReport.violations.filter { issue in
                guard let organisation = issue.organisation else { return true }
                return fundedOrganisations.contains(organisation.folded)
            }
        }
        if !broken.isEmpty { throw PlanRejected(violations: broken) }
    }
}
