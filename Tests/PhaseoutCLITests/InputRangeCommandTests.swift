import Foundation
import Testing

// Issue #24's inputs that once crashed the executable (exit 132) now exit 2 naming the file,
// line and field; none exits with a signal (≥ 128).

private let oneRow = "device_id,council,site_id,kind,vendor\nA1,Fife,S1,camera,Hikvision\n"
private let twoHuge = """
    device_id,council,site_id,kind,vendor,quantity
    A1,Fife,S1,camera,Hikvision,4611686018427387904
    A2,Fife,S1,camera,Hikvision,4611686018427387904

    """

/// An input of issue #24: the files, and what stderr must say.
struct CrashInput: CustomTestStringConvertible, Sendable {
    var name: String
    var register: String = oneRow
    var scenario: String
    var expected: String
    var testDescription: String { name }
}

private let plain = #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1000}},"budgets":{"default":[1000]}}"#

private let crashInputs: [CrashInput] = [
    CrashInput(name: "budget 1e17", scenario: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1000}},"budgets":{"default":[1e17]}}"#,
               expected: "s.json:1:81: budgets.default[0] must be at most 1000000000000"),
    CrashInput(name: "quantity 1e18", register: "device_id,council,site_id,kind,vendor,quantity\nA1,Fife,S1,camera,Hikvision,1000000000000000000\n",
               scenario: plain, expected: "r.csv:2:6: quantity \"1000000000000000000\" is more than 1000000000 units in one row"),
    CrashInput(name: "two rows of 2^62", register: twoHuge, scenario: plain,
               expected: "r.csv:3:6: quantity \"4611686018427387904\" is more than 1000000000 units in one row"),
    CrashInput(name: "replaceCost 1e-16", scenario: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1e-16}},"budgets":{"default":[1200]}}"#,
               expected: "kinds.camera.replaceCost must be 0 or at least 0.01"),
    CrashInput(name: "labourHours 1e-16", scenario: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1,"labourHours":1e-16}},"budgets":{"default":[1200]}}"#,
               expected: "kinds.camera.labourHours must be 0 or at least 0.01 hours"),
    CrashInput(name: "replaceCost 1e19", scenario: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1e19}},"budgets":{"default":[0]},"deadlines":[{"by":"P1"}]}"#,
               expected: "kinds.camera.replaceCost must be at most 1000000000000"),
    CrashInput(name: "inflation 1e16", scenario: #"{"periods":["P1","P2"],"inflation":1e16,"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[0,0]}}"#,
               expected: "s.json:1:36: inflation must be at most 1"),
    CrashInput(name: "risk 1e308", scenario: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1,"risk":1e308}},"budgets":{"default":[10]}}"#,
               expected: "kinds.camera.risk must be at most 1000000"),
    CrashInput(name: "periodYears 1e308", scenario: #"{"periods":["P1","P2"],"periodYears":1e308,"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[10,10]}}"#,
               expected: "periodYears must be at most 100"),
]

/// Writes the input's files into a fresh folder and returns their paths.
private func write(_ input: CrashInput) throws -> (folder: String, register: String, scenario: String) {
    let folder = temporaryPath("ranges")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let register = folder + "/r.csv", scenario = folder + "/s.json"
    try input.register.write(toFile: register, atomically: true, encoding: .utf8)
    try input.scenario.write(toFile: scenario, atomically: true, encoding: .utf8)
    return (folder, register, scenario)
}

@Test(arguments: crashInputs)
func validateAndPlanRejectOutOfRangeNumbersWithExitTwo(_ input: CrashInput) throws {
    let files = try write(input)
    defer { try? FileManager.default.removeItem(atPath: files.folder) }
    for command in [["validate"], ["plan"], ["export-model"]] {
        var arguments = command + [files.register, files.scenario]
        if command == ["plan"] { arguments += ["--out", files.folder + "/out"] }
        if command == ["export-model"] { arguments += ["--format", "lp", "--out", files.folder + "/model.lp"] }
        let run = try runPhaseout(arguments)
        #expect(run.status == 2, "\(command): \(run.stderr)")
        #expect(run.stderr.contains(input.expected), "\(command): \(run.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: files.folder + "/out"))
}

@Test(arguments: [["9223372036854775807"], ["4611686018427387904", "4611686018427387904"]])
func verifyRejectsOutOfRangePlanQuantitiesWithExitTwo(_ quantities: [String]) throws {
    let files = try write(CrashInput(name: "plan", scenario: plain, expected: ""))
    defer { try? FileManager.default.removeItem(atPath: files.folder) }
    let plan = files.folder + "/plan.csv"
    let rows = quantities.map { "A1,Fife,S1,camera,Hikvision,P1,\($0),1000\n" }.joined()
    try ("device_id,council,site_id,kind,vendor,period,quantity,cost\n" + rows).write(toFile: plan, atomically: true, encoding: .utf8)
    let run = try runPhaseout(["verify", files.register, files.scenario, plan])
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.contains("plan.csv:2:7: quantity \"\(quantities[0])\" is more than 1000000000 units in one row"), "\(run.stderr)")
}
