import Foundation
import Testing
import TestSupport

@Suite("phaseout compare")
struct CompareCommandTests {
    @Test(.enabled(if: Chromium.path != nil, "chromium is not on PATH: apt-get install -y chromium"))
    func theBrowserShowsEachFoldersSummaryFigures() throws {
        let folders = try scottishScales.get()
        let page = folders[0].deletingLastPathComponent().appendingPathComponent("compare.html")
        let run = try runPhaseout(["compare"] + folders.map(\.path) + ["--out", page.path])
        #expect(run.status == 0, "\(run.stderr)")
        guard let dom = try Chromium.run(["--dump-dom", page.absoluteString]) else {
            Issue.record("chromium did not finish within the time allowed")
            return
        }
        #expect(dom.contains("<svg class=\"chart spend compare\""))
        #expect(dom.contains("<svg class=\"chart exposure compare\""))
        let baseline = try summaryObject(folders[0])
        for folder in folders {
            let label = folder.lastPathComponent, summary = try summaryObject(folder)
            let estate = [("data-plan", label), ("data-scope", "estate")]
            func number(_ marks: [(String, String)]) -> Double? { domValue(dom, marks).flatMap(Double.init) }
            for field in ["exposure", "baselineExposure", "nominalCost", "presentValueCost", "lateRiskYears"] {
                #expect(number(estate + [("data-field", field)]) == summary[field] as? Double, "\(label) \(field)")
            }
            let counts = summary["statusCounts"] as? [String: Int] ?? [:]
            #expect(counts.count == 4)
            for (status, count) in counts {
                #expect(number(estate + [("data-field", "statusCounts.\(status)")]) == Double(count), "\(label) \(status)")
            }
            #expect(domValue(dom, estate + [("data-field", "status")]) == summary["status"] as? String)
            let organisations = summary["organisations"] as? [[String: Any]] ?? []
            var goneSoFar = 0.0
            for (t, period) in (summary["periods"] as? [String] ?? []).enumerated() {
                goneSoFar += organisations.reduce(0.0) { sum, organisation in
                    sum + ((organisation["periods"] as? [[String: Any]])?[t]["units"] as? Double ?? .nan)
                }
                #expect(number(estate + [("data-period", period), ("data-field", "unitsGoneSoFar")]) == goneSoFar, "\(label) \(period)")
                for field in ["budget", "spend"] {
                    let total = organisations.reduce(0.0) { sum, organisation in
                        sum + ((organisation["periods"] as? [[String: Any]])?[t][field] as? Double ?? .nan)
                    }
                    let shown = number(estate + [("data-period", period), ("data-field", field)])
                    #expect(shown.map { abs($0 - total) < 0.005 } == true, "\(label) \(period) \(field)")
                }
            }
            for organisation in organisations {
                let name = organisation["name"] as? String ?? ""
                let at = [("data-plan", label), ("data-org", name)]
                #expect(domValue(dom, at + [("data-field", "status")]) == organisation["status"] as? String, "\(label) \(name)")
                #expect(number(at + [("data-field", "exposure")]) == organisation["exposure"] as? Double, "\(label) \(name)")
                #expect(number(at + [("data-field", "nominalCost")]) == organisation["nominalCost"] as? Double, "\(label) \(name)")
            }
            // The difference from the baseline is the difference of the two summaries.
            if folder != folders[0], let exposure = summary["exposure"] as? Double, let base = baseline["exposure"] as? Double {
                let cell = estate.map { " \($0.0)=\"\($0.1)\"" }.joined() + " data-field=\"exposure\""
                let delta = dom.range(of: cell).flatMap { dom[$0.upperBound...].range(of: "data-delta=\"") }
                    .map { dom[$0.upperBound...].prefix { $0 != "\"" } }
                #expect(delta.flatMap { Double($0) }.map { abs($0 - (exposure - base)) < 1e-6 } == true, "\(label) delta")
            }
        }
    }

    @Test func theSamePlansGiveTheSameBytes() throws {
        let folders = try scottishScales.get()
        let root = URL(fileURLWithPath: temporaryPath("compare-twice"))
        defer { try? FileManager.default.removeItem(at: root) }
        let pages = [root.appendingPathComponent("a.html"), root.appendingPathComponent("b.html")]
        for page in pages {
            let run = try runPhaseout(["compare"] + folders.map(\.path) + ["--out", page.path, "--quiet"])
            #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        }
        #expect(try Data(contentsOf: pages[0]) == Data(contentsOf: pages[1]))
    }

    @Test func aFolderWithoutASummaryExitsTwoNamingTheFile() throws {
        let folders = try scottishScales.get()
        let page = temporaryPath("compare-missing") + ".html"
        let run = try runPhaseout(["compare", folders[0].path, "/nonexistent/plan-dir", "--out", page])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: /nonexistent/plan-dir/summary.json: "), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: page))
    }

    @Test func aMalformedPlanExitsTwoNamingTheFileAndLine() throws {
        let folders = try scottishScales.get()
        let broken = URL(fileURLWithPath: temporaryPath("compare-broken"))
        defer { try? FileManager.default.removeItem(at: broken) }
        try FileManager.default.copyItem(at: folders[1], to: broken)
        let plan = broken.appendingPathComponent("plan.csv")
        var lines = try String(contentsOf: plan, encoding: .utf8).components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: "2026/27", with: "2099/00")
        try lines.joined(separator: "\n").write(to: plan, atomically: true, encoding: .utf8)
        let run = try runPhaseout(["compare", folders[0].path, broken.path, "--out", broken.appendingPathComponent("c.html").path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: \(plan.path):3: period \"2099/00\" is not one of summary.json's periods"), "\(run.stderr)")
    }

    @Test func oneFolderIsAUsageError() throws {
        let run = try runPhaseout(["compare", "/tmp", "--out", temporaryPath("compare-one") + ".html"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("at least two plan folders"))
    }

    @Test func anUnwritablePageExitsOne() throws {
        let folders = try scottishScales.get()
        let run = try runPhaseout(["compare"] + folders.map(\.path) + ["--out", folders[0].appendingPathComponent("plan.csv/c.html").path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("c.html: could not be written"), "\(run.stderr)")
    }

    @Test func plansOfDifferentEstatesAreComparedWithANote() throws {
        let folders = try scottishScales.get()
        let small = URL(fileURLWithPath: temporaryPath("compare-small"))
        defer { try? FileManager.default.removeItem(at: small) }
        let (register, scenario) = fixture("1_exposure_inflation_carry_visit")
        let planned = try runPhaseout(["plan", register, scenario, "--out", small.path, "--quiet"])
        #expect(planned.status == 0, "\(planned.stderr)")
        let page = small.appendingPathComponent("compare.html")
        let run = try runPhaseout(["compare", folders[1].path, small.path, "--out", page.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: \(small.lastPathComponent) has no plan for Angus"), "\(run.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("These plans do not cover the same ground"))
        #expect(html.contains(#"<td class="num missing" data-plan="\#(small.lastPathComponent)" data-org="Angus" data-field="exposure""#))
    }
}
