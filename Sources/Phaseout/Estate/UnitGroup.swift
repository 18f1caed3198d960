/// Interchangeable units: same organisation, site, kind, vendor (case-insensitive) and locked period.
///
/// The planner decides how many of a group's units go in each period; ``units`` says which
/// (the oldest first, then by `device_id` bytes).
public struct UnitGroup: Sendable, Hashable {
    /// The kind's name as the scenario spells it.
    public var kind: String
    /// The vendor as the register first spells it for this group.
    public var vendor: String
    /// The risk weight w of each unit (vendor × sensitivity × kind risk); 0 for contracted works.
    public var weight: Double
    /// The cost of one unit at period-1 prices (the kind's `replaceCost`).
    public var unitCost: Double
    /// Labour hours per unit.
    public var labourHours: Double
    /// Whether these units lead their site (their kind is `replacedFirst` and w > 0).
    public var isLeader: Bool
    /// The last period allowed (0-based), from the earliest matching rule; only when w > 0.
    public var deadline: Int?
    /// The period these units are locked to (0-based), if contracted.
    public var lockedPeriod: Int?
    /// The last period by which these units are isolated or gone (0-based), from the earliest
    /// matching `isolatedBy`; only when w > 0.
    public var isolatedBy: Int? = nil
    /// Whether the owner agrees these units may be removed (the register's `removable`).
    public var removable: Bool = false
    /// The number of units n_g.
    public var count: Int
    /// The units in replacement order.
    public var units: [UnitSlice]

    /// Creates a group.
    public init(kind: String, vendor: String, weight: Double, unitCost: Double, labourHours: Double,
                isLeader: Bool, deadline: Int?, lockedPeriod: Int?, count: Int, units: [UnitSlice]) {
        self.kind = kind
        self.vendor = vendor
        self.weight = weight
        self.unitCost = unitCost
        self.labourHours = labourHours
        self.isLeader = isLeader
        self.deadline = deadline
        self.lockedPeriod = lockedPeriod
        self.count = count
        self.units = units
    }

    /// Whether these are contracted works: locked units that are not at risk.
    public var isContractedWorks: Bool { weight == 0 && lockedPeriod != nil }
}
