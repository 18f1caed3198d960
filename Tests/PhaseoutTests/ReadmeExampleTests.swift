// Only `Phaseout` (and Foundation) are imported here, on purpose: the README's "From code" must
// compile with `import Phaseout` alone.
import Foundation
import Phaseout
import Testing

@Suite("The README's planning from code")
struct ReadmeExampleTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/spec/1_exposure_inflation_carry_visit")

    @Test func plansVerifiesAndWritesWithImportPhaseoutAlone() async throws {
        let estate = try Estate.load(registerPath: Self.example.appendingPathComponent("register.csv").path,
                                     scenarioPath: Self.example.appendingPathComponent("scenario.json").path)
        var options = PlanOptions()
        options.timeLimit = .seconds(20)
        options.cancellation = CancellationFlag()
        let plan = try await Planner(options: options).plan(estate)
        let verified = try plan.verified(against: estate)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try PlanWriter(estate: estate).write(verified, to: out)
        #expect(plan.status == .optimal)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("plan.csv").path))
        let replaced = try #require(plan.rows.first { $0.period != nil })
        #expect(replaced.periodLabel == plan.periods[replaced.period!])
        #expect(replaced.deviceID == estate.register.rows[replaced.rowIndex].deviceID)
        #expect(replaced.siteID == estate.register.rows[replaced.rowIndex].siteID)
        #expect(replaced.council == estate.register.rows[replaced.rowIndex].council)
    }

    @Test func cancellingTheTaskStopsThePlan() async throws {
        let estate = try Estate.load(registerPath: Self.example.appendingPathComponent("register.csv").path,
                                     scenarioPath: Self.example.appendingPathComponent("scenario.json").path)
        let task = Task { try await Planner().plan(estate) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
