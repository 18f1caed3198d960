import Foundation
import Testing
@testable import PhaseoutGenerator

// MARK: Determinism

@Test(arguments: [GeneratorOptions.Profile.national, .concentrated])
func sameSeedGivesIdenticalBytes(profile: GeneratorOptions.Profile) throws {
    let options = GeneratorOptions(devices: 5000, councils: profile == .national ? 40 : 1, seed: 11, profile: profile)
    let a = try EstateGenerator(options).generate()
    let b = try EstateGenerator(options).generate()
    #expect(Data(a.registerCSV.utf8) == Data(b.registerCSV.utf8))
    #expect(Data(a.scenarioJSON.utf8) == Data(b.scenarioJSON.utf8))

    var other = options
    other.seed = 12
    let c = try EstateGenerator(other).generate()
    #expect(c.registerCSV != a.registerCSV)
    #expect(c.scenarioJSON != a.scenarioJSON)
}

// MARK: Exact totals

@Test(arguments: [(1, 1), (2, 1), (7, 7), (380, 380), (1000, 380), (20_000, 380), (12_345, 13)])
func quantitiesSumToDevicesExactly(devices: Int, councils: Int) throws {
    let estate = try EstateGenerator(GeneratorOptions(devices: devices, councils: councils, seed: 3)).generate()
    let register = parseRegister(estate.registerCSV)
    #expect(register.column("quantity").reduce(0) { $0 + Int($1)! } == devices)
    #expect(Set(register.column("council")).count == councils)
    #expect(estate.statistics.units == devices)
}

@Test func hundredThousandDevicesSumExactly() {
    let register = Shared.national100kRegister
    #expect(register.column("quantity").reduce(0) { $0 + Int($1)! } == 100_000)
    #expect(Set(register.column("council")).count == 380)
}

@Test func concentratedSumsExactlyWithSeveralOrganisations() throws {
    let estate = try EstateGenerator(
        GeneratorOptions(devices: 10_000, councils: 5, seed: 1, profile: .concentrated)).generate()
    #expect(estate.councils.map(\.units).reduce(0, +) == 10_000)
    #expect(estate.councils[0].units > 8000)  // one organisation holds ≈ 90 %
}

// MARK: Structure

@Test func registerHasTheSpecColumnsAndUniqueIds() {
    let register = Shared.national100kRegister
    #expect(register.header == ["device_id", "council", "site_id", "kind", "vendor", "model",
                                "sensitivity", "site_category", "installed", "quantity"])
    let ids = register.column("device_id")
    #expect(Set(ids).count == ids.count)
    #expect(!ids.contains(""))
    for row in register.rows {
        #expect(["street-camera", "indoor-camera", "recorder"].contains(row["kind"]!))
        #expect(["critical", "high", "standard", "low"].contains(row["sensitivity"]!))
        #expect(Int(row["quantity"]!)! >= 1)
        if row["kind"] != "indoor-camera" { #expect(row["quantity"] == "1") }
    }
}

@Test func rowsOfASiteAgreeOnSensitivityAndCategory() {
    var seen: [String: (String, String)] = [:]
    var disagreements = 0
    for row in Shared.national100kRegister.rows {
        let key = row["council"]! + "\u{0}" + row["site_id"]!
        let value = (row["sensitivity"]!, row["site_category"]!)
        if let prior = seen[key], prior != value { disagreements += 1 }
        seen[key] = value
    }
    #expect(disagreements == 0)
    #expect(seen.count == Shared.national100k.statistics.sites)
}

@Test func sitesHoldOneToFortyCamerasAndAtMostOneRecorder() {
    var cameras: [String: Int] = [:], recorders: [String: Int] = [:]
    for row in Shared.national100kRegister.rows {
        let key = row["council"]! + "\u{0}" + row["site_id"]!
        let q = Int(row["quantity"]!)!
        if row["kind"] == "recorder" { recorders[key, default: 0] += q } else { cameras[key, default: 0] += q }
    }
    // A council's last site may be cut short to hit the exact total, and may then be a lone recorder-less camera.
    #expect(cameras.values.allSatisfy { (1...40).contains($0) })
    #expect(recorders.values.allSatisfy { $0 == 1 })
    #expect(Set(recorders.keys).isSubset(of: Set(cameras.keys)))
}

