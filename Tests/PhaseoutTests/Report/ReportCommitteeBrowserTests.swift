import Foundation
import Testing
@testable import Phaseout
import TestSupport

/// The report of the Scottish example as a committee reads it in a browser: the headline in
/// words, a works schedule per council that adds up to plan.csv plus visits.csv, and
/// Renfrewshire's best-effort and funded plans side by side.
@Suite("report.html of the Scottish example, for a committee",
       .enabled(if: Chromium.path != nil, "chromium is not on PATH: apt-get install -y chromium"))
struct ReportCommitteeBrowserTests {
    private static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/ScottishCouncils")

    @Test func theHeadlineSchedulesAndRenfrewshiresTwoPlansAreOnThePage() throws {
        let estate = try Estate.load(registerPath: Self.example.appendingPathComponent("register.csv").path,
                                     scenarioPath: Self.example.appendingPathComponent("scenario.json").path)
        var options = PlanOptions()
        options.timeLimit = .seconds(30)
        let plan = Planner(options: options).planSynchronously(estate)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("committee-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try PlanWriter(estate: estate).write(plan.verified(against: estate), to: directory)
        let page = try ReportWriter().write(planDirectory: directory)
        guard let dom = try Chromium.run(["--dump-dom", page.absoluteString]) else {
            Issue.record("chromium did not finish within the time allowed")
            return
        }

        // The headline: status counts, and Renfrewshire's deadline and shortfall in words.
        let renfrewshire = try #require(plan.organisations.first { $0.name == "Renfrewshire" })
        let shortfall = try #require(renfrewshire.shortfall)
        #expect(shortfall.money.dropFirst().allSatisfy { $0 == 0 } && shortfall.money[0] > 0, "the example is short in 2026/27 only")
        let planned = (plan.statusCounts[.optimal] ?? 0) + (plan.statusCounts[.feasible] ?? 0)
        #expect(planned == 12)
        let money = "£" + PoundsText.grouped(Double(shortfall.money[0]))
        #expect(text(of: "headline-words", in: dom)
            == "12 of 13 councils fully planned; Renfrewshire cannot meet its 2027/28 deadline with its budget: it is \(money) short in 2026/27.")
        for status in [PlanStatus.optimal, .feasible, .infeasible] where (plan.statusCounts[status] ?? 0) > 0 {
            #expect(dom.contains(#"data-scope="estate" data-status="\#(status.rawValue)" data-value="\#(plan.statusCounts[status]!)""#))
        }

        // Every council with work has a schedule whose totals are plan.csv's costs plus visits.csv's.
        let lines = try csvRecords(directory.appendingPathComponent("plan.csv"))
        let visits = try csvRecords(directory.appendingPathComponent("visits.csv"))
        var byCouncil: [String: [String: Double]] = [:]
        for record in lines where !record["period"]!.isEmpty {
            byCouncil[record["council"]!, default: [:]][record["period"]!, default: 0] += Double(record["cost"]!)!
        }
        for record in visits {
            byCouncil[record["council"]!, default: [:]][record["period"]!, default: 0] += Double(record["cost"]!)!
        }
        #expect(byCouncil.count == 13)
        for (council, periods) in byCouncil {
            let total = try #require(markedValue(dom, [("data-org", council), ("data-field", "scheduleTotal")]), "no schedule for \(council)")
            #expect(abs(Double(total)! - periods.values.reduce(0, +)) < 0.005, "\(council)")
            for (period, cost) in periods {
                let value = markedValue(dom, [("data-org", council), ("data-period", period), ("data-field", "scheduleTotal")])
                #expect(value.flatMap(Double.init).map { abs($0 - cost) < 0.005 } == true, "\(council) \(period)")
            }
        }

        // Renfrewshire's best-effort plan (plan.csv) and funded plan (funded-plan.csv), side by side.
        let funded = try csvRecords(directory.appendingPathComponent("funded-plan.csv"))
        for period in plan.periods {
            func gone(_ records: [[String: String]]) -> Int {
                records.filter { $0["council"] == "Renfrewshire" && $0["period"] == period && $0["treatment"] != "isolate" }
                    .reduce(0) { $0 + Int($1["quantity"]!)! }
            }
            let at = [("data-org", "Renfrewshire"), ("data-period", period)]
            #expect(markedValue(dom, at + [("data-field", "bestEffortGone")]) == String(gone(lines)))
            #expect(markedValue(dom, at + [("data-field", "fundedGone")]) == String(gone(funded)))
        }
        #expect(dom.contains("With its own budget the plan leaves"))
        #expect(dom.contains("With the shortfall funded it leaves"))
        #expect(dom.contains("every deadline is met"))
    }

    @Test func printingExpandsEveryCouncilsSection() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        let html = try directory.report()
        let rule = "details.organisation::details-content { content-visibility: visible; display: block; }"
        #expect(html.contains(rule))
        // The same page without the print rule that opens the sections prints fewer pages.
        var pages: [Int] = []
        for (name, text) in [("with.html", html), ("without.html", html.replacingOccurrences(of: rule, with: ""))] {
            let page = directory.url.appendingPathComponent(name), pdf = page.appendingPathExtension("pdf")
            try text.write(to: page, atomically: true, encoding: .utf8)
            guard try Chromium.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString]) != nil else {
                Issue.record("chromium did not finish within the time allowed")
                return
            }
            let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
            pages.append(bytes.matches(of: /\/Type\s*\/Page[^s]/).count)
        }
        #expect(pages[1] > 0 && pages[0] > pages[1], "pages with and without the print rule: \(pages)")
    }

    /// The text of the element with `id`, tags removed and entities of the report decoded.
    private func text(of id: String, in dom: String) -> String? {
        guard let start = dom.range(of: "id=\"\(id)\"") else { return nil }
        guard let open = dom[start.upperBound...].firstIndex(of: ">"), let close = dom[open...].range(of: "</p>") else { return nil }
        var inner = String(dom[dom.index(after: open)..<close.lowerBound])
        while let tag = inner.range(of: "<[^>]*>", options: .regularExpression) { inner.removeSubrange(tag) }
        return inner.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A CSV file's records by column name; the plan files of this example quote no field.
    private func csvRecords(_ url: URL) throws -> [[String: String]] {
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
