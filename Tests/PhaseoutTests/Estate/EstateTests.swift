import Foundation
import Testing
@testable import Phaseout

@Suite struct EstateTests {
    @Test func fixtureOne() throws {
        let estate = try fixture("1_exposure_inflation_carry_visit")
        let groups = rowsBy(estate)
        #expect(groups["A1"]?.weight == 4 && groups["A2"]?.weight == 4)
        #expect(groups["B1"]?.weight == 1 && groups["B2"]?.weight == 1)
        #expect(groups["B3"] == nil)
        #expect(estate.notAtRiskUnits == 1)
        #expect(estate.warnings.count == 1)
        let warning = try #require(estate.warnings.first)
        #expect(warning.message == #"vendor "Axis" fell to the default weight 0 (1 unit)"#)
        #expect(warning.severity == .warning && warning.line == 6 && warning.column == 5)
        let fife = try #require(estate.organisations.first)
        #expect(fife.name == "Fife" && fife.budget == [1200, 1500, 1800] && fife.labourHours == nil)
        #expect(fife.sites.map(\.id) == ["S1", "S2"])
        #expect(fife.sites[0].visitCost == 500 && fife.sites[0].category == "town-centre")
        #expect(fife.sites[1].visitCost == 0 && fife.sites[1].sensitivity == "standard")
        // A1 and A2 share a group (vendor folds case), oldest first.
        let s1 = fife.sites[0].groups
        #expect(s1.count == 1 && s1[0].count == 2 && s1[0].vendor == "Hikvision")
        #expect(s1[0].units.map { estate.register.rows[$0.rowIndex].deviceID } == ["A1", "A2"])
        // "Hik Vision" and "Hikvision Digital…" are distinct vendors, hence groups.
        #expect(fife.sites[1].groups.count == 2)
        #expect(s1[0].unitCost == 1000 && s1[0].labourHours == 2 && !s1[0].isLeader && s1[0].deadline == nil)
        #expect(abs(estate.scenario.costFactor(period: 2) - 1.21) < 1e-12)
    }

    @Test func fixtureTwo() throws {
        let estate = try fixture("2_cost_recorders_first_deadline")
        let groups = rowsBy(estate)
        let r1 = try #require(groups["R1"])
        #expect(r1.weight == 4 && r1.isLeader && r1.deadline == nil && r1.unitCost == 3000)
        let k1 = try #require(groups["K1"])
        #expect(k1.weight == 8 && k1.deadline == 0 && !k1.isLeader)
        let x1 = try #require(groups["X1"])
        #expect(x1.weight == 0 && x1.lockedPeriod == 1 && x1.deadline == nil && x1.isContractedWorks)
        let c1 = try #require(groups["C1"])
        #expect(c1.weight == 1 && !c1.isLeader && c1.units.map { estate.register.rows[$0.rowIndex].deviceID } == ["C1", "C2"])
        #expect(estate.notAtRiskUnits == 0)
        #expect(estate.summary.contractedUnits == 1 && estate.summary.atRiskUnits == 4)
        let m2 = try #require(estate.organisations.first?.sites.first { $0.id == "M2" })
        #expect(m2.sensitivity == "critical" && m2.groups.count == 2)
        #expect(estate.warnings.map(\.message) == [#"vendor "Axis" fell to the default weight 0 (1 unit)"#])
    }

    @Test func fixtureThree() throws {
        let estate = try fixture("3_infeasible_shortfall")
        #expect(estate.organisations.map(\.name) == ["Orkney", "Shetland"])
        let orkney = estate.organisations[0]
        #expect(orkney.labourHours == [4, 6.5] && orkney.budget == [1000, 1200])
        #expect(orkney.sites.flatMap(\.groups).allSatisfy { $0.deadline == 1 && $0.weight == 1 })
        let shetland = estate.organisations[1]
        #expect(shetland.labourHours == nil && shetland.sites.flatMap(\.groups).allSatisfy { $0.deadline == nil })
        #expect(estate.warnings.isEmpty)
    }

