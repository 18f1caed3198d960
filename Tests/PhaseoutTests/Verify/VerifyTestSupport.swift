import Foundation
import Testing
@testable import Phaseout

/// A verifier for one of the spec's worked examples.
func fixtureVerifier(_ name: String) throws -> PlanVerifier {
    PlanVerifier(estate: try fixture(name))
}

let fixture1 = "1_exposure_inflation_carry_visit"
let fixture2 = "2_cost_recorders_first_deadline"
let fixture3 = "3_infeasible_shortfall"

extension PlanVerifier {
    /// Verifies entries written as (device, period label or nil, quantity).
    func verify(_ lines: [(String, String?, Int)]) -> VerificationReport {
        verify(lines.map { device, label, quantity in
            PlanEntry(device: device, period: label.map { scenario.periodIndex(of: $0)! }, quantity: quantity)
        })
    }
}

/// Whether two numbers agree to within `tolerance` relative to the larger (absolute near 0).
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// The violations of one kind.
func violations(_ report: VerificationReport, _ kind: PlanIssue.Kind) -> [PlanIssue] {
    report.violations.filter { $0.kind == kind }
}

/// A verifier for inline register and scenario text.
func inlineVerifier(register: String, scenario: String) throws -> PlanVerifier {
    PlanVerifier(register: try RegisterReader.parse(register, fileName: "r.csv"),
                 scenario: try ScenarioReader.parse(scenario, fileName: "s.json"))
}
