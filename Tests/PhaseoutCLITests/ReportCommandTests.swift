import Foundation
import Testing

/// Runs the built `phaseout` executable (the shared runner).
private func phaseout(_ arguments: [String]) throws -> CommandRun {
    try runPhaseout(arguments)
}

private let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/spec")

private func inputs(_ name: String) -> [String] {
    let directory = fixtures.appendingPathComponent(name)
    return [directory.appendingPathComponent("register.csv").path, directory.appendingPathComponent("scenario.json").path]
}

private func temporary(_ prefix: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
}

@Test func planWithReportWritesTheReportAndKeepsItsExitStatus() throws {
    let out = temporary("cli-report")
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try phaseout(["plan"] + inputs("3_infeasible_shortfall") + ["--out", out.path, "--report", "--quiet"])
    #expect(run.status == 3, "\(run.stderr)")
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains(#"data-org="Orkney" data-field="shortfallMoneyTotal""#))
    #expect(html.contains("<svg class=\"chart spend\""))
}

@Test func reportRewritesTheReportOfAPlanDirectory() throws {
    let out = temporary("cli-report")
    defer { try? FileManager.default.removeItem(at: out) }
    let planned = try phaseout(["plan"] + inputs("1_exposure_inflation_carry_visit") + ["--out", out.path, "--quiet"])
    #expect(planned.status == 0, "\(planned.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
    let run = try phaseout(["report", out.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("report → \(out.path)/report.html"))
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains(#"<td class="num" data-org="Fife" data-period="2027/28" data-field="spend" data-value="1650">£1,650</td>"#))
}

@Test func reportOfAMissingDirectoryExitsTwoNamingTheFile() throws {
    let run = try phaseout(["report", "/nonexistent/plan-dir"])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("error: /nonexistent/plan-dir/summary.json: no such file"))
}

@Test func exportModelWritesLPAndMPS() throws {
    let out = temporary("cli-export")
    defer { try? FileManager.default.removeItem(at: out) }
    let lp = try phaseout(["export-model"] + inputs("1_exposure_inflation_carry_visit")
        + ["--format", "lp", "--out", out.appendingPathComponent("fife.lp").path])
    #expect(lp.status == 0, "\(lp.stderr)")
    let text = try String(contentsOf: out.appendingPathComponent("fife.lp"), encoding: .utf8)
    #expect(text.hasPrefix("/* Phaseout v2: the planning MILP of organisation \"Fife\""))
    #expect(text.contains("Objective constant 30"))
    #expect(text.contains("min:"))

    let models = out.appendingPathComponent("models")
    let mps = try phaseout(["export-model"] + inputs("3_infeasible_shortfall") + ["--format", "mps", "--out", models.path])
    #expect(mps.status == 0, "\(mps.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: models.path).sorted()
    #expect(names == ["Orkney.mps", "Shetland.mps"])

    let one = try phaseout(["export-model"] + inputs("3_infeasible_shortfall")
        + ["--format", "lp", "--organisation", "shetland", "--out", out.appendingPathComponent("s.lp").path])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("s.lp").path))
}

@Test func exportModelRejectsAnUnknownOrganisationAndFormat() throws {
    let out = temporary("cli-export")
    defer { try? FileManager.default.removeItem(at: out) }
    let unknown = try phaseout(["export-model"] + inputs("3_infeasible_shortfall")
        + ["--format", "lp", "--organisation", "Fife", "--out", out.path])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no organisation \"Fife\""))
    let format = try phaseout(["export-model"] + inputs("3_infeasible_shortfall") + ["--format", "xls", "--out", out.path])
    #expect(format.status == 64)
}
