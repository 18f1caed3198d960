import Foundation
import TestSupport

/// The Scottish example's scenario with every budget amount multiplied by `factor` and rounded
/// to whole pounds, written to `scenario.json` in `directory`.
/// - Returns: the scenario's path.
func scaledScottishScenario(_ factor: Double, in directory: URL) throws -> String {
    let original = Fixtures.examplesDirectory.appendingPathComponent("ScottishCouncils/scenario.json")
    guard var scenario = try JSONSerialization.jsonObject(with: Data(contentsOf: original)) as? [String: Any],
          let budgets = scenario["budgets"] as? [String: [Double]] else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: original.path])
    }
    scenario["budgets"] = budgets.mapValues { amounts in amounts.map { ($0 * factor).rounded() } }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent("scenario.json")
    try JSONSerialization.data(withJSONObject: scenario, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    return url.path
}

/// The Scottish example planned at budgets ×0.8, ×1 and ×1.2, in folders `budget-x0.8`,
/// `budget-x1` and `budget-x1.2` of one temporary directory. Planned once for every test that
/// needs them (each run is time-limited: the tests compare with what was written, not with
/// the optimum). The directory has a fixed name, emptied first, so that runs leave one copy.
let scottishScales: Result<[URL], any Error> = Result {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("phaseout-compare-scottish")
    try? FileManager.default.removeItem(at: root)
    let register = Fixtures.examplesDirectory.appendingPathComponent("ScottishCouncils/register.csv").path
    return try ["0.8", "1", "1.2"].map { factor in
        let out = root.appendingPathComponent("budget-x\(factor)")
        let scenario = try scaledScottishScenario(Double(factor)!, in: root.appendingPathComponent("scenario-x\(factor)"))
        let run = try runPhaseout(["plan", register, scenario, "--out", out.path, "--time-limit", "5", "--quiet"])
        guard [0, 3, 4].contains(run.status) else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: run.stderr]) }
        return out
    }
}

/// summary.json of a plan folder, as JSON objects.
func summaryObject(_ folder: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as? [String: Any] ?? [:]
}

/// The `data-value` of the first element whose attributes begin with `marks`, in a DOM as
/// chromium serialises it (`&` and `"` escaped in attribute values).
func domValue(_ dom: String, _ marks: [(String, String)]) -> String? {
    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    let prefix = marks.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined() + " data-value=\""
    guard let start = dom.range(of: prefix), let end = dom[start.upperBound...].firstIndex(of: "\"") else { return nil }
    return String(dom[start.upperBound..<end])
}
