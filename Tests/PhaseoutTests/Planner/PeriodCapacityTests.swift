import Foundation
import Testing
import LPSolve
@testable import Phaseout
import LinearProgramming

/// The period capacities that sharpen the planning model's big-Ms, on a council whose
/// town-centre site has 21 cameras behind a £1,200 visit and a recorder, and a budget that buys
/// a few cameras a year.
@Suite("Period capacity: tighter visits and recorders-first rows")
struct PeriodCapacityTests {
    /// 21 cameras (£2,750, 6 h) and a recorder (£4,200, 8 h) at a town centre (£1,200 a visit),
    /// and a contracted unit of £1,000 (4 h) locked into the first period at a second site.
    static func council(years: Int = 3, inflation: Double = 0) -> OrganisationProblem {
        let factors = (0..<years).map { pow(1 + inflation, Double($0)) }
        func group(_ site: Int, _ index: Int, weight: Double, cost: Double, hours: Double, count: Int,
                   leader: Bool = false, locked: Int? = nil) -> OrganisationProblem.GroupProblem {
            OrganisationProblem.GroupProblem(reference: GroupReference(site: site, group: index), weight: weight, unitCost: cost,
                                             hours: hours, count: count, isLeader: leader, deadline: nil, locked: locked)
        }
        let townCentre = OrganisationProblem.SiteProblem(id: "S1", visitCost: 1_200, groups: [
            group(0, 0, weight: 16, cost: 4_200, hours: 8, count: 1, leader: true),
            group(0, 1, weight: 4, cost: 2_750, hours: 6, count: 21),
        ])
        let depot = OrganisationProblem.SiteProblem(id: "S2", visitCost: 0, groups: [
            group(1, 0, weight: 1, cost: 1_000, hours: 4, count: 1, locked: 0),
        ])
        return OrganisationProblem(
            name: "Testshire", periodCount: years, periodYears: 1, objective: .exposure, mustBeGoneByHorizon: false,
            priceFactor: factors,
            presentValueFactor: factors.map { 1 / $0 }, budget: [Double](repeating: 10_000, count: years),
            labourHours: [Double](repeating: 34, count: years), carryOver: 0.5, sites: [townCentre, depot])
    }

    @Test func capacitiesFollowTheBudgetsCarryAndHours() {
        let problem = Self.council()
        let capacity = PeriodCapacity(problem: problem, budget: problem.budget, labour: problem.labourHours)
        // Own money: budget less the contracted £1,000 in the first period.
        #expect(capacity.ownMoney == [9_000, 10_000, 10_000])
        // At most half of what is left is carried: 9,000 → +4,500 → +7,250.
        #expect(capacity.money == [9_000, 14_500, 17_250])
        #expect(capacity.hours == [30, 34, 34])
        let cameras = problem.sites[0].groups[1]
        // (9,000 − 1,200) / 2,750 = 2.8, (14,500 − 1,200) / 2,750 = 4.8, (17,250 − 1,200) / 2,750 = 5.8;
        // the hours allow 5, 5, 5.
        #expect((0..<3).map { capacity.units(of: cameras, at: problem.sites[0], period: $0) } == [2, 4, 5])
        // Behind the recorder, by the end of each period: (money so far − 4,200 − 1,200) / 2,750
        // and (hours so far − 8) / 6: 1, 4 (hours: 9), 8 (hours: 15).
        #expect((0..<3).map { capacity.unitsBehindLeaders(of: cameras, at: problem.sites[0], by: $0) } == [1, 4, 8])
    }

    /// The sharpened model keeps the optimum and raises the LP relaxation (the point of it).
    @Test func strengtheningKeepsTheOptimumAndRaisesTheRelaxation() throws {
        let solver = LPSolveSolver()
        for inflation in [0, 0.03] {
            let problem = Self.council(years: 4, inflation: inflation)
            var values: [(relaxed: Double, optimum: Double)] = []
            for strengthen in [false, true] {
                var model = OrganisationModel(problem: problem, aggregate: false, strengthen: strengthen)
                model.setObjective(.minimize, model.exposure)
                var parameters = SolverParameters()
                parameters.relativeGap = 0
                parameters.absoluteGap = 1e-9
                let relaxed = try solver.solve(model.model.relaxed(), parameters: parameters)
                let whole = try solver.solve(model.model, parameters: parameters)
                #expect(whole.termination == .optimal)
                values.append((try #require(relaxed.objectiveValue), try #require(whole.objectiveValue)))
            }
            #expect(abs(values[0].optimum - values[1].optimum) < 1e-6)
            #expect(values[1].relaxed > values[0].relaxed + 1, "relaxation \(values[0].relaxed) → \(values[1].relaxed)")
            #expect(values[1].relaxed <= values[1].optimum + 1e-6)
        }
    }
}
