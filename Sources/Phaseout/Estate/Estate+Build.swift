extension Estate {
    /// Joins a register and a scenario: checks them against each other, weights every unit,
    /// sets aside units not at risk and groups the rest.
    ///
    /// A unit's weight is w = vendor weight × sensitivity weight × kind risk. Units with w = 0
    /// are set aside unless locked (contracted works, kept with weight 0). A group is the units
    /// of one organisation, site, kind, vendor (case-insensitive), locked period and `removable`,
    /// oldest first.
    ///
    /// - Throws: ``InputError`` for unknown kinds, sensitivity levels or locked periods,
    ///   `removable` units of kinds without `remove`, vendor near-misses, and organisations with
    ///   units to replace but no budget.
    /// - Complexity: O(*n* log *n*) in the number of rows.
    public static func build(register: Register, scenario: Scenario) throws(InputError) -> Estate {
        var builder = EstateBuilder(register: register, scenario: scenario)
        return try builder.build()
    }

    /// Reads a register and a scenario and builds their estate, reporting the problems of
    /// both files together (SPEC §1.2).
    ///
    /// Each file is read as far as it can be, and the checks between them run on whatever was
    /// read: an unknown kind in the register is reported even when the scenario has a syntax
    /// error elsewhere. A check that needs a part of the scenario that could not be read is
    /// left out rather than guessed (`ScenarioCoverage`).
    ///
    /// - Throws: ``InputError`` listing every problem in either file, or between them: the
    ///   register's, then those between the files, then the scenario's.
    public static func load(registerPath: String, scenarioPath: String) throws(InputError) -> Estate {
        let (register, registerLog) = RegisterReader.readPartially(path: registerPath, fileName: registerPath)
        let (scenario, coverage, scenarioLog) = ScenarioReader.readPartially(path: scenarioPath, fileName: scenarioPath)
        if let register, let scenario, !registerLog.hasErrors, !scenarioLog.hasErrors {
            return try build(register: register, scenario: scenario)
        }
        var log = DiagnosticLog(file: registerPath)
        log.merge(registerLog)
        if let register, let scenario {
            var builder = EstateBuilder(register: register, scenario: scenario, coverage: coverage)
            builder.check()
            log.merge(builder.log)
        }
        log.merge(scenarioLog)
        log.moveErrorsToFront(field: "vendor")
        throw log.inputError
    }
}

/// The work of ``Estate/build(register:scenario:)``.
///
/// ``EstateGrouping`` files every row under its organisation, site and group; this builder
/// checks the result, orders it and turns it into ``Organisation``s.
private struct EstateBuilder {
    let register: Register
    let scenario: Scenario
    var log: DiagnosticLog
    var scenarioWarnings: [Diagnostic] = []
    /// What the scenario says for certain (all of it, unless it was read with errors).
    let coverage: ScenarioCoverage

    init(register: Register, scenario: Scenario, coverage: ScenarioCoverage? = nil) {
        self.register = register
        self.scenario = scenario
        self.coverage = coverage ?? ScenarioCoverage(complete: scenario)
        self.log = DiagnosticLog(file: register.fileName)
    }

    /// Runs the checks between the files only, into ``log``: for inputs that have errors of
    /// their own, read as far as they could be.
    mutating func check() {
        _ = group()
    }

    /// Files the rows and checks them against the scenario, into ``log``.
    mutating func group() -> EstateGrouping {
        let councilColumn = register.columnNumber(of: "council")
        let vendorColumn = register.columnNumber(of: "vendor")

        var grouping = EstateGrouping(scenario: scenario, register: register, coverage: coverage)
        register.rows.withUnsafeBufferPointer { rows in grouping.add(rows, log: &log) }

        // Organisations with work need a budget.
        if let named = coverage.budgetNames, !named.contains("default") {
            for org in grouping.organisations where scenario.budget(for: org.folded) == nil && !named.contains(org.folded) {
                log.error(line: org.line, column: councilColumn, field: "council",
                          "council \"\(org.name)\" has units to replace but no budget (budgets has no \"\(org.name)\" and no \"default\")")
            }
        }

        // Near-misses: one error per normalised spelling, on its first line.
        var reported = Set<String>()
        for use in grouping.vendors {
            guard let key = use.nearMiss, reported.insert(use.spelling.vendorKey).inserted else { continue }
            log.error(line: use.line, column: vendorColumn, field: "vendor",
                      "vendor \"\(use.spelling)\" resembles \"\(key)\" but falls to the default weight \(Self.format(scenario.vendors.defaultWeight)); correct the spelling, or settle it in the scenario's vendorAliases (\"\(use.spelling)\": \"\(key)\", or \"default\" if it is another vendor)")
        }

        grouping.checkRanges(rows: register.rows, councilColumn: councilColumn, log: &log)
        return grouping
    }