@Test func installYearsAreBetween2012And2025() {
    let years = Shared.national100kRegister.column("installed").map { Int($0)! }
    #expect(years.min()! >= 2012 && years.max()! <= 2025)
    #expect(years.min()! == 2012 && years.max()! == 2025)
}

@Test func scenarioIsValidJSONWithSpecKeys() throws {
    let s = Shared.national100kScenario
    let allowed: Set<String> = ["name", "periods", "periodYears", "objective", "vendors", "sensitivity", "kinds",
                                "siteVisitCost", "inflation", "discountRate", "budgets", "labourHours",
                                "carryOver", "deadlines"]
    #expect(Set(s.keys).isSubset(of: allowed))
    #expect(s["periods"] as? [String] == ["2026/27", "2027/28", "2028/29", "2029/30", "2030/31"])
    #expect(s["objective"] as? String == "exposure")
    #expect(s["vendors"] == nil)  // the built-in table applies
    let kinds = s["kinds"] as! [String: [String: Any]]
    for (_, kind) in kinds {
        #expect(Set(kind.keys) == ["replaceCost", "labourHours", "risk", "replacedFirst"])
    }
    #expect(kinds["recorder"]!["replacedFirst"] as? Bool == true)
    let deadlines = s["deadlines"] as! [[String: String]]
    #expect(deadlines == [["sensitivity": "critical", "by": "2027/28"]])
    #expect((s["carryOver"] as! Double) == 0.5)
    #expect((s["inflation"] as! Double) == 0.03)
}

@Test func everyCouncilHasABudgetOfTheRightLength() {
    let s = Shared.national100kScenario
    let budgets = s["budgets"] as! [String: [Double]]
    let councils = Set(Shared.national100kRegister.column("council"))
    #expect(Set(budgets.keys) == councils)
    #expect(budgets["default"] == nil)
    #expect(budgets.values.allSatisfy { $0.count == 5 && $0.allSatisfy { $0 >= 0 && $0 == $0.rounded() } })
    let labour = s["labourHours"] as! [String: [Double]]
    #expect(Set(labour.keys).isSubset(of: councils))
    #expect(labour.values.allSatisfy { $0.count == 5 && $0.allSatisfy { $0 >= 1 } })
}

@Test func councilNamesAreUniqueIgnoringCase() throws {
    let estate = try EstateGenerator(GeneratorOptions(devices: 2000, councils: 1000, seed: 5)).generate()
    let names = estate.councils.map(\.name)
    #expect(Set(names.map { $0.lowercased() }).count == 1000)
    #expect(!names.contains { $0.contains(",") || $0.lowercased() == "default" })
}

// MARK: Distributions

@Test func aboutThreeInFourCouncilsRunHikvisionOrDahua() {
    let estate = Shared.national100k
    let register = Shared.national100kRegister
    var atRiskCouncils = Set<String>()
    var atRiskUnits: [String: Int] = [:]
    for row in register.rows where isBuiltInAtRisk(row["vendor"]!) {
        atRiskCouncils.insert(row["council"]!)
        atRiskUnits[row["council"]!, default: 0] += Int(row["quantity"]!)!
    }
    let share = Double(atRiskCouncils.count) / 380
    #expect(abs(share - 0.75) < 0.01)
    let hik = Double(estate.statistics.hikvisionCouncils) / Double(estate.statistics.atRiskCouncils)
    #expect(abs(hik - 0.89) < 0.01)
    // The vendor spellings the file uses classify exactly as the generator intended.
    for council in estate.councils {
        #expect(atRiskUnits[council.name, default: 0] == council.atRiskUnits)
    }
    // Varied spellings and Lorex (not at risk) are present.
    let vendors = Set(register.column("vendor"))
    for v in ["Hikvision", "HIKVISION", "Hik Vision", "Hikvision Digital Technology Co.", "dahua", "Dahua Technology", "HiLook", "Imou"] {
        #expect(vendors.contains(v), "missing \(v)")
    }
    #expect(vendors.contains { $0.lowercased().hasPrefix("lorex") })
    #expect(!vendors.filter { $0.lowercased().hasPrefix("lorex") }.contains(where: isBuiltInAtRisk))
}

