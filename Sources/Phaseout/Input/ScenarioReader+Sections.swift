import Foundation

/// The scenario's top-level sections, one reader each (SPEC §1.2).
extension ScenarioReader.Reader {
    /// `name`, or the file's name.
    mutating func readName(_ byKey: [String: JSONValue]) -> String {
        var name = (fileName as NSString).lastPathComponent
        if let v = byKey["name"], case .string(let s) = v.content { name = s } else if let v = byKey["name"] {
            _ = string(v, "name")
        }
        return name
    }

    /// `periods`: the labels, and whether they are all readable and distinct.
    mutating func readPeriods(_ byKey: [String: JSONValue], root: JSONValue) -> ([String], Bool) {
        var periods: [String] = []
        var periodsOK = false
        if let v = byKey["periods"] {
            if case .array(let elements) = v.content {
                periodsOK = true
                if elements.isEmpty {
                    error(v, "periods", "periods must list at least one period")
                    periodsOK = false
                }
                var seen: [String: Int] = [:]
                for (k, element) in elements.enumerated() {
                    guard let label = string(element, "periods[\(k)]") else { periodsOK = false; continue }
                    if let first = seen[label.folded] {
                        error(element, "periods[\(k)]", "period \"\(label)\" is listed twice (also periods[\(first)])")
                        periodsOK = false
                        continue
                    }
                    seen[label.folded] = k
                    periods.append(label)
                }
            } else {
                error(v, "periods", "periods must be an array of labels, not \(v.typeName)")
            }
        } else if root.complete {
            error(root, "periods", "missing required key \"periods\"")
        }
        if periodsOK, let v = byKey["periods"] { periodsOK = periodCountInRange(v, count: periods.count) }
        return (periods, periodsOK)
    }

    /// `objective` (default `exposure`).
    mutating func readObjective(_ byKey: [String: JSONValue]) -> Objective {
        var objective = Objective.exposure
        if let v = byKey["objective"], let s = string(v, "objective") {
            if let o = Objective(rawValue: s.lowercased()) {
                objective = o
            } else {
                error(v, "objective", "objective must be \"exposure\" or \"cost\", not \"\(s)\"")
            }
        }
        return objective
    }

    /// `vendors` (or the built-in table), and the table's keys when known (for the aliases' targets).
    mutating func readVendors(_ byKey: [String: JSONValue], root: JSONValue) -> (VendorTable, Set<String>?) {
        var vendors = VendorTable.builtIn
        // The keys of the table in force, read or not (for the aliases' targets); nil when unknown.
        var vendorKeys: Set<String>? = root.complete ? Set(VendorTable.builtIn.weights.keys) : nil
        if let v = byKey["vendors"] {
            vendorKeys = nil
            if let named = namedMembers(v, "vendors", fold: { $0.folded == "default" ? "default" : $0.vendorKey }) {
                var weights: [String: Double] = [:]
                var defaultWeight = 0.0
                for (member, key) in named {
                    guard let w = weight(member.value, "vendors.\(member.key)") else { continue }
                    if key == "default" { defaultWeight = w } else { weights[key] = w }
                }
                vendors = VendorTable(weights, defaultWeight: defaultWeight)
                if v.complete { vendorKeys = Set(named.map(\.key).filter { $0 != "default" }) }
            }
        }
        coverage.vendorsKnown = vendorKeys != nil
        return (vendors, vendorKeys)
    }

    /// `sensitivity` over the defaults, and the level names when known.
    mutating func readSensitivity(_ byKey: [String: JSONValue], root: JSONValue) -> ([String: Double], Set<String>?) {
        var sensitivity = Scenario.defaultSensitivityWeights
        var levelNames: Set<String>? = root.complete ? Set(sensitivity.keys) : nil
        if let v = byKey["sensitivity"] {
            levelNames = nil
            if let named = namedMembers(v, "sensitivity") {
                for (member, key) in named {
                    if let w = weight(member.value, "sensitivity.\(member.key)") { sensitivity[key] = w }
                }
                if v.complete { levelNames = Set(sensitivity.keys).union(named.map(\.key)) }
            }
        }
        coverage.levelNames = levelNames
        return (sensitivity, levelNames)
    }

