/// Risk weights by vendor, matched the way SPEC §1.2 describes.
///
/// Names are compared after lower-casing and keeping only letters and digits. An alias
/// (`vendorAliases`) maps a whole normalised spelling to a key or to `default`, before any
/// prefix matching; otherwise a key matches vendors that start with it, and the longest matching
/// key wins. Vendors no key matches get ``defaultWeight``; the key `default` is only that
/// fallback and never matches by prefix.
///
/// ```swift
/// var table = VendorTable.builtIn
/// table.weight(for: "Hikvision Digital Technology Co.")   // 1
/// table.weight(for: "Axis")                               // 0
/// table.nearMiss(for: "HKVision")                         // "hikvision": an input error
/// table.aliases = ["hkvision": "hikvision"]
/// table.weight(for: "HKVision")                           // 1
/// ```
public struct VendorTable: Sendable, Hashable {
    /// Weights by normalised key (letters and digits, lower-cased), without `default`.
    public private(set) var weights: [String: Double]
    /// The weight of vendors no key matches.
    public var defaultWeight: Double
    /// `vendorAliases`: normalised register spelling → the key it stands for, or `default`.
    ///
    /// Spellings and keys are stored normalised; an alias is matched whole, never by prefix.
    public var aliases: [String: String] {
        get { normalisedAliases }
        set {
            var out: [String: String] = [:]
            for (spelling, target) in newValue {
                out[spelling.vendorKey] = target.folded == "default" ? "default" : target.vendorKey
            }
            normalisedAliases = out
        }
    }
    private var normalisedAliases: [String: String] = [:]
    /// Keys longest first, so that the first prefix match is the longest.
    private var keysLongestFirst: [String]

    /// Creates a table from vendor names (normalised here), a default weight and aliases.
    ///
    /// A name that normalises to the same key as an earlier one replaces it; the scenario
    /// reader rejects such tables before they get here.
    public init(_ weights: [String: Double], defaultWeight: Double = 0, aliases: [String: String] = [:]) {
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
        self.aliases = aliases
    }

    /// The table used when a scenario gives none: hikvision, hilook, hiwatch, ezviz, dahua and
    /// imou at 1, everything else 0.
    public static let builtIn = VendorTable(
        ["hikvision": 1, "hilook": 1, "hiwatch": 1, "ezviz": 1, "dahua": 1, "imou": 1], defaultWeight: 0)

    /// A vendor name as the table compares it: lower-cased, letters and digits only.
    public static func normalise(_ vendor: String) -> String { vendor.vendorKey }

    /// The key that matches `vendor` — its alias's target, else the longest key it starts
    /// with — or nil for the default.
    public func matchingKey(for vendor: String) -> String? {
        let name = vendor.vendorKey
        if let target = normalisedAliases[name] { return target == "default" ? nil : target }
        return keysLongestFirst.first { name.hasPrefix($0) }
    }

    /// The key an alias maps `vendor`'s whole normalised spelling to, if there is such an
    /// alias and it does not say `default`.
    public func aliasTarget(for vendor: String) -> String? {
        normalisedAliases[vendor.vendorKey].flatMap { $0 == "default" ? nil : $0 }
    }

    /// Whether a key of the table is `key` (normalised here); `default` is no key.
    public func hasKey(_ key: String) -> Bool { weights[key.vendorKey] != nil }

    /// The risk weight of `vendor`.
    public func weight(for vendor: String) -> Double {
        matchingKey(for: vendor).flatMap { weights[$0] } ?? defaultWeight
    }

    /// The shortest name a near-miss and the key it resembles may have (SPEC §1.2).
    public static let nearMissMinimumLength = 5
    /// The largest Damerau–Levenshtein distance of a near-miss (SPEC §1.2).
    public static let nearMissMaximumDistance = 2

    /// The key with positive weight that `vendor` resembles although no key or alias matches
    /// it, or nil (SPEC §1.2: such a vendor is an input error).
    ///
    /// A vendor resembles a key when its normalised name contains the key anywhere, or is
    /// within unrestricted Damerau–Levenshtein distance 2 of it; name and key have at least 5
    /// letters and digits (counted as Unicode scalars). A name containing keys names the longest
    /// of them; otherwise the nearest key is named, then the first in byte order.
    ///
    /// - Complexity: O(*k* · *m* · *n*) for *k* keys of length *m* and a name of length *n*.
    public func nearMiss(for vendor: String) -> String? {
        let name = vendor.vendorKey
        guard normalisedAliases[name] == nil, matchingKey(for: vendor) == nil else { return nil }
        let nameLength = name.unicodeScalars.count
        guard nameLength >= Self.nearMissMinimumLength else { return nil }
        let candidates = keysLongestFirst.filter {
            weights[$0]! > 0 && $0.unicodeScalars.count >= Self.nearMissMinimumLength
        }
        // keysLongestFirst: the first contained key is the longest.
        if let contained = candidates.first(where: { name.contains($0) }) { return contained }
        let scalars = Array(name.unicodeScalars)
        var best: (key: String, distance: Int)?
        for key in candidates {
            let keyScalars = Array(key.unicodeScalars)
            // The distance is at least the difference in length.
            guard abs(keyScalars.count - nameLength) <= Self.nearMissMaximumDistance else { continue }
            let d = DamerauLevenshtein.distance(scalars, keyScalars)
            guard d <= Self.nearMissMaximumDistance else { continue }
            if let b = best, b.distance < d || (b.distance == d && b.key.utf8Precedes(key)) { continue }
            best = (key, d)
        }
        return best?.key
    }
}
