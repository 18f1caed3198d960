/// A kind of device (`camera`, `recorder`, …) with its costs and risk.
public struct Kind: Sendable, Hashable {
    /// The kind's name as the scenario spells it.
    public var name: String
    /// £ per unit at period-1 prices, including labour and disposal.
    public var replaceCost: Double
    /// Labour hours per unit replaced.
    public var labourHours: Double
    /// The kind's risk factor in a unit's weight.
    public var risk: Double
    /// Whether this kind leads its site: its units go first (SPEC §2.3 rule 6).
    public var replacedFirst: Bool
    /// How a unit of this kind is isolated (SPEC §1.2 `isolate`); `nil`: it cannot be.
    public var isolate: Isolation?
    /// How a unit of this kind is removed without a successor (SPEC §1.2 `remove`); `nil`: it cannot be.
    public var remove: Removal?

    /// The `isolate` treatment: cut off from every network that reaches the internet or the vendor.
    public struct Isolation: Sendable, Hashable {
        /// £ per unit at period-1 prices.
        public var cost: Double
        /// Labour hours per unit.
        public var labourHours: Double
        /// φ: the share of the unit's risk weight left while it is isolated (0 ≤ φ < 1).
        public var residualRisk: Double

        public init(cost: Double, labourHours: Double = 0, residualRisk: Double) {
            self.cost = cost
            self.labourHours = labourHours
            self.residualRisk = residualRisk
        }
    }

    /// The `remove` treatment: taken out without a successor, where the owner agrees.
    public struct Removal: Sendable, Hashable {
        /// £ per unit at period-1 prices.
        public var cost: Double
        /// Labour hours per unit.
        public var labourHours: Double

        public init(cost: Double, labourHours: Double = 0) {
            self.cost = cost
            self.labourHours = labourHours
        }
    }

    /// Creates a kind; defaults are the scenario format's.
    public init(name: String, replaceCost: Double, labourHours: Double = 0, risk: Double = 1, replacedFirst: Bool = false,
                isolate: Isolation? = nil, remove: Removal? = nil) {
        self.isolate = isolate
        self.remove = remove
        self.name = name
        self.replaceCost = replaceCost
        self.labourHours = labourHours
        self.risk = risk
        self.replacedFirst = replacedFirst
    }
}