    /// `kinds`, with their treatments.
    mutating func readKinds(_ byKey: [String: JSONValue], root: JSONValue) -> [String: Kind] {
        var kinds: [String: Kind] = [:]
        var kindNames: Set<String> = []
        if let v = byKey["kinds"], let named = namedMembers(v, "kinds") {
            if v.complete { coverage.kindNames = Set(named.map(\.key)) }
            for (member, key) in named {
                let path = "kinds.\(member.key)"
                kindNames.insert(key)
                guard let fields = members(member.value, path, allowed: ScenarioReader.kindKeys) else { continue }
                var kind = Kind(name: member.key.trimmingUnicodeWhitespace, replaceCost: 0)
                var hasCost = false
                var ok = true
                for field in fields {
                    let p = "\(path).\(field.key)"
                    switch field.key {
                    case "replaceCost":
                        if let x = cost(field.value, p) { kind.replaceCost = x; hasCost = true } else { ok = false; hasCost = true }
                    case "labourHours":
                        if let x = unitHours(field.value, p) { kind.labourHours = x } else { ok = false }
                    case "risk":
                        if let x = weight(field.value, p) { kind.risk = x } else { ok = false }
                    case "replacedFirst":
                        if let b = bool(field.value, p) { kind.replacedFirst = b } else { ok = false }
                    case "isolate":
                        if let x = isolation(field.value, p) { kind.isolate = x } else { ok = false }
                    case "remove":
                        if let x = removal(field.value, p) { kind.remove = x } else { ok = false }
                    default: break
                    }
                }
                if !hasCost && member.value.complete { error(member, path, "kind \"\(member.key)\" has no replaceCost") }
                if ok && hasCost { kinds[key] = kind }
            }
        } else if byKey["kinds"] == nil && root.complete {
            error(root, "kinds", "missing required key \"kinds\"")
        }
        return kinds
    }

    /// `siteVisitCost` by category.
    mutating func readSiteVisitCosts(_ byKey: [String: JSONValue]) -> [String: Double] {
        var visit: [String: Double] = [:]
        if let v = byKey["siteVisitCost"], let named = namedMembers(v, "siteVisitCost") {
            for (member, key) in named {
                if let x = cost(member.value, "siteVisitCost.\(member.key)") { visit[key] = x }
            }
        }
        return visit
    }

    /// `budgets` by organisation, each of T amounts.
    mutating func readBudgets(_ byKey: [String: JSONValue], root: JSONValue, periodCount t: Int?) -> [String: [Double]] {
        var budgets: [String: [Double]] = [:]
        coverage.budgetNames = root.complete ? [] : nil
        if let v = byKey["budgets"] {
            coverage.budgetNames = nil
            if let named = namedMembers(v, "budgets") {
                for (member, key) in named {
                    if let s = budgetSeries(member.value, "budgets.\(member.key)", count: t) { budgets[key] = s }
                }
                if v.complete { coverage.budgetNames = Set(named.map(\.key)) }
            }
        }
        return budgets
    }

    /// `labourHours` by organisation, each of T amounts.
    mutating func readLabour(_ byKey: [String: JSONValue], periodCount t: Int?) -> [String: [Double]] {
        var labour: [String: [Double]] = [:]
        if let v = byKey["labourHours"], let named = namedMembers(v, "labourHours") {
            for (member, key) in named {
                if let s = series(member.value, "labourHours.\(member.key)", count: t, maximum: InputRanges.maxHours) { labour[key] = s }
            }
        }
        return labour
    }

    /// `deadlines`: the rules that could be read.
    mutating func readDeadlines(_ byKey: [String: JSONValue], periods: [String]?, levels levelNames: Set<String>?) -> [DeadlineRule] {
        var deadlines: [DeadlineRule] = []
        if let v = byKey["deadlines"] {
            if case .array(let rules) = v.content {
                for (k, ruleValue) in rules.enumerated() {
                    if let rule = deadline(ruleValue, "deadlines[\(k)]", periods: periods,
                                           kindNames: coverage.kindNames, levels: levelNames) {
                        deadlines.append(rule)
                    }
                }
            } else {
                error(v, "deadlines", "deadlines must be an array of rules, not \(v.typeName)")
            }
        }
        return deadlines
    }
}
