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

    /// Creates a kind; defaults are the scenario format's.
    public init(name: String, replaceCost: Double, labourHours: Double = 0, risk: Double = 1, replacedFirst: Bool = false) {
        self.name = name
        self.replaceCost = replaceCost
        self.labourHours = labourHours
        self.risk = risk
        self.replacedFirst = replacedFirst
    }
}
