import Foundation
import Testing
@testable import Phaseout

/// Goal seeking (SPEC §2.6) against bisection over exact feasibility on tiny estates: for every
/// plan, the least scale at which it fits, found by bisection; the least over the plans that
/// keep the rules and meet the target is the least budget scale.
@Suite("Goal seeking against brute force")
struct GoalBruteForceTests {
    /// The least scale at which some plan of `brute` keeps the rules and meets `target`, or `nil`
    /// when none does at any scale.
    static func leastScale(_ brute: BrutePaths, target: GoalTarget) -> Double? {
        let most: Double? = {
            guard case .exposureReduction(let share) = target else { return nil }
            return (1 - share) * brute.evaluate(untouched: ()).exposure
        }()
        var best: Double?
        brute.forEachPlan { e in
            guard e.keepsRules else { return }
            if let most, e.exposure > most + 1e-9 * max(1, most) { return }
            let fits = { (s: Double) in brute.fits(e, scale: s, tolerance: 1e-12) }
            var high = best ?? 1e9
            guard fits(high) else { return }
            if fits(0) { best = 0; return }
            var low = 0.0
            for _ in 0..<200 where high - low > 1e-13 * max(1, high) {
                let middle = (low + high) / 2
                if fits(middle) { high = middle } else { low = middle }
            }
            best = min(best ?? high, high)
        }
        return best
    }

    /// Whether some plan keeps the rules and meets the target with the budgets scaled by `s`.
    static func reachable(_ brute: BrutePaths, target: GoalTarget, scale s: Double) -> Bool {
        guard let least = leastScale(brute, target: target) else { return false }
        return least <= s
    }

    static func disagreements(seed: UInt64, tally: inout [String: Int]) -> [String] {
        let tiny = seed % 2 == 0
            ? TinyEstate.randomWithTreatments(seed: seed, shape: TreatmentBruteForceTests.shape)
            : TinyEstate.random(seed: seed)
        let target: GoalTarget = seed % 3 == 0 && !tiny.objectiveIsCost ? .exposureReduction(0.2 + 0.1 * Double(seed % 5)) : .deadlines
        guard let estate = try? tiny.estate() else { return ["seed \(seed): the readers rejected the estate"] }
        let run = GoalSeeker(target: target, options: exactOptions()).seekSynchronously(estate)
        var problems: [String] = []
        for (o, name) in tiny.organisations.enumerated() {
            let tag = "seed \(seed) \(name) \(target)"
            guard let goal = run.organisations.first(where: { $0.name == name }) else { continue }
            let brute = BrutePaths(estate: tiny, org: o)
            let least = leastScale(brute, target: target)
            tally[least == nil ? "structural" : least == 0 ? "zero" : "reached", default: 0] += 1
            if case .exposureReduction = target, least != nil { tally["exposureTarget", default: 0] += 1 }
            if tiny.hasTreatments, (least ?? 0) > 0 { tally["treatments", default: 0] += 1 }
            guard let least else {
                if goal.status != .structural { problems.append("\(tag): brute force finds no scale, goal says \(goal.status) \(goal.scale ?? -1)") }
                continue
            }
            guard goal.status == .optimal, let exact = goal.exactScale, let scale = goal.scale else {
                problems.append("\(tag): brute force \(least), goal \(goal.status) \(goal.exactScale ?? -1) bound \(goal.bound ?? -1) (\(goal.reason ?? ""))")
                continue
            }
            if abs(exact - least) > 1e-6 * max(1e-3, least) { problems.append("\(tag): goal \(exact), brute force \(least)") }
            if scale < least - 1e-9 { problems.append("\(tag): reported \(scale) below the least \(least)") }
            if scale - 1e-4 >= least + 1e-9 { problems.append("\(tag): at \(scale) − 1e-4 a plan already meets the target (least \(least))") }
        }
        // The plan at the reported scales keeps every rule with the scaled budgets, apart from the
        // units of structural organisations, which stand untreated (locks included).
        let report = PlanVerifier(estate: run.estate).verify(plan: run.plan)
        let structural = Set(run.organisations.filter { $0.status == .structural }.map(\.name))
        for violation in report.violations where !structural.contains(violation.organisation ?? "") {
            problems.append("seed \(seed): the plan at the goal budgets breaks a rule: \(violation.kind): \(violation.message)")
        }
        if case .exposureReduction(let share) = target {
            for organisation in run.plan.organisations where !structural.contains(organisation.name) {
                if organisation.exposure > (1 - share) * organisation.baselineExposure * (1 + 1e-6) + 1e-9 {
                    problems.append("seed \(seed) \(organisation.name): exposure \(organisation.exposure) misses the target")
                }
            }
        }
        return problems
    }

    @Test("200 seeded tiny estates: the least scale within 1e-6, reported rounding up, plans keep the scaled budgets")
    func agreesWithBisection() {
        var problems: [String] = []
        var tally: [String: Int] = [:]
        for seed in UInt64(1)...200 {
            problems += Self.disagreements(seed: seed, tally: &tally)
        }
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        // The estates reach every kind of answer, so that coverage cannot silently rot.
        for key in ["structural", "zero", "reached", "exposureTarget", "treatments"] {
            #expect(tally[key, default: 0] >= 5, "only \(tally[key, default: 0]) \(key) organisations: \(tally)")
        }
    }

    @Test("Organisations too large for one model get the greedy plan's scale: enough, never below the least")
    func greedyScaleSuffices() {
        var problems: [String] = []
        var reached = 0
        for seed in UInt64(1)...40 {
            let tiny = TinyEstate.random(seed: seed)
            guard let estate = try? tiny.estate() else { continue }
            var options = exactOptions()
            options.monolithicLimit = 0
            let run = GoalSeeker(target: .deadlines, options: options).seekSynchronously(estate)
            for (o, name) in tiny.organisations.enumerated() {
                guard let goal = run.organisations.first(where: { $0.name == name }), let scale = goal.exactScale else { continue }
                reached += 1
                guard let least = Self.leastScale(BrutePaths(estate: tiny, org: o), target: .deadlines) else {
                    problems.append("seed \(seed) \(name): greedy scale \(scale) where brute force finds none")
                    continue
                }
                if scale < least * (1 - 1e-8) - 1e-12 { problems.append("seed \(seed) \(name): greedy scale \(scale) below the least \(least)") }
                if goal.status == .optimal && scale > least * (1 + 1e-6) + 1e-9 {
                    problems.append("seed \(seed) \(name): \(scale) called optimal, least \(least)")
                }
            }
            let report = PlanVerifier(estate: run.estate).verify(plan: run.plan)
            let unreached = Set(run.organisations.filter { $0.scale == nil }.map(\.name))
            for violation in report.violations where !unreached.contains(violation.organisation ?? "") {
                problems.append("seed \(seed): \(violation.kind): \(violation.message)")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        #expect(reached >= 20, "only \(reached) organisations reached a scale")
    }
}
