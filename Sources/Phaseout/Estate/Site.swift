/// A site of an organisation, with its groups of units to plan.
public struct Site: Sendable, Hashable {
    /// The site's identifier (exact, as in the register).
    public var id: String
    /// The site's category as the register first spells it.
    public var category: String
    /// The site's sensitivity level (lower-cased).
    public var sensitivity: String
    /// The cost of a visit at period-1 prices.
    public var visitCost: Double
    /// The groups at this site: at-risk units and contracted works.
    public var groups: [UnitGroup]

    /// Creates a site.
    public init(id: String, category: String, sensitivity: String, visitCost: Double, groups: [UnitGroup]) {
        self.id = id
        self.category = category
        self.sensitivity = sensitivity
        self.visitCost = visitCost
        self.groups = groups
    }

    /// Whether the site has leader units (recorders first applies).
    public var hasLeaders: Bool { groups.contains { $0.isLeader } }
}
