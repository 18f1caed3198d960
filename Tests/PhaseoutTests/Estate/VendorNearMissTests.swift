import Testing
@testable import Phaseout

@Suite struct VendorNearMissTests {
    @Test(arguments: [
        ("Hikvison", "hikvision"), ("HKVision", "hikvision"), ("DH (Dahua OEM)", "dahua"),
        ("Hikvsiion", "hikvision"), ("Dahau", "dahua"), ("OEM-Hikvision", "hikvision"),
        ("HiLok", "hilook"), ("Ezvis", "ezviz"),
    ])
    func nearMisses(_ vendor: String, _ key: String) {
        #expect(VendorTable.builtIn.nearMiss(for: vendor) == key)
    }

    @Test(arguments: [
        "Hikvision", "Hik Vision Ltd",   // matched, by prefix
        "Axis", "Bosch", "Hanwha",       // far from every key
        "Imuo",                           // 4 letters: too short (and "imou" has 4)
        "Dahu",                           // 4 letters: too short
        "Hikvisionary Systems",          // matched by prefix, not a near-miss
    ])
    func notNearMisses(_ vendor: String) {
        #expect(VendorTable.builtIn.nearMiss(for: vendor) == nil)
    }

    @Test func onlyKeysWithPositiveWeight() {
        let table = VendorTable(["hikvision": 0, "dahua": 1])
        #expect(table.nearMiss(for: "Hikvison") == nil)
        #expect(table.nearMiss(for: "Dahau") == "dahua")
    }

    @Test func nearestKeyIsNamed() {
        // "hiwatch" is 1 away, "hikvision" farther.
        #expect(VendorTable.builtIn.nearMiss(for: "Hiwatc") == "hiwatch")
    }

    @Test func aliasesApplyBeforePrefixes() {
        var table = VendorTable.builtIn
        table.aliases = ["HKVision": "hikvision", "Hikvison": "default", "Hikvision Fake": "default", "dahuaoem": "Dahua"]
        #expect(table.aliases == ["hkvision": "hikvision", "hikvison": "default", "hikvisionfake": "default", "dahuaoem": "dahua"])
        #expect(table.weight(for: "HK Vision") == 1 && table.matchingKey(for: "HK Vision") == "hikvision")
        #expect(table.weight(for: "Hikvison") == 0 && table.matchingKey(for: "Hikvison") == nil)
        #expect(table.nearMiss(for: "Hikvison") == nil && table.nearMiss(for: "HKVision") == nil)
        // Matched whole: a spelling an alias starts does not take it.
        #expect(table.weight(for: "Hikvision Fake") == 0)
        #expect(table.weight(for: "Hikvision Fake Ltd") == 1)
        #expect(table.aliasTarget(for: "HKVISION") == "hikvision" && table.aliasTarget(for: "Hikvison") == nil)
    }

    @Test func scenarioAliasesLiveInTheVendorTable() throws {
        var scenario = try ScenarioReader.parse(scenarioJSON(), fileName: "s.json")
        scenario.vendorAliases = ["HKVision": "hikvision"]
        #expect(scenario.vendors.weight(for: "hkvision") == 1)
        #expect(scenario.vendorAliases == ["hkvision": "hikvision"])
        let rule = DeadlineRule(vendor: "hik", by: 0)
        let row = RegisterRow(deviceID: "D1", council: "Fife", siteID: "S", kind: "camera", vendor: "HKVision")
        #expect(!rule.matches(council: "Fife", siteCategory: "default", sensitivity: "standard", kind: "camera", vendor: "HKVision"))
        #expect(scenario.rule(rule, matches: row))
    }
}
