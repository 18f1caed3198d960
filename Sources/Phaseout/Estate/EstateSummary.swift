/// Headline figures of an estate, for `validate` and for reports.
public struct EstateSummary: Sendable, Hashable {
    /// Organisations with units to plan.
    public var organisations: Int
    /// Sites with units to plan.
    public var sites: Int
    /// Units at risk (w > 0), locked or not.
    public var atRiskUnits: Int
    /// Units at risk by kind (scenario spelling), largest first.
    public var atRiskByKind: [(name: String, units: Int)]
    /// Units at risk by sensitivity level, largest weight first.
    public var atRiskBySensitivity: [(name: String, units: Int)]
    /// Units not at risk and not locked: left out of the plan.
    public var unitsSetAside: Int
    /// Locked units not at risk (contracted works).
    public var contractedUnits: Int
    /// Units at risk and contracted works at period-1 prices, plus one visit per site with work.
    public var replacementCost: Double
    /// The organisations' budgets summed over the horizon (nominal).
    public var totalBudget: Double

    public static func == (a: Self, b: Self) -> Bool {
        a.organisations == b.organisations && a.sites == b.sites && a.atRiskUnits == b.atRiskUnits
            && a.atRiskByKind.elementsEqual(b.atRiskByKind, by: { $0 == $1 })
            && a.atRiskBySensitivity.elementsEqual(b.atRiskBySensitivity, by: { $0 == $1 })
            && a.unitsSetAside == b.unitsSetAside && a.contractedUnits == b.contractedUnits
            && a.replacementCost == b.replacementCost && a.totalBudget == b.totalBudget
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(organisations)
        hasher.combine(sites)
        hasher.combine(atRiskUnits)
        hasher.combine(replacementCost)
    }
}

extension Estate {
    /// The estate's headline figures.
    public var summary: EstateSummary {
        var byKind: [String: Int] = [:]
        var bySensitivity: [String: Int] = [:]
        var atRisk = 0, contracted = 0, sites = 0
        var cost = 0.0, budget = 0.0
        for organisation in organisations {
            budget += organisation.budget.reduce(0, +)
            for site in organisation.sites {
                sites += 1
                cost += site.visitCost
                for group in site.groups {
                    cost += Double(group.count) * group.unitCost
                    if group.weight > 0 {
                        atRisk += group.count
                        byKind[group.kind, default: 0] += group.count
                        bySensitivity[site.sensitivity, default: 0] += group.count
                    } else {
                        contracted += group.count
                    }
                }
            }
        }
        let kinds = byKind.map { (name: $0.key, units: $0.value) }
            .sorted { $0.units != $1.units ? $0.units > $1.units : $0.name < $1.name }
        let levels = bySensitivity.map { (name: $0.key, units: $0.value) }
            .sorted {
                let wa = scenario.sensitivityWeights[$0.name] ?? 0, wb = scenario.sensitivityWeights[$1.name] ?? 0
                return wa != wb ? wa > wb : $0.name < $1.name
            }
        return EstateSummary(
            organisations: organisations.count, sites: sites, atRiskUnits: atRisk, atRiskByKind: kinds,
            atRiskBySensitivity: levels, unitsSetAside: notAtRiskUnits, contractedUnits: contracted,
            replacementCost: cost, totalBudget: budget)
    }
}
