import Foundation
import Testing
@testable import Phaseout

@Suite("ReportWriter: report.html from a plan directory")
struct ReportWriterTests {
    @Test(arguments: [fixture1, fixture2, fixture3])
    func reportHoldsThePlansFigures(_ name: String) throws {
        let directory = try PlannedDirectory(try fixture(name))
        defer { directory.remove() }
        let html = try directory.report()
        let plan = directory.plan
        let estate = [("data-scope", "estate")]

        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(markedValue(html, estate + [("data-field", "exposure")]) == CSVText.number(plan.exposure))
        #expect(markedValue(html, estate + [("data-field", "baselineExposure")]) == CSVText.number(plan.baselineExposure))
        // summary.json holds money in pence (SPEC §3).
        #expect(markedValue(html, estate + [("data-field", "nominalCost")]) == CSVText.number(Rounding.pence(plan.nominalCost)))
        #expect(markedValue(html, estate + [("data-field", "presentValueCost")]) == CSVText.number(Rounding.pence(plan.presentValueCost)))
        #expect(markedValue(html, estate + [("data-field", "status")]) == plan.status.rawValue)
        #expect(markedValue(html, estate + [("data-field", "gap")]) == CSVText.number(plan.gap))
        let units = plan.rows.reduce(0) { $0 + $1.quantity }
        let replaced = plan.rows.filter { $0.period != nil }.reduce(0) { $0 + $1.quantity }
        #expect(markedValue(html, estate + [("data-field", "units")]) == String(units))
        #expect(markedValue(html, estate + [("data-field", "unitsReplaced")]) == String(replaced))

        for organisation in plan.organisations {
            let scope = [("data-org", organisation.name)]
            #expect(markedValue(html, scope + [("data-field", "status")]) == organisation.status.rawValue)
            #expect(markedValue(html, scope + [("data-field", "exposure")]) == CSVText.number(organisation.exposure))
            for figures in organisation.periods {
                let at = scope + [("data-period", figures.period)]
                #expect(markedValue(html, at + [("data-field", "budget")]) == CSVText.number(Rounding.pence(figures.budget)))
                #expect(markedValue(html, at + [("data-field", "spend")]) == CSVText.number(Rounding.pence(figures.spend)))
                #expect(markedValue(html, at + [("data-field", "carryIn")]) == CSVText.number(Rounding.pence(figures.carryIn)))
                #expect(markedValue(html, at + [("data-field", "carryOut")]) == CSVText.number(Rounding.pence(figures.carryOut)))
                #expect(markedValue(html, at + [("data-field", "units")]) == String(figures.units))
                // The chart's bars carry the same numbers.
                #expect(markedValue(html, at + [("data-series", "spend")]) == CSVText.number(Rounding.pence(figures.spend)))
                #expect(markedValue(html, at + [("data-series", "budget")]) == CSVText.number(Rounding.pence(figures.budget)))
                #expect(markedValue(html, at + [("data-series", "carry")]) == CSVText.number(Rounding.pence(figures.carryIn)))
            }
            if let shortfall = organisation.shortfall {
                for (t, period) in plan.periods.enumerated() {
                    let at = scope + [("data-period", period)]
                    #expect(markedValue(html, at + [("data-field", "shortfallMoney")]) == String(shortfall.money[t]))
                    #expect(markedValue(html, at + [("data-field", "shortfallHours")]) == String(shortfall.hours[t]))
                }
                #expect(markedValue(html, scope + [("data-field", "shortfallMoneyTotal")]) == String(shortfall.totalMoney))
            }
        }
        // Estate totals per period and the burn-down.
        var left = units
        #expect(markedValue(html, estate + [("data-period", "start"), ("data-series", "remaining")]) == String(units))
        for (t, period) in plan.periods.enumerated() {
            let spend = plan.organisations.reduce(0) { $0 + $1.periods[t].spend }
            #expect(markedValue(html, estate + [("data-period", period), ("data-field", "spend")]) == CSVText.number(spend))
            left -= plan.rows.filter { $0.period == t }.reduce(0) { $0 + $1.quantity }
            #expect(markedValue(html, estate + [("data-period", period), ("data-field", "unitsRemaining")]) == String(left))
            #expect(markedValue(html, estate + [("data-period", period), ("data-series", "remaining")]) == String(left))
        }
        // The charts are inline SVG: one spend chart for the estate and one per organisation, one burn-down.
        #expect(html.components(separatedBy: "<svg class=\"chart spend\"").count - 1 == 1 + plan.organisations.count)
        #expect(html.components(separatedBy: "<svg class=\"chart burn-down\"").count - 1 == 1)
        #expect(html.contains("<path class=\"line remaining\""))
        // Self-contained: nothing fetched from elsewhere.
        #expect(!html.contains("<script"))
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
        #expect(html.contains("@media print"))
    }

