extension Estate {
    /// Joins a register and a scenario: checks them against each other, weights every unit,
    /// sets aside units not at risk and groups the rest.
    ///
    /// A unit's weight is w = vendor weight × sensitivity weight × kind risk. Units with w = 0
    /// are set aside unless locked (contracted works, kept with weight 0). A group is the units
    /// of one organisation, site, kind, vendor (case-insensitive) and locked period, oldest first.
    ///
    /// - Throws: ``InputError`` for unknown kinds, sensitivity levels or locked periods, and for
    ///   organisations with units to replace but no budget.
    /// - Complexity: O(*n* log *n*) in the number of rows.
    public static func build(register: Register, scenario: Scenario) throws(InputError) -> Estate {
        var builder = EstateBuilder(register: register, scenario: scenario)
        return try builder.build()
    }

    /// Reads a register and a scenario and builds their estate, reporting the problems of
    /// both files together.
    ///
    /// - Throws: ``InputError`` listing every problem in either file, or between them.
    public static func load(registerPath: String, scenarioPath: String) throws(InputError) -> Estate {
        var problems: [Diagnostic] = []
        var omitted = 0
        var register: Register?
        var scenario: Scenario?
        do { register = try RegisterReader.read(path: registerPath) } catch {
            problems += error.diagnostics
            omitted += error.omitted
        }
        do { scenario = try ScenarioReader.read(path: scenarioPath) } catch {
            problems += error.diagnostics
            omitted += error.omitted
        }
        guard let register, let scenario else { throw InputError(diagnostics: problems, omitted: omitted) }
        return try build(register: register, scenario: scenario)
    }
}

/// The work of ``Estate/build(register:scenario:)``.
private struct EstateBuilder {
    let register: Register
    let scenario: Scenario
    var log: DiagnosticLog
    var scenarioWarnings: [Diagnostic] = []

    init(register: Register, scenario: Scenario) {
        self.register = register
        self.scenario = scenario
        self.log = DiagnosticLog(file: register.fileName)
    }

    struct GroupKey: Hashable {
        var organisation: String
        var site: String
        var kind: String
        var vendor: String
        var locked: Int
    }

    struct GroupRows {
        var rows: [Int] = []
        var weight: Double
        var count = 0
    }

    struct VendorUse {
        var spelling: String
        var line: Int
        var units = 0
        var fellToDefault: Bool
        var weight: Double
    }

