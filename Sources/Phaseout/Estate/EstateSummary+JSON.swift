/// `EstateSummary` as JSON, for `phaseout validate --json` and other tools.
///
/// Keys are the property names; the by-kind and by-sensitivity breakdowns become arrays of
/// `{"name": …, "units": …}` objects in the summary's order (largest first).
///
/// ```swift
/// let encoder = JSONEncoder()
/// encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
/// let json = try encoder.encode(estate.summary)
/// ```
extension EstateSummary: Encodable {
    private enum CodingKeys: String, CodingKey {
        case organisations, sites, atRiskUnits, atRiskByKind, atRiskBySensitivity
        case unitsSetAside, contractedUnits, replacementCost, totalBudget
    }

    /// One line of a breakdown: a name and its units.
    private struct Count: Encodable {
        var name: String
        var units: Int
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(organisations, forKey: .organisations)
        try container.encode(sites, forKey: .sites)
        try container.encode(atRiskUnits, forKey: .atRiskUnits)
        try container.encode(atRiskByKind.map { Count(name: $0.name, units: $0.units) }, forKey: .atRiskByKind)
        try container.encode(atRiskBySensitivity.map { Count(name: $0.name, units: $0.units) }, forKey: .atRiskBySensitivity)
        try container.encode(unitsSetAside, forKey: .unitsSetAside)
        try container.encode(contractedUnits, forKey: .contractedUnits)
        try container.encode(replacementCost, forKey: .replacementCost)
        try container.encode(totalBudget, forKey: .totalBudget)
    }
}
