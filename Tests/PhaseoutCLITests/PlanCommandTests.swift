import Foundation
import Testing

@Suite("phaseout plan")
struct PlanCommandTests {
    @Test func plansFixtureOneAndWritesEveryFile() throws {
        let inputs = fixture("1_exposure_inflation_carry_visit")
        let out = temporaryPath("plan")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", out, "--progress"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("planned 1/1: Fife optimal"))
        #expect(run.stderr.contains("optimal: exposure 22.0000 of 30.0000 risk-years"))
        let plan = try String(contentsOfFile: out + "/plan.csv", encoding: .utf8)
        #expect(plan.hasPrefix("device_id,council,site_id,kind,vendor,period,treatment,quantity,cost,sensitivity,site_category,installed,by,isolatedBy\n"))
        #expect(plan.contains("A1,Fife,S1,camera,Hikvision,2027/28,replace,1,1100,high,town-centre,2012,,\n"))
        #expect(plan.contains("A2,Fife,S1,camera,HIKVISION,2028/29,replace,1,1210,high,town-centre,2015,,\n"))
        #expect(plan.contains("B1,Fife,S2,camera,Hik Vision,,,1,0,standard,default,2014,,\n"))
        #expect(!plan.contains("B3"))
        let visits = try String(contentsOfFile: out + "/visits.csv", encoding: .utf8)
        #expect(visits == "council,site_id,period,cost\nFife,S1,2027/28,550\nFife,S1,2028/29,605\n")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        #expect(summary["status"] as? String == "optimal")
        #expect(summary["exposure"] as? Double == 22)
        #expect(summary["gap"] as? Double == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/funded-plan.csv"))
        // Nothing temporary is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["plan.csv", "summary.json", "visits.csv"])
    }

    @Test func whatIfAddsReplansToSummaryAndReport() throws {
        let inputs = fixture("1_exposure_inflation_carry_visit")
        let out = temporaryPath("plan")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", out, "--quiet",
                                   "--what-if", "1000", "--what-if-time-limit", "10", "--report"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let periods = (summary["organisations"] as! [[String: Any]])[0]["periods"] as! [[String: Any]]
        #expect(periods.map { ($0["whatIf"] as? [String: Any])?["exposureRemoved"] as? Double } == [8.5, 4.5, 0.5])
        #expect(periods[1]["shadowPricePer1000"] as? Double == 5)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(report.contains("What more money buys, Fife"))
        let bad = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", out, "--what-if", "0"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--what-if must be a positive amount"))
    }

    @Test func infeasibleFixtureExitsThreeWithShortfallAndFundedPlan() throws {
        let inputs = fixture("3_infeasible_shortfall")
        let out = temporaryPath("plan")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", out, "--quiet"])
        #expect(run.status == 3)
        #expect(run.stderr.isEmpty)
        let funded = try String(contentsOfFile: out + "/funded-plan.csv", encoding: .utf8)
        #expect(funded.contains("O1,Orkney,K1,camera,Hikvision,2026/27,replace,1,850,"))
        #expect(funded.contains("O3,Orkney,K2,camera,Hikvision,2027/28,replace,1,881.45,"))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let shortfalls = summary["shortfalls"] as! [[String: Any]]
        #expect(shortfalls.count == 1)
        #expect(shortfalls[0]["organisation"] as? String == "Orkney")
        #expect(shortfalls[0]["money"] as? [Int] == [0, 488])
        #expect(shortfalls[0]["hours"] as? [Int] == [0, 1])
    }

    @Test func replanningAFeasibleScenarioRemovesAStaleFundedPlan() throws {
        let out = temporaryPath("plan")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let infeasible = fixture("3_infeasible_shortfall")
        _ = try runPhaseout(["plan", infeasible.register, infeasible.scenario, "--out", out, "--quiet"])
        #expect(FileManager.default.fileExists(atPath: out + "/funded-plan.csv"))
        let feasible = fixture("2_cost_recorders_first_deadline")
        let run = try runPhaseout(["plan", feasible.register, feasible.scenario, "--out", out, "--quiet"])
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/funded-plan.csv"))
    }

    @Test func badInputExitsTwoNamingFileLineAndColumn() throws {
        let directory = temporaryPath("bad")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let register = directory + "/register.csv"
        try "device_id,council,site_id,kind,vendor,quantity\nA1,Fife,S1,camera,Hikvision,two\n".write(toFile: register, atomically: true, encoding: .utf8)
        let scenario = fixture("1_exposure_inflation_carry_visit").scenario
        let run = try runPhaseout(["plan", register, scenario, "--out", directory + "/out"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: \(register):2:6:"))
        #expect(run.stderr.contains("quantity"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
    }

    /// Progress is for a terminal: piped stderr gets only the result line unless `--progress`.
    @Test func progressStaysQuietWhenStderrIsNotATerminal() throws {
        let inputs = fixture("2_cost_recorders_first_deadline")
        let out = temporaryPath("plan")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", out])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("planned 1/1"))
        #expect(run.stderr.contains("optimal: exposure 15.0000"))
    }

    @Test func badArgumentsAreRejected() throws {
        let inputs = fixture("1_exposure_inflation_carry_visit")
        let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", temporaryPath("x"), "--gap", "2"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--gap"))
    }
}
