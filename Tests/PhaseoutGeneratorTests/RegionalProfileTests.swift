import Foundation
import Testing
@testable import PhaseoutGenerator

@Suite("generate --profile regional")
struct RegionalProfileTests {
    /// The benchmark's `regional100k` instance: 100,000 devices, organisations derived, seed 1.
    static let estate: GeneratedEstate = try! EstateGenerator(GeneratorOptions(
        devices: 100_000, councils: GeneratorOptions.Profile.regional.defaultOrganisations(devices: 100_000)!,
        seed: 1, profile: .regional)).generate()
    static let register = parseRegister(estate.registerCSV)

    @Test func theOrganisationCountFollowsTheDevices() {
        let regional = GeneratorOptions.Profile.regional
        #expect(regional.defaultOrganisations(devices: 100_000) == 13)
        #expect(regional.defaultOrganisations(devices: 150_000) == 20)
        #expect(regional.defaultOrganisations(devices: 1_000) == 1)
        #expect(regional.defaultOrganisations(devices: 1) == 1)
        #expect(GeneratorOptions.Profile.national.defaultOrganisations(devices: 100_000) == nil)
        #expect(GeneratorOptions.Profile.concentrated.defaultOrganisations(devices: 100_000) == nil)
    }

    @Test func organisationsHoldFiveToTenThousandUnitsAtOneToTwoHundredSites() {
        let councils = Self.estate.councils
        #expect((10...20).contains(councils.count))
        #expect(councils.map(\.units).reduce(0, +) == 100_000)
        for council in councils {
            #expect((5_000...10_000).contains(council.units), "\(council.name): \(council.units) units")
            #expect((100...200).contains(council.sites), "\(council.name): \(council.sites) sites")
        }
        var sites: [String: Set<String>] = [:]
        for row in Self.register.rows { sites[row["council"]!, default: []].insert(row["site_id"]!) }
        #expect(sites.count == councils.count)
        for council in councils { #expect(sites[council.name]?.count == council.sites) }
    }

    @Test func largeSitesHaveOneRecorderPerThirtyTwoCameras() {
        var cameras: [String: Int] = [:], recorders: [String: Int] = [:]
        for row in Self.register.rows {
            let site = row["council"]! + "\u{0}" + row["site_id"]!
            let quantity = Int(row["quantity"]!)!
            if row["kind"] == "recorder" { recorders[site, default: 0] += quantity } else { cameras[site, default: 0] += quantity }
        }
        #expect(cameras.values.allSatisfy { $0 >= 1 })
        for (site, count) in recorders {
            #expect(count == (cameras[site]! + count + 32) / 33, "recorders at \(site)")
        }
        #expect(recorders.values.contains { $0 >= 3 })
        #expect(Self.estate.statistics.shareSitesWithRecorder > 0.9)
    }

    @Test func visitsRecordersFirstDeadlinesAndLabourAreAllThere() throws {
        let s = try parseScenario(Self.estate.scenarioJSON)
        #expect((s["periods"] as! [String]).count == 5)
        #expect(s["periodYears"] as? Double == 1)
        let visits = s["siteVisitCost"] as! [String: Int]
        #expect(visits.filter { $0.key != "default" && $0.value > 0 }.count == 7)  // every category but library
        #expect(Self.estate.statistics.shareSitesWithVisitCost > 0.8)
        let kinds = s["kinds"] as! [String: [String: Any]]
        #expect(kinds["recorder"]?["replacedFirst"] as? Bool == true)
        #expect(s["deadlines"] as? [[String: String]] == [["sensitivity": "critical", "by": "2027/28"]])
        #expect(Self.estate.statistics.unitsUnderDeadline > 0)
        let names = Set(Self.estate.councils.map(\.name))
        #expect(Set((s["labourHours"] as! [String: [Double]]).keys) == names)
        #expect(Set((s["budgets"] as! [String: [Double]]).keys) == names)
        #expect(Self.estate.councils.allSatisfy { $0.atRiskUnits > 0 && !$0.isShort && $0.hasLabourLimit })
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let options = GeneratorOptions(devices: 30_000, councils: 4, seed: 9, profile: .regional)
        let a = try EstateGenerator(options).generate(), b = try EstateGenerator(options).generate()
        #expect(Data(a.registerCSV.utf8) == Data(b.registerCSV.utf8))
        #expect(Data(a.scenarioJSON.utf8) == Data(b.scenarioJSON.utf8))
        var other = options
        other.seed = 10
        #expect(try EstateGenerator(other).generate().registerCSV != a.registerCSV)
    }

    @Test func smallEstatesStillGenerate() throws {
        for devices in [1, 2, 50, 1_000] {
            let estate = try EstateGenerator(GeneratorOptions(devices: devices, councils: 1, seed: 2, profile: .regional)).generate()
            #expect(estate.statistics.units == devices)
            #expect(estate.statistics.sites >= min(devices, 100) && estate.statistics.sites <= min(devices, 200))
        }
    }
}

/// Adding a profile must not move a byte of the others' files: FNV-1a 64 of the files the
/// generator wrote before the regional profile existed.
@Test(arguments: [
    ("national", GeneratorOptions(devices: 5_000, councils: 40, seed: 11), UInt64(0x20fd_291a_da35_e2c7), UInt64(0x7bcf_ee9b_47ee_0def)),
    ("concentrated", GeneratorOptions(devices: 5_000, councils: 1, seed: 11, profile: .concentrated),
     UInt64(0x4e02_a8df_5156_1d62), UInt64(0x57cb_a394_9d4d_d3b1)),
])
func existingProfilesKeepTheirBytes(name: String, options: GeneratorOptions, register: UInt64, scenario: UInt64) throws {
    let estate = try EstateGenerator(options).generate()
    #expect(fnv1a(estate.registerCSV) == register, "\(name) register.csv")
    #expect(fnv1a(estate.scenarioJSON) == scenario, "\(name) scenario.json")
}

@Test func treatmentsKeepTheirBytes() throws {
    var options = GeneratorOptions(devices: 3_000, councils: 20, seed: 3)
    options.treatments = true
    let estate = try EstateGenerator(options).generate()
    #expect(fnv1a(estate.registerCSV) == 0xff01_b112_5e2c_da21)
    #expect(fnv1a(estate.scenarioJSON) == 0x598f_f4ca_8523_b4e8)
}

private func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}