    @Test func fixtureOneShowsTheWorkedExample() throws {
        let directory = try PlannedDirectory(try fixture(fixture1))
        defer { directory.remove() }
        let html = try directory.report()
        #expect(html.contains(#"<td class="num" data-org="Fife" data-period="2027/28" data-field="spend" data-value="1650">£1,650</td>"#))
        #expect(html.contains(#"data-org="Fife" data-period="2027/28" data-field="carryOut" data-value="225">£225</td>"#))
        #expect(markedValue(html, [("data-scope", "estate"), ("data-field", "exposure")]) == "22")
        #expect(markedValue(html, [("data-scope", "estate"), ("data-field", "presentValueCost")]) == "2800.95")
        #expect(markedValue(html, [("data-org", "Fife"), ("data-kind", "camera"), ("data-period", "2028/29"), ("data-field", "units")]) == "1")
        #expect(markedValue(html, [("data-org", "Fife"), ("data-kind", "camera"), ("data-field", "unitsNotReplaced")]) == "2")
        #expect(markedValue(html, [("data-org", "Fife"), ("data-period", "2027/28"), ("data-field", "visitSpend")]) == "550")
        #expect(markedValue(html, [("data-org", "Fife"), ("data-field", "deadlinesMet")]) == "none")
        #expect(!html.contains("id=\"shortfalls\""))
    }

    @Test func fixtureThreeShowsTheShortfallAndTheFundedPlan() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        let html = try directory.report()
        #expect(html.contains("id=\"shortfalls\""))
        #expect(markedValue(html, [("data-org", "Orkney"), ("data-field", "deadlinesMet")]) == "no")
        #expect(markedValue(html, [("data-org", "Shetland"), ("data-field", "deadlinesMet")]) == "none")
        #expect(markedValue(html, [("data-org", "Orkney"), ("data-field", "structuralReason")]) == "no")
        #expect(markedValue(html, [("data-scope", "estate"), ("data-field", "fundedUnitsReplaced")]) == "4")
        #expect(html.contains("<path class=\"line funded\""))
    }

    @Test func councilAndKindNamesAreEscaped() throws {
        let name = #"Perth & Kinross <b>"x"</b> 'y'"#
        let estate = try renamedFixture(fixture1, replacing: "Fife", with: name)
        let directory = try PlannedDirectory(estate)
        defer { directory.remove() }
        let html = try directory.report()
        let escaped = "Perth &amp; Kinross &lt;b&gt;&quot;x&quot;&lt;/b&gt; &#39;y&#39;"
        #expect(html.contains(escaped))
        #expect(html.contains("data-org=\"\(escaped)\" data-period=\"2027/28\" data-field=\"spend\" data-value=\"1650\""))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("Perth & Kinross"))
    }

    @Test func writingLeavesNoTemporaryFiles() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        _ = try directory.report()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(names.contains(ReportWriter.fileName))
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }

    @Test func missingOrMalformedInputsAreReportedByFile() throws {
        let directory = try PlannedDirectory(try fixture(fixture1))
        defer { directory.remove() }
        try "{\"status\": \"optimal\"}".write(to: directory.url.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
        #expect { try ReportWriter().write(planDirectory: directory.url) } throws: { error in
            let error = error as? ReportError
            return error?.path.hasSuffix("summary.json") == true && error?.message.contains("missing") == true
        }
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("summary.json"))
        #expect { try ReportWriter().write(planDirectory: directory.url) } throws: { error in
            (error as? ReportError)?.message == "no such file"
        }
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(ReportWriter.fileName).path))
    }

    @Test func planLinesWithAnUnknownPeriodAreRejected() throws {
        let directory = try PlannedDirectory(try fixture(fixture1))
        defer { directory.remove() }
        let planURL = directory.url.appendingPathComponent("plan.csv")
        let text = try String(contentsOf: planURL, encoding: .utf8).replacingOccurrences(of: "2027/28", with: "2099/00")
        try text.write(to: planURL, atomically: true, encoding: .utf8)
        #expect { try ReportWriter().write(planDirectory: directory.url) } throws: { error in
            (error as? ReportError)?.message.contains("period \"2099/00\"") == true
        }
    }
}

@Suite("HTMLText: escaping and numbers")
struct HTMLTextTests {
    @Test func escapesMarkupAndQuotes() {
        #expect(HTMLText.escape(#"Perth & Kinross <"x"> 'y'"#) == "Perth &amp; Kinross &lt;&quot;x&quot;&gt; &#39;y&#39;")
    }

    @Test(arguments: [(1650.0, "£1,650"), (832.32, "£832.32"), (0.5, "£0.50"), (1234567.891, "£1,234,567.89"), (-5, "−£5"), (0, "£0")])
    func money(_ value: Double, _ text: String) {
        #expect(HTMLText.money(value) == text)
    }

    @Test(arguments: [(950.0, "£950"), (1500.0, "£1.5k"), (2_400_000.0, "£2.4m"), (250_000.0, "£250k")])
    func compactMoney(_ value: Double, _ text: String) {
        #expect(HTMLText.compactMoney(value) == text)
    }
}
