/// Files register rows under their organisation, site and group, weighing each against the
/// scenario (the first half of ``Estate/build(register:scenario:)``).
///
/// Rows are visited once. Everything derived from a value — its folded form, the scenario's
/// kind, level weight or period for it, its organisation — is worked out once per distinct
/// spelling through ``SpellingCache``; organisations, sites, vendors and groups are then
/// integer indices into the arrays below, so the per-row work builds no folded strings.
struct EstateGrouping {
    /// A vendor by folded name: its weight and how many units of the register name it.
    struct VendorUse {
        /// The folded name.
        var folded: String
        /// The first spelling, and the line it is on.
        var spelling: String
        var line: Int
        /// Units of every row naming this vendor, at risk or not.
        var units = 0
        var fellToDefault: Bool
        var weight: Double
        /// The key with positive weight this vendor resembles though it fell to the default
        /// (an input error, SPEC §1.2), if any.
        var nearMiss: String?
    }

    /// A kind spelling resolved against the scenario (plain integers: cheap to pass around).
    struct KindUse {
        /// The index of the scenario's kind in ``kinds``; nil if it defines none of that name.
        var kind: Int?
        /// The index of the folded spelling in ``kindNames``.
        var key: Int
    }

    /// An organisation with at-risk units or contracted works.
    struct OrganisationEntry {
        var folded: String
        /// The first spelling of a row with work, and the line it is on.
        var name: String
        var line: Int
        /// Indices into ``sites``, in order of first appearance.
        var sites: [Int] = []
    }

    /// A site with at-risk units or contracted works.
    struct SiteEntry {
        var id: String
        /// The site's first row with work: the site's category and sensitivity are this row's.
        var firstRow: Int
        /// Indices into ``groups``, in order of first appearance.
        var groups: [Int] = []
    }

    /// The rows of one group: same site, folded kind, folded vendor, locked period and `removable`.
    struct GroupRows {
        var kind: Kind
        /// The index of the folded kind in ``kindNames``.
        var kindKey: Int
        /// The index of the vendor in ``vendors``.
        var vendor: Int
        var locked: Int?
        var removable: Bool
        /// The first row's weight.
        var weight: Double
        /// Row indices, ascending.
        var rows: [Int] = []
        var count = 0
    }

    /// A site by organisation and exact `site_id`.
    struct SiteKey: Hashable {
        var organisation: Int
        var id: String
    }

    let scenario: Scenario
    /// What the scenario says for certain, when it could not be read completely.
    let coverage: ScenarioCoverage
    /// Columns (1-based) named in diagnostics.
    let kindColumn, sensitivityColumn, lockedColumn, removableColumn: Int?
    /// The scenario's kind names, for the unknown-kind error.
    let kindList: String

    /// Every vendor of the register, in order of first appearance.
    private(set) var vendors: [VendorUse] = []
    /// The scenario's kinds the register uses, in order of first appearance.
    private(set) var kinds: [Kind] = []
    /// The folded kind names of the register, in order of first appearance.
    private(set) var kindNames: [String] = []
    /// Organisations with work, in order of first appearance.
    private(set) var organisations: [OrganisationEntry] = []
    private(set) var sites: [SiteEntry] = []
    private(set) var groups: [GroupRows] = []
    /// Units not at risk and not locked.
    private(set) var notAtRisk = 0

    private var vendorByFolded: [String: Int] = [:]
    private var kindByFolded: [String: Int] = [:]
    private var organisationByFolded: [String: Int] = [:]
    private var siteByKey: [SiteKey: Int] = [:]
    private var lastSite: (key: SiteKey, index: Int)?

    // What each distinct spelling resolves to.
    private var vendorSpellings = SpellingCache<Int>()
    private var kindSpellings = SpellingCache<KindUse>()
    private var levelSpellings = SpellingCache<Double?>()
    private var periodSpellings = SpellingCache<Int?>()
    private var councilSpellings = SpellingCache<Int>()

    init(scenario: Scenario, register: Register, coverage: ScenarioCoverage? = nil) {
        self.scenario = scenario
        self.coverage = coverage ?? ScenarioCoverage(complete: scenario)
        kindColumn = register.columnNumber(of: "kind")
        removableColumn = register.columnNumber(of: "removable")
        sensitivityColumn = register.columnNumber(of: "sensitivity")
        lockedColumn = register.columnNumber(of: "locked_period")
        kindList = scenario.kinds.values.map(\.name).sorted().joined(separator: ", ")
        groups.reserveCapacity(register.rows.count / 4)
    }

