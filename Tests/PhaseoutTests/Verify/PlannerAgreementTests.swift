import Foundation
import Testing
@testable import Phaseout

// The planner's own plans must pass the independent verifier, and both must agree on the figures.

@Test(arguments: [fixture1, fixture2])
func plannerPlansVerify(name: String) throws {
    let estate = try fixture(name)
    var options = PlanOptions()
    options.timeLimit = .seconds(30)
    let plan = Planner(options: options).planSynchronously(estate)
    let report = PlanVerifier(estate: estate).verify(plan: plan)
    #expect(report.violations.isEmpty, "\(report.violations)")
    #expect(!report.warnings.contains { $0.kind == .costMismatch })
    #expect(close(report.exposure, plan.exposure, 1e-9))
    #expect(close(report.baselineExposure, plan.baselineExposure, 1e-9))
    #expect(close(report.nominalCost, plan.nominalCost, 1e-9))
    #expect(close(report.presentValueCost, plan.presentValueCost, 1e-9))
}

@Test func infeasiblePlanBreaksOnlyTheInfeasibleDeadline() throws {
    let estate = try fixture(fixture3)
    let plan = Planner().planSynchronously(estate)
    let verifier = PlanVerifier(estate: estate)
    let report = verifier.verify(plan: plan)
    // Orkney's units miss their deadline (unreplaced, or a best-effort plan); nothing else breaks.
    #expect(!report.violations.isEmpty)
    #expect(report.violations.allSatisfy { $0.kind == .deadline && $0.organisation == "Orkney" })
    #expect(report.verdict == .missesDeadlines)
    #expect(close(report.exposure, plan.exposure))
    #expect(close(report.presentValueCost, plan.presentValueCost))

    // The funded plan keeps deadlines and ordering; it breaks only Orkney's money and hours.
    let funded = verifier.verify(rows: try #require(plan.fundedRows))
    #expect(funded.violations.allSatisfy { [.budget, .carryOver, .labour].contains($0.kind) && $0.organisation == "Orkney" })
    #expect(!funded.violations.isEmpty)
}

@Test func plannerPlanCSVVerifiesFromText() throws {
    let estate = try fixture(fixture2)
    let plan = Planner().planSynchronously(estate)
    let csv = PlanWriter(estate: estate).planCSV(plan.rows.reversed())
    let report = try PlanVerifier(estate: estate).verify(planCSV: csv, fileName: "plan.csv")
    #expect(report.violations.isEmpty && report.warnings.isEmpty, "\(report.violations + report.warnings)")
    #expect(abs(report.presentValueCost - 5863.387872) < 1e-6)
}
