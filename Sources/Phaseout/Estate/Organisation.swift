/// An organisation with units to plan, its budget and labour.
public struct Organisation: Sendable, Hashable {
    /// The name as the register first spells it.
    public var name: String
    /// Nominal budget per period.
    public var budget: [Double]
    /// Labour hours per period; nil when unlimited.
    public var labourHours: [Double]?
    /// Its sites with units to plan, by `site_id` in UTF-8 byte order.
    public var sites: [Site]

    /// Creates an organisation.
    public init(name: String, budget: [Double], labourHours: [Double]?, sites: [Site]) {
        self.name = name
        self.budget = budget
        self.labourHours = labourHours
        self.sites = sites
    }
}
