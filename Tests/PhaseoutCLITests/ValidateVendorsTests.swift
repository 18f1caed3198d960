import Foundation
import Testing

/// What a security officer reads in `validate`: the vendors left out of the plan, most units
/// first, and vendor near-misses before every other problem.
@Suite("validate lists the vendors treated as not high-risk")
struct ValidateVendorsTests {
    private let inputs = fixture("1_exposure_inflation_carry_visit")

    /// Fixture 1's register with `rows` appended, written to a temporary file.
    private func register(appending rows: [String], replacing: (String, String)? = nil) throws -> String {
        var text = try String(contentsOfFile: inputs.register, encoding: .utf8)
        if let (old, new) = replacing { text = text.replacingOccurrences(of: old, with: new) }
        if !text.hasSuffix("\n") { text += "\n" }
        text += rows.joined(separator: "\n") + "\n"
        let path = temporaryPath("vendors-register") + ".csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theVendorsOfWeightZeroAreListedMostUnitsFirstThenByName() throws {
        let path = try register(appending: [
            "V1,Fife,S1,camera,Bosch,high,town-centre,2015",
            "V2,Fife,S1,camera,Bosch,high,town-centre,2015",
            "V3,Fife,S2,camera,Vivotek,,,2016",
            "V4,Fife,S2,camera,Avigilon,,,2016",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try runPhaseout(["validate", path, inputs.scenario])
        #expect(run.status == 0, "\(run.stderr)")
        // Fixture 1 has one Axis unit: Bosch (2) first, then the ones by name.
        #expect(run.stdout.contains("Vendors treated as not high-risk (weight 0): Bosch 2 units, Avigilon 1 unit, Axis 1 unit, Vivotek 1 unit\n"))

        let json = try runPhaseout(["validate", path, inputs.scenario, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let vendors = try #require(object["unratedVendors"] as? [[String: Any]])
        #expect(vendors.map { $0["vendor"] as? String } == ["Bosch", "Avigilon", "Axis", "Vivotek"])
        #expect(vendors.map { $0["units"] as? Int } == [2, 1, 1, 1])
    }

    @Test func theScottishExampleListsItsUnratedVendors() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/ScottishCouncils")
        let run = try runPhaseout(["validate", example.appendingPathComponent("register.csv").path,
                                   example.appendingPathComponent("scenario.json").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Vendors treated as not high-risk (weight 0): Hanwha Techwin 250 units, Vivotek 250 units, Bosch 196 units, "))
    }

    @Test func aNearMissComesBeforeEveryOtherError() throws {
        // An earlier line has a bad year; the near-miss is on the last line, yet printed first.
        let path = try register(appending: ["N2,Fife,S2,camera,Dahua,,,20x6", "N1,Fife,S2,camera,Hikvisoin,,,2016"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try runPhaseout(["validate", path, inputs.scenario])
        #expect(run.status == 2)
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count >= 2, "\(run.stderr)")
        #expect(errors.first?.contains("vendor \"Hikvisoin\" resembles \"hikvision\"") == true, "\(run.stderr)")
    }
}
