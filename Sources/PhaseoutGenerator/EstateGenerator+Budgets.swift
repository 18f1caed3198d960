#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension EstateGenerator {
    /// What every council's budget and labour are sized against: the period length, the critical
    /// deadline, inflation, and the dearest unit that may have to fit in one period.
    struct BudgetTerms {
        /// Years per period.
        let y: Double
        let periodCount: Int
        /// The 1-based period by whose end critical sites are due: the end of the second year.
        let deadlineIndex: Int
        /// The dearest single unit plus the dearest site visit.
        let grain: Int
        /// The longest single unit's labour.
        let grainHours: Int

        init(options o: GeneratorOptions, periodCount: Int, costs: KindCosts, traits: ProfileTraits) {
            y = o.resolvedPeriodYears
            self.periodCount = periodCount
            deadlineIndex = min(periodCount, max(1, Int((2 / y).rounded())))
            let maxVisit = Catalogue.categories.map(traits.visitCost).max() ?? 0
            grain = max(costs.street, costs.indoor, costs.recorder) + maxVisit
            grainHours = max(EstateGenerator.streetHours, EstateGenerator.indoorHours, EstateGenerator.recorderHours)
        }

        /// The price factor of period `t` (1-based) relative to period 1.
        func inflate(_ t: Int) -> Double { pow(1 + EstateGenerator.inflation, y * Double(t - 1)) }

        /// A council's yearly budget at period-1 prices, and whether it was raised above the drawn share.
        ///
        /// Short councils get 5–10 % of their at-risk cost, capped at 70 % of what the deadline
        /// needs; others 15–30 %, raised so that the deadline, a recorder block and the dearest unit
        /// fit; councils with nothing at risk 2–5 % of their estate's cost.
        func annualBudget(for t: CouncilTally, isShort: Bool,
                          rng: inout SeededGenerator) -> (annual: Double, raised: Bool) {
            let d = Double(deadlineIndex)
            let drawn = isShort ? rng.nextDouble(0.05, 0.10) : rng.nextDouble(0.15, 0.30)
            if t.atRiskUnits == 0 {
                return (EstateGenerator.ceilTo100(rng.nextDouble(0.02, 0.05) * Double(t.estateCost)), false)
            }
            if isShort {
                let cap = 0.7 * Double(t.deadlineCost) / (y * d * inflate(deadlineIndex))
                return (EstateGenerator.floorTo100(min(drawn * Double(t.atRiskCost), cap)), false)
            }
            let base = drawn * Double(t.atRiskCost)
            var floor = 0.0
            if t.deadlineCost > 0 {
                floor = (1.15 * Double(t.deadlineCost) + d * Double(grain)) * inflate(deadlineIndex) / (y * d)
            }
            // One period's budget buys the dearest recorder block and the dearest single unit.
            let block = max(t.maxLeaderCost, t.maxUnitCost)
            floor = max(floor, 1.05 * Double(block) * inflate(periodCount) / y)
            return (EstateGenerator.ceilTo100(max(base, floor)), floor > base)
        }

        /// The budget of each period: the yearly budget for the period's length, inflated.
        func periodBudgets(annual: Double) -> [Int] {
            (1...periodCount).map { Int((annual * y * inflate($0)).rounded()) }
        }

        /// A council's labour hours per period, the same in every period: in proportion to its
        /// budget share, raised so that the deadline and its longest recorder job fit.
        func labourPerPeriod(for t: CouncilTally, annual: Double, rng: inout SeededGenerator) -> [Int] {
            let d = Double(deadlineIndex)
            var hours: Double
            if t.atRiskUnits == 0 {
                hours = 0.05 * Double(t.estateHours)
            } else {
                let share = max(Double(annual) / Double(t.atRiskCost), 0.15)
                hours = Double(t.atRiskHours) * share * rng.nextDouble(1.0, 1.3)
                if t.deadlineHours > 0 {
                    hours = max(hours, (1.15 * Double(t.deadlineHours) + d * Double(grainHours)) / (y * d))
                }
                if t.maxLeaderHours > 0 { hours = max(hours, 1.05 * Double(t.maxLeaderHours) / y) }
            }
            let perPeriod = max(1, Int((hours * y).rounded(.up)))
            return [Int](repeating: perPeriod, count: periodCount)
        }
    }
}
