extension EstateGenerator {
    /// The scenario text: SPEC §1.2 keys in a fixed order, two-space indentation,
    /// arrays of numbers on one line.
    func scenarioJSON(periods: [String], deadlineIndex: Int, costs: KindCosts, traits: ProfileTraits,
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
        let treat = o.treatments
        lines.append("    \"\(Catalogue.streetCamera)\": { \"replaceCost\": \(costs.street), \"labourHours\": \(Self.streetHours), \"risk\": 1, \"replacedFirst\": false"
            + (treat ? Self.treatmentsJSON(replaceCost: costs.street, removable: true) : "") + " },")
        lines.append("    \"\(Catalogue.indoorCamera)\": { \"replaceCost\": \(costs.indoor), \"labourHours\": \(Self.indoorHours), \"risk\": 1, \"replacedFirst\": false"
            + (treat ? Self.treatmentsJSON(replaceCost: costs.indoor, removable: true) : "") + " },")
        lines.append("    \"\(Catalogue.recorder)\": { \"replaceCost\": \(costs.recorder), \"labourHours\": \(Self.recorderHours), \"risk\": 4, \"replacedFirst\": true"
            + (treat ? Self.treatmentsJSON(replaceCost: costs.recorder, removable: false) : "") + " }")
        lines.append("  },")
        let visits = Catalogue.categories.compactMap { c -> String? in
            let v = traits.visitCost(c)
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
        let isolation = o.treatments ? ", \"isolatedBy\": \(q(periods[0]))" : ""
        lines.append("    { \"sensitivity\": \"critical\"\(isolation), \"by\": \(q(periods[deadlineIndex - 1])) }")
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

extension EstateGenerator {
    /// A kind's `isolate` (and, for cameras, `remove`) options, with a leading comma. Isolating a
    /// device (a VLAN or firewall change, a site visit's work) costs about a tenth of replacing
    /// it and leaves a quarter of its risk (the vendor's cloud and firmware are cut off, the
    /// device and its data stay); removing a camera whose coverage is no longer needed costs
    /// about a sixth (taking it down, making good). Recorders are not removed: the cameras
    /// behind them need one.
    static func treatmentsJSON(replaceCost: Int, removable: Bool) -> String {
        let isolate = max(40, (replaceCost / 10 + 5) / 10 * 10)
        var text = ", \"isolate\": { \"cost\": \(isolate), \"labourHours\": 0.5, \"residualRisk\": 0.25 }"
        if removable {
            let remove = max(60, (replaceCost / 6 + 5) / 10 * 10)
            text += ", \"remove\": { \"cost\": \(remove), \"labourHours\": 1 }"
        }
        return text
    }

    /// Whether the camera row `deviceID` is marked `removable` with treatments: 8 % of street
    /// cameras and 15 % of indoor ones (coverage a council has agreed it no longer needs), never a
    /// recorder. Drawn from the id and the seed, not from the estate's random stream, so the
    /// rest of the estate is the same with and without treatments.
    static func isRemovable(deviceID: String, kind: String, seed: UInt64) -> Bool {
        let share: Double
        switch kind {
        case Catalogue.streetCamera: share = 0.08
        case Catalogue.indoorCamera: share = 0.15
        default: return false
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in deviceID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var draw = SplitMix64(seed: hash)
        return Double(draw.next() >> 11) / Double(1 << 53) < share
    }
}
