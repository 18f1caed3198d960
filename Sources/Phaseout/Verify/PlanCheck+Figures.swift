import Foundation

/// The plan's measures (SPEC §2.2), recomputed.
extension PlanCheck {
    /// Exposure, costs and per-period figures, and the findings, as a report.
    func figures(_ accounts: [Account]) -> VerificationReport {
        let T = periodCount
        let Y = scenario.periodYears
        let pvFactors = (0..<T).map { t in
            pow(1 + scenario.inflation, -Y * Double(t)) * pow(1 + scenario.discountRate, -Y * (Double(t) + 0.5))
        }
        var exposure = Array(repeating: 0.0, count: verifier.organisations.count)
        var baseline = exposure
        var late = exposure
        var lateUnits = Array(repeating: [(device: String, units: Int)](), count: verifier.organisations.count)
        for (row, facts) in verifier.rows.enumerated() where facts.weight > 0 {
            let path = paths[row]
            exposure[facts.organisation] += Y * facts.weight * path.exposure
            baseline[facts.organisation] += Y * facts.weight * Double(facts.quantity) * Double(T)
            late[facts.organisation] += Y * facts.weight * path.lateness
            if path.lateUnits > 0 { lateUnits[facts.organisation].append((device(row), path.lateUnits)) }
        }

        var organisations: [VerifiedOrganisation] = []
        for o in verifier.organisationOrder where accounts[o].inReport {
            let account = accounts[o]
            let facts = verifier.organisations[o]
            var periods: [VerifiedOrganisation.Period] = []
            var nominal = 0.0, pv = 0.0
            for t in 0..<T {
                let period = VerifiedOrganisation.Period(
                    label: scenario.periods[t], budget: facts.budget[t], carryIn: account.carryIn[t],
                    unitSpend: account.unitSpend[t], visitSpend: account.visitSpend[t], carryOut: account.carryOut[t],
                    units: account.units[t], isolated: account.isolated[t], labourHours: account.hours[t],
                    labourLimit: facts.labourLimit.flatMap { t < $0.count ? $0[t] : nil })
                nominal += period.spend
                pv += period.spend * pvFactors[t]
                periods.append(period)
            }
            organisations.append(VerifiedOrganisation(
                name: facts.name, periods: periods, exposure: exposure[o], baselineExposure: baseline[o],
                nominalCost: nominal, presentValueCost: pv, lateRiskYears: late[o],
                lateUnits: lateUnits[o].reduce(0) { $0 + $1.units }, lateUnitList: lateUnits[o].map(\.device)))
        }
        return VerificationReport(
            violations: Self.lineOrder(violations), warnings: Self.lineOrder(warnings), organisations: organisations,
            exposure: exposure.reduce(0, +), baselineExposure: baseline.reduce(0, +),
            nominalCost: organisations.reduce(0) { $0 + $1.nominalCost },
            presentValueCost: organisations.reduce(0) { $0 + $1.presentValueCost },
            lateRiskYears: late.reduce(0, +), lateUnits: organisations.reduce(0) { $0 + $1.lateUnits })
    }

    /// Findings about plan lines first, in line order, then the others in check order.
    static func lineOrder(_ issues: [PlanIssue]) -> [PlanIssue] {
        let lined = issues.enumerated().filter { $0.element.line != nil }
            .sorted { ($0.element.line!, $0.offset) < ($1.element.line!, $1.offset) }.map(\.element)
        return lined + issues.filter { $0.line == nil }
    }
}
