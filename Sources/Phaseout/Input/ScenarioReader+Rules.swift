import Foundation

/// Deadline rules, treatments and vendor aliases (SPEC §1.2).
extension ScenarioReader.Reader {
    /// A deadline rule; `kindNames` and `levels` are nil when the scenario's kinds or levels
    /// could not all be read (the rule's names are then not checked).
    mutating func deadline(_ value: JSONValue, _ path: String, periods: [String]?, kindNames: Set<String>?,
                           levels: Set<String>?) -> DeadlineRule? {
        guard let fields = members(value, path, allowed: ScenarioReader.deadlineKeys) else { return nil }
        var rule = DeadlineRule(line: value.line, column: value.column)
        var ok = true
        var hasPeriod = false
        for field in fields {
            let p = "\(path).\(field.key)"
            guard let s = string(field.value, p) else { ok = false; continue }
            switch field.key {
            case "council": rule.council = s
            case "site_category": rule.siteCategory = s
            case "sensitivity":
                rule.sensitivity = s
                if let levels, !levels.contains(s.folded) {
                    error(field.value, p, "deadline names unknown sensitivity level \"\(s)\"")
                    ok = false
                }
            case "kind":
                rule.kind = s
                if let kindNames, !kindNames.contains(s.folded) {
                    error(field.value, p, "deadline names unknown kind \"\(s)\"")
                    ok = false
                }
            case "vendor":
                rule.vendor = s
                if s.vendorKey.isEmpty {
                    error(field.value, p, "deadline vendor \"\(s)\" has no letters or digits")
                    ok = false
                }
            case "by", "isolatedBy":
                hasPeriod = true
                if let periods {
                    if let index = periods.firstIndex(where: { $0.folded == s.folded }) {
                        if field.key == "by" { rule.by = index } else { rule.isolatedBy = index }
                    } else {
                        error(field.value, p, "deadline names unknown period \"\(s)\"")
                        ok = false
                    }
                } else {
                    ok = false
                }
            default: break
            }
        }
        if !hasPeriod {
            // A member that could not be read may have been the period.
            if value.complete && !fields.contains(where: { $0.value.isInvalid }) {
                error(value, path, "deadline rule has no \"by\" or \"isolatedBy\" period")
            }
            ok = false
        }
        return ok ? rule : nil
    }

    /// A kind's `isolate` treatment, else nil after its errors.
    mutating func isolation(_ value: JSONValue, _ path: String) -> Kind.Isolation? {
        guard let fields = members(value, path, allowed: ScenarioReader.isolateKeys) else { return nil }
        var cost: Double?, hours = 0.0, residualRisk: Double?
        var ok = true, hasCost = false, hasResidualRisk = false
        for field in fields {
            let p = "\(path).\(field.key)"
            switch field.key {
            case "cost":
                hasCost = true
                if let x = self.cost(field.value, p) { cost = x } else { ok = false }
            case "labourHours":
                if let x = unitHours(field.value, p) { hours = x } else { ok = false }
            case "residualRisk":
                hasResidualRisk = true
                if let x = share(field.value, p) { residualRisk = x } else { ok = false }
            default: break
            }
        }
        if value.complete {
            if !hasCost { error(value, path, "\(path) has no cost (it is required)") }
            if !hasResidualRisk { error(value, path, "\(path) has no residualRisk (it is required)") }
        }
        guard ok, let cost, let residualRisk else { return nil }
        return Kind.Isolation(cost: cost, labourHours: hours, residualRisk: residualRisk)
    }

    /// A kind's `remove` treatment, else nil after its errors.
    mutating func removal(_ value: JSONValue, _ path: String) -> Kind.Removal? {
        guard let fields = members(value, path, allowed: ScenarioReader.removeKeys) else { return nil }
        var cost: Double?, hours = 0.0
        var ok = true, hasCost = false
        for field in fields {
            let p = "\(path).\(field.key)"
            switch field.key {
            case "cost":
                hasCost = true
                if let x = self.cost(field.value, p) { cost = x } else { ok = false }
            case "labourHours":
                if let x = unitHours(field.value, p) { hours = x } else { ok = false }
            default: break
            }
        }
        if value.complete && !hasCost { error(value, path, "\(path) has no cost (it is required)") }
        guard ok, let cost else { return nil }
        return Kind.Removal(cost: cost, labourHours: hours)
    }

    /// `vendorAliases`: normalised spelling → a key of the vendor table in force or
    /// `default`. `vendorKeys` is nil when that table could not be read (targets are then
    /// not checked). Fills ``coverage``'s alias spellings when every entry could be read.
    mutating func aliases(_ value: JSONValue, vendorKeys: Set<String>?) -> [String: String] {
        guard let named = namedMembers(value, "vendorAliases", fold: { $0.vendorKey }) else { return [:] }
        var out: [String: String] = [:]
        for (member, spelling) in named {
            let p = "vendorAliases.\(member.key)"
            guard let target = string(member.value, p) else { continue }
            let key = target.folded == "default" ? "default" : target.vendorKey
            if key != "default", let vendorKeys, !vendorKeys.contains(key) {
                let known = vendorKeys.sorted { $0.utf8Precedes($1) }.joined(separator: ", ")
                error(member.value, p, "vendorAliases maps \"\(member.key)\" to \"\(target)\", which is neither a key of the vendor table in force (\(known.isEmpty ? "none" : known)) nor \"default\"")
                continue
            }
            out[spelling] = key
        }
        if value.complete { coverage.aliasSpellings = Set(named.map(\.key)) }
        return out
    }
}
