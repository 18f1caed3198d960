import Foundation
import Testing

/// A generated estate of 12 councils (9 with units at risk, one infeasible), planned whole, and
/// helpers to plan it in shards. Every council is proven within a second, so the merged files
/// must equal the single run's byte for byte.
private struct ShardedEstate {
    let folder: String
    var register: String { folder + "/register.csv" }
    var scenario: String { folder + "/scenario.json" }
    var single: String { folder + "/single" }

    static let files = ["plan.csv", "visits.csv", "summary.json", "funded-plan.csv", "funded-visits.csv"]

    init(seed: Int = 3) throws {
        folder = temporaryPath("shard")
        let generated = try runPhaseout(["generate", "--devices", "600", "--councils", "12", "--seed", "\(seed)", "--out", folder])
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    /// Plans shard `k` of `n` into `folder/s<n>/<k>`, returning that folder.
    @discardableResult
    func plan(_ k: Int, of n: Int, extra: [String] = []) throws -> String {
        let out = folder + "/s\(n)/\(k)"
        let run = try runPhaseout(["plan", register, scenario, "--out", out, "--quiet", "--shard", "\(k)/\(n)"] + extra)
        #expect([0, 3].contains(run.status), "\(run.stderr)")
        return out
    }

    func merge(_ shards: [String], out: String, register: String? = nil) throws -> CommandRun {
        try runPhaseout(["merge", register ?? self.register, scenario] + shards + ["--out", out, "--quiet"])
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

@Suite("phaseout plan --shard and phaseout merge")
struct ShardCommandTests {
    @Test(arguments: [1, 2, 3, 7])
    func mergedShardsAreByteIdenticalToTheSingleRun(count: Int) throws {
        let estate = try ShardedEstate()
        defer { estate.remove() }
        let single = try runPhaseout(["plan", estate.register, estate.scenario, "--out", estate.single, "--quiet"])
        #expect(single.status == 3, "one council cannot meet its deadlines: \(single.stderr)")
        let shards = try (1...count).map { try estate.plan($0, of: count) }
        // Any order on the command line.
        let merged = try estate.merge(shards.reversed(), out: estate.folder + "/merged")
        #expect(merged.status == 3, "\(merged.stderr)")
        for name in ShardedEstate.files {
            let expected = FileManager.default.contents(atPath: estate.single + "/" + name)
            #expect(expected != nil)
            #expect(FileManager.default.contents(atPath: estate.folder + "/merged/" + name) == expected, "\(name), N = \(count)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: estate.folder + "/merged").sorted()
        #expect(names == ShardedEstate.files.sorted())
    }

    @Test func aShardFolderSaysWhichSliceItHolds() throws {
        let estate = try ShardedEstate()
        defer { estate.remove() }
        let out = try estate.plan(2, of: 3)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let shard = try #require(summary["shard"] as? [String: Any])
        #expect(shard["index"] as? Int == 2 && shard["count"] as? Int == 3)
        let names = try #require(shard["organisations"] as? [String])
        let organisations = (summary["organisations"] as! [[String: Any]]).map { $0["name"] as! String }
        #expect(!names.isEmpty && names == organisations)
        #expect(FileManager.default.fileExists(atPath: out + "/shard.json"))
        // A whole run into the same folder leaves no shard.json behind.
        _ = try runPhaseout(["plan", estate.register, estate.scenario, "--out", out, "--quiet"])
        #expect(!FileManager.default.fileExists(atPath: out + "/shard.json"))
    }

    @Test(arguments: ["0/3", "4/3", "2", "a/b", "1/0", "1/2/3", "１/2"])
    func aBadShardIsBadInput(shard: String) throws {
        let inputs = fixture("1_exposure_inflation_carry_visit")
        let out = temporaryPath("shard")
        let run = try runPhaseout(["plan", inputs.register, inputs.scenario, "--out", out, "--shard", shard])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: --shard"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aMissingShardIsAnErrorAndNothingIsWritten() throws {
        let estate = try ShardedEstate()
        defer { estate.remove() }
        let shards = try (1...2).map { try estate.plan($0, of: 3) }
        let out = estate.folder + "/merged"
        let run = try estate.merge(shards, out: out)
        #expect(run.status == 2)
        #expect(run.stderr.contains("shard 3/3 missing"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        // A shard whose folder was never made is named.
        let absent = estate.folder + "/s3/3"
        let named = try estate.merge(shards + [absent], out: out)
        #expect(named.status == 2)
        #expect(named.stderr.contains("\(absent): no such folder"), "\(named.stderr)")
    }

    @Test func aFailedShardWithoutSummaryIsAnError() throws {
        let estate = try ShardedEstate()
        defer { estate.remove() }
        let first = try estate.plan(1, of: 2)
        let failed = estate.folder + "/s2/2"
        try FileManager.default.createDirectory(atPath: failed, withIntermediateDirectories: true)
        let run = try estate.merge([first, failed], out: estate.folder + "/merged")
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(failed): no summary.json"), "\(run.stderr)")
    }

    @Test func aDamagedShardRecordIsAnError() throws {
        let estate = try ShardedEstate()
        defer { estate.remove() }
        let shards = try (1...2).map { try estate.plan($0, of: 2) }
        let record = shards[1] + "/shard.json"
        let text = try String(contentsOfFile: record, encoding: .utf8)
        for (damaged, message) in [("{", "shard.json is not a shard record"),
                                   (text.replacingOccurrences(of: "\"format\":1", with: "\"format\":2"), "shard.json has format 2; this phaseout reads format 1"),
                                   (text.replacingOccurrences(of: "\"status\":\"optimal\"", with: "\"status\":\"fine\""),
                                    "shard.json has an unexpected value at outcomes[")] {
            try damaged.write(toFile: record, atomically: true, encoding: .utf8)
            let run = try estate.merge(shards, out: estate.folder + "/merged")
            #expect(run.status == 2)
            #expect(run.stderr.contains("\(shards[1]): \(message)"), "\(run.stderr)")
        }
    }

    @Test func aDuplicatedShardIsAnError() throws {
        let estate = try ShardedEstate()
        defer { estate.remove() }
        let shards = try (1...2).map { try estate.plan($0, of: 2) }
        let copy = estate.folder + "/copy"
        try FileManager.default.copyItem(atPath: shards[0], toPath: copy)
        let run = try estate.merge(shards + [copy], out: estate.folder + "/merged")
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(copy): is shard 1/2 again: \(shards[0]) is that shard too"), "\(run.stderr)")
    }

    @Test func shardsOfOtherInputsOrOptionsAreErrors() throws {
        let estate = try ShardedEstate(), other = try ShardedEstate(seed: 4)
        defer { estate.remove(); other.remove() }
        let first = try estate.plan(1, of: 2)
        let foreign = try other.plan(2, of: 2)
        let mixed = try estate.merge([first, foreign], out: estate.folder + "/merged")
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("\(foreign): was planned with other inputs or options than \(first): registerSHA256"),
                "\(mixed.stderr)")
        // Every shard of the other estate, merged against this register.
        let wrongInputs = try estate.merge([try other.plan(1, of: 2), foreign], out: estate.folder + "/merged")
        #expect(wrongInputs.status == 2)
        #expect(wrongInputs.stderr.contains("was planned from another register"), "\(wrongInputs.stderr)")
        let slower = try estate.plan(2, of: 2, extra: ["--time-limit", "61"])
        let options = try estate.merge([first, slower], out: estate.folder + "/merged")
        #expect(options.stderr.contains("timeLimit (61.0 against 60.0)"), "\(options.stderr)")
        let otherCount = try estate.plan(2, of: 3)
        let counts = try estate.merge([first, otherCount], out: estate.folder + "/merged")
        #expect(counts.stderr.contains("shards of one plan share N"), "\(counts.stderr)")
        #expect(!FileManager.default.fileExists(atPath: estate.folder + "/merged"))
    }

    @Test func aWholePlanIsNoShard() throws {
        let estate = try ShardedEstate()
        defer { estate.remove() }
        _ = try runPhaseout(["plan", estate.register, estate.scenario, "--out", estate.single, "--quiet"])
        let run = try estate.merge([estate.single], out: estate.folder + "/merged")
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(estate.single): no shard.json: not a shard folder"), "\(run.stderr)")
    }
}
