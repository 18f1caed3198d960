/// One organisation's figures as ``PlanVerifier`` recomputes them from the inputs and a plan.
public struct VerifiedOrganisation: Sendable, Hashable {
    /// Money, carry, labour and units of one period.
    public struct Period: Sendable, Hashable {
        /// The period's label.
        public var label: String
        /// The nominal budget B(o,t).
        public var budget: Double
        /// The carry brought in: the largest the rules allow from the period before.
        public var carryIn: Double
        /// Nominal spend on units (at the period's prices).
        public var unitSpend: Double
        /// Nominal spend on site visits.
        public var visitSpend: Double
        /// The largest carry the rules allow out: ρ · max(0, budget + carryIn − spend).
        public var carryOut: Double
        /// Units gone: replaced or removed (at-risk, contracted and any others the plan lists).
        public var units: Int
        /// Units isolated.
        public var isolated: Int = 0
        /// Labour hours of the units treated.
        public var labourHours: Double
        /// The period's labour limit; `nil` when unlimited.
        public var labourLimit: Double?

        /// All spend: units and visits.
        public var spend: Double { unitSpend + visitSpend }
        /// What may be spent: budget plus carry in.
        public var available: Double { budget + carryIn }
    }

    /// The organisation's name as the register first spells it.
    public var name: String
    /// Its periods, in order.
    public var periods: [Period]
    /// Its exposure under the plan (risk-years).
    public var exposure: Double
    /// Its exposure when nothing is replaced.
    public var baselineExposure: Double
    /// Its nominal spend over the horizon.
    public var nominalCost: Double
    /// Its present-value spend at period-1 prices.
    public var presentValueCost: Double
    /// Its late risk-years L (SPEC §2.2): 0 when every deadline is met.
    public var lateRiskYears: Double = 0
    /// How many of its units miss a deadline.
    public var lateUnits: Int = 0
    /// The device ids of the register rows with late units, in register order.
    public var lateUnitList: [String] = []
}
