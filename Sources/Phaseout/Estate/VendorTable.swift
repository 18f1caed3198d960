/// Risk weights by vendor, matched the way SPEC §1.2 describes.
///
/// Names are compared after lower-casing and keeping only letters and digits; a key also
/// matches vendors that start with it, and the longest matching key wins. Vendors no key
/// matches get ``defaultWeight``; the key `default` is only that fallback and never matches
/// by prefix.
///
/// ```swift
/// let table = VendorTable.builtIn
/// table.weight(for: "Hikvision Digital Technology Co.")   // 1
/// table.weight(for: "Axis")                               // 0
/// ```
public struct VendorTable: Sendable, Hashable {
    /// Weights by normalised key (letters and digits, lower-cased), without `default`.
    public private(set) var weights: [String: Double]
    /// The weight of vendors no key matches.
    public var defaultWeight: Double
    /// Keys longest first, so that the first prefix match is the longest.
    private var keysLongestFirst: [String]

    /// Creates a table from vendor names (normalised here) and a default weight.
    ///
    /// A name that normalises to the same key as an earlier one replaces it; the scenario
    /// reader rejects such tables before they get here.
    public init(_ weights: [String: Double], defaultWeight: Double = 0) {
        var normalised: [String: Double] = [:]
        for (name, weight) in weights {
            let key = name.vendorKey
            if key.isEmpty || key == "default" { continue }
            normalised[key] = weight
        }
        self.weights = normalised
        self.defaultWeight = defaultWeight
        self.keysLongestFirst = normalised.keys.sorted {
            $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0.utf8Precedes($1)
        }
    }

    /// The table used when a scenario gives none: hikvision, hilook, hiwatch, ezviz, dahua and
    /// imou at 1, everything else 0.
    public static let builtIn = VendorTable(
        ["hikvision": 1, "hilook": 1, "hiwatch": 1, "ezviz": 1, "dahua": 1, "imou": 1], defaultWeight: 0)

    /// A vendor name as the table compares it: lower-cased, letters and digits only.
    public static func normalise(_ vendor: String) -> String { vendor.vendorKey }

    /// The key that matches `vendor` (the longest key it starts with), or nil for the default.
    public func matchingKey(for vendor: String) -> String? {
        let name = vendor.vendorKey
        return keysLongestFirst.first { name.hasPrefix($0) }
    }

    /// The risk weight of `vendor`.
    public func weight(for vendor: String) -> Double {
        matchingKey(for: vendor).flatMap { weights[$0] } ?? defaultWeight
    }
}
