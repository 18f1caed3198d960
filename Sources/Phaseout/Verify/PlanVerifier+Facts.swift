/// Recomputing, row by row, what the verifier knows about the register.
extension PlanVerifier {
    /// Collects the facts of each register row in register order: its organisation and site
    /// (numbered as first seen), its weight, cost, deadline and lock, and its group of
    /// interchangeable rows.
    struct FactsCollector {
        let scenario: Scenario
        private(set) var organisations: [OrganisationFacts] = []
        private(set) var sites: [SiteFacts] = []
        private(set) var rows: [RowFacts] = []
        private(set) var rowOfDevice: [String: Int] = [:]
        /// Groups of interchangeable in-scope rows, in register order.
        private(set) var groups: [[Int]] = []
        private var organisationIndex: [String: Int] = [:]
        private var siteIndex: [SiteKey: Int] = [:]
        private var groupIndex: [GroupKey: Int] = [:]

        private struct SiteKey: Hashable {
            var organisation: Int
            var id: String
        }

        /// SPEC §2.1's group: organisation (through the site), site, kind, vendor, locked period
        /// and `removable`.
        private struct GroupKey: Hashable {
            var site: Int
            var kind: String
            var vendor: String
            var locked: Int
            var removable: Bool
        }

        init(scenario: Scenario, rowCapacity: Int) {
            self.scenario = scenario
            rows.reserveCapacity(rowCapacity)
        }

        /// Adds register row `index`.
        mutating func add(_ row: RegisterRow, at index: Int) {
            let organisation = organisation(of: row)
            let site = site(of: row, organisation: organisation)
            let facts = facts(of: row, organisation: organisation, site: site)
            rows.append(facts)
            if rowOfDevice[row.deviceID] == nil { rowOfDevice[row.deviceID] = index }

            if facts.weight > 0 {
                if facts.isLeader { sites[site].leaders.append(index) } else { sites[site].followers.append(index) }
            }
            if facts.inScope {
                let key = GroupKey(site: site, kind: row.kind.folded, vendor: row.vendor.folded,
                                   locked: facts.locked ?? -1, removable: row.removable)
                if let g = groupIndex[key] {
                    groups[g].append(index)
                } else {
                    groupIndex[key] = groups.count
                    groups.append([index])
                }
            }
        }

        /// The row's organisation, added with its budget and labour limit when first seen.
        private mutating func organisation(of row: RegisterRow) -> Int {
            let orgKey = row.council.folded
            if let known = organisationIndex[orgKey] { return known }
            let organisation = organisations.count
            organisationIndex[orgKey] = organisation
            organisations.append(OrganisationFacts(name: row.council, in: scenario))
            return organisation
        }

        /// The row's site, added with its visit cost when first seen.
        private mutating func site(of row: RegisterRow, organisation: Int) -> Int {
            let siteKey = SiteKey(organisation: organisation, id: row.siteID)
            if let known = siteIndex[siteKey] { return known }
            let site = sites.count
            siteIndex[siteKey] = site
            sites.append(SiteFacts(organisation: organisation, id: row.siteID,
                                   visitCost: scenario.visitCost(forCategory: row.siteCategory)))
            return site
        }

        /// What a row's facts depend on besides its own count, lock and `removable`: rows that
        /// agree on these share their weight, kind and deadlines.
        private struct RowClass: Hashable {
            var council: String
            var siteCategory: String
            var sensitivity: String
            var kind: String
            var vendor: String
        }

        /// The facts shared by the rows of one ``RowClass``.
        private struct ClassFacts {
            var kind: Kind?
            var weight: Double
            var by: Int?
            var isolatedBy: Int?
        }

        /// The facts of each row class seen so far: a national register has some hundred
        /// thousand rows to a few thousand classes, and matching vendors and deadline rules is
        /// most of the work per row.
        private var classFacts: [RowClass: ClassFacts] = [:]

        /// The row's weight, cost, labour, role, deadline and lock, from the scenario's tables.
        private mutating func facts(of row: RegisterRow, organisation: Int, site: Int) -> RowFacts {
            let rowClass = RowClass(council: row.council, siteCategory: row.siteCategory, sensitivity: row.sensitivity,
                                    kind: row.kind, vendor: row.vendor)
            let shared: ClassFacts
            if let known = classFacts[rowClass] {
                shared = known
            } else {
                shared = Self.classFacts(of: row, in: scenario)
                classFacts[rowClass] = shared
            }
            let kind = shared.kind, weight = shared.weight
            let locked = row.lockedPeriod.flatMap { scenario.periodIndex(of: $0) }
            return RowFacts(
                organisation: organisation, site: site, weight: weight,
                unitCost: kind?.replaceCost ?? 0, labourHours: kind?.labourHours ?? 0,
                isolation: kind?.isolate, removal: kind?.remove, removable: row.removable,
                isLeader: weight > 0 && (kind?.replacedFirst ?? false),
                deadline: shared.by, isolatedBy: shared.isolatedBy, locked: locked, quantity: row.quantity)
        }

        /// The kind, weight and deadlines of `row`'s class.
        private static func classFacts(of row: RegisterRow, in scenario: Scenario) -> ClassFacts {
            let kind = scenario.kind(named: row.kind)
            let level = scenario.sensitivityWeight(of: row.sensitivity)
            var weight = 0.0
            if let kind, let level { weight = scenario.vendors.weight(for: row.vendor) * level * kind.risk }
            let (by, isolatedBy) = weight > 0 ? deadlines(of: row, in: scenario) : (nil, nil)
            return ClassFacts(kind: kind, weight: weight, by: by, isolatedBy: isolatedBy)
        }

        /// The earliest `by` and the earliest `isolatedBy` among the rules matching an at-risk row.
        private static func deadlines(of row: RegisterRow, in scenario: Scenario) -> (by: Int?, isolatedBy: Int?) {
            var deadline: Int?, isolatedBy: Int?
            for rule in scenario.deadlines
            where scenario.rule(rule, matches: row) {
                if let by = rule.by { deadline = min(deadline ?? by, by) }
                if let by = rule.isolatedBy { isolatedBy = min(isolatedBy ?? by, by) }
            }
            return (deadline, isolatedBy)
        }
    }

    /// Each group's rows oldest first: by install date, undated last, then by device_id bytes.
    static func oldestFirst(_ groups: [[Int]], of registerRows: [RegisterRow]) -> [[Int]] {
        groups.map { members in
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
    }
}
