import Foundation
import Testing
@testable import Phaseout

/// "What more money buys": shadow prices checked against finite differences of the same
/// fixed-decision LP, and what-if figures checked against separate re-plans.
@Suite("Shadow prices and what-if")
struct ShadowPriceTests {
    /// A planned organisation: its problem and the plan's counts.
    struct Planned {
        var problem: OrganisationProblem
        var counts: PlanCounts
    }

    /// Plans every organisation of `estate` exactly and keeps those with a plan.
    func planned(_ estate: Estate) -> [Planned] {
        estate.organisations.compactMap { organisation in
            let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
            let outcome = OrganisationSolver(problem: problem, relativeGap: 0, deadline: .now + .seconds(30)).solve()
            guard WhatIfAnalysis.isPlanned(outcome) else { return nil }
            return Planned(problem: problem, counts: outcome.counts)
        }
    }

    /// The fixed-decision LP's optimum with budgets (or hours) moved, `nil` when infeasible.
    func optimum(_ planned: Planned, budget: [Double]? = nil, labour: [Double]? = nil) -> Double? {
        let (_, solution) = ShadowPrices(problem: planned.problem)
            .solveFixedDecisionLP(at: planned.counts, budget: budget, labour: labour)
        guard let solution, solution.termination == .optimal else { return nil }
        return solution.objectiveValue
    }

    /// One-sided slopes of the LP optimum (objective removed per unit of resource) when
    /// resource t moves by ±δ: the optimum is convex in the right-hand side, so the price lies
    /// between the right slope (gain from more) and the left slope (loss from less).
    struct Slopes {
        var more: Double
        var less: Double?
    }

    func slopes(_ planned: Planned, period t: Int, delta: Double, labour: Bool) -> Slopes? {
        let base = labour ? planned.problem.labourHours! : planned.problem.budget
        func moved(_ step: Double) -> [Double] { var copy = base; copy[t] += step; return copy }
        guard let here = optimum(planned) else { return nil }
        let up = labour ? optimum(planned, labour: moved(delta)) : optimum(planned, budget: moved(delta))
        guard let up else { return nil }
        let down = base[t] >= delta ? (labour ? optimum(planned, labour: moved(-delta)) : optimum(planned, budget: moved(-delta))) : nil
        return Slopes(more: (here - up) / delta, less: down.map { ($0 - here) / delta })
    }

    /// Checks every budget (and labour) price of `planned` against its finite differences;
    /// returns how many periods had a smooth optimum (left slope = right slope = price).
    @discardableResult
    func checkAgainstFiniteDifferences(_ planned: Planned, label: String) -> Int {
        guard let prices = ShadowPrices(problem: planned.problem).prices(at: planned.counts) else {
            Issue.record("\(label): the fixed-decision LP did not solve")
            return 0
        }
        var smooth = 0
        for t in 0..<planned.problem.periodCount {
            let checks: [(price: Double, delta: Double, labour: Bool)] =
                [(prices.perThousandPounds[t] / 1000, 1, false)]
                + (prices.perLabourHour.map { [($0[t], 0.01, true)] } ?? [])
            for check in checks {
                guard let slopes = slopes(planned, period: t, delta: check.delta, labour: check.labour) else { continue }
                let tolerance = 1e-6 * max(1, abs(check.price)) + 1e-7
                let what = "\(label) t\(t + 1) \(check.labour ? "labour" : "budget")"
                #expect(check.price >= slopes.more - tolerance, "\(what): price \(check.price) below the right slope \(slopes.more)")
                if let less = slopes.less {
                    #expect(check.price <= less + tolerance, "\(what): price \(check.price) above the left slope \(less)")
                    if abs(less - slopes.more) <= tolerance {
                        smooth += 1
                        #expect(abs(check.price - slopes.more) <= tolerance, "\(what): price \(check.price), slope \(slopes.more)")
                    }
                }
                #expect(check.price >= 0, "\(what): negative price \(check.price)")
            }
        }
        return smooth
    }

