import Foundation

extension OrganisationProblem {
    /// The solver-ready problem of one organisation of an estate.
    init(organisation: Organisation, scenario: Scenario, register: Register) {
        let periods = scenario.periodCount
        let years = scenario.periodYears
        name = organisation.name
        periodCount = periods
        periodYears = years
        objective = scenario.objective
        mustBeGoneByHorizon = scenario.objective == .cost
        priceFactor = (0..<periods).map { scenario.costFactor(period: $0) }
        presentValueFactor = (0..<periods).map { t in
            pow(1 + scenario.inflation, -years * Double(t)) * pow(1 + scenario.discountRate, -years * (Double(t) + 0.5))
        }
        budget = organisation.budget
        labourHours = organisation.labourHours
        carryOver = scenario.carryOver
        sites = organisation.sites.enumerated().map { s, site in
            SiteProblem(id: site.id, visitCost: site.visitCost, groups: site.groups.enumerated().map { g, group in
                GroupProblem(
                    reference: GroupReference(site: s, group: g), weight: group.weight, unitCost: group.unitCost,
                    hours: group.labourHours, count: group.count, isLeader: group.isLeader,
                    deadline: group.weight > 0 ? Self.earliest(group.deadline, group.isolatedBy) : nil,
                    by: group.weight > 0 ? group.deadline : nil, isolatedBy: group.weight > 0 ? group.isolatedBy : nil,
                    locked: group.lockedPeriod)
            })
        }
        assignFillOrder(organisation: organisation, register: register)
    }

    /// The planner replaces, and a replaced unit is gone and so also isolated: it meets an
    /// `isolatedBy` only by being gone by then (SPEC §2.3 rule 4, replacement only).
    private static func earliest(_ by: Int?, _ isolatedBy: Int?) -> Int? {
        switch (by, isolatedBy) {
        case let (by?, isolatedBy?): min(by, isolatedBy)
        default: by ?? isolatedBy
        }
    }

    /// Pooled groups receive replacements oldest first: order groups by their oldest unit.
    private mutating func assignFillOrder(organisation: Organisation, register: Register) {
        var keys: [(installed: Int, site: Int, group: Int)] = []
        for (s, site) in organisation.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                let oldest = group.units.first.flatMap { register.rows[$0.rowIndex].installed }
                keys.append((oldest ?? Int.max, s, g))
            }
        }
        keys.sort { ($0.installed, $0.site, $0.group) < ($1.installed, $1.site, $1.group) }
        for (order, key) in keys.enumerated() { sites[key.site].groups[key.group].fillOrder = order }
    }
}
