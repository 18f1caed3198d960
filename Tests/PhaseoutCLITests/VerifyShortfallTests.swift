import Foundation
import Testing

/// `phaseout verify --shortfall`: the funded plan of fixture 3 is affordable with exactly the
/// shortfall `phaseout plan` reported (Orkney: £488 and 1 h in 2027/28), and not without it.
@Suite("verify --shortfall: the money asked for suffices")
struct VerifyShortfallTests {
    let inputs = fixture("3_infeasible_shortfall")

    private func planned() throws -> String {
        let out = temporaryPath("verify-shortfall")
        let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", out, "--quiet"])
        #expect(run.status == 3, "\(run.stderr)")
        return out
    }

    @Test func fundedPlanKeepsEveryRuleWithTheShortfall() throws {
        let out = try planned()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let funded = out + "/funded-plan.csv", summary = out + "/summary.json"
        let without = try runPhaseout(["verify", inputs.register, inputs.scenario, funded, "--quiet"])
        #expect(without.status == 1)
        #expect(without.stderr.contains("violation: Orkney 2027/28"))
        let with = try runPhaseout(["verify", inputs.register, inputs.scenario, funded, "--shortfall", summary, "--quiet"])
        #expect(with.status == 0, "\(with.stderr)")
    }

    @Test func aPoundLessIsNotEnough() throws {
        let out = try planned()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let summary = out + "/summary.json"
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.contains("488"))
        let less = out + "/less.json"
        try text.replacingOccurrences(of: "488", with: "487").write(toFile: less, atomically: true, encoding: .utf8)
        let run = try runPhaseout(["verify", inputs.register, inputs.scenario, out + "/funded-plan.csv", "--shortfall", less, "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("violation: Orkney 2027/28"))
    }

    @Test func aMalformedSummaryIsAnInputError() throws {
        let summary = temporaryPath("bad-summary") + ".json"
        try "{\n  \"shortfalls\": [ { \"organisation\": \"Orkney\", \"money\": [0, -5], \"hours\": [0, 1] } ]\n}\n"
            .write(toFile: summary, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: summary) }
        let plan = temporaryPath("plan") + ".csv"
        try "device_id,period,quantity\n".write(toFile: plan, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: plan) }
        let run = try runPhaseout(["verify", inputs.register, inputs.scenario, plan, "--shortfall", summary])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(summary):2:"))
        #expect(run.stderr.contains("shortfalls[0].money"))
    }
}