    mutating func build() throws(InputError) -> Estate {
        let vendorColumn = register.columnNumber(of: "vendor")
        let grouping = group()

        // Warnings about vendors at the default weight.
        for use in grouping.vendors where use.fellToDefault {
            log.warning(line: use.line, column: vendorColumn, field: "vendor",
                        "vendor \"\(use.spelling)\" fell to the default weight \(Self.format(scenario.vendors.defaultWeight)) (\(use.units) \(use.units == 1 ? "unit" : "units"))")
        }
        // A rule's vendor may match a spelling or the key its alias names.
        warnAboutDeadlineNames(vendors: grouping.vendors.flatMap { use in
            [use.folded] + (scenario.vendors.aliasTarget(for: use.spelling).map { [$0] } ?? [])
        })

        log.moveErrorsToFront(field: "vendor")
        try log.throwIfErrors()

        let organisations = assemble(grouping)
        for organisation in organisations { warnAboutLeaderBlocks(organisation) }

        let unrated = grouping.vendors.filter { $0.weight == 0 }.map { VendorUnits(vendor: $0.spelling, units: $0.units) }
        return Estate(register: register, scenario: scenario, organisations: organisations,
                      notAtRiskUnits: grouping.notAtRisk, warnings: log.warnings + scenarioWarnings,
                      unratedVendors: VendorUnits.ordered(unrated))
    }

    /// Organisations by folded name, sites by `site_id` and groups by kind, vendor and locked
    /// period, all in UTF-8 byte order.
    func assemble(_ grouping: EstateGrouping) -> [Organisation] {
        let organisations = grouping.organisations, sites = grouping.sites, groups = grouping.groups
        let kindNames = grouping.kindNames, vendors = grouping.vendors
        var deadlines = DeadlineMemo(rules: scenario.deadlines, vendors: scenario.vendors)
        let order = organisations.indices.sorted { organisations[$0].folded.utf8Precedes(organisations[$1].folded) }
        return order.map { o in
            let entry = organisations[o]
            let siteOrder = entry.sites.sorted { sites[$0].id.utf8Precedes(sites[$1].id) }
            let assembled = siteOrder.map { s in
                let site = sites[s]
                let groupOrder = site.groups.sorted { a, b in
                    let ka = groups[a].kindKey, kb = groups[b].kindKey
                    if ka != kb { return kindNames[ka].utf8Precedes(kindNames[kb]) }
                    let va = groups[a].vendor, vb = groups[b].vendor
                    if va != vb { return vendors[va].folded.utf8Precedes(vendors[vb].folded) }
                    if groups[a].locked != groups[b].locked { return (groups[a].locked ?? -1) < (groups[b].locked ?? -1) }
                    return !groups[a].removable && groups[b].removable
                }
                let firstRow = register.rows[site.firstRow]
                return Site(id: site.id, category: firstRow.siteCategory, sensitivity: firstRow.sensitivity,
                            visitCost: scenario.visitCost(forCategory: firstRow.siteCategory),
                            groups: groupOrder.map { makeGroup(groups[$0], deadlines: &deadlines) })
            }
            return Organisation(name: entry.name, budget: scenario.budget(for: entry.folded) ?? [],
                                labourHours: scenario.labourHours(for: entry.folded), sites: assembled)
        }
    }

    /// One group from its rows: weight, costs, deadlines, `removable` and unit order.
    func makeGroup(_ group: EstateGrouping.GroupRows, deadlines: inout DeadlineMemo) -> UnitGroup {
        let rows = register.rows
        let first = group.rows[0]
        let found = group.weight > 0 ? deadlines.deadlines(for: rows[first]) : DeadlineMemo.Deadlines()
        var unitGroup = UnitGroup(
            kind: group.kind.name, vendor: rows[first].vendor, weight: group.weight, unitCost: group.kind.replaceCost,
            labourHours: group.kind.labourHours, isLeader: group.kind.replacedFirst && group.weight > 0,
            deadline: found.by, lockedPeriod: group.locked, count: group.count,
            units: unitOrder(group.rows).map { UnitSlice(rowIndex: $0, quantity: rows[$0].quantity) })
        unitGroup.isolatedBy = found.isolatedBy
        unitGroup.removable = group.removable
        return unitGroup
    }

