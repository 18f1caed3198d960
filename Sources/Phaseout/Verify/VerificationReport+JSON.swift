/// `VerificationReport` as JSON, for `phaseout verify --json` and other tools.
///
/// The object has `valid`, `violations`, `warnings`, the recomputed totals (`exposure`,
/// `baselineExposure`, `nominalCost`, `presentValueCost`) and `organisations`, each with its
/// totals and one object per period. Numbers are encoded at full precision.
///
/// ```swift
/// let encoder = JSONEncoder()
/// encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
/// let json = try encoder.encode(report)
/// ```
extension VerificationReport: Encodable {
    private enum CodingKeys: String, CodingKey {
        case valid, violations, warnings, organisations
        case exposure, baselineExposure, nominalCost, presentValueCost
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isValid, forKey: .valid)
        try container.encode(violations, forKey: .violations)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(exposure, forKey: .exposure)
        try container.encode(baselineExposure, forKey: .baselineExposure)
        try container.encode(nominalCost, forKey: .nominalCost)
        try container.encode(presentValueCost, forKey: .presentValueCost)
        try container.encode(organisations, forKey: .organisations)
    }
}

/// `PlanIssue` as JSON: `kind`, `amount`, `message`, `text` (the printed form) and whichever of
/// `organisation`, `period`, `file`, `line` are known.
extension PlanIssue: Encodable {
    private enum CodingKeys: String, CodingKey {
        case kind, organisation, period, amount, message, file, line, text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind.rawValue, forKey: .kind)
        try container.encodeIfPresent(organisation, forKey: .organisation)
        try container.encodeIfPresent(period, forKey: .period)
        try container.encode(amount, forKey: .amount)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(file, forKey: .file)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encode(description, forKey: .text)
    }
}

/// `VerifiedOrganisation` as JSON: its name, totals and periods.
extension VerifiedOrganisation: Encodable {
    private enum CodingKeys: String, CodingKey {
        case name, periods, exposure, baselineExposure, nominalCost, presentValueCost
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(exposure, forKey: .exposure)
        try container.encode(baselineExposure, forKey: .baselineExposure)
        try container.encode(nominalCost, forKey: .nominalCost)
        try container.encode(presentValueCost, forKey: .presentValueCost)
        try container.encode(periods, forKey: .periods)
    }
}

/// One period as JSON: the stored figures plus `spend` and `available`; `labourLimit` is
/// absent when labour is unlimited.
extension VerifiedOrganisation.Period: Encodable {
    private enum CodingKeys: String, CodingKey {
        case label, budget, carryIn, unitSpend, visitSpend, spend, available, carryOut
        case units, labourHours, labourLimit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(budget, forKey: .budget)
        try container.encode(carryIn, forKey: .carryIn)
        try container.encode(unitSpend, forKey: .unitSpend)
        try container.encode(visitSpend, forKey: .visitSpend)
        try container.encode(spend, forKey: .spend)
        try container.encode(available, forKey: .available)
        try container.encode(carryOut, forKey: .carryOut)
        try container.encode(units, forKey: .units)
        try container.encode(labourHours, forKey: .labourHours)
        try container.encodeIfPresent(labourLimit, forKey: .labourLimit)
    }
}