@Test func kindCostsAreInTheirRanges() throws {
    for seed in UInt64(1)...20 {
        let estate = try EstateGenerator(GeneratorOptions(devices: 50, councils: 2, seed: seed)).generate()
        let kinds = try parseScenario(estate.scenarioJSON)["kinds"] as! [String: [String: Any]]
        #expect((2000...4000).contains(kinds["street-camera"]!["replaceCost"] as! Int))
        #expect((500...1000).contains(kinds["indoor-camera"]!["replaceCost"] as! Int))
        #expect((1500...6000).contains(kinds["recorder"]!["replaceCost"] as! Int))
    }
}

@Test func budgetsAreFifteenToThirtyPercentExceptShortCouncils() {
    let estate = Shared.national100k
    let budgets = Shared.national100kScenario["budgets"] as! [String: [Double]]
    let atRisk = estate.councils.filter { $0.atRiskUnits > 0 }
    let short = atRisk.filter(\.isShort)
    #expect(short.count == 38)  // round(10 % of 380)
    for c in estate.councils {
        // The file's first-period budget is the annual budget (periodYears 1, no inflation yet).
        #expect(budgets[c.name]![0] == Double(c.annualBudget))
    }
    var inRange = 0
    for c in atRisk where !c.isShort {
        let share = Double(c.annualBudget) / Double(c.atRiskCost)
        #expect(share >= 0.15)
        if c.budgetRaisedToFloor || share <= 0.30 + 100 / Double(c.atRiskCost) { inRange += 1 }
    }
    #expect(inRange == atRisk.count - short.count)
    // Most are not raised: the floors only bite for small councils.
    #expect(atRisk.filter(\.budgetRaisedToFloor).count < atRisk.count / 2)
    for c in short {
        #expect(Double(c.annualBudget) / Double(c.atRiskCost) <= 0.10)
        // Two periods of budget (inflated) cannot pay for the critical deadline at period-1 prices.
        let firstTwo = budgets[c.name]![0] + budgets[c.name]![1]
        #expect(firstTwo < Double(c.deadlineCost))
    }
}

@Test func nonShortCouncilsCanAffordTheirDeadline() {
    let budgets = Shared.national100kScenario["budgets"] as! [String: [Double]]
    for c in Shared.national100k.councils where c.deadlineUnits > 0 && !c.isShort {
        let firstTwo = budgets[c.name]![0] + budgets[c.name]![1]
        #expect(firstTwo >= Double(c.deadlineCost) * 1.03 * 1.1)
    }
}

@Test func concentratedProfileShape() throws {
    let estate = Shared.concentrated
    let s = try parseScenario(estate.scenarioJSON)
    #expect((s["periods"] as! [String]).count == 20)
    #expect((s["periods"] as! [String]).first == "2026/27 Q1")
    #expect(s["periodYears"] as? Double == 0.25)
    #expect((s["labourHours"] as! [String: [Double]]).count == 1)
    #expect(estate.statistics.sites > 1000)
    #expect(estate.statistics.shareSitesWithRecorder > 0.9)
    #expect(estate.statistics.shareSitesWithVisitCost > 0.8 && estate.statistics.shareSitesWithVisitCost < 1)
    #expect(estate.statistics.shortCouncils == 0)
    let deadlines = s["deadlines"] as! [[String: String]]
    #expect(deadlines == [["sensitivity": "critical", "by": "2027/28 Q4"]])
}

