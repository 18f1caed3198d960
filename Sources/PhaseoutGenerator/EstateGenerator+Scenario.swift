extension EstateGenerator {
    /// The scenario text: SPEC §1.2 keys in a fixed order, two-space indentation,
    /// arrays of numbers on one line.
    func scenarioJSON(periods: [String], deadlineIndex: Int, costs: KindCosts, national: Bool,
                      names: [String], budgets: [[Int]], labour: [[Int]?]) -> String {
        let o = options
        let name = o.name ?? "Synthetic \(o.profile.rawValue) estate: \(o.devices) devices, "
            + "\(o.councilCount) organisations, seed \(o.seed)"
        func q(_ s: String) -> String { Self.jsonString(s) }
        func list(_ xs: [Int]) -> String { "[" + xs.map(String.init).joined(separator: ", ") + "]" }

        var lines: [String] = []
        lines.append("{")
        lines.append("  \"name\": \(q(name)),")
        lines.append("  \"periods\": [" + periods.map(q).joined(separator: ", ") + "],")
        lines.append("  \"periodYears\": \(o.resolvedPeriodYears),")
        lines.append("  \"objective\": \"exposure\",")
        if o.explicitVendors {
            let entries = Catalogue.builtInVendorKeys.map { "\(q($0)): 1" } + ["\"default\": 0"]
            lines.append("  \"vendors\": { " + entries.joined(separator: ", ") + " },")
        }
        lines.append("  \"sensitivity\": { \"critical\": 8, \"high\": 4, \"standard\": 1, \"low\": 0.5 },")
        lines.append("  \"kinds\": {")
        lines.append("    \"\(Catalogue.streetCamera)\": { \"replaceCost\": \(costs.street), \"labourHours\": \(Self.streetHours), \"risk\": 1, \"replacedFirst\": false },")
        lines.append("    \"\(Catalogue.indoorCamera)\": { \"replaceCost\": \(costs.indoor), \"labourHours\": \(Self.indoorHours), \"risk\": 1, \"replacedFirst\": false },")
        lines.append("    \"\(Catalogue.recorder)\": { \"replaceCost\": \(costs.recorder), \"labourHours\": \(Self.recorderHours), \"risk\": 4, \"replacedFirst\": true }")
        lines.append("  },")
        let visits = Catalogue.categories.compactMap { c -> String? in
            let v = national ? c.visitNational : c.visitConcentrated
            return v > 0 ? "\(q(c.name)): \(v)" : nil
        } + ["\"default\": 0"]
        lines.append("  \"siteVisitCost\": { " + visits.joined(separator: ", ") + " },")
        lines.append("  \"inflation\": \(Self.inflationText),")
        lines.append("  \"discountRate\": \(Self.discountRateText),")
        lines.append("  \"budgets\": {")
        for (i, n) in names.enumerated() {
            lines.append("    \(q(n)): \(list(budgets[i]))" + (i == names.count - 1 ? "" : ","))
        }
        lines.append("  },")
        let limited = names.indices.filter { labour[$0] != nil }
        if !limited.isEmpty {
            lines.append("  \"labourHours\": {")
            for (k, i) in limited.enumerated() {
                lines.append("    \(q(names[i])): \(list(labour[i]!))" + (k == limited.count - 1 ? "" : ","))
            }
            lines.append("  },")
        }
        lines.append("  \"carryOver\": \(Self.carryOverText),")
        lines.append("  \"deadlines\": [")
        lines.append("    { \"sensitivity\": \"critical\", \"by\": \(q(periods[deadlineIndex - 1])) }")
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