    @Test("Fixture 1: the plan of EXPECTED.md, and its prices equal the LP's finite differences")
    func fixtureOnePricesMatchFiniteDifferences() throws {
        let estate = try fixture("1_exposure_inflation_carry_visit")
        let plans = planned(estate)
        try #require(plans.count == 1)
        let fife = plans[0]
        #expect(abs(PlanMeasures(problem: fife.problem, counts: fife.counts).exposure - 22) < 1e-9)
        // The plan visits S1 in 2027/28 and 2028/29 only: those visits are what the LP keeps.
        let s1 = try #require(fife.problem.sites.firstIndex { $0.id == "S1" })
        #expect(SiteDecisions(problem: fife.problem, counts: fife.counts).visited[s1] == [false, true, true])
        let prices = try #require(ShadowPrices(problem: fife.problem).prices(at: fife.counts))
        #expect(prices.perLabourHour == nil)
        #expect(prices.perThousandPounds.allSatisfy { $0 > 0 })
        // Every period is smooth here, so each price is the slope itself.
        #expect(checkAgainstFiniteDifferences(fife, label: "fixture 1") == 3)
    }

    @Test("Seeded estates: prices lie between the LP's one-sided slopes, and equal them where smooth")
    func seededPricesMatchFiniteDifferences() throws {
        var organisations = 0, smooth = 0, withLabour = 0, positive = 0
        for seed in UInt64(700)..<UInt64(730) {
            let estate = try TinyEstate.random(seed: seed).estate()
            for plan in planned(estate) {
                organisations += 1
                if plan.problem.labourHours != nil { withLabour += 1 }
                let prices = ShadowPrices(problem: plan.problem).prices(at: plan.counts)
                positive += prices?.perThousandPounds.filter { $0 > 0 }.count ?? 0
                smooth += checkAgainstFiniteDifferences(plan, label: "seed \(seed) \(plan.problem.name)")
            }
        }
        #expect(organisations >= 15)
        #expect(withLabour >= 3)
        #expect(smooth >= 20)
        #expect(positive >= 10, "too few binding budgets to test anything")
    }

    @Test("The prices come from the fixed-decision LP, not the plain LP relaxation")
    func visitsAreFixed() throws {
        let estate = try fixture("1_exposure_inflation_carry_visit")
        let fife = try #require(planned(estate).first)
        let model = ShadowPrices.fixedDecisionModel(problem: fife.problem, counts: fife.counts)
        #expect(!model.model.isMixedInteger)
        let s1 = try #require(fife.problem.sites.firstIndex { $0.id == "S1" })
        for t in 0..<3 {
            let visit = try #require(model.visit[s1][t])
            let info = model.model.variables[visit.index]
            #expect(info.lowerBound == info.upperBound)
            #expect(info.lowerBound == (t == 0 ? 0 : 1))
        }
    }

    /// The planner's what-if figure for every organisation and period equals a separate run on
    /// an estate whose budget was raised by hand.
    func checkWhatIf(_ tiny: TinyEstate, amount: Double, label: String) throws -> Int {
        var options = exactOptions()
        options.whatIfAmount = amount
        let plan = Planner(options: options).planSynchronously(try tiny.estate())
        var compared = 0
        for (o, organisation) in plan.organisations.enumerated() {
            let planned = organisation.status == .optimal || organisation.status == .feasible
            for (t, period) in organisation.periods.enumerated() {
                guard planned else { #expect(period.whatIf == nil); continue }
                let whatIf = try #require(period.whatIf, "\(label) \(organisation.name) t\(t + 1): no what-if")
                var raised = tiny
                raised.budgets[o][t] += amount
                let replan = Planner(options: exactOptions()).planSynchronously(try raised.estate())
                let other = replan.organisations[o]
                #expect(whatIf.status == .optimal && other.status == .optimal)
                let expected = organisation.exposure - other.exposure
                #expect(abs(whatIf.exposureRemoved - expected) <= 1e-6 * max(1, organisation.exposure),
                        "\(label) \(organisation.name) t\(t + 1): what-if \(whatIf.exposureRemoved), re-plan \(expected)")
                #expect(whatIf.amount == amount)
                compared += 1
            }
        }
        return compared
    }