@Test func explicitNamesAndWeightsOrderSizes() throws {
    let names = ["Glasgow", "Edinburgh", "Perth & Kinross", "Shetland"]
    let estate = try EstateGenerator(GeneratorOptions(
        devices: 3000, councils: 4, seed: 1, councilNames: names, councilWeights: [635, 527, 151, 23],
        atRiskCouncilShare: 1, hikvisionShare: 1)).generate()
    #expect(estate.councils.map(\.name) == names)
    let units = estate.councils.map(\.units)
    #expect(units == units.sorted(by: >))
    #expect(estate.councils.allSatisfy { $0.atRiskFamily == "hikvision" })
    #expect(estate.scenarioJSON.contains("\"Perth & Kinross\": ["))
    #expect(parseRegister(estate.registerCSV).column("council").contains("Perth & Kinross"))
}

@Test func explicitVendorTableIsWrittenWhenAsked() throws {
    let estate = try EstateGenerator(GeneratorOptions(devices: 100, councils: 2, seed: 1, explicitVendors: true)).generate()
    let vendors = try parseScenario(estate.scenarioJSON)["vendors"] as! [String: Double]
    #expect(vendors == ["hikvision": 1, "hilook": 1, "hiwatch": 1, "ezviz": 1, "dahua": 1, "imou": 1, "default": 0])
}

// MARK: Options

@Test func invalidOptionsAreAllListed() {
    #expect(throws: GeneratorError.self) { try EstateGenerator(GeneratorOptions(devices: 5, councils: 6, seed: 1)) }
    let problems = GeneratorOptions(devices: 0, councils: 0, seed: 1, periods: 0, periodYears: 0.3).problems()
    #expect(problems.count == 4)
    let names = GeneratorOptions(devices: 10, councils: 3, seed: 1, councilNames: ["Fife", "FIFE", "default"]).problems()
    #expect(names.count == 2)
}

// MARK: Writing

@Test func writerWritesBothFilesAtomically() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("phaseout-gen-\(UUID().uuidString)/nested").path
    defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
    let estate = try EstateGenerator(GeneratorOptions(devices: 300, councils: 3, seed: 8)).generate()
    try estate.write(to: dir)
    try estate.write(to: dir)  // overwriting is fine
    #expect(try String(contentsOfFile: dir + "/register.csv", encoding: .utf8) == estate.registerCSV)
    #expect(try String(contentsOfFile: dir + "/scenario.json", encoding: .utf8) == estate.scenarioJSON)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["register.csv", "scenario.json"])
}

@Test func writerReportsTheFailingCall() throws {
    let estate = try EstateGenerator(GeneratorOptions(devices: 3, councils: 1, seed: 8)).generate()
    #expect(throws: GeneratorError.self) { try estate.write(to: "/proc/phaseout-cannot-write-here") }
}

// MARK: Documented figures

/// Examples/GENERATOR.md and the `Profile` doc comments quote these measurements; keep them true.
@Test func documentedNationalSharesStillHold() {
    let s = Shared.national100k.statistics
    func pct(_ x: Double) -> Double { (x * 1000).rounded() / 10 }
    #expect(s.sites == 8253 && s.rows == 82723)
    #expect(pct(s.shareSitesWithRecorder) == 84.6)
    #expect(pct(s.shareSitesWithVisitCost) == 31.8)
    #expect(pct(s.shareUnitsAtRisk) == 45.9)
    #expect(pct(s.shareUnitsUnderDeadline) == 3.0)
    #expect(pct(s.shareAtRiskUnitsUnderDeadline) == 6.6)
    #expect(s.atRiskCouncils == 285 && s.hikvisionCouncils == 254 && s.shortCouncils == 38)
    #expect(s.councilsWithLabourLimit == 118 && s.councilsWithRaisedBudget == 17)
    let sizes = Shared.national100k.councils.map(\.units).sorted()
    #expect(sizes.first == 8 && sizes[190] == 166 && sizes.last == 2792)
}
