import Foundation
import Testing
@testable import Phaseout

/// A plan directory: the planner's files for an estate, in a fresh temporary directory.
struct PlannedDirectory {
    let estate: Estate
    let plan: Phaseout.Plan
    let url: URL

    init(_ estate: Estate) throws {
        self.estate = estate
        plan = Planner().planSynchronously(estate)
        url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try PlanWriter(estate: estate).write(plan.verified(against: estate), to: url)
    }

    /// Writes report.html and returns its text.
    func report() throws -> String {
        let page = try ReportWriter().write(planDirectory: url)
        return try String(contentsOf: page, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The `data-value` of the first element whose marks begin with `marks`, in the report's
/// attribute order (scope, kind, period, field, then value).
func markedValue(_ html: String, _ marks: [(String, String)]) -> String? {
    let prefix = HTMLText.attributes(marks) + " data-value=\""
    guard let start = html.range(of: prefix) else { return nil }
    guard let end = html[start.upperBound...].firstIndex(of: "\"") else { return nil }
    return String(html[start.upperBound..<end])
}

/// An estate read from inline register and scenario text.
func inlineEstate(register: String, scenario: String) throws -> Estate {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("estate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let registerURL = directory.appendingPathComponent("register.csv"), scenarioURL = directory.appendingPathComponent("scenario.json")
    try register.write(to: registerURL, atomically: true, encoding: .utf8)
    try scenario.write(to: scenarioURL, atomically: true, encoding: .utf8)
    return try Estate.load(registerPath: registerURL.path, scenarioPath: scenarioURL.path)
}

/// Fixture `name` with every "Fife"/"Orkney" renamed, to exercise escaping.
func renamedFixture(_ name: String, replacing old: String, with new: String) throws -> Estate {
    let directory = fixturesDirectory.appendingPathComponent(name)
    let register = try String(contentsOf: directory.appendingPathComponent("register.csv"), encoding: .utf8)
    let scenario = try String(contentsOf: directory.appendingPathComponent("scenario.json"), encoding: .utf8)
    let csvName = new.contains(",") || new.contains("\"") ? "\"" + new.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : new
    let jsonName = new.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    return try inlineEstate(register: register.replacingOccurrences(of: old, with: csvName),
                            scenario: scenario.replacingOccurrences(of: old, with: jsonName))
}