    /// Rows in replacement order: by `installed` (oldest first, rows without it last), then by
    /// `device_id` bytes. The sort is stable, so equal rows keep register order.
    func unitOrder(_ indices: [Int]) -> [Int] {
        guard indices.count > 1 else { return indices }
        let rows = register.rows
        // (0, year) sorts before (1, 0): rows without `installed` go last.
        let keys = indices.map { i in rows[i].installed.map { (0, $0) } ?? (1, 0) }
        return indices.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return rows[indices[a]].deviceID.utf8Precedes(rows[indices[b]].deviceID)
        }.map { indices[$0] }
    }

    /// Warns about deadline rules naming a council, category or vendor that no row has.
    ///
    /// - Parameter vendors: The folded vendor names of every row.
    mutating func warnAboutDeadlineNames(vendors vendorKeys: [String]) {
        guard !scenario.deadlines.isEmpty else { return }
        var councilSpellings = Set<String>(), categorySpellings = Set<String>()
        var lastCouncil: String?, lastCategory: String?
        register.rows.withUnsafeBufferPointer { rows in
            for i in rows.indices {
                // Rows of a site come together: skip the hashing when the value repeats.
                if rows[i].council != lastCouncil { councilSpellings.insert(rows[i].council); lastCouncil = rows[i].council }
                if rows[i].siteCategory != lastCategory {
                    categorySpellings.insert(rows[i].siteCategory)
                    lastCategory = rows[i].siteCategory
                }
            }
        }
        let councils = Set(councilSpellings.map(\.foldedCase))
        let categories = Set(categorySpellings.map(\.foldedCase))
        for (k, rule) in scenario.deadlines.enumerated() {
            func warn(_ field: String, _ message: String) {
                scenarioWarnings.append(Diagnostic(.warning, file: scenario.fileName, line: rule.line,
                                                   column: rule.column, field: "deadlines[\(k)].\(field)",
                                                   message: message))
            }
            if let c = rule.council, !councils.contains(c.folded) {
                warn("council", "deadlines[\(k)] names council \"\(c)\", which no register row has")
            }
            if let s = rule.siteCategory, !categories.contains(s.folded) {
                warn("site_category", "deadlines[\(k)] names site_category \"\(s)\", which no register row has")
            }
            if let v = rule.vendor {
                let key = v.vendorKey
                if !vendorKeys.contains(where: { $0.vendorKey.hasPrefix(key) }) {
                    warn("vendor", "deadlines[\(k)] names vendor \"\(v)\", which no register row has")
                }
            }
        }
    }

    /// Warns about sites whose leader block costs more than the organisation could spend in
    /// any single period (budget plus the most carry that could reach it, at that period's prices).
    mutating func warnAboutLeaderBlocks(_ organisation: Organisation) {
        let budget = organisation.budget
        var available: [Double] = []
        var carry = 0.0
        for b in budget {
            available.append(b + carry)
            carry = scenario.carryOver * (b + carry)
        }
        for site in organisation.sites where site.hasLeaders {
            let leaders = site.groups.filter(\.isLeader)
            let base = leaders.reduce(0) { $0 + Double($1.count) * $1.unitCost } + site.visitCost
            let fits = available.indices.contains { t in
                let cost = base * scenario.costFactor(period: t)
                return cost <= available[t] + 1e-6 * max(1, available[t])
            }
            if !fits {
                let line = leaders.flatMap(\.units).map { register.rows[$0.rowIndex].line }.min()
                let what = leaders.map { "\($0.count) \($0.kind)" }.joined(separator: ", ")
                log.warning(line: line, column: register.columnNumber(of: "site_id"), field: "site_id",
                            "site \"\(site.id)\" of \(organisation.name) can never start: its leader block (\(what)) costs \(Self.format(base)) at period-1 prices, more than \(organisation.name) can spend in any single period")
            }
        }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