    @Test("What-if on fixture 1 equals a re-plan with the budget raised by hand in the JSON")
    func fixtureOneWhatIf() throws {
        let estate = try fixture("1_exposure_inflation_carry_visit")
        var options = exactOptions()
        options.whatIfAmount = 1000
        let plan = Planner(options: options).planSynchronously(estate)
        let dir = fixturesDirectory.appendingPathComponent("1_exposure_inflation_carry_visit")
        let registerText = try String(contentsOf: dir.appendingPathComponent("register.csv"), encoding: .utf8)
        let scenarioText = try String(contentsOf: dir.appendingPathComponent("scenario.json"), encoding: .utf8)
        let budgets = ["[2200, 1500, 1800]", "[1200, 2500, 1800]", "[1200, 1500, 2800]"]
        for (t, raisedBudgets) in budgets.enumerated() {
            let text = scenarioText.replacingOccurrences(of: "[1200, 1500, 1800]", with: raisedBudgets)
            #expect(text != scenarioText)
            let raised = try Estate.build(register: RegisterReader.parse(registerText, fileName: "register.csv"),
                                          scenario: ScenarioReader.parse(text, fileName: "scenario.json"))
            let replan = Planner(options: exactOptions()).planSynchronously(raised)
            let whatIf = try #require(plan.organisations[0].periods[t].whatIf)
            #expect(replan.status == .optimal && whatIf.status == .optimal && whatIf.gap == 0)
            #expect(abs(whatIf.exposureRemoved - (22 - replan.exposure)) < 1e-9, "t\(t + 1)")
        }
    }

    @Test("What-if on seeded estates equals re-plans with budgets raised by hand")
    func seededWhatIf() throws {
        var compared = 0
        for seed in UInt64(740)..<UInt64(752) {
            var tiny = TinyEstate.random(seed: seed)
            tiny.objectiveIsCost = false
            compared += try checkWhatIf(tiny, amount: 500, label: "seed \(seed)")
        }
        #expect(compared >= 10)
    }

    @Test("summary.json carries the prices and what-if per organisation and period")
    func summaryCarriesFigures() throws {
        let estate = try fixture("1_exposure_inflation_carry_visit")
        var options = exactOptions()
        options.whatIfAmount = 1000
        let plan = Planner(options: options).planSynchronously(estate)
        let json = try JSONSerialization.jsonObject(with: PlanWriter(estate: estate).summaryJSON(plan)) as? [String: Any]
        let organisation = try #require((json?["organisations"] as? [[String: Any]])?.first)
        #expect((organisation["shadowPriceNote"] as? String)?.contains("per extra £1,000") == true)
        let periods = try #require(organisation["periods"] as? [[String: Any]])
        #expect(periods.count == 3)
        for period in periods {
            #expect(period["shadowPricePer1000"] is Double)
            let whatIf = try #require(period["whatIf"] as? [String: Any])
            #expect(whatIf["amount"] as? Double == 1000)
            #expect(whatIf["exposureRemoved"] is Double && whatIf["status"] as? String == "optimal" && whatIf["gap"] is Double)
        }
    }

    @Test("The report shows a table per organisation and says where the shadow price misleads")
    func reportShowsMargins() throws {
        let estate = try fixture("1_exposure_inflation_carry_visit")
        var options = exactOptions()
        options.whatIfAmount = 1000
        let plan = Planner(options: options).planSynchronously(estate)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shadow-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try PlanWriter(estate: estate).write(plan.verified(against: estate), to: directory)
        let page = try String(contentsOf: ReportWriter().write(planDirectory: directory), encoding: .utf8)
        #expect(page.contains("What more money buys, Fife"))
        #expect(page.contains("id=\"margins-explained\""))
        #expect(page.contains("misleads whenever £1,000 would pay for a new site visit"))
        // Fixture 1's first period: the LP's 2.5 per £1,000 against 8.5 actually bought.
        #expect(page.contains("data-period=\"2026/27\" data-field=\"shadowPricePer1000\" data-value=\"2.5\""))
        #expect(page.contains("data-period=\"2026/27\" data-field=\"whatIfRemoved\" data-value=\"8.5\""))
    }
}