    static let scenario = """
    {
      "periods": ["2026/27", "2027/28", "2028/29"],
      "vendors": {"hikvision": 1, "dahua": 2},
      "kinds": {"Camera": {"replaceCost": 100, "labourHours": 1},
                "recorder": {"replaceCost": 500, "risk": 4, "replacedFirst": true}},
      "budgets": {"Fife": [1000, 1000, 1000]},
      "deadlines": [{"kind": "camera", "by": "2028/29"}, {"vendor": "Dahua", "by": "2027/28"},
                    {"council": "Nowhere", "by": "2026/27"}, {"vendor": "Bosch", "by": "2026/27"},
                    {"site_category": "airport", "by": "2026/27"}]
    }
    """

    func build(_ csv: String, scenario: String = Self.scenario) throws -> Estate {
        try Estate.build(register: RegisterReader.parse(csv, fileName: "r.csv"),
                         scenario: ScenarioReader.parse(scenario, fileName: "s.json"))
    }

    func buildErrors(_ csv: String) -> [Diagnostic] {
        do {
            _ = try build(csv)
            return []
        } catch let error as InputError {
            return error.diagnostics
        } catch {
            return []
        }
    }

    @Test func groupingAndUnitOrder() throws {
        let csv = """
        device_id,council,site_id,kind,vendor,installed,quantity,locked_period
        z9,Fife,S1,camera,Hikvision,,1,
        b2,Fife,S1,camera,hikvision ,2015,2,
        a1,FIFE,S1,CAMERA,HIKVISION,2015,1,
        c3,Fife,S1,camera,Hikvision,2010,1,
        Z0,Fife,S1,camera,Hikvision,,1,
        L1,Fife,S1,camera,Hikvision,2001,1,2027/28
        d4,Fife,S1,camera,Dahua,2001,1,
        e5,Fife,S0,camera,Hikvision,2001,1,
        """
        let estate = try build(csv)
        let fife = try #require(estate.organisations.first)
        #expect(estate.organisations.count == 1 && fife.name == "Fife")
        #expect(fife.sites.map(\.id) == ["S0", "S1"])
        let s1 = fife.sites[1].groups
        #expect(s1.count == 3)
        let ids = s1.map { $0.units.map { estate.register.rows[$0.rowIndex].deviceID } }
        #expect(ids == [["d4"], ["c3", "a1", "b2", "Z0", "z9"], ["L1"]])
        #expect(s1[1].count == 6 && s1[1].units.map(\.quantity) == [1, 1, 2, 1, 1])
        #expect(s1[1].kind == "Camera" && s1[1].vendor == "Hikvision")
        #expect(s1[0].weight == 2 && s1[0].deadline == 1)     // dahua rule (by 2027/28) beats camera rule
        #expect(s1[1].deadline == 2 && s1[1].lockedPeriod == nil)
        #expect(s1[2].lockedPeriod == 1 && s1[2].weight == 1)
    }

    @Test func deadlineNameWarnings() throws {
        let estate = try build("device_id,council,site_id,kind,vendor\nD1,Fife,S1,camera,Hikvision\nD2,Fife,S1,camera,Dahua Tech\n")
        let messages = estate.warnings.map(\.message)
        #expect(messages.contains { $0.contains(#"council "Nowhere""#) })
        #expect(messages.contains { $0.contains(#"vendor "Bosch""#) })
        #expect(messages.contains { $0.contains(#"site_category "airport""#) })
        #expect(!messages.contains { $0.contains("Dahua") })
        #expect(estate.warnings.allSatisfy { $0.file == "s.json" && $0.line != nil })
    }

    @Test func leaderBlockWarning() throws {
        var csv = "device_id,council,site_id,kind,vendor\n"
        csv += "R1,Fife,S1,recorder,Hikvision\nR2,Fife,S1,recorder,Hikvision\nR3,Fife,S1,recorder,Hikvision\n"
        csv += "R4,Fife,S2,recorder,Hikvision\nR5,Fife,S3,recorder,Axis\nR6,Fife,S3,recorder,Axis\nR7,Fife,S3,recorder,Axis\n"
        let estate = try build(csv)
        let leaderWarnings = estate.warnings.filter { $0.message.contains("can never start") }
        #expect(leaderWarnings.count == 1)
        #expect(leaderWarnings.first?.message.contains(#"site "S1" of Fife"#) == true)
        #expect(leaderWarnings.first?.line == 2)
        // Not-at-risk leaders gate nothing.
        let s3 = estate.organisations[0].sites.first { $0.id == "S3" }
        #expect(s3 == nil)
    }

