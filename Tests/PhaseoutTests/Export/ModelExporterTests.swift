import Foundation
import LinearProgramming
import Testing
import LPSolve
@testable import Phaseout

@Suite("ModelExporter: the planner's MILP as LP and MPS")
struct ModelExporterTests {
    private static let formats: [ModelExporter.Format] = [.lp, .mps]

    private func exactly() -> SolverParameters {
        var parameters = SolverParameters()
        parameters.relativeGap = 0
        parameters.absoluteGap = 1e-9
        return parameters
    }

    private func reread(_ model: ModelExporter.ExportedModel) throws -> Solution {
        try LPSolveSolver().solve(text: model.text, format: model.format == .lp ? .lp : .mps, parameters: exactly())
    }

    @Test(arguments: formats)
    func fixtureOneReadBackGivesThePlannersExposure(_ format: ModelExporter.Format) throws {
        let estate = try fixture(fixture1)
        let models = try ModelExporter(estate: estate).export(format: format)
        #expect(models.count == 1)
        let model = try #require(models.first)
        #expect(model.objectiveConstant == 30)
        #expect(model.text.contains("Objective constant 30"))
        let solution = try reread(model)
        #expect(solution.termination == .optimal)
        let optimum = try #require(solution.objectiveValue)
        #expect(close(optimum, 22 - 30, 1e-9))
        #expect(close(optimum + model.objectiveConstant, Planner().planSynchronously(estate).exposure, 1e-9))
    }

    @Test(arguments: formats)
    func fixtureTwoReadBackGivesThePlannersPresentValue(_ format: ModelExporter.Format) throws {
        let estate = try fixture(fixture2)
        let model = try #require(try ModelExporter(estate: estate).export(format: format).first)
        let optimum = try #require(try reread(model).objectiveValue)
        #expect(close(optimum + model.objectiveConstant, 5863.387872, 1e-9))
    }

    @Test(arguments: formats)
    func fixtureThreeInfeasibleOrganisationStaysInfeasible(_ format: ModelExporter.Format) throws {
        let estate = try fixture(fixture3)
        let exporter = ModelExporter(estate: estate)
        let orkney = try #require(try exporter.export(organisation: "orkney", format: format).first)
        #expect(orkney.organisation == "Orkney")
        #expect(try reread(orkney).termination == .infeasible)
        let shetland = try #require(try exporter.export(organisation: "Shetland", format: format).first)
        let plan = Planner().planSynchronously(estate)
        let optimum = try #require(try reread(shetland).objectiveValue)
        #expect(close(optimum + shetland.objectiveConstant, plan.organisations.first { $0.name == "Shetland" }!.exposure, 1e-9))
    }

    @Test(arguments: formats)
    func namesWithSpacesCommasAndAmpersandsReadBack(_ format: ModelExporter.Format) throws {
        let estate = try renamedFixture(fixture1, replacing: "Fife", with: "Perth & Kinross, \"West\"")
        let model = try #require(try ModelExporter(estate: estate).export(format: format).first)
        let optimum = try #require(try reread(model).objectiveValue)
        #expect(close(optimum + model.objectiveConstant, 22, 1e-9))
    }

    @Test func unknownOrganisationIsAnError() throws {
        let exporter = ModelExporter(estate: try fixture(fixture3))
        #expect(throws: ModelExportError.self) { try exporter.export(organisation: "Fife", format: .lp) }
    }

    @Test func writesOneFilePerOrganisationIntoADirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let exporter = ModelExporter(estate: try fixture(fixture3))
        let files = try exporter.write(format: .mps, to: directory)
        #expect(files.map(\.lastPathComponent) == ["Orkney.mps", "Shetland.mps"])
        #expect(throws: ModelExportError.self) { try exporter.write(format: .lp, to: directory.appendingPathComponent("all.lp")) }
        let single = try exporter.write(format: .lp, to: directory.appendingPathComponent("orkney.lp"), organisation: "Orkney")
        #expect(FileManager.default.fileExists(atPath: single[0].path))
    }

    @Test(arguments: [("Perth & Kinross", "Perth_Kinross"), ("Na h-Eileanan Siar", "Na_h-Eileanan_Siar"), ("***", "organisation")])
    func fileStems(_ name: String, _ stem: String) {
        #expect(ModelExporter.fileStem(name) == stem)
    }
}
