import Foundation
import Testing

/// `phaseout validate` accepts every shipped example and prints its estate summary.
@Test(arguments: ["1_exposure_inflation_carry_visit", "2_cost_recorders_first_deadline", "3_infeasible_shortfall", "ScottishCouncils"])
func validateAcceptsTheShippedExamples(name: String) throws {
    let inputs: (register: String, scenario: String)
    if name == "ScottishCouncils" {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/ScottishCouncils")
        inputs = (directory.appendingPathComponent("register.csv").path, directory.appendingPathComponent("scenario.json").path)
    } else {
        inputs = fixture(name)
    }
    let run = try runPhaseout(["validate", inputs.register, inputs.scenario])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Organisations:"))
    #expect(run.stdout.contains("Units at risk:"))
}
