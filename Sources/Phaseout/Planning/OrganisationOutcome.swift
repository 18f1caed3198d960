import LinearProgramming

/// What an infeasible organisation lacks (SPEC §2.5): whole pounds and hours per period.
public struct Shortfall: Sendable, Equatable, Codable {
    /// Extra money per period, nominal £, added to that period's budget.
    public var money: [Int]
    /// Extra labour hours per period.
    public var hours: [Int]
    /// Set when no money or hours can help; says why.
    public var structuralReason: String?
    /// Set when the amounts suffice (the funded plan proves it) but are not proven the least;
    /// says why.
    public var caveat: String?
    /// The least total extra money (whole pounds) the search proved every plan needs: the
    /// total itself when it is proven the least, lower when the search was cut short, 0 when
    /// nothing was proven (a greedy amount). `nil` when structural.
    public var moneyBound: Int?

    public var totalMoney: Int { money.reduce(0, +) }
    /// How far the total may lie above the least: (total − bound) / total, 0 when proven.
    public var moneyGap: Double? {
        moneyBound.map { Tolerance.relativeGap(value: Double(totalMoney), bound: Double(min($0, totalMoney))) }
    }
    public var totalHours: Int { hours.reduce(0, +) }
    public var isStructural: Bool { structuralReason != nil }
}

/// The planner's answer for one organisation.
struct OrganisationOutcome: Sendable {
    var status: PlanStatus
    /// The plan (for infeasible or unknown organisations: nothing replaced but contracted works).
    var counts: PlanCounts
    /// The primary objective's value of `counts`.
    var value: Double
    /// A proven bound on the primary objective.
    var bound: Double
    var shortfall: Shortfall?
    /// The plan the shortfall would buy.
    var fundedCounts: PlanCounts?
    /// An infeasible organisation's late risk-years L (of its best-effort plan, or of the
    /// untouched plan when it has none), and the proven bound on the least L.
    var lateRiskYears: Double = 0
    var lateRiskYearsBound: Double = 0
    /// Why an infeasible organisation's units stand untouched: no best-effort plan was found.
    var untouchedReason: String?
    /// Solver statistics for progress and benchmarks.
    var modelRows: Int = 0
    var modelColumns: Int = 0
    var modelNonzeros: Int = 0
    var solveSeconds: Double = 0

    var gap: Double {
        if value == bound { return 0 }
        return Tolerance.relativeGap(value: value, bound: bound)
    }
}
