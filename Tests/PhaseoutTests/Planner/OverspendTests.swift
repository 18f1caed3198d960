import Testing
import PhaseoutGenerator
@testable import Phaseout

/// `PlanMeasures.overspend(of:)` is the shortfall an infeasible organisation reports: what its
/// elastic plan overspends, per period, in whole pounds and hours. Checked on random plans of
/// seeded estates against a carry recomputed here, period by period.
@Suite("A plan's overspend")
struct OverspendTests {
    /// A plan that replaces each group's units in one random period, or leaves them.
    static func randomCounts(of problem: OrganisationProblem, random: inout SplitMix64) -> PlanCounts {
        var counts = PlanCounts(problem: problem)
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() where random.chance(0.7) {
                counts.counts[s][g][random.int(problem.periodCount)] = group.count
            }
        }
        return counts
    }

    @Test func theOverspendFundsThePlanAndNoPoundLessDoes() throws {
        var overspent = 0
        for seed in UInt64(1)...60 {
            let estate = try TinyEstate.random(seed: seed, shape: .small).estate()
            var random = SplitMix64(seed: seed)
            for organisation in estate.organisations {
                let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
                let counts = Self.randomCounts(of: problem, random: &random)
                let measures = PlanMeasures(problem: problem, counts: counts)
                let (money, hours) = measures.overspend(of: problem)
                var funded = problem
                funded.budget = zip(problem.budget, money).map { $0 + Double($1) }
                if let labour = problem.labourHours { funded.labourHours = zip(labour, hours).map { $0 + Double($1) } }
                #expect(PlanMeasures(problem: funded, counts: counts).keepsBudgets(of: funded), "seed \(seed) \(problem.name): \(money) \(hours)")
                // No period asks for a pound (or an hour) more than it overspends, with the carry
                // that the money asked for earlier brings.
                var carry = 0.0
                for t in 0..<problem.periodCount {
                    let available = problem.budget[t] + carry
                    let over = measures.spend[t] - available
                    #expect(Double(money[t]) < max(0, over) + 1, "seed \(seed) \(problem.name) period \(t): \(money[t]) for \(over)")
                    if over <= 0 { #expect(money[t] == 0) }
                    carry = max(0, problem.carryOver * (available + Double(money[t]) - measures.spend[t]))
                    let overHours = measures.labour[t] - (problem.labourHours?[t] ?? .infinity)
                    #expect(Double(hours[t]) < max(0, overHours) + 1, "seed \(seed) \(problem.name) period \(t)")
                    if money[t] > 0 || hours[t] > 0 { overspent += 1 }
                }
            }
        }
        #expect(overspent >= 30, "only \(overspent) overspent periods were tested")
    }
}
