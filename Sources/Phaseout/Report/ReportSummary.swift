/// summary.json as the report reads it (SPEC §3): the figures ``PlanWriter`` writes, decoded
/// without reference to the planner's own types so that a summary from another
/// implementation reads the same way.
public struct ReportSummary: Sendable, Decodable {
    /// One organisation's figures.
    public struct Organisation: Sendable, Decodable {
        public var name: String
        public var status: PlanStatus
        public var exposure: Double
        public var baselineExposure: Double
        public var nominalCost: Double
        public var presentValueCost: Double
        public var bound: Double
        public var gap: Double
        public var periods: [PeriodFigures]
        public var shortfall: Shortfall?
        /// What each period's shadow price measures, or why it is absent (optional).
        public var shadowPriceNote: String?
        /// Late risk-years of a best-effort plan (SPEC v2; absent from v1 summaries).
        public var lateRiskYears: Double?
        /// Units that miss a deadline (SPEC v2; absent from v1 summaries).
        public var lateUnits: Int?
        /// Why the units stand untreated, when no plan keeps the locks and ordering (optional).
        public var untouchedReason: String?
    }

    /// What an infeasible organisation lacks: money and hours per period, or a structural reason.
    public struct Shortfall: Sendable, Decodable {
        public var organisation: String
        public var money: [Int]
        public var hours: [Int]
        public var totalMoney: Int
        public var totalHours: Int
        public var structural: Bool
        public var reason: String?
        /// Present when the amounts suffice but are not proven the least.
        public var caveat: String?
        /// The least total money proven needed, and the gap to `totalMoney` (absent when structural).
        public var totalMoneyBound: Int?
        public var moneyGap: Double?
    }

    public var status: PlanStatus
    public var objective: String
    public var periods: [String]
    public var exposure: Double
    public var baselineExposure: Double
    public var nominalCost: Double
    public var presentValueCost: Double
    public var bound: Double
    public var gap: Double
    public var organisations: [Organisation]
    public var shortfalls: [Shortfall]?
    /// Organisations per status (SPEC v2; absent from v1 summaries, see ``organisations(with:)``).
    public var statusCounts: [String: Int]?
    /// Late risk-years over every organisation (SPEC v2; absent from v1 summaries).
    public var lateRiskYears: Double?
    /// Units that miss a deadline over every organisation (SPEC v2; absent from v1 summaries).
    public var lateUnits: Int?
    /// The register's vendors of weight 0, most units first (optional: older runs have none).
    public var unratedVendors: [VendorUnits]?

    /// Organisations per status: summary.json's `statusCounts` when it has them, else counted
    /// from its organisations (a v1 summary).
    public func organisations(with status: PlanStatus) -> Int {
        if let counts = statusCounts { return counts[status.rawValue] ?? 0 }
        return organisations.filter { $0.status == status }.count
    }

    /// Budget, spend, carry, units and hours summed over organisations, per period.
    public var estatePeriods: [PeriodFigures] {
        periods.indices.map { t in
            let figures = organisations.compactMap { $0.periods.indices.contains(t) ? $0.periods[t] : nil }
            let limits = figures.compactMap(\.labourLimit)
            return PeriodFigures(
                period: periods[t],
                budget: figures.reduce(0) { $0 + $1.budget },
                spend: figures.reduce(0) { $0 + $1.spend },
                carryIn: figures.reduce(0) { $0 + $1.carryIn },
                carryOut: figures.reduce(0) { $0 + $1.carryOut },
                units: figures.reduce(0) { $0 + $1.units },
                labourHours: figures.reduce(0) { $0 + $1.labourHours },
                labourLimit: limits.count == figures.count && !limits.isEmpty ? limits.reduce(0, +) : nil)
        }
    }
}
