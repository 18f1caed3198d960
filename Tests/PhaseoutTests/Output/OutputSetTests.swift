import Foundation
import Testing
@testable import Phaseout

@Suite struct OutputSetTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("set-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func names(_ url: URL) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
    }

    @Test func aSecondSetReplacesTheFirstWhole() throws {
        let parent = try folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        try OutputSet.write([("plan.csv", Data("a".utf8)), ("report.html", Data("r".utf8))], to: out)
        try OutputSet.write([("plan.csv", Data("b".utf8)), ("summary.json", Data("{}".utf8))], to: out)
        #expect(names(out) == ["plan.csv", "summary.json"])
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent("plan.csv").path) == Data("b".utf8))
        #expect(names(parent) == ["out"])
    }

    @Test func abandonedStagingFoldersAreClearedButNotForeignFiles() throws {
        let parent = try folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let abandoned = parent.appendingPathComponent(".out.ABCDEFGH.new")
        let keep = parent.appendingPathComponent(".out.12345678.new")
        for url in [abandoned, keep] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("old".utf8).write(to: url.appendingPathComponent("plan.csv"))
        }
        try Data("mine".utf8).write(to: keep.appendingPathComponent("mine.txt"))
        try OutputSet.write([("plan.csv", Data("new".utf8))], to: parent.appendingPathComponent("out"))
        #expect(names(parent) == ["out", ".out.12345678.new"])
        #expect(names(keep) == ["mine.txt"])
    }

    @Test(arguments: [("plan.csv", true), (".plan.csv.1A2B3C4D.tmp", true), (".notes.1A2B3C4D.tmp", false),
                      ("notes.txt", false), ("report.html", true)])
    func recognisesItsOwnFiles(_ name: String, _ ours: Bool) {
        #expect(OutputSet.isOurs(name) == ours)
    }
}
