/// `VerificationReport` as JSON, for `phaseout verify --json` and other tools.
///
/// The object has `valid`, `verdict` (`valid`, `missesDeadlines` or `invalid`) and `exitCode`
/// (0, 3 or 1, as `verify` exits), `violations`, `warnings`, the recomputed totals (`exposure`,
/// `baselineExposure`, `nominalCost`, `presentValueCost`, `lateRiskYears`, `lateUnits`) and
/// `organisations`, each with its totals, its late units (`lateUnitList`) and one object per
/// period. Money is rounded to pence and risk-years and hours to 6 decimals, each from the
/// unrounded figure (SPEC §3); a money amount a violation breaks a rule by is rounded up to the
/// penny, so that adding it back suffices.
///
/// ```swift
/// let encoder = JSONEncoder()
/// encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
/// let json = try encoder.encode(report)
/// ```
extension VerificationReport: Encodable {
    private enum CodingKeys: String, CodingKey {
        case valid, verdict, exitCode, violations, warnings, organisations
        case exposure, baselineExposure, nominalCost, presentValueCost, lateRiskYears, lateUnits
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isValid, forKey: .valid)
        try container.encode(verdict.rawValue, forKey: .verdict)
        try container.encode(verdict.exitCode, forKey: .exitCode)
        try container.encode(violations, forKey: .violations)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(Rounding.riskYears(exposure), forKey: .exposure)
        try container.encode(Rounding.riskYears(baselineExposure), forKey: .baselineExposure)
        try container.encode(Rounding.pence(nominalCost), forKey: .nominalCost)
        try container.encode(Rounding.pence(presentValueCost), forKey: .presentValueCost)
        try container.encode(Rounding.riskYears(lateRiskYears), forKey: .lateRiskYears)
        try container.encode(lateUnits, forKey: .lateUnits)
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
        let rounded: Double = switch kind {
        case .budget, .carryOver: Rounding.penceUp(amount)
        case .costMismatch: Rounding.pence(amount)
        default: Rounding.riskYears(amount)
        }
        try container.encode(rounded, forKey: .amount)
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
        case lateRiskYears, lateUnits, lateUnitList
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(Rounding.riskYears(exposure), forKey: .exposure)
        try container.encode(Rounding.riskYears(baselineExposure), forKey: .baselineExposure)
        try container.encode(Rounding.pence(nominalCost), forKey: .nominalCost)
        try container.encode(Rounding.pence(presentValueCost), forKey: .presentValueCost)
        try container.encode(Rounding.riskYears(lateRiskYears), forKey: .lateRiskYears)
        try container.encode(lateUnits, forKey: .lateUnits)
        try container.encode(lateUnitList, forKey: .lateUnitList)
        try container.encode(periods, forKey: .periods)
    }
}

/// One period as JSON: the stored figures plus `spend` and `available`; `units` counts units
/// gone, `isolated` units isolated; `labourLimit` is absent when labour is unlimited.
extension VerifiedOrganisation.Period: Encodable {
    private enum CodingKeys: String, CodingKey {
        case label, budget, carryIn, unitSpend, visitSpend, spend, available, carryOut
        case units, isolated, labourHours, labourLimit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(Rounding.pence(budget), forKey: .budget)
        try container.encode(Rounding.pence(carryIn), forKey: .carryIn)
        try container.encode(Rounding.pence(unitSpend), forKey: .unitSpend)
        try container.encode(Rounding.pence(visitSpend), forKey: .visitSpend)
        try container.encode(Rounding.pence(spend), forKey: .spend)
        try container.encode(Rounding.pence(available), forKey: .available)
        try container.encode(Rounding.pence(carryOut), forKey: .carryOut)
        try container.encode(units, forKey: .units)
        try container.encode(isolated, forKey: .isolated)
        try container.encode(Rounding.riskYears(labourHours), forKey: .labourHours)
        try container.encodeIfPresent(labourLimit.map(Rounding.riskYears), forKey: .labourLimit)
    }
}
