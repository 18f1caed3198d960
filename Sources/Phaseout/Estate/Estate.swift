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

    /// Creates an estate from its parts.
    public init(register: Register, scenario: Scenario, organisations: [Organisation],
                notAtRiskUnits: Int, warnings: [Diagnostic]) {
        self.register = register
        self.scenario = scenario
        self.organisations = organisations
        self.notAtRiskUnits = notAtRiskUnits
        self.warnings = warnings
    }
}