    mutating func build() throws(InputError) -> Estate {
        let rows = register.rows
        let kindColumn = register.columnNumber(of: "kind")
        let sensitivityColumn = register.columnNumber(of: "sensitivity")
        let lockedColumn = register.columnNumber(of: "locked_period")
        let councilColumn = register.columnNumber(of: "council")
        let vendorColumn = register.columnNumber(of: "vendor")
        let kindList = scenario.kinds.values.map(\.name).sorted().joined(separator: ", ")

        var vendors: [String: VendorUse] = [:]
        var vendorOrder: [String] = []
        var groups: [GroupKey: GroupRows] = [:]
        var organisationNames: [String: (name: String, line: Int)] = [:]
        var notAtRisk = 0

        for (index, row) in rows.enumerated() {
            let vendorFolded = row.vendor.foldedCase
            if vendors[vendorFolded] == nil {
                let key = scenario.vendors.matchingKey(for: row.vendor)
                vendors[vendorFolded] = VendorUse(
                    spelling: row.vendor, line: row.line, fellToDefault: key == nil,
                    weight: scenario.vendors.weight(for: row.vendor))
                vendorOrder.append(vendorFolded)
            }
            vendors[vendorFolded]!.units += row.quantity

            var ok = true
            let kind = scenario.kind(named: row.kind)
            if kind == nil {
                log.error(line: row.line, column: kindColumn, field: "kind",
                          "unknown kind \"\(row.kind)\" (the scenario defines \(kindList.isEmpty ? "none" : kindList))")
                ok = false
            }
            let levelWeight = scenario.sensitivityWeight(of: row.sensitivity)
            if levelWeight == nil {
                log.error(line: row.line, column: sensitivityColumn, field: "sensitivity",
                          "unknown sensitivity level \"\(row.sensitivity)\"")
                ok = false
            }
            var locked: Int?
            if let label = row.lockedPeriod {
                locked = scenario.periodIndex(of: label)
                if locked == nil {
                    log.error(line: row.line, column: lockedColumn, field: "locked_period",
                              "unknown locked_period \"\(label)\" (not one of the scenario's periods)")
                    ok = false
                }
            }
            guard ok, let kind, let levelWeight else { continue }

            let weight = vendors[vendorFolded]!.weight * levelWeight * kind.risk
            if weight == 0 && locked == nil {
                notAtRisk += row.quantity
                continue
            }
            let organisation = row.council.foldedCase
            if organisationNames[organisation] == nil { organisationNames[organisation] = (row.council, row.line) }
            let key = GroupKey(organisation: organisation, site: row.siteID, kind: row.kind.foldedCase,
                               vendor: vendorFolded, locked: locked ?? -1)
            groups[key, default: GroupRows(weight: weight)].rows.append(index)
            groups[key]!.count += row.quantity
        }

        // Organisations with work need a budget.
        for (key, org) in organisationNames.sorted(by: { $0.value.line < $1.value.line })
        where scenario.budget(for: key) == nil {
            log.error(line: org.line, column: councilColumn, field: "council",
                      "council \"\(org.name)\" has units to replace but no budget (budgets has no \"\(org.name)\" and no \"default\")")
        }

        // Warnings about vendors at the default weight.
        for key in vendorOrder {
            let use = vendors[key]!
            guard use.fellToDefault else { continue }
            log.warning(line: use.line, column: vendorColumn, field: "vendor",
                        "vendor \"\(use.spelling)\" fell to the default weight \(Self.format(scenario.vendors.defaultWeight)) (\(use.units) \(use.units == 1 ? "unit" : "units"))")
        }
        warnAboutDeadlineNames()

        try log.throwIfErrors()

        // Assemble organisations → sites → groups.
        var sitesByOrganisation: [String: [String: [(GroupKey, GroupRows)]]] = [:]
        for (key, group) in groups {
            sitesByOrganisation[key.organisation, default: [:]][key.site, default: []].append((key, group))
        }
        var organisations: [Organisation] = []
        for orgKey in sitesByOrganisation.keys.sorted(by: { $0.utf8Precedes($1) }) {
            let name = organisationNames[orgKey]!.name
            var sites: [Site] = []
            for siteID in sitesByOrganisation[orgKey]!.keys.sorted(by: { $0.utf8Precedes($1) }) {
                let entries = sitesByOrganisation[orgKey]![siteID]!.sorted { a, b in
                    if a.0.kind != b.0.kind { return a.0.kind.utf8Precedes(b.0.kind) }
                    if a.0.vendor != b.0.vendor { return a.0.vendor.utf8Precedes(b.0.vendor) }
                    return a.0.locked < b.0.locked
                }
                let firstRow = rows[entries.map { $0.1.rows.min()! }.min()!]
                let unitGroups = entries.map { makeGroup($0.1) }
                sites.append(Site(id: siteID, category: firstRow.siteCategory, sensitivity: firstRow.sensitivity,
                                  visitCost: scenario.visitCost(forCategory: firstRow.siteCategory),
                                  groups: unitGroups))
            }
            organisations.append(Organisation(
                name: name, budget: scenario.budget(for: orgKey) ?? [],
                labourHours: scenario.labourHours(for: orgKey), sites: sites))
        }

        for organisation in organisations { warnAboutLeaderBlocks(organisation) }

        return Estate(register: register, scenario: scenario, organisations: organisations,
                      notAtRiskUnits: notAtRisk, warnings: log.warnings + scenarioWarnings)
    }

    /// One group from its rows: weight, costs, deadline and unit order.
    func makeGroup(_ group: GroupRows) -> UnitGroup {
        let rows = register.rows
        let first = rows[group.rows.min()!]
        let kind = scenario.kind(named: first.kind)!
        let locked = first.lockedPeriod.flatMap { scenario.periodIndex(of: $0) }
        let ordered = group.rows.sorted { a, b in
            let ra = rows[a], rb = rows[b]
            switch (ra.installed, rb.installed) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return ra.deviceID.utf8Precedes(rb.deviceID)
            }
        }
        var deadline: Int?
        if group.weight > 0 {
            for rule in scenario.deadlines
            where rule.matches(council: first.council, siteCategory: first.siteCategory,
                               sensitivity: first.sensitivity, kind: first.kind, vendor: first.vendor) {
                deadline = min(deadline ?? rule.by, rule.by)
            }
        }
        return UnitGroup(
            kind: kind.name, vendor: first.vendor, weight: group.weight, unitCost: kind.replaceCost,
            labourHours: kind.labourHours, isLeader: kind.replacedFirst && group.weight > 0,
            deadline: deadline, lockedPeriod: locked, count: group.count,
            units: ordered.map { UnitSlice(rowIndex: $0, quantity: rows[$0].quantity) })
    }

    /// Warns about deadline rules naming a council, category or vendor that no row has.
    mutating func warnAboutDeadlineNames() {
        guard !scenario.deadlines.isEmpty else { return }
        let rows = register.rows
        var councils = Set<String>(), categories = Set<String>(), vendorKeys = Set<String>()
        for row in rows {
            councils.insert(row.council.foldedCase)
            categories.insert(row.siteCategory.foldedCase)
            vendorKeys.insert(row.vendor.foldedCase)
        }
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
