import PhaseoutGenerator
import Testing
import TestSupport
@testable import Phaseout

/// The Lagrangian relaxation with isolation and removal (``LagrangianRelaxation/bestTreatedChoice(site:lambda:mu:nu:paidVisit:)``)
/// against the unit-path brute force of tiny v2 estates, which shares no code with Planning.
@Suite("The Lagrangian relaxation with treatments against brute force")
struct TreatedRelaxationTests {
    /// At prices within the carry cone the relaxation's value is the least priced value of any
    /// plan keeping the rules other than money and hours: objective + Σ λ·(spend − budget) +
    /// Σ μ·(hours − labour). The brute force computes that least directly, at random prices, for
    /// the problem and for its best-effort form (deadlines dropped).
    @Test("200 tiny v2 estates: the relaxed value equals the brute-force least at random prices")
    func relaxedValueIsExact() {
        var compared = 0, treatedSites = 0
        var rng = SplitMix64(seed: 9100)
        Self.forEachOrganisation(seeds: 9100..<9300) { seed, organisation, problem, brute in
            treatedSites += problem.sites.count { $0.groups.contains { $0.atRisk && $0.locked == nil && $0.hasTreatments } }
            var plans: [BrutePaths.Evaluation] = []
            brute.forEachPlan { plans.append($0) }
            for bestEffort in [false, true] {
                let relaxation = LagrangianRelaxation(problem: bestEffort ? problem.withoutDeadlines : problem)
                let (lambda, mu) = Self.prices(problem, &rng)
                let evaluation = relaxation.evaluate(money: lambda, hours: mu)
                let kept = plans.filter { bestEffort ? $0.keepsRulesButDeadlines : $0.keepsRules }
                let least = kept.map { Self.priced($0, relaxation: relaxation, lambda: lambda, mu: mu) }.min()
                let context = "seed \(seed) \(organisation.name)\(bestEffort ? " (best effort)" : "")"
                guard let least else {
                    // Locked work is fixed, not checked against the deadlines: the structural
                    // check before any solve reports a lock that misses one.
                    #expect(evaluation.siteInfeasible || Self.lockMissesDeadline(problem),
                            "\(context): no plan keeps the rules, the relaxation finds one")
                    continue
                }
                #expect(!evaluation.siteInfeasible, "\(context): the relaxation finds no choice where a plan exists")
                #expect(abs(evaluation.value - least) <= 1e-6 * max(1, abs(least)),
                        "\(context): relaxed value \(evaluation.value), brute-force least \(least)")
                compared += 1
                if bestEffort {
                    // With late risk-years: L alone (the first stage), or the value with L
                    // above a cap priced at ν (the second).
                    let nu = rng.double() * 3, cap = rng.double() * 20
                    for capped in [false, true] {
                        let late = capped ? LagrangianRelaxation.capped(problem.withoutDeadlines, late: cap)
                            : LagrangianRelaxation.leastLate(problem.withoutDeadlines)
                        let weight = capped ? nu : 1
                        let value = late.evaluate(money: lambda, hours: mu, late: weight).value
                        let leastLate = kept.map { plan in
                            Self.priced(plan, relaxation: relaxation, lambda: lambda, mu: mu) - (capped ? 0 : plan.value)
                                + weight * (plan.late - (capped ? cap : 0))
                        }.min()!
                        #expect(abs(value - leastLate) <= 1e-6 * max(1, abs(leastLate)),
                                "\(context): with L (\(capped ? "capped" : "alone")) \(value), brute-force least \(leastLate)")
                    }
                }
                // Without the visit sets enumerated, visits are dropped: a bound, not exact.
                var loose = relaxation
                loose.exactVisitPeriods = 0
                let looseValue = loose.evaluate(money: lambda, hours: mu).value
                #expect(looseValue <= least + 1e-6 * max(1, abs(least)), "\(context): without visit sets \(looseValue) > \(least)")
            }
        }
        #expect(compared >= 150, "only \(compared) comparisons")
        #expect(treatedSites >= 100, "only \(treatedSites) sites with treatments")
    }

    /// Calls `body` with each organisation that has units to plan, of the tiny v2 estates of `seeds`.
    static func forEachOrganisation(seeds: Range<UInt64>,
                                    _ body: (UInt64, Organisation, OrganisationProblem, BrutePaths) -> Void) {
        for seed in seeds {
            let tiny = TinyEstate.randomWithTreatments(seed: seed, shape: TreatmentBruteForceTests.shape)
            guard tiny.hasTreatments, let estate = try? tiny.estate() else { continue }
            for organisation in estate.organisations {
                guard let o = tiny.organisations.firstIndex(of: organisation.name) else { continue }
                let brute = BrutePaths(estate: tiny, org: o)
                guard !brute.classes.isEmpty else { continue }
                body(seed, organisation, OrganisationProblem(organisation: organisation, scenario: estate.scenario,
                                                             register: estate.register), brute)
            }
        }
    }

    /// Whether locked units are due before their lock.
    static func lockMissesDeadline(_ problem: OrganisationProblem) -> Bool {
        problem.sites.contains { site in
            site.groups.contains { group in
                guard let lock = group.locked, group.atRisk else { return false }
                return [group.deadline, group.isolationDeadline].contains { $0.map { lock > $0 } ?? false }
            }
        }
    }

    /// A plan's value with its money and hours priced against the budgets and labour.
    static func priced(_ plan: BrutePaths.Evaluation, relaxation: LagrangianRelaxation, lambda: [Double], mu: [Double]) -> Double {
        var total = plan.value
        for t in lambda.indices {
            let labour = relaxation.labour?[t] ?? 0
            total += lambda[t] * (plan.spend[t] - relaxation.budget[t])
            total += mu[t] * (plan.hours[t] - labour)
        }
        return total
    }

    /// Money prices λ ≥ 0 with λ(t+1) ≤ λ(t)/ρ (where carry-over is worth nothing) and hours prices.
    static func prices(_ problem: OrganisationProblem, _ rng: inout SplitMix64) -> ([Double], [Double]) {
        var lambda = (0..<problem.periodCount).map { _ in rng.chance(0.2) ? 0 : rng.double() * 0.05 }
        if problem.carryOver > 0 {
            for t in 1..<max(1, problem.periodCount) { lambda[t] = min(lambda[t], lambda[t - 1] / problem.carryOver) }
        }
        let mu = (0..<problem.periodCount).map { _ in problem.labourHours == nil ? 0 : rng.double() * 2 }
        return (lambda, mu)
    }

    /// The maximised relaxation bounds the optimum, and without deadlines the best effort's
    /// exposure; the quick bound now raises treated organisations' bounds and stays below both.
    @Test("200 tiny v2 estates: the bound and the quick bound never exceed the brute-force optimum")
    func boundNeverExceedsOptimum() {
        var raised = 0, bestEfforts = 0
        Self.forEachOrganisation(seeds: 9300..<9500) { seed, organisation, problem, brute in
            let truth = brute.solve()
            let solver = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now)
            let nothing = PlanCounts(problem: problem)
            let baseline = solver.primaryValue(PlanMeasures(problem: problem, counts: nothing))
            let slack = 1e-6 * max(1, abs(baseline))
            let context = "seed \(seed) \(organisation.name)"
            var unplanned = OrganisationOutcome(status: .unknown, counts: nothing, value: baseline, bound: solver.trivialBound)
            solver.strengthenWithQuickBound(&unplanned)
            if unplanned.bound > solver.trivialBound + slack { raised += 1 }
            switch unplanned.status {
            case .infeasible:
                #expect(truth.best == nil, "\(context): called infeasible, but a plan exists")
            case .optimal, .feasible:
                #expect(unplanned.counts.keepsEverything(of: problem), "\(context): the quick plan breaks a rule")
                fallthrough
            case .unknown:
                if let best = truth.best { #expect(unplanned.bound <= best + slack, "\(context): bound \(unplanned.bound) above \(best)") }
            }
            guard truth.best == nil, !brute.estate.objectiveIsCost, let effort = truth.bestEffort else { return }
            var infeasible = OrganisationOutcome(status: .infeasible, counts: nothing, value: effort.value, bound: solver.trivialBound)
            infeasible.lateRiskYears = effort.late
            solver.strengthenWithQuickBound(&infeasible)
            bestEfforts += 1
            #expect(infeasible.bound <= effort.value + slack, "\(context): best-effort bound \(infeasible.bound) above \(effort.value)")
        }
        #expect(raised >= 50, "the quick bound raised only \(raised) bounds")
        #expect(bestEfforts >= 10, "only \(bestEfforts) best efforts")
    }
}
