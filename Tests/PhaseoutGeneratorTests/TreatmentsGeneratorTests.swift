import Foundation
import Testing
@testable import PhaseoutGenerator

@Suite("generate --treatments")
struct TreatmentsGeneratorTests {
    static let options = GeneratorOptions(devices: 20_000, councils: 60, seed: 3)

    @Test func withoutTreatmentsTheFilesAreThoseOfSpecV1() throws {
        let plain = try EstateGenerator(Self.options).generate()
        #expect(!plain.registerCSV.hasPrefix("device_id,council,site_id,kind,vendor,model,sensitivity,site_category,installed,quantity,removable"))
        #expect(!plain.scenarioJSON.contains("isolate"))
        #expect(!plain.scenarioJSON.contains("isolatedBy"))
    }

    @Test func treatmentsAddRemovableRowsIsolationAndRemovalButChangeNothingElse() throws {
        var options = Self.options
        options.treatments = true
        let treated = try EstateGenerator(options).generate()
        let plain = try EstateGenerator(Self.options).generate()
        let treatedRows = parseRegister(treated.registerCSV)
        let plainRows = parseRegister(plain.registerCSV)
        #expect(treatedRows.header.last == "removable")
        #expect(treatedRows.rows.count == plainRows.rows.count)
        // Every other field is the same: the removable draws do not touch the estate's stream.
        for (a, b) in zip(treatedRows.rows, plainRows.rows) {
            for column in plainRows.header { #expect(a[column] == b[column]) }
        }
        var marked: [String: (rows: Int, removable: Int)] = [:]
        for row in treatedRows.rows {
            let kind = row["kind"]!
            marked[kind, default: (0, 0)].rows += 1
            if row["removable"] == "yes" { marked[kind, default: (0, 0)].removable += 1 } else { #expect(row["removable"] == "") }
        }
        #expect(marked["recorder"]?.removable == 0)
        let street = marked["street-camera"]!, indoor = marked["indoor-camera"]!
        #expect(abs(Double(street.removable) / Double(street.rows) - 0.08) < 0.02)
        #expect(abs(Double(indoor.removable) / Double(indoor.rows) - 0.15) < 0.02)
        let scenario = try parseScenario(treated.scenarioJSON)
        let kinds = scenario["kinds"] as! [String: [String: Any]]
        #expect(kinds["recorder"]?["isolate"] != nil && kinds["recorder"]?["remove"] == nil)
        #expect(kinds["street-camera"]?["remove"] != nil && kinds["indoor-camera"]?["isolate"] != nil)
        let rule = (scenario["deadlines"] as! [[String: Any]])[0]
        #expect(rule["isolatedBy"] as? String == (scenario["periods"] as! [String])[0])
    }
}
