/// The register and scenario joined: what the planner needs, grouped and weighted.
///
/// ```swift
/// let estate = try Estate.load(registerPath: "register.csv", scenarioPath: "scenario.json")
/// for organisation in estate.organisations { … }
/// estate.warnings.forEach { print("warning: \($0)") }
/// ```
public struct Estate: Sendable {
    /// The register the estate was built from.
    public var register: Register
    /// The scenario the estate was built from.
    public var scenario: Scenario
    /// The organisations with units to plan, by folded name.
    public var organisations: [Organisation]
    /// Units not at risk and not locked: left out of the plan.
    public var notAtRiskUnits: Int
    /// What looks unintended but is allowed (vendors at the default weight, unused deadline
    /// names, sites that could never start).
    public var warnings: [Diagnostic]
    /// The register's vendors of risk weight 0 — not planned at all — with their units, most
    /// units first, then by name: what a security officer checks for a vendor rated by mistake.
    public var unratedVendors: [VendorUnits]

    /// Creates an estate from its parts.
    /// - Parameters:
    ///   - register: the register it was built from.
    ///   - scenario: the scenario it was built from.
    ///   - organisations: the organisations with units to plan.
    ///   - notAtRiskUnits: units not at risk and not locked.
    ///   - warnings: what looks unintended but is allowed.
    ///   - unratedVendors: the vendors of weight 0 with their units, most units first.
    public init(register: Register, scenario: Scenario, organisations: [Organisation],
                notAtRiskUnits: Int, warnings: [Diagnostic], unratedVendors: [VendorUnits] = []) {
        self.register = register
        self.scenario = scenario
        self.organisations = organisations
        self.notAtRiskUnits = notAtRiskUnits
        self.warnings = warnings
        self.unratedVendors = unratedVendors
    }
}

/// A vendor as the register spells it first, with the units of every row naming it
/// (summary.json `unratedVendors`).
public struct VendorUnits: Sendable, Hashable, Codable {
    /// The vendor's first spelling in the register.
    public var vendor: String
    /// Units of every row naming it, at risk or not.
    public var units: Int

    /// Creates a vendor count.
    /// - Parameters:
    ///   - vendor: the vendor's spelling.
    ///   - units: its units.
    public init(vendor: String, units: Int) {
        self.vendor = vendor
        self.units = units
    }

    /// Most units first, then by name in byte order, so that the listing is the same every run.
    public static func ordered(_ vendors: [VendorUnits]) -> [VendorUnits] {
        vendors.sorted { $0.units != $1.units ? $0.units > $1.units : $0.vendor.utf8Precedes($1.vendor) }
    }
}
