import Foundation

/// The ranges of numbers Phaseout plans with (docs/input-ranges.md).
///
/// Every number read from a register, a scenario or a plan.csv is checked against these
/// bounds before any solving, so that each sum, product and whole-number conversion the
/// planner, the verifier and the outputs make stays finite, fits an `Int` and is exact to the
/// penny in a `Double` (2^53 pence is about £9e13). A number outside its range is an input
/// error naming the file, line and field; the limits lie far beyond any real estate.
///
/// ```swift
/// InputRanges.maxQuantity        // 1_000_000_000 units in one register row
/// InputRanges.maxMoney           // £1e12 per cost or per period's budget
/// ```
public enum InputRanges {
    /// The most units one register row, or one plan.csv row, may stand for.
    public static let maxQuantity = 1_000_000_000
    /// The most units (at risk or contracted works) one organisation may have.
    public static let maxUnitsPerOrganisation = 1_000_000_000
    /// The largest cost (per unit or per site visit) and the largest budget of one period, in £.
    public static let maxMoney = 1e12
    /// The smallest non-zero cost, in £: a cost is 0 or at least a penny.
    public static let minCost = 0.01
    /// The largest total of one organisation's budgets over the horizon, and the most its whole
    /// estate may cost in any one period (every unit and every site visit), in £.
    public static let maxOrganisationMoney = 1e13
    /// The most labour hours per unit, or per period of one organisation's limit.
    public static let maxHours = 1e9
    /// The fewest non-zero labour hours per unit: labour is 0 or at least 0.01 hours.
    public static let minHours = 0.01
    /// The most labour hours one organisation's whole estate may need.
    public static let maxOrganisationHours = 1e12
    /// The largest risk weight of a vendor, a sensitivity level or a kind.
    public static let maxWeight = 1e6
    /// The largest annual rate (inflation, discount); the smallest is above −1.
    public static let maxRate = 1.0
    /// The longest period, in years.
    public static let maxPeriodYears = 100.0
    /// The most periods a scenario may have.
    public static let maxPeriods = 1000
    /// Prices may change at most this many times over the horizon: every price factor
    /// (1+i)^(Y·t) lies in [1/maxPriceChange, maxPriceChange].
    public static let maxPriceChange = 1e3
    /// Every discount factor (1+i)^−(Y·t)·(1+r)^−(Y·(t+0.5)) lies in [1/maxDiscount, maxDiscount].
    public static let maxDiscount = 1e6

    /// A number for messages: whole numbers in digits, others as Swift prints them.
    static func text(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%g", x)
    }
}
