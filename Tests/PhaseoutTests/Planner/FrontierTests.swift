import Foundation
import Testing
@testable import Phaseout
import TestSupport

/// The budget frontier on tiny estates: each point keeps the rules at its budgets, a planned
/// organisation's exposure never rises with the scale (an infeasible one's late risk-years,
/// then exposure), and the point at scale 1 is the plan.
@Suite("Budget frontier")
struct FrontierTests {
    static let scales = [0.5, 0.8, 1, 1.3, 2]

    static func disagreements(seed: UInt64, tally: inout [String: Int]) -> [String] {
        let tiny = seed % 2 == 0
            ? TinyEstate.randomWithTreatments(seed: seed, shape: TreatmentBruteForceTests.shape)
            : TinyEstate.random(seed: seed)
        guard let estate = try? tiny.estate() else { return ["seed \(seed): the readers rejected the estate"] }
        var problems: [String] = []
        var points: [FrontierPoint] = []
        let rows = BudgetFrontier(scales: scales.reversed(), options: exactOptions()).run(estate) { points.append($0) }
        if points.map(\.scale) != scales { problems.append("seed \(seed): scales planned \(points.map(\.scale))") }
        if rows.count != scales.count * (estate.organisations.count + 1) { problems.append("seed \(seed): \(rows.count) rows") }
        for point in points {
            // Each point's plan keeps every rule at its own budgets (best-effort plans: all but deadlines).
            let report = PlanVerifier(estate: estate).scalingBudgets(by: point.scale).verify(plan: point.plan)
            let infeasible = Set(point.plan.organisations.filter { $0.status == .infeasible && $0.untouchedReason == nil }.map(\.name))
            for violation in report.violations where !(violation.kind.isMissedDeadline && infeasible.contains(violation.organisation ?? "")) {
                if point.plan.organisations.first(where: { $0.name == violation.organisation })?.untouchedReason != nil { continue }
                problems.append("seed \(seed) ×\(point.scale): \(violation.kind): \(violation.message)")
            }
        }
        for organisation in estate.organisations {
            let name = organisation.name
            let along = points.compactMap { $0.plan.organisations.first { $0.name == name } }
            for (lower, higher) in zip(along, along.dropFirst()) {
                let tie = 1e-9 * max(1, lower.exposure)
                if lower.status.isPlanned {
                    tally["planned", default: 0] += 1
                    if !higher.status.isPlanned || higher.exposure > lower.exposure + tie {
                        problems.append("seed \(seed) \(name): \(lower.status) E \(lower.exposure), then \(higher.status) E \(higher.exposure)")
                    }
                } else if lower.status == .infeasible, higher.status == .infeasible, lower.untouchedReason == nil {
                    tally["bestEffort", default: 0] += 1
                    let lateTie = 1e-9 * max(1, lower.lateRiskYears)
                    if higher.lateRiskYears > lower.lateRiskYears + lateTie
                        || (higher.lateRiskYears >= lower.lateRiskYears - lateTie && higher.exposure > lower.exposure + tie) {
                        problems.append("seed \(seed) \(name): L \(lower.lateRiskYears) E \(lower.exposure), then L \(higher.lateRiskYears) E \(higher.exposure)")
                    }
                } else if lower.status == .infeasible, higher.status.isPlanned {
                    tally["becomesFeasible", default: 0] += 1
                }
            }
        }
        // The point at scale 1 is the plan (both proven at gap 0).
        let plan = Planner(options: exactOptions()).planSynchronously(estate)
        if let one = points.first(where: { $0.scale == 1 }) {
            for (a, b) in zip(one.plan.organisations, plan.organisations) where a.status.isPlanned || b.status.isPlanned {
                if a.status != b.status || abs(a.exposure - b.exposure) > 1e-6 * max(1, b.exposure)
                    || abs(a.presentValueCost - b.presentValueCost) > 1e-6 * max(1, b.presentValueCost) {
                    problems.append("seed \(seed) \(a.name): at ×1 \(a.status) E \(a.exposure), plan \(b.status) E \(b.exposure)")
                }
            }
        }
        return problems
    }

