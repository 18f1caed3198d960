import Foundation
import Testing

/// Runs the built `phaseout` executable (next to the test bundle) and returns its exit status and stderr.
private func temporaryDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("phaseout-cli-\(UUID().uuidString)").path
}

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Test func generateWritesTheSameFilesForTheSameSeed() throws {
    let a = temporaryDirectory(), b = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
    let first = try runPhaseout(["generate", "--devices", "2000", "--councils", "20", "--seed", "5", "--out", a])
    let second = try runPhaseout(["generate", "--devices", "2000", "--councils", "20", "--seed", "5", "--out", b])
    #expect(first.status == 0 && second.status == 0)
    #expect(first.stderr.hasPrefix("generated 2000 units"))
    for file in ["register.csv", "scenario.json"] {
        let x = try Data(contentsOf: URL(fileURLWithPath: a + "/" + file))
        let y = try Data(contentsOf: URL(fileURLWithPath: b + "/" + file))
        #expect(x == y && !x.isEmpty)
    }
}

@Test(arguments: [
    ["--devices", "5", "--councils", "6", "--seed", "1"],
    ["--devices", "0", "--councils", "1", "--seed", "1"],
    ["--devices", "10", "--councils", "1", "--seed", "1", "--period-years", "0.3"],
    ["--devices", "10", "--seed", "1"],
    ["--devices", "10", "--seed", "1", "--council", "Fife", "--council", "FIFE"],
])
func generateRejectsBadArguments(arguments: [String]) throws {
    let dir = temporaryDirectory()
    let result = try runPhaseout(["generate", "--out", dir] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains("Error"))
    #expect(!FileManager.default.fileExists(atPath: dir))
}

/// The committed Scottish example is exactly what its README's command produces.
@Test func scottishExampleIsReproducible() throws {
    let dir = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let councils = ["Angus=114", "Argyll and Bute=86", "East Ayrshire=120", "Edinburgh=514", "Falkirk=160",
                    "Glasgow=632", "Inverclyde=78", "Moray=94", "North Lanarkshire=341", "Perth & Kinross=151",
                    "Renfrewshire=179", "Shetland=23", "South Lanarkshire=322"]
    let result = try runPhaseout(
        ["generate", "--devices", "4000", "--seed", "2026", "--out", dir,
         "--explicit-vendors", "--at-risk-share", "1", "--hikvision-share", "1", "--treatments",
         "--name", "Scottish councils reported to use Hikvision (SYNTHETIC figures)"]
            + councils.flatMap { ["--council", $0] })
    #expect(result.status == 0)
    let example = repositoryRoot.appendingPathComponent("Examples/ScottishCouncils")
    for file in ["register.csv", "scenario.json"] {
        let generated = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + file))
        let committed = try Data(contentsOf: example.appendingPathComponent(file))
        #expect(generated == committed, "\(file) differs from the committed example")
    }
}

/// The regional profile derives its organisations from the devices, and `validate` accepts it.
@Test func generateRegionalDerivesOrganisationsAndValidates() throws {
    let a = temporaryDirectory(), b = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
    let arguments = ["generate", "--devices", "20000", "--profile", "regional", "--seed", "3"]
    let first = try runPhaseout(arguments + ["--out", a])
    let second = try runPhaseout(arguments + ["--out", b])
    #expect(first.status == 0 && second.status == 0)
    #expect(first.stderr.contains("for 3 organisations"), "\(first.stderr)")
    for file in ["register.csv", "scenario.json"] {
        let x = try Data(contentsOf: URL(fileURLWithPath: a + "/" + file))
        let y = try Data(contentsOf: URL(fileURLWithPath: b + "/" + file))
        #expect(x == y && !x.isEmpty)
    }
    let validate = try runPhaseout(["validate", a + "/register.csv", a + "/scenario.json"])
    #expect(validate.status == 0, "\(validate.stderr)")
    #expect(!validate.stderr.contains("error"))
    let help = try runPhaseout(["generate", "--help"])
    #expect(help.stdout.contains("regional"))
}
