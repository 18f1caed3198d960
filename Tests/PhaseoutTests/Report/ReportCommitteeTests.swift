import Foundation
import Testing
@testable import Phaseout

/// The committee's parts of report.html that need no browser: goal.csv and frontier.csv when the
/// folder has them, the vendors of weight 0, money in whole pounds, and isolated units counted
/// as still in place.
@Suite("report.html for a committee")
struct ReportCommitteeTests {
    private func write(_ text: String, _ name: String, in directory: PlannedDirectory) throws {
        try text.write(to: directory.url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func aGoalFolderShowsTheLeastBudgetPerCouncil() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        let periods = directory.plan.periods
        let header = "council,status,scale,extra," + periods.map { "budget \($0)" }.joined(separator: ",") + ",reason"
        let budgets = periods.indices.map { String(1000 + $0) }.joined(separator: ",")
        let empty = String(repeating: ",", count: periods.count - 1)
        // Before any figure, the page says its plan is at the least budgets, not today's.
        #expect(try !directory.report().contains("id=\"goal-budgets\""))
        try write([header, "Fife,optimal,1.2345,812,\(budgets),", "Orkney,structural,,,\(empty),locks cannot be kept",
                   "total,,,812,\(budgets),"].joined(separator: "\n") + "\n", "goal.csv", in: directory)
        let html = try directory.report()
        let note = try #require(html.range(of: "id=\"goal-budgets\""))
        #expect(note.lowerBound < html.range(of: "id=\"headline\"")!.lowerBound)
        #expect(html.contains("<h2>The least budget that meets the deadlines</h2>"))
        #expect(markedValue(html, [("data-org", "Fife"), ("data-field", "goalScale")]) == "1.2345")
        #expect(markedValue(html, [("data-org", "Fife"), ("data-field", "goalExtra")]) == "812")
        #expect(markedValue(html, [("data-org", "Fife"), ("data-period", periods[0]), ("data-field", "goalBudget")]) == "1000")
        #expect(html.contains(">×1.2345</td>"))
        #expect(html.contains("locks cannot be kept"))
        #expect(markedValue(html, [("data-scope", "estate"), ("data-field", "goalExtra")]) == "812")
    }

    @Test func aFrontierFolderShowsRiskAgainstMoney() throws {
        let directory = try PlannedDirectory(try fixture(fixture1))
        defer { directory.remove() }
        try write("""
            scale,council,budget,exposure,bound,nominalCost,presentValueCost,units,isolated,lateRiskYears,status
            1.5,all,15000,3.5,3.5,14000,13000,4,0,0,optimal
            0.5,all,5000,12.25,12,4800,4700,1,0,0,optimal
            0.5,Fife,5000,12.25,12,4800,4700,1,0,0,optimal
            1,all,10000,7,7,9000,8800,3,1,0,feasible

            """, "frontier.csv", in: directory)
        let html = try directory.report()
        #expect(html.contains("<svg class=\"frontier-chart\""))
        #expect(html.contains(#"data-scale="0.5" data-exposure="12.25""#))
        // Ordered by scale, the council rows left out of the estate's curve.
        let order = ["0.5", "1", "1.5"].compactMap { html.range(of: "data-scale=\"\($0)\" data-field=\"frontierExposure\"")?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        #expect(markedValue(html, [("data-scope", "estate"), ("data-scale", "0.5"), ("data-field", "frontierExposure")]) == "12.25")
        #expect(markedValue(html, [("data-scope", "estate"), ("data-scale", "1"), ("data-field", "frontierIsolated")]) == "1")
    }

    @Test func aFrontierFolderIsExplainedThroughItsPlanNearestTodaysBudgets() throws {
        let plans = try PlannedDirectory(try fixture(fixture1))
        defer { plans.remove() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontier-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for scale in ["0.5", "1", "2"] {
            try FileManager.default.copyItem(at: plans.url, to: folder.appendingPathComponent("scale-\(scale)"))
        }
        try "scale,council,budget,exposure,bound,nominalCost,presentValueCost,units,isolated,lateRiskYears,status\n1,all,10,7,7,9,8,3,0,0,optimal\n"
            .write(to: folder.appendingPathComponent("frontier.csv"), atomically: true, encoding: .utf8)
        let input = try ReportInput.load(from: folder)
        #expect(input.planFolder == "scale-1")
        let html = try String(contentsOf: try ReportWriter().write(planDirectory: folder), encoding: .utf8)
        #expect(html.contains("the plan in <code>scale-1/</code>"))
        #expect(markedValue(html, [("data-scope", "estate"), ("data-field", "exposure")]) == CSVText.number(plans.plan.exposure))
    }

    @Test(arguments: [("goal.csv", "council,status,scale,extra,reason\nFife,optimal,1,0,\n", "line 1: no \"budget "),
                      ("frontier.csv", "scale,council,budget,exposure,nominalCost,units,isolated,status\nx,all,1,1,1,1,0,optimal\n",
                       "line 2: scale \"x\" is not a number")])
    func aMalformedRunFileIsAnErrorNamingTheLine(_ name: String, _ text: String, _ message: String) throws {
        let directory = try PlannedDirectory(try fixture(fixture1))
        defer { directory.remove() }
        try write(text, name, in: directory)
        #expect {
            try ReportWriter().write(planDirectory: directory.url)
        } throws: { error in
            guard let error = error as? ReportError else { return false }
            return error.path.hasSuffix(name) && error.message.hasPrefix(message)
        }
    }

    @Test func theVendorsOfWeightZeroAreListedMostUnitsFirst() throws {
        let directory = try PlannedDirectory(try fixture(fixture1))
        defer { directory.remove() }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.url.appendingPathComponent("summary.json"))) as? [String: Any]
        let vendors = try #require(summary?["unratedVendors"] as? [[String: Any]])
        #expect(vendors.map { $0["vendor"] as? String } == ["Axis"])
        let html = try directory.report()
        #expect(html.contains("<h2>Vendors treated as not high-risk</h2>"))
        #expect(markedValue(html, [("data-scope", "estate"), ("data-vendor", "Axis"), ("data-field", "unratedUnits")]) == "1")
    }

    @Test(arguments: [(5_422_589.68, "£5,422,590"), (832.32, "£832"), (0.4, "£0"), (-1234.5, "−£1,235"), (999.5, "£1,000")])
    func moneyIsWholePoundsWithSeparators(_ value: Double, _ text: String) {
        #expect(MoneyText.pounds(value) == text)
    }

    @Test func aUnitIsolatedAndNeverGoneIsStillInPlaceAndLate() {
        func line(_ device: String, _ period: Int?, _ treatment: Treatment?, by: Int? = 0) -> ReportInput.PlanLine {
            ReportInput.PlanLine(council: "Fife", kind: "camera", period: period, quantity: 1, cost: 10, deadline: by,
                                 treatment: treatment, deviceID: device)
        }
        let tally = PlanTally([line("A", 0, .isolate), line("A", 1, .replace), line("B", 0, .isolate), line("C", nil, nil)],
                              periodCount: 2)
        #expect(tally.total == 3)
        #expect(tally.replacedTotal == 1)
        #expect(tally.notReplaced == 2)
        #expect(tally.remaining == [3, 3, 2])
        #expect(tally.lateUnits == 3)
        #expect(tally.isolated == 2)
    }
}