    @Test func leaderBlockWithCarryOverFits() throws {
        let scenario = Self.scenario.replacingOccurrences(of: #""budgets""#, with: #""carryOver": 1, "budgets""#)
        let csv = "device_id,council,site_id,kind,vendor\nR1,Fife,S1,recorder,Hikvision\nR2,Fife,S1,recorder,Hikvision\nR3,Fife,S1,recorder,Hikvision\n"
        let estate = try build(csv, scenario: scenario)
        #expect(!estate.warnings.contains { $0.message.contains("can never start") })
    }

    @Test func unknownKind() {
        let errors = buildErrors("device_id,council,site_id,kind,vendor\nD1,Fife,S1,drone,Hikvision\n")
        #expect(errors.count == 1 && errors[0].message.contains(#"unknown kind "drone""#))
        #expect(errors[0].line == 2 && errors[0].column == 4 && errors[0].file == "r.csv")
    }

    @Test func unknownSensitivity() {
        let errors = buildErrors("device_id,council,site_id,kind,vendor,sensitivity\nD1,Fife,S1,camera,Hikvision,secret\n")
        #expect(errors.count == 1 && errors[0].message.contains(#"unknown sensitivity level "secret""#))
        #expect(errors[0].line == 2 && errors[0].column == 6)
    }

    @Test func unknownLockedPeriod() {
        let errors = buildErrors("device_id,council,site_id,kind,vendor,locked_period\nD1,Fife,S1,camera,Axis,2031/32\n")
        #expect(errors.count == 1 && errors[0].message.contains(#"unknown locked_period "2031/32""#))
        #expect(errors[0].line == 2 && errors[0].column == 6)
    }

    @Test func organisationWithoutBudget() {
        let csv = """
        device_id,council,site_id,kind,vendor,locked_period
        D1,Fife,S1,camera,Hikvision,
        D2,Perth,S1,camera,Hikvision,
        D3,Moray,S1,camera,Axis,2026/27
        D4,Angus,S1,camera,Axis,
        """
        let errors = buildErrors(csv)
        #expect(errors.count == 2)
        #expect(errors[0].message.contains(#"council "Perth" has units to replace but no budget"#) && errors[0].line == 3)
        #expect(errors[1].message.contains(#"council "Moray""#) && errors[1].line == 4 && errors[1].column == 2)
    }

    @Test func defaultBudgetIsACopy() throws {
        let scenario = Self.scenario.replacingOccurrences(of: #""Fife": [1000, 1000, 1000]"#, with: #""default": [5, 6, 7]"#)
        let estate = try build("device_id,council,site_id,kind,vendor\nD1,Fife,S1,camera,Hikvision\nD2,Perth,S1,camera,Hikvision\n", scenario: scenario)
        #expect(estate.organisations.map(\.budget) == [[5, 6, 7], [5, 6, 7]])
    }

    @Test func loadReportsBothFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("estate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = dir.appendingPathComponent("register.csv"), s = dir.appendingPathComponent("scenario.json")
        try "device_id,council\n".write(to: r, atomically: true, encoding: .utf8)
        try #"{"periods": ["A"], "kinds": {}, "bogus": 1}"#.write(to: s, atomically: true, encoding: .utf8)
        do {
            _ = try Estate.load(registerPath: r.path, scenarioPath: s.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.contains { $0.file == r.path && $0.message.contains("site_id") })
            #expect(error.diagnostics.contains { $0.file == s.path && $0.message.contains("bogus") })
        }
    }

    @Test func diagnosticDescription() {
        #expect(Diagnostic(.error, file: "f", line: 3, column: 4, message: "m").description == "f:3:4: m")
        #expect(Diagnostic(.error, file: "f", line: 3, message: "m").description == "f:3: m")
        #expect(Diagnostic(.error, file: "f", message: "m").description == "f: m")
        #expect(Diagnostic(.warning, message: "m").description == "m")
    }
}
