import Foundation
import Testing
@testable import Phaseout

/// The chromium executable on PATH, if any.
private let chromium: String? = {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
    }
    return nil
}()

/// Runs headless chromium with `arguments`; its stdout, or `nil` when it did not finish in time.
private func runChromium(_ arguments: [String], timeout: TimeInterval = 90) throws -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium!)
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let data = LockedData()
    let reader = Thread { data.set(output.fileHandleForReading.readDataToEndOfFile()) }
    try process.run()
    reader.start()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning {
        process.terminate()
        return nil
    }
    while !data.isSet { Thread.sleep(forTimeInterval: 0.02) }
    return String(decoding: data.value, as: UTF8.self)
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
}

@Suite("report.html in a headless browser", .enabled(if: chromium != nil, "chromium is not on PATH: apt-get install -y chromium"))
struct ReportBrowserTests {
    @Test func theBrowserRendersChartsAndTablesWithThePlansNumbers() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        _ = try directory.report()
        let page = directory.url.appendingPathComponent(ReportWriter.fileName)
        guard let dom = try runChromium(["--dump-dom", page.absoluteString]) else {
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
        guard try runChromium(["--screenshot=\(shot.path)", "--window-size=1200,2000", page.absoluteString]) != nil else {
            Issue.record("chromium did not finish within the time allowed")
            return
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "the screenshot is missing or blank")
    }
}