    @Test("60 seeded tiny estates: points keep their budgets, exposure never rises, ×1 is the plan")
    func monotoneAndValid() {
        var problems: [String] = []
        var tally: [String: Int] = [:]
        for seed in UInt64(1)...60 { problems += Self.disagreements(seed: seed, tally: &tally) }
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        for key in ["planned", "bestEffort", "becomesFeasible"] {
            #expect(tally[key, default: 0] >= 3, "only \(tally[key, default: 0]) \(key): \(tally)")
        }
    }

    @Test func anUnfinishedScaleKeepsThePlanTheShortfallBelowWouldBuy() throws {
        // An organisation infeasible at the scale below, whose funded plan the higher budgets
        // afford, is never left without a plan at the higher scale because its time ran out.
        let estate = try TinyEstate.random(seed: 3).estate()
        let problem = OrganisationProblem(organisation: estate.organisations[0], scenario: estate.scenario, register: estate.register)
        let planned = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(20)).solve()
        try #require(planned.status == .optimal)
        var below = Planner.placeholder(problem)
        below.status = .infeasible
        below.fundedCounts = planned.counts
        #expect(BudgetFrontier.startingPlan(below) == planned.counts)
        var outcomes = [Planner.placeholder(problem)]
        BudgetFrontier.keepNoWorse(&outcomes, than: [below], problems: [problem], gap: 1e-4)
        #expect(outcomes[0].status.isPlanned)
        #expect(outcomes[0].counts == planned.counts)
        #expect(abs(outcomes[0].value - planned.value) <= 1e-9 * max(1, planned.value))
    }

    @Test func scaleOneGetsTwoFifthsOfTheTimeAmongTheDefaultScales() {
        #expect(BudgetFrontier.timeWeights(BudgetFrontier.defaultScales).enumerated().allSatisfy { k, share in
            abs(share - (BudgetFrontier.defaultScales[k] == 1 ? 0.4 : 0.12)) < 1e-12
        })
        // With fewer points scale 1 has at least an equal share; without it, all are equal.
        #expect(BudgetFrontier.timeWeights([1]) == [1])
        #expect(BudgetFrontier.timeWeights([1, 2]) == [0.5, 0.5])
        #expect(BudgetFrontier.timeWeights([0.8, 1, 1.2]).map { ($0 * 1e9).rounded() } == [3e8, 4e8, 3e8])
        #expect(BudgetFrontier.timeWeights([0.5, 0.75]) == [0.5, 0.5])
    }

    @Test func frontierCSVHasARowPerScaleAndOrganisationAndAnAllRow() throws {
        let estate = try Estate.load(registerPath: Fixtures.spec("5_goal_least_budget").register,
                                     scenarioPath: Fixtures.spec("5_goal_least_budget").scenario)
        let rows = BudgetFrontier(scales: [1, 2], options: exactOptions()).run(estate) { _ in }
        let text = FrontierRow.csv(rows)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "scale,council,budget,exposure,bound,nominalCost,presentValueCost,units,isolated,lateRiskYears,status")
        #expect(lines.count == 1 + 2 * 4)
        // Fife at ×2 (2000 a year): SPEC fixture 5's table has x = 2 cameras in 2026/27 need
        // s ≥ 1.7 and x = 3 need 2.55, so two go in 2026/27 and one in 2027/28: exposure
        // 2 · 0.5 + 1.5 = 2.5, nominal 2 · 850 + 892.50 = 2592.50, present value at r = 0.035
        // 1700 · 1.035^−0.5 + 892.50 · 1.05^−1 · 1.035^−1.5 = 1671.01 + 807.25 = 2478.26.
        #expect(lines.contains("2,Fife,4000,2.5,2.5,2592.5,2478.26,3,0,0,optimal"), "\(text)")
        // At ×1 Fife cannot meet its deadline (it needs ×1.4734): a best-effort plan.
        #expect(lines.contains { $0.hasPrefix("1,Fife,2000,") && $0.hasSuffix(",infeasible") })
        #expect(lines.contains { $0.hasPrefix("1,all,6200,") })
    }
}
