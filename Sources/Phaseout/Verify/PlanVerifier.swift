import Foundation

/// Checks a plan against the register and scenario it claims to serve, independently of the
/// planner: every weight, deadline, cost and budget is recomputed here from the register rows
/// and the scenario's tables (SPEC §2, §3 `verify`).
///
/// A unit's weight is w = vendor weight × sensitivity weight × kind risk; units with w = 0 are
/// not at risk, except that locked ones are contracted works. Sites are (organisation, site_id);
/// a site's leaders are its at-risk units of `replacedFirst` kinds; a unit's deadline is the
/// earliest matching rule (at-risk units only).
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
    public let scenario: Scenario

    /// What the verifier knows about one register row.
    struct RowFacts: Sendable {
        var organisation: Int
        var site: Int
        var weight: Double
        var unitCost: Double
        var labourHours: Double
        var isLeader: Bool
        var deadline: Int?
        var locked: Int?
        var quantity: Int
        /// At risk, or contracted works: the rows a plan is about.
        var inScope: Bool { weight > 0 || locked != nil }
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
    }

    let rows: [RowFacts]
    let sites: [SiteFacts]
    let organisations: [OrganisationFacts]
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
        let periodCount = scenario.periodCount

        var organisationIndex: [String: Int] = [:]
        var organisations: [OrganisationFacts] = []
        var siteIndex: [SiteKey: Int] = [:]
        var sites: [SiteFacts] = []
        var rows: [RowFacts] = []
        var rowOfDevice: [String: Int] = [:]
        var groupIndex: [GroupKey: Int] = [:]
        var groups: [[Int]] = []
        rows.reserveCapacity(register.rows.count)

        for (index, row) in register.rows.enumerated() {
            let orgKey = row.council.folded
            let organisation: Int
            if let known = organisationIndex[orgKey] {
                organisation = known
            } else {
                organisation = organisations.count
                organisationIndex[orgKey] = organisation
                let budget = scenario.budget(for: orgKey) ?? []
                organisations.append(OrganisationFacts(
                    name: row.council,
                    budget: (0..<periodCount).map { $0 < budget.count ? budget[$0] : 0 },
                    labourLimit: scenario.labourHours(for: orgKey)))
            }
            let siteKey = SiteKey(organisation: organisation, id: row.siteID)
            let site: Int
            if let known = siteIndex[siteKey] {
                site = known
            } else {
                site = sites.count
                siteIndex[siteKey] = site
                sites.append(SiteFacts(organisation: organisation, id: row.siteID,
                                       visitCost: scenario.visitCost(forCategory: row.siteCategory)))
            }

            let kind = scenario.kind(named: row.kind)
            let level = scenario.sensitivityWeight(of: row.sensitivity)
            var weight = 0.0
            if let kind, let level { weight = scenario.vendors.weight(for: row.vendor) * level * kind.risk }
            let locked = row.lockedPeriod.flatMap { scenario.periodIndex(of: $0) }
            var deadline: Int?
            if weight > 0 {
                for rule in scenario.deadlines
                where rule.matches(council: row.council, siteCategory: row.siteCategory,
                                   sensitivity: row.sensitivity, kind: row.kind, vendor: row.vendor) {
                    deadline = min(deadline ?? rule.by, rule.by)
                }
            }
            let facts = RowFacts(
                organisation: organisation, site: site, weight: weight,
                unitCost: kind?.replaceCost ?? 0, labourHours: kind?.labourHours ?? 0,
                isLeader: weight > 0 && (kind?.replacedFirst ?? false),
                deadline: deadline, locked: locked, quantity: row.quantity)
            rows.append(facts)
            if rowOfDevice[row.deviceID] == nil { rowOfDevice[row.deviceID] = index }

            if weight > 0 {
                if facts.isLeader { sites[site].leaders.append(index) } else { sites[site].followers.append(index) }
            }
            if facts.inScope {
                let key = GroupKey(site: site, kind: row.kind.folded, vendor: row.vendor.folded, locked: locked ?? -1)
                if let g = groupIndex[key] {
                    groups[g].append(index)
                } else {
                    groupIndex[key] = groups.count
                    groups.append([index])
                }
            }
        }

        let registerRows = register.rows
        self.groups = groups.map { members in
            members.sorted { a, b in
                let ra = registerRows[a], rb = registerRows[b]
                switch (ra.installed, rb.installed) {
                case let (x?, y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return ra.deviceID.utf8Precedes(rb.deviceID)
                }
            }
        }
        self.rows = rows
        self.sites = sites
        self.organisations = organisations
        self.rowOfDevice = rowOfDevice
        self.organisationOrder = organisations.indices.sorted {
            organisations[$0].name.folded.utf8Precedes(organisations[$1].name.folded)
        }
    }

    struct SiteKey: Hashable {
        var organisation: Int
        var id: String
    }

    struct GroupKey: Hashable {
        var site: Int
        var kind: String
        var vendor: String
        var locked: Int
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
