import Foundation
import Testing
@testable import Phaseout
import TestSupport

@Suite("report.html in a headless browser", .enabled(if: Chromium.path != nil, "chromium is not on PATH: apt-get install -y chromium"))
struct ReportBrowserTests {
    @Test func theBrowserRendersChartsAndTablesWithThePlansNumbers() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        _ = try directory.report()
        let page = directory.url.appendingPathComponent(ReportWriter.fileName)
        guard let dom = try Chromium.run(["--dump-dom", page.absoluteString]) else {
            Issue.record("chromium did not finish within the time allowed")
            return
        }
        // The browser parsed the page into charts and tables (the DOM, not the file's text).
        #expect(dom.contains("<svg class=\"chart spend\""))
        #expect(dom.contains("<svg class=\"chart burn-down\""))
        #expect(dom.contains("<rect class=\"spend\""))
        #expect(dom.contains("<path class=\"line remaining\""))
        #expect(dom.contains("</table>"))
        let plan = directory.plan
        for organisation in plan.organisations {
            for figures in organisation.periods {
                let at = [("data-org", organisation.name), ("data-period", figures.period)]
                #expect(markedValue(dom, at + [("data-field", "spend")]) == CSVText.number(figures.spend))
                #expect(markedValue(dom, at + [("data-series", "budget")]) == CSVText.number(figures.budget))
            }
        }
        #expect(markedValue(dom, [("data-org", "Orkney"), ("data-period", "2027/28"), ("data-field", "shortfallMoney")])
            == String(plan.organisations.first { $0.name == "Orkney" }!.shortfall!.money[1]))
        #expect(markedValue(dom, [("data-scope", "estate"), ("data-field", "exposure")]) == CSVText.number(plan.exposure))
    }

    @Test func theBrowserTakesAScreenshot() throws {
        let directory = try PlannedDirectory(try fixture(fixture1))
        defer { directory.remove() }
        _ = try directory.report()
        let page = directory.url.appendingPathComponent(ReportWriter.fileName)
        let shot = directory.url.appendingPathComponent("report.png")
        guard try Chromium.run(["--screenshot=\(shot.path)", "--window-size=1200,2000", page.absoluteString]) != nil else {
            Issue.record("chromium did not finish within the time allowed")
            return
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "the screenshot is missing or blank")
    }
}
