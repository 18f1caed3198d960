import Foundation
import Testing
@testable import Phaseout

@Suite("Comparison input: labels and scope")
struct ComparisonInputTests {
    @Test func foldersAreLabelledByNameWithTheParentWhenNamesRepeat() {
        let urls = ["/runs/a/plan", "/runs/b/plan", "/runs/scale-1.25"].map { URL(fileURLWithPath: $0) }
        #expect(ComparisonInput.labels(for: urls) == ["a/plan", "b/plan", "scale-1.25"])
    }

    @Test func theSameFolderTwiceGetsANumber() {
        let urls = ["/runs/low/", "/runs/./low", "/runs/high"].map { URL(fileURLWithPath: $0) }
        #expect(ComparisonInput.labels(for: urls) == ["runs/low", "runs/low (2)", "high"])
    }

    @Test func plansOfOneEstateHaveNoDifferences() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        let input = try ComparisonInput.load(from: [directory.url, directory.url])
        #expect(input.differences.isEmpty)
        #expect(input.periods == ["2026/27", "2027/28"])
        #expect(input.organisations == ["Orkney", "Shetland"])
    }

    @Test func differentEstatesAreJoinedByNameAndTheirDifferencesSaid() throws {
        let fife = try PlannedDirectory(try fixture(fixture1)), islands = try PlannedDirectory(try fixture(fixture3))
        defer { fife.remove(); islands.remove() }
        let input = try ComparisonInput.load(from: [fife.url, islands.url])
        #expect(input.periods == ["2026/27", "2027/28", "2028/29"])
        #expect(input.organisations == ["Fife", "Orkney", "Shetland"])
        let second = input.plans[1].label
        #expect(input.differences.count == 3)
        #expect(input.differences.contains { $0.hasPrefix("\(second) plans the periods 2026/27 to 2027/28") })
        #expect(input.differences.contains { $0.hasPrefix("\(second) has no plan for Fife,") })
        #expect(input.differences.contains { $0.hasPrefix("\(second) also plans Orkney and Shetland,") })
    }

    @Test func aMissingFolderIsNamed() {
        #expect {
            try ComparisonInput.load(from: [URL(fileURLWithPath: "/nonexistent/a")])
        } throws: { error in
            (error as? ReportError)?.path == "/nonexistent/a/summary.json"
        }
    }

    @Test func aFrontiersFolderPointsToItsPoints() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        let frontier = directory.url.appendingPathComponent("frontier")
        try FileManager.default.createDirectory(at: frontier.appendingPathComponent("scale-1.25"), withIntermediateDirectories: true)
        try Data("scale,council\n".utf8).write(to: frontier.appendingPathComponent("frontier.csv"))
        #expect {
            try ComparisonInput.load(from: [directory.url, frontier])
        } throws: { error in
            (error as? ReportError)?.message.hasSuffix("this is a frontier's folder: compare its points such as \(frontier.path)/scale-1.25") == true
        }
    }
}
