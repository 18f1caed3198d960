import Foundation
import Testing
@testable import Phaseout

// A seeded mutation fuzz harness for the three readers (register, scenario, plan.csv) and what
// validate does with what they accept (issue #24). In `swift test` (and so in CI) it runs a
// short, fixed number of mutants; Scripts/fuzz.sh runs it for as long as asked:
//
//   PHASEOUT_FUZZ_SECONDS   run each target this long instead of the fixed count
//   PHASEOUT_FUZZ_SEED      the generator's seed (default 24)
//   PHASEOUT_FUZZ_LAST      a path that holds each input while it runs, so a crash leaves it
//
// A crash ends the test process; every input that ever crashed is kept in
// Tests/Fixtures/fuzz/crashes/<target>/ and replayed by `everyCrashEverFoundStaysFixed`.

/// The fuzzed targets.
enum FuzzTarget: String, CaseIterable, Sendable {
    case register, scenario, plan
}

/// What the targets run against: the spec's worked examples and plans of them.
struct FuzzContext {
    var registers: [[UInt8]] = []
    var scenarios: [[UInt8]] = []
    var plans: [[UInt8]] = []
    var estates: [Estate] = []
    var verifiers: [PlanVerifier] = []

    init() throws {
        for name in ["1_exposure_inflation_carry_visit", "2_cost_recorders_first_deadline", "3_infeasible_shortfall"] {
            let directory = fixturesDirectory.appendingPathComponent(name)
            registers.append(Array(try Data(contentsOf: directory.appendingPathComponent("register.csv"))))
            scenarios.append(Array(try Data(contentsOf: directory.appendingPathComponent("scenario.json"))))
            let estate = try fixture(name)
            estates.append(estate)
            verifiers.append(PlanVerifier(estate: estate))
            plans.append(Array(PlanWriter(estate: estate).planCSV(Planner().planSynchronously(estate).rows).utf8))
        }
    }

    func seeds(_ target: FuzzTarget) -> [[UInt8]] {
        switch target {
        case .register: registers
        case .scenario: scenarios
        case .plan: plans
        }
    }

    /// Runs one input through a target as `validate`, `plan` and `verify` would; bad input
    /// must throw ``InputError``, never trap. `which` picks the worked example to pair it with.
    func run(_ target: FuzzTarget, _ bytes: [UInt8], which: Int, plan: Bool) {
        let k = which % estates.count
        switch target {
        case .register:
            guard let register = try? RegisterReader.parse(bytes, fileName: "r.csv") else { return }
            validate(register: register, scenario: estates[k].scenario, plan: plan)
        case .scenario:
            guard let scenario = try? ScenarioReader.parse(bytes, fileName: "s.json") else { return }
            validate(register: estates[k].register, scenario: scenario, plan: plan)
        case .plan:
            _ = try? verifiers[k].verify(planCSV: bytes, fileName: "plan.csv")
        }
    }

    private func validate(register: Register, scenario: Scenario, plan: Bool) {
        guard let estate = try? Estate.build(register: register, scenario: scenario) else { return }
        _ = PoundsText.grouped(estate.summary.replacementCost) + PoundsText.grouped(estate.summary.totalBudget)
        guard plan else { return }
        var options = PlanOptions()
        options.timeLimit = .milliseconds(500)
        options.threads = 1
        let result = Planner(options: options).planSynchronously(estate)
        _ = PlanWriter(estate: estate).planCSV(result.rows)
        _ = try? PlanWriter(estate: estate).summaryJSON(result)
    }
}

@Suite(.serialized) struct MutationFuzzTests {
    private static let environment = ProcessInfo.processInfo.environment

    @Test(arguments: FuzzTarget.allCases)
    func mutantsNeverTrapAndReadQuickly(_ target: FuzzTarget) throws {
        let context = try FuzzContext()
        let seeds = context.seeds(target)
        let seed = Self.environment["PHASEOUT_FUZZ_SEED"].flatMap(UInt64.init) ?? 24
        let seconds = Self.environment["PHASEOUT_FUZZ_SECONDS"].flatMap(Double.init)
        let lastInput = Self.environment["PHASEOUT_FUZZ_LAST"].map { $0 + "." + target.rawValue }
        var mutator = Mutator(seed: seed &+ UInt64(target.hashValue & 0xFFFF))
        let clock = ContinuousClock()
        let start = clock.now
        var executions = 0, slowest = Duration.zero
        while seconds.map({ clock.now - start < .seconds($0) }) ?? (executions < 2000) {
            let k = executions % seeds.count
            let input = mutator.mutate(seeds[k], other: seeds[(k + 1) % seeds.count])
            if let lastInput { try Data(input).write(to: URL(fileURLWithPath: lastInput)) }
            let elapsed = clock.measure { context.run(target, input, which: k, plan: executions % 16 == 0) }
            slowest = max(slowest, elapsed)
            if elapsed > .seconds(1) {
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("slow-\(target)-\(executions).bin")
                FileManager.default.createFile(atPath: path.path, contents: Data(input))
                Issue.record("a \(target) input took \(elapsed) (kept at \(path.path))")
            }
            executions += 1
        }
        print("fuzz \(target): \(executions) executions in \(clock.now - start), slowest \(slowest)")
    }

    @Test func everyCrashEverFoundStaysFixed() throws {
        let context = try FuzzContext()
        let root = fixturesDirectory.deletingLastPathComponent().appendingPathComponent("fuzz/crashes")
        var replayed = 0
        for target in FuzzTarget.allCases {
            let folder = root.appendingPathComponent(target.rawValue)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                for which in 0..<context.estates.count { context.run(target, bytes, which: which, plan: true) }
                replayed += 1
            }
        }
        #expect(replayed >= 10)
    }
}
