import Foundation

/// Checks a plan against the register and scenario it claims to serve, independently of the
/// planner: every weight, deadline, cost and budget is recomputed here from the register rows
/// and the scenario's tables (SPEC §2, §3 `verify`).
///
/// A unit's weight is w = vendor weight × sensitivity weight × kind risk; units with w = 0 are
/// not at risk, except that locked ones are contracted works. Sites are (organisation, site_id);
/// a site's leaders are its at-risk units of `replacedFirst` kinds; a unit's `by` is the
/// earliest `by` of the matching rules and its `isolatedBy` the earliest `isolatedBy` (at-risk
/// units only). A register row's units are followed through the plan with the reading rule of
/// SPEC §2.5: each period's isolations take untouched units, then the units gone are untouched
/// ones first, then ones isolated in earlier periods (first isolated first).
///
/// ```swift
/// let verifier = PlanVerifier(register: register, scenario: scenario)
/// let report = verifier.verify([PlanEntry(device: "A1", period: 1, quantity: 1)])
/// report.violations   // broken constraints, each with organisation, period and amount
/// report.exposure     // recomputed E
/// ```
///
/// The inputs are expected to have passed ``Estate/build(register:scenario:)``'s checks. The
/// verifier does not throw on bad inputs: a row of an unknown kind or sensitivity level counts
/// as not at risk and costing nothing, an unknown locked period as no lock, and an organisation
/// without a budget as having a budget of zero.
///
/// A `PlanVerifier` is an immutable value; it may verify many plans, from any thread.
public struct PlanVerifier: Sendable {
    /// The register plans are checked against.
    public let register: Register
    /// The scenario plans are checked against.
    public private(set) var scenario: Scenario

    /// What the verifier knows about one register row.
    struct RowFacts: Sendable {
        var organisation: Int
        var site: Int
        var weight: Double
        /// Replacement cost of one unit at period-1 prices.
        var unitCost: Double
        /// Labour hours of one unit replaced.
        var labourHours: Double
        /// The kind's `isolate` treatment, if it has one.
        var isolation: Kind.Isolation?
        /// The kind's `remove` treatment, if it has one.
        var removal: Kind.Removal?
        /// Whether the register marks the row `removable`.
        var removable: Bool
        var isLeader: Bool
        /// The last period by which the units are gone (`by`), if any.
        var deadline: Int?
        /// The last period by which the units are isolated or gone (`isolatedBy`), if any.
        var isolatedBy: Int?
        var locked: Int?
        var quantity: Int
        /// At risk, or contracted works: the rows a plan is about.
        var inScope: Bool { weight > 0 || locked != nil }

        /// Cost of one unit given `treatment` at period-1 prices (0 when the kind lacks it).
        func cost(_ treatment: Treatment) -> Double {
            switch treatment {
            case .replace: unitCost
            case .remove: removal?.cost ?? 0
            case .isolate: isolation?.cost ?? 0
            }
        }

        /// Labour hours of one unit given `treatment` (0 when the kind lacks it).
        func hours(_ treatment: Treatment) -> Double {
            switch treatment {
            case .replace: labourHours
            case .remove: removal?.labourHours ?? 0
            case .isolate: isolation?.labourHours ?? 0
            }
        }
    }

    /// One site: its organisation, identifier, visit cost and its at-risk rows by role.
    struct SiteFacts: Sendable {
        var organisation: Int
        var id: String
        var visitCost: Double
        var leaders: [Int] = []
        var followers: [Int] = []
    }

    /// One organisation: display name, budgets and labour limits.
    struct OrganisationFacts: Sendable {
        var name: String
        var budget: [Double]
        var labourLimit: [Double]?

        /// The organisation called `name` (as the register first spells it) with its budget per
        /// period (0 where the scenario gives none) and labour limit from `scenario`.
        init(name: String, in scenario: Scenario) {
            let key = name.folded
            let budget = scenario.budget(for: key) ?? []
            self.name = name
            self.budget = (0..<scenario.periodCount).map { $0 < budget.count ? budget[$0] : 0 }
            self.labourLimit = scenario.labourHours(for: key)
        }
    }

    /// This verifier for `scenario`, which differs from its own at most in budgets and labour
    /// hours: the row facts are shared, each organisation's limits read again. On a national
    /// register collecting the facts is most of a verification.
    func withLimits(of scenario: Scenario) -> PlanVerifier {
        var copy = self
        copy.scenario = scenario
        copy.organisations = organisations.map { OrganisationFacts(name: $0.name, in: scenario) }
        return copy
    }

    let rows: [RowFacts]
    let sites: [SiteFacts]
    private(set) var organisations: [OrganisationFacts]
    /// Organisation indices in byte order of folded name.
    let organisationOrder: [Int]
    /// Row index by device_id.
    let rowOfDevice: [String: Int]
    /// Groups of interchangeable in-scope rows, each oldest first.
    let groups: [[Int]]

    /// Creates a verifier for plans of `register` under `scenario`.
    ///
    /// - Complexity: O(*n* log *n*) in the number of register rows.
    public init(register: Register, scenario: Scenario) {
        self.register = register
        self.scenario = scenario
        var collector = FactsCollector(scenario: scenario, rowCapacity: register.rows.count)
        for (index, row) in register.rows.enumerated() {
            collector.add(row, at: index)
        }
        let organisations = collector.organisations
        self.rows = collector.rows
        self.sites = collector.sites
        self.organisations = organisations
        self.rowOfDevice = collector.rowOfDevice
        self.groups = Self.oldestFirst(collector.groups, of: register.rows)
        self.organisationOrder = organisations.indices.sorted {
            organisations[$0].name.folded.utf8Precedes(organisations[$1].name.folded)
        }
    }

    /// Verifies a plan given as entries.
    ///
    /// Quantities are summed per register row and period, so entries may come in any order and
    /// batches may be split any way. Units of in-scope rows that no entry names count as not
    /// replaced.
    ///
    /// - Parameter entries: The plan's lines.
    /// - Returns: Every violation and warning, and the plan's recomputed figures.
    /// - Complexity: O(*n* · *T* + *m*) for *n* register rows, *T* periods and *m* entries,
    ///   plus sorting the findings' device lists.
    public func verify(_ entries: [PlanEntry]) -> VerificationReport {
        var check = PlanCheck(verifier: self)
        check.take(entries)
        return check.report()
    }
}
