import Foundation
import Testing
@testable import Phaseout

@Suite struct ScenarioReaderTests {
    @Test func defaults() throws {
        let s = try ScenarioReader.parse(scenarioJSON(), fileName: "s.json")
        #expect(s.periods == ["P1", "P2"])
        #expect(s.periodYears == 1 && s.objective == .exposure)
        #expect(s.inflation == 0 && s.discountRate == 0.035 && s.carryOver == 0)
        #expect(s.sensitivityWeights == ["critical": 8, "high": 4, "standard": 1, "low": 0.5])
        #expect(s.vendors == VendorTable.builtIn)
        let camera = try #require(s.kind(named: "Camera"))
        #expect(camera.labourHours == 0 && camera.risk == 1 && !camera.replacedFirst)
        #expect(s.budget(for: "Anyone") == [1000, 1000])
        #expect(s.labourHours(for: "Anyone") == nil)
        #expect(s.visitCost(forCategory: "school") == 0)
        #expect(s.periodIndex(of: "p2") == 1)
        #expect(s.periodIndex(of: "P3") == nil)
    }

    @Test func fullScenario() throws {
        let json = scenarioJSON(#"""
        "name": "Test", "periodYears": 0.5, "objective": "cost", "inflation": 0.1, "discountRate": -0.5,
        "vendors": {"Hik-Vision": 2, "Default": 0.25},
        "sensitivity": {"Critical": 10, "extreme": 20},
        "siteVisitCost": {"Town-Centre": 500, "default": 50},
        "labourHours": {"Fife": [10, 20], "default": [5, 5]},
        "carryOver": 1,
        "deadlines": [{"council": "Fife", "site_category": "school", "sensitivity": "EXTREME", "kind": "CAMERA", "vendor": "hik", "by": "p2"}]
        """#, budgets: #""Glasgow": [1, 2]"#)
        let s = try ScenarioReader.parse(json, fileName: "s.json")
        #expect(s.name == "Test" && s.objective == .cost && s.periodYears == 0.5)
        #expect(s.vendors.weight(for: "HIKVISION Ltd") == 2 && s.vendors.defaultWeight == 0.25)
        #expect(s.sensitivityWeight(of: "critical") == 10 && s.sensitivityWeight(of: "extreme") == 20)
        #expect(s.sensitivityWeight(of: "high") == 4)
        #expect(s.visitCost(forCategory: "town-centre") == 500 && s.visitCost(forCategory: "x") == 50)
        #expect(s.labourHours(for: "FIFE") == [10, 20] && s.labourHours(for: "Perth") == [5, 5])
        #expect(s.budget(for: "glasgow") == [1, 2] && s.budget(for: "Perth") == nil)
        #expect(s.deadlines.count == 1 && s.deadlines[0].by == 1)
        #expect(abs(s.costFactor(period: 2) - 1.1) < 1e-12)  // (1.1)^(0.5·2)
        #expect(s.costFactor(period: 0) == 1)
    }

    /// Asserts exactly one error whose message contains `text` and whose key path is `path`.
    func expectOne(_ json: String, _ text: String, path: String? = nil, line: Int? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = scenarioErrors(json)
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        #expect(errors.first?.message.contains(text) == true, "\(errors)", sourceLocation: sourceLocation)
        if let path { #expect(errors.first?.field == path, sourceLocation: sourceLocation) }
        if let line { #expect(errors.first?.line == line, sourceLocation: sourceLocation) }
        #expect(errors.first?.line != nil && errors.first?.column != nil, sourceLocation: sourceLocation)
    }

    @Test func unknownTopLevelKey() {
        expectOne(scenarioJSON(#""carryover": 0.5"#), #"unknown key "carryover" in the scenario"#, path: "carryover", line: 5)
    }

    @Test func unknownKeyInKind() {
        expectOne(scenarioJSON(kinds: #""camera": {"replaceCost": 1, "replaceCosts": 2}"#),
                  #"unknown key "replaceCosts" in kinds.camera"#, path: "kinds.camera.replaceCosts", line: 3)
    }

    @Test func unknownKeyInDeadline() {
        expectOne(scenarioJSON(#""deadlines": [{"by": "P1", "region": "north"}]"#),
                  #"unknown key "region" in deadlines[0]"#, path: "deadlines[0].region")
    }

    @Test func duplicateKeys() {
        expectOne(scenarioJSON(#""inflation": 0.1, "inflation": 0.2"#), #"duplicate key "inflation""#, line: 5)
        expectOne(scenarioJSON(kinds: #""camera": {"replaceCost": 1, "replaceCost": 2}"#),
                  #"duplicate key "replaceCost" in kinds.camera"#)
    }

    @Test(arguments: ["1e999", "-1e999"])
    func nonFiniteNumbers(_ literal: String) {
        expectOne(scenarioJSON("\"carryOver\": \(literal)"), "carryOver is not a finite number", path: "carryOver")
    }

    @Test func nonFiniteLiteral() {
        expectOne(scenarioJSON(#""inflation": NaN"#), "non-finite number", line: 5)
    }

    @Test(arguments: ["0", "-1"])
    func periodYearsNotPositive(_ value: String) {
        expectOne(scenarioJSON("\"periodYears\": \(value)"), "periodYears must be positive", path: "periodYears")
    }

    @Test func negativeNumbers() {
        expectOne(scenarioJSON(kinds: #""camera": {"replaceCost": -5}"#), "kinds.camera.replaceCost must not be negative")
        expectOne(scenarioJSON(kinds: #""camera": {"replaceCost": 5, "risk": -1}"#), "kinds.camera.risk must not be negative")
        expectOne(scenarioJSON(#""vendors": {"axis": -1}"#), "vendors.axis must not be negative")
        expectOne(scenarioJSON(#""siteVisitCost": {"school": -1}"#), "siteVisitCost.school must not be negative")
        expectOne(scenarioJSON(#""sensitivity": {"high": -4}"#), "sensitivity.high must not be negative")
    }

    @Test func ratesAboveMinusOne() throws {
        expectOne(scenarioJSON(#""inflation": -1"#), "inflation must be greater than -1")
        expectOne(scenarioJSON(#""discountRate": -1.5"#), "discountRate must be greater than -1")
        let s = try ScenarioReader.parse(scenarioJSON(#""inflation": -0.02"#), fileName: "s.json")
        #expect(s.inflation == -0.02)
    }

    @Test(arguments: ["-0.1", "1.5"])
    func carryOverOutOfRange(_ value: String) {
        let errors = scenarioErrors(scenarioJSON("\"carryOver\": \(value)"))
        #expect(errors.count == 1 && errors[0].field == "carryOver" && errors[0].message.contains("carryOver must"))
    }

    @Test func budgetArrays() {
        expectOne(scenarioJSON(budgets: #""Fife": [1, 2, 3]"#), "budgets.Fife has 3 values but there are 2 periods", path: "budgets.Fife")
        expectOne(scenarioJSON(budgets: #""Fife": [1, -2]"#), "budgets.Fife[1] must not be negative", path: "budgets.Fife[1]")
        expectOne(scenarioJSON(budgets: #""Fife": [1, "2"]"#), "budgets.Fife[1] must be a number")
        expectOne(scenarioJSON(budgets: #""Fife": 5"#), "budgets.Fife must be an array")
    }

    @Test func labourArrays() {
        expectOne(scenarioJSON(#""labourHours": {"default": [1]}"#), "labourHours.default has 1 values but there are 2 periods")
        expectOne(scenarioJSON(#""labourHours": {"Fife": [1, -1]}"#), "labourHours.Fife[1] must not be negative")
    }

    @Test func periods() {
        expectOne(#"{"periods": [], "kinds": {"camera": {"replaceCost": 1}}}"#, "at least one period", path: "periods")
        expectOne(#"{"periods": ["A", "a"], "kinds": {"camera": {"replaceCost": 1}}}"#, #"period "a" is listed twice"#, path: "periods[1]")
        expectOne(#"{"kinds": {"camera": {"replaceCost": 1}}}"#, #"missing required key "periods""#)
    }

    @Test func kindWithoutReplaceCost() {
        expectOne(scenarioJSON(kinds: #""camera": {"risk": 2}"#), #"kind "camera" has no replaceCost"#, path: "kinds.camera", line: 3)
    }

    @Test func namesFoldingToTheSameName() {
        expectOne(scenarioJSON(budgets: #""Glasgow": [1, 1], "glasgow": [2, 2]"#),
                  #""glasgow" and "Glasgow" in budgets name the same thing"#, path: "budgets.glasgow")
        expectOne(scenarioJSON(kinds: #""camera": {"replaceCost": 1}, "Camera ": {"replaceCost": 2}"#), "in kinds name the same thing")
        expectOne(scenarioJSON(#""vendors": {"Hik Vision": 1, "hikvision": 1}"#), "in vendors name the same thing")
        expectOne(scenarioJSON(#""siteVisitCost": {"School": 1, "school": 1}"#), "in siteVisitCost name the same thing")
        expectOne(scenarioJSON(#""sensitivity": {"High": 1, "high": 1}"#), "in sensitivity name the same thing")
        expectOne(scenarioJSON(#""labourHours": {"Fife": [1, 1], "FIFE": [1, 1]}"#), "in labourHours name the same thing")
    }

    @Test func deadlineRules() {
        expectOne(scenarioJSON(#""deadlines": [{"kind": "drone", "by": "P1"}]"#), #"unknown kind "drone""#, path: "deadlines[0].kind")
        expectOne(scenarioJSON(#""deadlines": [{"sensitivity": "secret", "by": "P1"}]"#), #"unknown sensitivity level "secret""#)
        expectOne(scenarioJSON(#""deadlines": [{"by": "2031/32"}]"#), #"unknown period "2031/32""#, path: "deadlines[0].by")
        expectOne(scenarioJSON(#""deadlines": [{"kind": "camera"}]"#), #"deadline rule has no "by" or "isolatedBy" period"#)
        expectOne(scenarioJSON(#""deadlines": [{"isolatedBy": "P9"}]"#), #"unknown period "P9""#, path: "deadlines[0].isolatedBy")
    }

    @Test func objective() throws {
        expectOne(scenarioJSON(#""objective": "speed""#), #"objective must be "exposure" or "cost", not "speed""#)
        expectOne(scenarioJSON(#""objective": 1"#), "objective must be a string")
    }

    @Test func wrongTypes() {
        expectOne(scenarioJSON(kinds: #""camera": {"replaceCost": 1, "replacedFirst": "yes"}"#), "replacedFirst must be true or false")
        expectOne("[1, 2]", "the scenario must be an object")
    }

    @Test func syntaxErrorsHavePositions() {
        let errors = scenarioErrors("{\n  \"periods\": [\"P1\",],\n  \"kinds\": {}\n}")
        #expect(errors.count == 1)
        #expect(errors[0].line == 2 && errors[0].column == 20)
        #expect(errors[0].description.hasPrefix("s.json:2:20: "))
    }

    @Test func collectsSeveralProblems() {
        let errors = scenarioErrors(scenarioJSON(#""carryOver": 2, "inflation": -3, "extra": 1"#))
        #expect(errors.count == 3)
    }

    // MARK: SPEC v2

    @Test func treatments() throws {
        let s = try ScenarioReader.parse(scenarioJSON(kinds: #"""
            "camera": {"replaceCost": 850, "isolate": {"cost": 60, "labourHours": 0.5, "residualRisk": 0.25},
                       "remove": {"cost": 90, "labourHours": 1}},
            "recorder": {"replaceCost": 3000, "isolate": {"cost": 150, "residualRisk": 0}, "remove": {"cost": 0}},
            "sign": {"replaceCost": 10}
            """#), fileName: "s.json")
        #expect(s.kind(named: "camera")?.isolate == Kind.Isolation(cost: 60, labourHours: 0.5, residualRisk: 0.25))
        #expect(s.kind(named: "camera")?.remove == Kind.Removal(cost: 90, labourHours: 1))
        #expect(s.kind(named: "recorder")?.isolate == Kind.Isolation(cost: 150, labourHours: 0, residualRisk: 0))
        #expect(s.kind(named: "recorder")?.remove == Kind.Removal(cost: 0, labourHours: 0))
        #expect(s.kind(named: "sign")?.isolate == nil && s.kind(named: "sign")?.remove == nil)
    }

    @Test func treatmentErrors() {
        func kind(_ body: String) -> String { scenarioJSON(kinds: "\"camera\": {\"replaceCost\": 1, \(body)}") }
        expectOne(kind(#""isolate": {"residualRisk": 0.5}"#), "kinds.camera.isolate has no cost", path: "kinds.camera.isolate")
        expectOne(kind(#""isolate": {"cost": 5}"#), "kinds.camera.isolate has no residualRisk")
        expectOne(kind(#""remove": {"labourHours": 1}"#), "kinds.camera.remove has no cost", path: "kinds.camera.remove")
        expectOne(kind(#""isolate": {"cost": 5, "residualRisk": 0.5, "residual": 1}"#),
                  #"unknown key "residual" in kinds.camera.isolate"#, path: "kinds.camera.isolate.residual")
        expectOne(kind(#""remove": {"cost": 5, "risk": 1}"#), #"unknown key "risk" in kinds.camera.remove"#)
        expectOne(kind(#""isolate": {"cost": 5, "residualRisk": 1}"#), "kinds.camera.isolate.residualRisk must be less than 1",
                  path: "kinds.camera.isolate.residualRisk")
        expectOne(kind(#""isolate": {"cost": 5, "residualRisk": -0.1}"#), "kinds.camera.isolate.residualRisk must not be negative")
        expectOne(kind(#""isolate": {"cost": -5, "residualRisk": 0.1}"#), "kinds.camera.isolate.cost must not be negative")
        expectOne(kind(#""isolate": {"cost": 5, "labourHours": -1, "residualRisk": 0.1}"#), "kinds.camera.isolate.labourHours must not be negative")
        expectOne(kind(#""remove": {"cost": 1e999}"#), "kinds.camera.remove.cost is not a finite number")
        expectOne(kind(#""remove": {"cost": 2e12}"#), "kinds.camera.remove.cost must be at most")
        expectOne(kind(#""remove": {"cost": 0.001}"#), "must be 0 or at least 0.01")
        expectOne(kind(#""remove": {"cost": 1, "labourHours": 0.001}"#), "must be 0 or at least 0.01 hours")
        expectOne(kind(#""isolate": true"#), "kinds.camera.isolate must be an object")
        expectOne(kind(#""isolate": {"cost": 5, "residualRisk": "low"}"#), "residualRisk must be a number")
    }

    @Test func isolatedByRules() throws {
        let s = try ScenarioReader.parse(scenarioJSON(#"""
            "deadlines": [{"sensitivity": "critical", "isolatedBy": "p1", "by": "P2"}, {"kind": "camera", "isolatedBy": "P2"},
                          {"by": "P1"}]
            """#), fileName: "s.json")
        #expect(s.deadlines.map(\.by) == [1, nil, 0])
        #expect(s.deadlines.map(\.isolatedBy) == [0, 1, nil])
    }

    @Test func vendorAliases() throws {
        let s = try ScenarioReader.parse(scenarioJSON(#""vendorAliases": {"HKVision": "hikvision", "Hitachi": "Default", "DH (Dahua OEM)": "DAHUA"}"#),
                                         fileName: "s.json")
        #expect(s.vendorAliases == ["hkvision": "hikvision", "hitachi": "default", "dhdahuaoem": "dahua"])
        #expect(s.vendors.weight(for: "HK Vision") == 1)
        // A given table replaces the built-in one, for aliases too.
        expectOne(scenarioJSON(#""vendors": {"axis": 1}, "vendorAliases": {"HKVision": "hikvision"}"#),
                  #"vendorAliases maps "HKVision" to "hikvision", which is neither a key of the vendor table in force (axis) nor "default""#,
                  path: "vendorAliases.HKVision")
        expectOne(scenarioJSON(#""vendorAliases": {"HKVision": "hik"}"#), "neither a key of the vendor table in force")
        expectOne(scenarioJSON(#""vendorAliases": {"HK Vision": "hikvision", "hkvision": "default"}"#), "in vendorAliases name the same thing")
        expectOne(scenarioJSON(#""vendorAliases": {"--": "default"}"#), #"empty name "--" in vendorAliases"#)
        expectOne(scenarioJSON(#""vendorAliases": {"HKVision": 1}"#), "vendorAliases.HKVision must be a string")
        expectOne(scenarioJSON(#""vendorAliases": []"#), "vendorAliases must be an object")
    }

    @Test func syntaxErrorInOneKeyHidesNothingElse() {
        let json = """
        {
          "periods": ["P1", "P2"],
          "inflation": 0.0.3,
          "carryOver": 2,
          "kinds": { "camera": {"replaceCost": 100, "risk": 1 "labourHours": -1} },
          "budgets": { "default": [1000, 1000] }
        }
        """
        let errors = scenarioErrors(json)
        #expect(errors.map(\.line) == [3, 4, 5, 5], "\(errors)")
        #expect(errors[0].message == "expected ',' or '}'")
        #expect(errors[1].field == "carryOver")
        #expect(errors[2].message == "expected ',' or '}'")
        #expect(errors[3].field == "kinds.camera.labourHours")
    }

    @Test func truncatedFileReportsNoMissingKeys() {
        let errors = scenarioErrors(#"{"kinds": {"camera": {"replaceCost": 1}}, "carryOver": 3, "periods": ["#)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.field == "carryOver" })
        #expect(errors.contains { $0.message.contains("unexpected end of file") })
    }
}
