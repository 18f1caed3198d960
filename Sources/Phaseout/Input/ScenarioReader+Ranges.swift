import Foundation

/// The scenario's numbers checked against ``InputRanges`` (docs/input-ranges.md).
extension ScenarioReader.Reader {
    /// A cost in £: 0, or from a penny to ``InputRanges/maxMoney``; else nil after an error.
    mutating func cost(_ value: JSONValue, _ path: String) -> Double? {
        guard let x = number(value, path, maximum: InputRanges.maxMoney) else { return nil }
        if x > 0 && x < InputRanges.minCost {
            error(value, path, "\(path) must be 0 or at least 0.01 (a penny), not \(x)")
            return nil
        }
        return x
    }

    /// Labour hours per unit: 0, or from 0.01 to ``InputRanges/maxHours``; else nil after an error.
    mutating func unitHours(_ value: JSONValue, _ path: String) -> Double? {
        guard let x = number(value, path, maximum: InputRanges.maxHours) else { return nil }
        if x > 0 && x < InputRanges.minHours {
            error(value, path, "\(path) must be 0 or at least 0.01 hours, not \(x)")
            return nil
        }
        return x
    }

    /// A risk weight, from 0 to ``InputRanges/maxWeight``; else nil after an error.
    mutating func weight(_ value: JSONValue, _ path: String) -> Double? {
        number(value, path, maximum: InputRanges.maxWeight)
    }

    /// A share in [0, 1) (an isolated unit's `residualRisk` φ); else nil after an error.
    mutating func share(_ value: JSONValue, _ path: String) -> Double? {
        guard let x = number(value, path) else { return nil }
        if x >= 1 {
            error(value, path, "\(path) must be less than 1: it is the share of the risk left while isolated (\(Self.format(x)))")
            return nil
        }
        return x
    }

    /// An annual rate in (−1, ``InputRanges/maxRate``]; else nil after an error.
    mutating func rate(_ value: JSONValue, _ path: String) -> Double? {
        number(value, path, minimum: -1, strictly: true, maximum: InputRanges.maxRate)
    }

    /// A budget series: T amounts of at most ``InputRanges/maxMoney`` whose total is at most
    /// ``InputRanges/maxOrganisationMoney``; else nil after an error.
    mutating func budgetSeries(_ value: JSONValue, _ path: String, count: Int?) -> [Double]? {
        guard let amounts = series(value, path, count: count, maximum: InputRanges.maxMoney) else { return nil }
        let total = amounts.reduce(0, +)
        if total > InputRanges.maxOrganisationMoney {
            error(value, path, "\(path) totals £\(InputRanges.text(total)); an organisation's budgets may total at most £1e13")
            return nil
        }
        return amounts
    }

    /// Whether the number of periods is at most ``InputRanges/maxPeriods``, after an error if not.
    mutating func periodCountInRange(_ value: JSONValue, count: Int) -> Bool {
        guard count > InputRanges.maxPeriods else { return true }
        error(value, "periods", "periods lists \(count) periods; a scenario may have at most \(InputRanges.maxPeriods)")
        return false
    }

    /// Checks that every price factor (1+i)^(Y·t) and discount factor (1+r)^−(Y·(t+0.5)) of
    /// the horizon stays within ``InputRanges/maxPriceChange`` and ``InputRanges/maxDiscount``.
    ///
    /// The error names `inflation` (or `discountRate`) when the scenario gives it, else
    /// `periodYears`, else `periods`.
    mutating func checkFactors(_ byKey: [String: JSONValue], root: JSONValue, periodCount: Int?,
                               periodYears: Double, inflation: Double, discountRate: Double) {
        guard let periodCount, periodCount > 0 else { return }
        let years = periodYears * Double(periodCount)
        let last = periodYears * Double(periodCount - 1)
        let price = pow(1 + inflation, last)
        if !(price <= InputRanges.maxPriceChange && price >= 1 / InputRanges.maxPriceChange) {
            let (at, key) = place(byKey, root: root, preferring: "inflation")
            error(at, key, "inflation \(inflation) over \(InputRanges.text(last)) years changes prices \(Self.fold(price)) by the last period; prices may change at most 1000-fold over the horizon")
        }
        var extreme = 1.0
        for t in 0..<periodCount {
            let d = pow(1 + discountRate, -periodYears * (Double(t) + 0.5))
            if abs(log10(d)) > abs(log10(extreme)) || !d.isNormal { extreme = d }
        }
        if !(extreme <= InputRanges.maxDiscount && extreme >= 1 / InputRanges.maxDiscount) {
            let (at, key) = place(byKey, root: root, preferring: "discountRate")
            error(at, key, "discountRate \(discountRate) over \(InputRanges.text(years)) years gives a discount factor of \(InputRanges.text(extreme)); it may lie between 1e-6 and 1e6")
        }
    }

    /// The value to blame for a derived problem: `key` if given, else `periodYears`, else `periods`.
    private func place(_ byKey: [String: JSONValue], root: JSONValue, preferring key: String) -> (JSONValue, String) {
        for name in [key, "periodYears", "periods"] {
            if let v = byKey[name] { return (v, name) }
        }
        return (root, key)
    }

    /// "1.2e+52-fold" or "1/1.2e+52" for a factor.
    private static func fold(_ factor: Double) -> String {
        factor >= 1 ? "\(InputRanges.text(factor))-fold" : "to \(InputRanges.text(factor)) of today's"
    }
}
