import Foundation
import Testing
@testable import Phaseout

/// SPEC v2's inputs joined: treatments, `removable`, `isolatedBy`, near-misses and aliases, and
/// the problems of both files listed in one run.
@Suite struct EstateV2Tests {
    static let scenario = """
    {
      "periods": ["2026/27", "2027/28", "2028/29"],
      "kinds": {"camera": {"replaceCost": 100, "isolate": {"cost": 10, "residualRisk": 0.25}, "remove": {"cost": 20}},
                "recorder": {"replaceCost": 500, "risk": 4, "replacedFirst": true}},
      "budgets": {"Fife": [1000, 1000, 1000]}
    }
    """

    func build(_ csv: String, scenario: String = Self.scenario) throws -> Estate {
        try Estate.build(register: RegisterReader.parse(csv, fileName: "r.csv"),
                         scenario: ScenarioReader.parse(scenario, fileName: "s.json"))
    }

    func buildErrors(_ csv: String, scenario: String = Self.scenario) -> [Diagnostic] {
        do {
            _ = try build(csv, scenario: scenario)
            return []
        } catch let error as InputError {
            return error.errors
        } catch {
            return []
        }
    }

    @Test func fixtureFour() throws {
        let estate = try fixture("4_treatments_isolate_remove")
        #expect(estate.warnings.isEmpty)
        let groups = rowsBy(estate)
        let camera = try #require(estate.scenario.kind(named: "camera"))
        #expect(camera.isolate == Kind.Isolation(cost: 20, labourHours: 0.5, residualRisk: 0.25))
        #expect(camera.remove == Kind.Removal(cost: 30, labourHours: 1))
        let recorder = try #require(estate.scenario.kind(named: "recorder"))
        #expect(recorder.isolate == nil && recorder.remove == nil && recorder.replacedFirst)
        #expect(groups["D1"]?.removable == true)
        for id in ["K1", "L1", "R1", "C1"] { #expect(groups[id]?.removable == false, "\(id)") }
        #expect(groups["L1"]?.isolatedBy == 0 && groups["L1"]?.deadline == nil)
        for id in ["K1", "D1", "R1", "C1"] { #expect(groups[id]?.isolatedBy == nil && groups[id]?.deadline == nil, "\(id)") }
        #expect(groups["K1"]?.weight == 8 && groups["L1"]?.weight == 0.5 && groups["R1"]?.weight == 4)
        #expect(groups["R1"]?.isLeader == true && groups["C1"]?.isLeader == false)
        let a = try #require(estate.organisations.first?.sites.first { $0.id == "A" })
        #expect(a.visitCost == 100 && a.groups.count == 2)
    }

    @Test func fixtureFive() throws {
        let estate = try fixture("5_goal_least_budget")
        #expect(estate.warnings.isEmpty)
        #expect(estate.organisations.map(\.name) == ["Fife", "Orkney", "Shetland"])
        let deadlines = estate.organisations.map { $0.sites.flatMap(\.groups).map(\.deadline) }
        #expect(deadlines == [[1], [1], [nil]])
        #expect(estate.organisations.allSatisfy { $0.sites.flatMap(\.groups).allSatisfy { $0.isolatedBy == nil && !$0.removable } })
        #expect(estate.organisations[1].labourHours == [4, 6.5])
        #expect(estate.scenario.kind(named: "camera")?.isolate == nil)
    }

    @Test func fixturesOneToThreeHaveNoTreatments() throws {
        for name in ["1_exposure_inflation_carry_visit", "2_cost_recorders_first_deadline", "3_infeasible_shortfall"] {
            let estate = try fixture(name)
            let groups = estate.organisations.flatMap(\.sites).flatMap(\.groups)
            #expect(groups.allSatisfy { $0.isolatedBy == nil && !$0.removable }, "\(name)")
            #expect(estate.scenario.kinds.values.allSatisfy { $0.isolate == nil && $0.remove == nil }, "\(name)")
        }
    }

    @Test func groupsSplitByRemovable() throws {
        let estate = try build("""
        device_id,council,site_id,kind,vendor,removable,installed
        A,Fife,S1,camera,Hikvision,yes,2010
        B,Fife,S1,camera,Hikvision,no,2011
        C,Fife,S1,camera,Hikvision,,2012
        D,Fife,S1,camera,Hikvision,TRUE,2013
        """)
        let groups = estate.organisations[0].sites[0].groups
        #expect(groups.map(\.removable) == [false, true])
        #expect(groups.map { $0.units.map { estate.register.rows[$0.rowIndex].deviceID } } == [["B", "C"], ["A", "D"]])
    }

    @Test func removableKindWithoutRemove() {
        let errors = buildErrors("""
        device_id,council,site_id,kind,vendor,removable
        R1,Fife,S1,recorder,Hikvision,yes
        R2,Fife,S1,recorder,Axis,1
        R3,Fife,S1,recorder,Hikvision,no
        """)
        #expect(errors.count == 2)
        #expect(errors.first?.message == #"device "R1" is removable but kind "recorder" has no remove treatment in the scenario"#)
        #expect(errors.map(\.line) == [2, 3] && errors.allSatisfy { $0.column == 6 && $0.field == "removable" })
    }

    @Test func isolatedByIsTheEarliestMatchingRule() throws {
        let scenario = Self.scenario.replacingOccurrences(of: #""budgets""#, with: #"""
            "deadlines": [{"kind": "camera", "isolatedBy": "2028/29", "by": "2028/29"},
                          {"sensitivity": "critical", "isolatedBy": "2026/27"},
                          {"vendor": "hik", "isolatedBy": "2027/28"}],
            "budgets"
            """#)
        let estate = try build("""
        device_id,council,site_id,kind,vendor,sensitivity
        A,Fife,S1,camera,Hikvision,critical
        B,Fife,S2,camera,Hikvision,
        C,Fife,S2,recorder,Dahua,
        D,Fife,S2,camera,Axis,
        """, scenario: scenario)
        let groups = rowsBy(estate)
        #expect(groups["A"]?.isolatedBy == 0 && groups["A"]?.deadline == 2)
        #expect(groups["B"]?.isolatedBy == 1 && groups["B"]?.deadline == 2)
        #expect(groups["C"]?.isolatedBy == nil && groups["C"]?.deadline == nil)
        #expect(groups["D"] == nil)  // not at risk: deadlines ignore it
    }

    @Test func nearMissesAreErrors() {
        let errors = buildErrors("""
        device_id,council,site_id,kind,vendor
        A,Fife,S1,camera,Hikvison
        B,Fife,S1,camera,HKVision
        C,Fife,S1,camera,hikvison
        D,Fife,S1,camera,Hik vison
        E,Fife,S1,camera,DH (Dahua OEM)
        F,Fife,S1,camera,Axis
        G,Fife,S1,camera,Hikvision
        """)
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.map(\.line) == [2, 3, 6])
        #expect(errors.allSatisfy { $0.column == 5 && $0.field == "vendor" && $0.file == "r.csv" })
        #expect(errors[0].message.hasPrefix(#"vendor "Hikvison" resembles "hikvision" but falls to the default weight 0"#))
        #expect(errors[1].message.contains(#""HKVision" resembles "hikvision""#))
        #expect(errors[2].message.contains(#""DH (Dahua OEM)" resembles "dahua""#))
    }

    @Test func aliasesSettleNearMisses() throws {
        let scenario = Self.scenario.replacingOccurrences(of: #""budgets""#, with: #"""
            "vendorAliases": {"Hikvison": "hikvision", "DH (Dahua OEM)": "default"},
            "deadlines": [{"vendor": "hikv", "by": "2027/28"}],
            "budgets"
            """#)
        let estate = try build("""
        device_id,council,site_id,kind,vendor
        A,Fife,S1,camera,Hik-vison
        E,Fife,S1,camera,DH (Dahua OEM)
        """, scenario: scenario)
        let groups = rowsBy(estate)
        #expect(groups["A"]?.weight == 1 && groups["A"]?.deadline == 1)
        #expect(groups["E"] == nil && estate.notAtRiskUnits == 1)
        #expect(estate.warnings.map(\.message) == [#"vendor "DH (Dahua OEM)" fell to the default weight 0 (1 unit)"#])
    }

    /// SPEC §1.2: a malformed key does not hide the checks that need the other file.
    @Test func loadListsTheProblemsOfBothFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("estate-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = dir.appendingPathComponent("register.csv"), s = dir.appendingPathComponent("scenario.json")
        try """
        device_id,council,site_id,kind,vendor,locked_period,quantity
        D1,Fife,S1,drone,Hikvision,,
        D2,Perth,S1,camera,Hikvision,,
        D3,Fife,S1,camera,Hikvison,,
        D4,Fife,S1,camera,Axis,2031/32,
        D5,Fife,S1,camera,Axis,,-1
        """.write(to: r, atomically: true, encoding: .utf8)
        try """
        {
          "periods": ["2026/27", "2027/28"],
          "inflation": 0.0.3,
          "carryOver": 7,
          "kinds": {"camera": {"replaceCost": 100}},
          "budgets": {"Fife": [1000, 1000]}
        }
        """.write(to: s, atomically: true, encoding: .utf8)
        do {
            _ = try Estate.load(registerPath: r.path, scenarioPath: s.path)
            Issue.record("expected an error")
        } catch {
            let register = error.errors.filter { $0.file == r.path }.map { "\($0.line ?? 0): \($0.message)" }
            let scenario = error.errors.filter { $0.file == s.path }.map { "\($0.line ?? 0): \($0.message)" }
            #expect(register.count == 5, "\(register)")
            #expect(register.contains { $0.hasPrefix("6: quantity") })
            #expect(register.contains { $0.hasPrefix(#"2: unknown kind "drone""#) })
            #expect(register.contains { $0.hasPrefix(#"3: council "Perth" has units to replace but no budget"#) })
            #expect(register.contains { $0.hasPrefix(#"4: vendor "Hikvison" resembles"#) })
            #expect(register.contains { $0.hasPrefix(#"5: unknown locked_period "2031/32""#) })
            #expect(scenario.count == 2, "\(scenario)")
            #expect(scenario.first?.hasPrefix("3: expected ',' or '}'") == true)
        }
    }

    /// A check that needs a part of the scenario that could not be read is left out, not guessed.
    @Test func unreadablePartsHideOnlyTheirOwnChecks() throws {
        func errors(_ json: String, _ csv: String) throws -> [String] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("estate-v2-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = dir.appendingPathComponent("r.csv"), s = dir.appendingPathComponent("s.json")
            try csv.write(to: r, atomically: true, encoding: .utf8)
            try json.write(to: s, atomically: true, encoding: .utf8)
            do {
                _ = try Estate.load(registerPath: r.path, scenarioPath: s.path)
                return []
            } catch {
                return error.errors.filter { $0.file == r.path }.map(\.message)
            }
        }
        let csv = "device_id,council,site_id,kind,vendor,locked_period\nD1,Perth,S1,camera,Hikvision,\nD2,Fife,S1,recorder,Hikvision,2031/32\n"
        // The broken kind "recorder" is named: its rows are not unknown; "Perth" still has no budget.
        let brokenKind = try errors(#"{"periods": ["P1"], "kinds": {"camera": {"replaceCost": 1}, "recorder": {"replaceCost": -1}}, "budgets": {"Fife": [1]}}"#, csv)
        #expect(brokenKind.count == 2 && brokenKind.contains { $0.contains(#"council "Perth""#) }, "\(brokenKind)")
        #expect(brokenKind.contains { $0.contains("unknown locked_period") })
        // Budgets unreadable: no council is said to lack one.
        let brokenBudgets = try errors(#"{"periods": ["P1"], "kinds": {"camera": {"replaceCost": 1}, "recorder": {"replaceCost": 1}}, "budgets": {"Fife": [1], "Perth": [1, 2]}}"#, csv)
        #expect(!brokenBudgets.contains { $0.contains("no budget") }, "\(brokenBudgets)")
        // Periods unreadable: no locked period is unknown.
        let brokenPeriods = try errors(#"{"periods": ["P1", "p1"], "kinds": {"camera": {"replaceCost": 1}, "recorder": {"replaceCost": 1}}, "budgets": {"default": [1]}}"#, csv)
        #expect(brokenPeriods.isEmpty, "\(brokenPeriods)")
    }
}