    /// Weighs each row and files those at risk or locked under their group.
    ///
    /// Unknown kinds, sensitivity levels and locked periods, and `removable` rows of kinds that
    /// cannot be removed, go to `log`; such rows are left out. So are, silently, rows whose kind,
    /// level or period the scenario may define in a part that could not be read (``coverage``).
    mutating func add(_ rows: UnsafeBufferPointer<RegisterRow>, log: inout DiagnosticLog) {
        for index in rows.indices {
            let vendor = vendorUse(of: rows[index].vendor, line: rows[index].line)
            vendors[vendor].units += rows[index].quantity

            var ok = true
            let kindUse = kindUse(of: rows[index].kind)
            if kindUse.kind == nil {
                if let names = coverage.kindNames, !names.contains(kindNames[kindUse.key]) {
                    log.error(line: rows[index].line, column: kindColumn, field: "kind",
                              "unknown kind \"\(rows[index].kind)\" (the scenario defines \(kindList.isEmpty ? "none" : kindList))")
                }
                ok = false
            } else if rows[index].removable, kinds[kindUse.kind!].remove == nil {
                log.error(line: rows[index].line, column: removableColumn, field: "removable",
                          "device \"\(rows[index].deviceID)\" is removable but kind \"\(kinds[kindUse.kind!].name)\" has no remove treatment in the scenario")
                ok = false
            }
            let levelWeight = levelWeight(of: rows[index].sensitivity)
            if levelWeight == nil {
                if let levels = coverage.levelNames, !levels.contains(rows[index].sensitivity.folded) {
                    log.error(line: rows[index].line, column: sensitivityColumn, field: "sensitivity",
                              "unknown sensitivity level \"\(rows[index].sensitivity)\"")
                }
                ok = false
            }
            var locked: Int?
            if let label = rows[index].lockedPeriod {
                locked = periodIndex(of: label)
                if locked == nil {
                    if coverage.periodsKnown {
                        log.error(line: rows[index].line, column: lockedColumn, field: "locked_period",
                                  "unknown locked_period \"\(label)\" (not one of the scenario's periods)")
                    }
                    ok = false
                }
            }
            guard ok, let kind = kindUse.kind, let levelWeight else { continue }

            let weight = vendors[vendor].weight * levelWeight * kinds[kind].risk
            if weight == 0 && locked == nil {
                notAtRisk += rows[index].quantity
                continue
            }
            let organisation = organisationIndex(of: rows[index].council, line: rows[index].line)
            let site = siteIndex(organisation: organisation, id: rows[index].siteID, row: index)
            let group = groupIndex(site: site, kind: kind, kindKey: kindUse.key, vendor: vendor,
                                   locked: locked, removable: rows[index].removable, weight: weight)
            groups[group].rows.append(index)
            groups[group].count += rows[index].quantity
        }
    }

    /// The vendor of a spelling, by folded name; a new one is weighed against the scenario.
    private mutating func vendorUse(of spelling: String, line: Int) -> Int {
        if let known = vendorSpellings.value(for: spelling) { return known }
        let folded = spelling.foldedCase
        let index: Int
        if let known = vendorByFolded[folded] {
            index = known
        } else {
            index = vendors.count
            vendorByFolded[folded] = index
            let nearMiss = coverage.vendorsKnown && coverage.aliasSpellings?.contains(spelling.vendorKey) == false
                ? scenario.vendors.nearMiss(for: spelling) : nil
            vendors.append(VendorUse(
                folded: folded, spelling: spelling, line: line,
                fellToDefault: scenario.vendors.matchingKey(for: spelling) == nil,
                weight: scenario.vendors.weight(for: spelling), nearMiss: nearMiss))
        }
        vendorSpellings.remember(index, for: spelling)
        return index
    }

    /// The scenario's kind for a spelling, and the key of its folded name.
    private mutating func kindUse(of spelling: String) -> KindUse {
        if let known = kindSpellings.value(for: spelling) { return known }
        let folded = spelling.foldedCase
        let key: Int
        if let known = kindByFolded[folded] {
            key = known
        } else {
            key = kindNames.count
            kindByFolded[folded] = key
            kindNames.append(folded)
        }
        var index: Int?
        if let kind = scenario.kind(named: spelling) {
            index = kinds.firstIndex(of: kind) ?? kinds.count
            if index == kinds.count { kinds.append(kind) }
        }
        let use = KindUse(kind: index, key: key)
        kindSpellings.remember(use, for: spelling)
        return use
    }

    /// The weight of a sensitivity level, nil if the scenario has no such level.
    private mutating func levelWeight(of spelling: String) -> Double? {
        if let known = levelSpellings.value(for: spelling) { return known }
        let weight = scenario.sensitivityWeight(of: spelling)
        levelSpellings.remember(weight, for: spelling)
        return weight
    }

    /// The index of a period label, nil if it is not one of the scenario's periods.
    private mutating func periodIndex(of label: String) -> Int? {
        if let known = periodSpellings.value(for: label) { return known }
        let index = scenario.periodIndex(of: label)
        periodSpellings.remember(index, for: label)
        return index
    }

    /// The organisation of a council spelling, by folded name; a new one is named by this row.
    private mutating func organisationIndex(of council: String, line: Int) -> Int {
        if let known = councilSpellings.value(for: council) { return known }
        let folded = council.foldedCase
        let index: Int
        if let known = organisationByFolded[folded] {
            index = known
        } else {
            index = organisations.count
            organisationByFolded[folded] = index
            organisations.append(OrganisationEntry(folded: folded, name: council, line: line))
        }
        councilSpellings.remember(index, for: council)
        return index
    }

    /// The site `id` of an organisation; a new one takes its category and sensitivity from `row`.
    private mutating func siteIndex(organisation: Int, id: String, row: Int) -> Int {
        if let lastSite, lastSite.key.organisation == organisation, lastSite.key.id == id { return lastSite.index }
        let key = SiteKey(organisation: organisation, id: id)
        let index: Int
        if let known = siteByKey[key] {
            index = known
        } else {
            index = sites.count
            siteByKey[key] = index
            sites.append(SiteEntry(id: id, firstRow: row))
            organisations[organisation].sites.append(index)
        }
        lastSite = (key, index)
        return index
    }

    /// The group of a site with this kind, vendor, locked period and `removable`; a new one has `weight`.
    private mutating func groupIndex(site: Int, kind: Int, kindKey: Int, vendor: Int, locked: Int?,
                                     removable: Bool, weight: Double) -> Int {
        // A site has a handful of groups: a linear search beats hashing.
        for g in sites[site].groups
        where groups[g].kindKey == kindKey && groups[g].vendor == vendor && groups[g].locked == locked
            && groups[g].removable == removable {
            return g
        }
        groups.append(GroupRows(kind: kinds[kind], kindKey: kindKey, vendor: vendor, locked: locked,
                                removable: removable, weight: weight))
        sites[site].groups.append(groups.count - 1)
        return groups.count - 1
    }
}
