import Foundation
import Testing
import PhaseoutGenerator
import TestSupport
@testable import Phaseout

/// Slicing an estate for `--shard K/N`, the shard record's exactness, and merging shards back
/// into the bytes of a whole run.
@Suite("Shards: slices, shard.json and merge")
struct ShardTests {
    @Test func slicesTakeTheLargestFirstIntoTheLightestSlice() {
        // 9 (item 1) → slice 1, 9 (item 3) → slice 2, 5 → slice 1 (9 against 9: the lower),
        // 3 → slice 2 (14 against 9), 1 → slice 2 (14 against 12).
        #expect(Shard.slices(sizes: [5, 9, 1, 9, 3], count: 2) == [[0, 1], [2, 3, 4]])
        #expect(Shard.slices(sizes: [4], count: 3) == [[0], [], []])
        #expect(Shard.slices(sizes: [2, 2, 2], count: 1) == [[0, 1, 2]])
    }

    @Test(arguments: 1...40)
    func slicesPartitionTheOrganisationsAndBalanceTheirSizes(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let sizes = (0..<rng.int(in: 1...60)).map { _ in rng.int(in: 0...500) }
        let count = rng.int(in: 1...9)
        let slices = Shard.slices(sizes: sizes, count: count)
        #expect(slices.count == count)
        #expect(slices.flatMap { $0 }.sorted() == Array(sizes.indices))
        #expect(slices.allSatisfy { $0 == $0.sorted() })
        // Greedy largest-first: no two slices differ by more than the largest organisation.
        let loads = slices.map { $0.reduce(0) { $0 + sizes[$1] } }
        #expect(loads.max()! - loads.min()! <= sizes.max()!)
    }

    @Test func parsesKOfN() throws {
        let shard = try Shard(parsing: "2/7")
        #expect(shard.index == 2 && shard.count == 7 && shard.description == "2/7")
        for bad in ["0/3", "4/3", "3", "/3", "3/", "a/3", "1/0", "1/2/3", "+1/2", " 1/2"] {
            #expect(throws: ShardError.self, "\(bad)") { try Shard(parsing: bad) }
        }
    }

    @Test func theShardRecordReadsBackEveryDoubleExactly() throws {
        let estate = try TinyEstate.random(seed: 5).estate()
        let problem = OrganisationProblem(organisation: estate.organisations[0], scenario: estate.scenario, register: estate.register)
        let awkward = [0.1 + 0.2, 1.0 / 3, Double.leastNonzeroMagnitude, 1e-300, 123_456.789_012_345_6, .greatestFiniteMagnitude, -0.0, .infinity]
        let outcomes = awkward.indices.map { k in
            var outcome = OrganisationOutcome(status: .feasible, counts: PlanCounts(problem: problem), value: awkward[k],
                                              bound: -awkward[awkward.count - 1 - k])
            outcome.lateRiskYears = awkward[k] / 7
            return ShardOutcome(name: problem.name, outcome: outcome, margins: nil)
        }
        var options = PlanOptions()
        options.whatIfAmount = 0.1 + 0.7
        let part = ShardPart(marker: ShardMarker(index: 1, count: 1, organisations: outcomes.map(\.organisation)),
                             options: ShardOptions(options), outcomes: outcomes)
        let record = ShardRecord(part, run: RunRecord(scenarioName: "s", timeLimit: 0.1, gap: 1e-4))
        let read = try ShardRecord.read(try record.json())
        #expect(read.outcomes.map(\.value.bitPattern) == awkward.map(\.bitPattern))
        #expect(read.outcomes.map(\.bound.bitPattern) == outcomes.map(\.bound.bitPattern))
        #expect(read.outcomes.map(\.lateRiskYears.bitPattern) == outcomes.map(\.lateRiskYears.bitPattern))
        #expect(read.options == part.options && read.run == record.run)
        #expect(try read.json() == record.json())
    }

    /// Tiny estates of two or three organisations, v1 and v2, `exposure` and `cost`, some
    /// infeasible: every one is solved exactly, so shards merged must write the whole run's bytes.
    @Test func mergedShardsWriteTheWholeRunsBytes() throws {
        var shape = TinyShape()
        shape.organisations = 3...3
        var merged = 0
        for seed in UInt64(1)...40 where merged < 12 {
            let tiny = seed.isMultiple(of: 2) ? TinyEstate.randomWithTreatments(seed: seed, shape: shape)
                : TinyEstate.random(seed: seed, shape: shape)
            let estate = try tiny.estate()
            // Organisations without units at risk are not planned: some estates have one left.
            guard estate.organisations.count >= 2 else { continue }
            try checkMerges(estate, seed: seed)
            merged += 1
        }
        #expect(merged == 12)
    }

    /// Plans `estate` whole and in 2 and 3 shards, merges them, and compares every file.
    private func checkMerges(_ estate: Estate, seed: UInt64) throws {
        let run = RunRecord(registerSHA256: "r", scenarioSHA256: "s", scenarioName: estate.scenario.name, timeLimit: 30, gap: 0)
        let folder = Fixtures.temporaryPath("shard")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(Planner(options: exactOptions()).planSynchronously(estate), estate: estate, run: run, to: folder + "/whole")
        for count in [2, 3] {
            var shards: [String] = []
            for index in 1...count {
                var options = exactOptions()
                options.shard = Shard(index: index, count: count)
                shards.append(folder + "/\(count)-\(index)")
                try write(Planner(options: options).planSynchronously(estate), estate: estate, run: run, to: shards.last!)
            }
            let merged = try ShardMerge(estate: estate, inputs: run).merge(folders: shards.shuffled())
            #expect(merged.run == run)
            try write(merged.plan, estate: estate, run: run, to: folder + "/merged-\(count)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/whole") {
                #expect(FileManager.default.contents(atPath: folder + "/merged-\(count)/" + name)
                        == FileManager.default.contents(atPath: folder + "/whole/" + name), "seed \(seed), \(name), N = \(count)")
            }
        }
    }

    @Test func aShardRecordThatDoesNotFitTheEstateIsRefused() throws {
        let estate = try TinyEstate.random(seed: 5).estate()
        let problem = OrganisationProblem(organisation: estate.organisations[0], scenario: estate.scenario, register: estate.register)
        var outcome = OrganisationOutcome(status: .optimal, counts: PlanCounts(problem: problem), value: 1, bound: 1)
        #expect(ShardMerge.fits(ShardOutcome(name: problem.name, outcome: outcome, margins: nil), problem))
        outcome.counts.isolated[0].append([0])
        #expect(!ShardMerge.fits(ShardOutcome(name: problem.name, outcome: outcome, margins: nil), problem))
        #expect(ShardMerge.differences(RunRecord(scenarioName: "a", timeLimit: 60), RunRecord(scenarioName: "a", timeLimit: nil))
                == ["timeLimit (60.0 against none)"])
    }

    private func write(_ plan: Plan, estate: Estate, run: RunRecord, to folder: String) throws {
        try PlanWriter(estate: estate, run: run).write(try plan.verified(against: estate), to: URL(fileURLWithPath: folder))
    }
}
