import Testing
@testable import Phaseout

@Suite struct VendorTableTests {
    @Test(arguments: [
        ("Hikvision", 1.0), ("HIKVISION", 1.0), ("Hik Vision", 1.0), ("Hikvision Digital Technology Co.", 1.0),
        ("Axis", 0.0),
    ])
    func fixtureOneVendors(_ vendor: String, _ weight: Double) {
        let table = VendorTable(["hikvision": 1], defaultWeight: 0)
        #expect(table.weight(for: vendor) == weight)
    }

    @Test func longestKeyWins() {
        let table = VendorTable(["hik": 2, "hikvision": 5], defaultWeight: 0.5)
        #expect(table.weight(for: "Hikvision Ltd") == 5)
        #expect(table.matchingKey(for: "Hikvision Ltd") == "hikvision")
        #expect(table.weight(for: "Hik Cams") == 2)
        #expect(table.weight(for: "Bosch") == 0.5)
        #expect(table.matchingKey(for: "Bosch") == nil)
    }

    @Test func defaultNeverMatchesByPrefix() {
        let table = VendorTable(["default": 9, "axis": 1], defaultWeight: 0.25)
        #expect(table.weight(for: "Default Cameras Ltd") == 0.25)
        #expect(table.matchingKey(for: "Default Cameras Ltd") == nil)
    }

    @Test(arguments: ["hikvision", "HiLook", "hiwatch", "EZVIZ", "Dahua Technology", "imou"])
    func builtInHighRisk(_ vendor: String) {
        #expect(VendorTable.builtIn.weight(for: vendor) == 1)
    }

    @Test func builtInOthersZero() {
        #expect(VendorTable.builtIn.weight(for: "Axis") == 0)
        #expect(VendorTable.builtIn.weight(for: "Hanwha") == 0)
    }

    @Test func givenTableReplacesBuiltIn() throws {
        let s = try ScenarioReader.parse(scenarioJSON(#""vendors": {"axis": 1}"#), fileName: "s.json")
        #expect(s.vendors.weight(for: "Axis") == 1)
        #expect(s.vendors.weight(for: "Hikvision") == 0)
    }

    @Test func normalise() {
        #expect(VendorTable.normalise(" Hik-Vision Co. ") == "hikvisionco")
    }
}
