import ArgumentParser
import Foundation
import Phaseout

/// Verifies a plan, writes its folder (and report.html when asked), tells a person how it went
/// and ends with the plan's exit status: what `plan` and `merge` both do once they have a plan.
///
/// Exit: returns for optimal or feasible; 3 infeasible, 4 unknown; 1 when the verifier rejects
/// the plan or a file cannot be written (nothing is written).
func writePlan(_ plan: Plan, estate: Estate, run: RunRecord, out: String, report: Bool, quiet: Bool) throws {
    let verified: VerifiedPlan
    do {
        verified = try plan.verified(against: estate)
    } catch {
        printError("error: \(error)")
        throw ExitCode(1)
    }
    do {
        try PlanWriter(estate: estate, run: run).write(verified, to: URL(fileURLWithPath: out))
    } catch {
        printError("error: \(out): could not write the plan: \(error.localizedDescription)")
        throw ExitCode(1)
    }
    if report {
        do {
            let written = try ReportWriter().write(planDirectory: URL(fileURLWithPath: out))
            if !quiet { printError("report → \(written.path)") }
        } catch {
            printError("error: could not write the report: \(error)")
            throw ExitCode(1)
        }
    }
    if !quiet { printOutcome(plan, out: out) }
    switch plan.status {
    case .optimal, .feasible: return
    case .infeasible: throw ExitCode(3)
    case .unknown: throw ExitCode(4)
    }
}

/// The plan's headline figures, its organisations by status, late units and shortfalls, on stderr.
private func printOutcome(_ plan: Plan, out: String) {
    printError(String(format: "%@: exposure %.4f of %.4f risk-years, nominal £%.2f, PV £%.2f, gap %.2e → %@",
                      plan.status.rawValue, plan.exposure, plan.baselineExposure, plan.nominalCost,
                      plan.presentValueCost, plan.gap, out))
    let counts = plan.statusCounts
    if plan.organisations.count > 1 || counts[.optimal] != plan.organisations.count {
        printError("organisations: " + [PlanStatus.optimal, .feasible, .infeasible, .unknown]
            .compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }.joined(separator: ", "))
    }
    for organisation in plan.organisations where organisation.lateUnits > 0 {
        printError(String(format: "%@: best effort misses deadlines: %d late %@, late risk-years %.6g",
                          organisation.name, organisation.lateUnits, organisation.lateUnits == 1 ? "unit" : "units",
                          organisation.lateRiskYears))
    }
    for organisation in plan.organisations {
        guard let shortfall = organisation.shortfall else { continue }
        if let reason = shortfall.structuralReason {
            printError("\(organisation.name): infeasible, structural: \(reason)")
        } else {
            printError("\(organisation.name): infeasible; short of £\(shortfall.totalMoney) \(shortfall.money) and \(shortfall.totalHours) h \(shortfall.hours)"
                       + (shortfall.caveat.map { " (\($0))" } ?? ""))
        }
    }
}
