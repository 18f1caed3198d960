/// A deadline rule: matching at-risk units must be gone (replaced or removed) in or before period
/// ``by``, and isolated or gone in or before ``isolatedBy``; a rule gives one or both.
///
/// Every given field must match; a rule with none matches every at-risk unit. Names compare
/// case-insensitively and trimmed; `vendor` matches as in ``VendorTable`` (normalised, by prefix),
/// the spelling or the key its alias names.
public struct DeadlineRule: Sendable, Hashable {
    /// The organisation to match, if given.
    public var council: String?
    /// The site category to match, if given.
    public var siteCategory: String?
    /// The sensitivity level to match, if given.
    public var sensitivity: String?
    /// The kind to match, if given.
    public var kind: String?
    /// The vendor to match (normalised, by prefix), if given.
    public var vendor: String?
    /// The last period by which matching units are gone, as a 0-based period index, if given.
    public var by: Int?
    /// The last period by which matching units are isolated or gone, as a 0-based period index, if given.
    public var isolatedBy: Int?
    /// Where the rule is in the scenario file (1-based line and column), if known.
    public var line: Int?
    /// The rule's column in the scenario file, if known.
    public var column: Int?

    /// Creates a rule.
    public init(council: String? = nil, siteCategory: String? = nil, sensitivity: String? = nil,
                kind: String? = nil, vendor: String? = nil, by: Int? = nil, isolatedBy: Int? = nil,
                line: Int? = nil, column: Int? = nil) {
        self.isolatedBy = isolatedBy
        self.council = council
        self.siteCategory = siteCategory
        self.sensitivity = sensitivity
        self.kind = kind
        self.vendor = vendor
        self.by = by
        self.line = line
        self.column = column
    }

    /// Whether the rule applies to a unit with these properties.
    ///
    /// - Parameters:
    ///   - council: the unit's organisation, as the register spells it.
    ///   - siteCategory: its site's category (`default` when not given).
    ///   - sensitivity: its site's sensitivity level (`standard` when not given).
    ///   - kind: its kind.
    ///   - vendor: its vendor, as the register spells it.
    ///   - vendorAlias: The vendor-table key that `vendor`'s alias names, if any
    ///     (``VendorTable/aliasTarget(for:)``): the rule's `vendor` matches when either the
    ///     spelling or this key starts with it. ``Scenario/rule(_:matches:)`` passes it.
    public func matches(council: String, siteCategory: String, sensitivity: String, kind: String, vendor: String,
                        vendorAlias: String? = nil) -> Bool {
        if let c = self.council, c.folded != council.folded { return false }
        if let s = self.siteCategory, s.folded != siteCategory.folded { return false }
        if let s = self.sensitivity, s.folded != sensitivity.folded { return false }
        if let k = self.kind, k.folded != kind.folded { return false }
        if let v = self.vendor {
            let key = v.vendorKey
            if !vendor.vendorKey.hasPrefix(key) && !(vendorAlias.map { $0.vendorKey.hasPrefix(key) } ?? false) {
                return false
            }
        }
        return true
    }
}
