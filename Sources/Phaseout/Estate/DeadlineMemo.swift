/// Groups' deadlines (`by` and `isolatedBy`), worked out once per distinct combination of the fields the rules match on.
///
/// Only fields some rule names are part of the memo's key: with a single rule on
/// `sensitivity`, every group of a level shares one answer.
struct DeadlineMemo {
    let rules: [DeadlineRule]
    /// The scenario's vendor table, for its aliases.
    let vendors: VendorTable
    private let usesCouncil, usesCategory, usesSensitivity, usesKind, usesVendor: Bool

    /// The fields rules match on, compared byte for byte: vendor matching looks at Unicode
    /// scalars, so canonically equivalent spellings must not share an answer.
    private struct Query: Hashable {
        var council, siteCategory, sensitivity, kind, vendor: String

        static func == (a: Self, b: Self) -> Bool {
            a.council.utf8.elementsEqual(b.council.utf8) && a.siteCategory.utf8.elementsEqual(b.siteCategory.utf8)
                && a.sensitivity.utf8.elementsEqual(b.sensitivity.utf8) && a.kind.utf8.elementsEqual(b.kind.utf8)
                && a.vendor.utf8.elementsEqual(b.vendor.utf8)
        }

        // Strings equal byte for byte are equal strings, so the strings' own hashes agree with ==.
        func hash(into hasher: inout Hasher) {
            hasher.combine(council)
            hasher.combine(siteCategory)
            hasher.combine(sensitivity)
            hasher.combine(kind)
            hasher.combine(vendor)
        }
    }

    /// A group's deadlines: the earliest `by` and the earliest `isolatedBy` of its matching rules.
    struct Deadlines: Hashable {
        var by: Int?
        var isolatedBy: Int?
    }

    private var deadlines: [Query: Deadlines] = [:]

    init(rules: [DeadlineRule], vendors: VendorTable = .builtIn) {
        self.rules = rules
        self.vendors = vendors
        usesCouncil = rules.contains { $0.council != nil }
        usesCategory = rules.contains { $0.siteCategory != nil }
        usesSensitivity = rules.contains { $0.sensitivity != nil }
        usesKind = rules.contains { $0.kind != nil }
        usesVendor = rules.contains { $0.vendor != nil }
    }

    /// The earliest `by` and the earliest `isolatedBy` of the rules matching `row`; a rule's
    /// `vendor` also matches the key the row's vendor alias names.
    mutating func deadlines(for row: RegisterRow) -> Deadlines {
        guard !rules.isEmpty else { return Deadlines() }
        // A rule only looks at the fields it names; the others can be left out of the key.
        // The alias depends on the vendor spelling alone, which the key holds when it matters.
        let query = Query(council: usesCouncil ? row.council : "", siteCategory: usesCategory ? row.siteCategory : "",
                          sensitivity: usesSensitivity ? row.sensitivity : "", kind: usesKind ? row.kind : "",
                          vendor: usesVendor ? row.vendor : "")
        if let known = deadlines[query] { return known }
        var found = Deadlines()
        let alias = usesVendor ? vendors.aliasTarget(for: row.vendor) : nil
        for rule in rules
        where rule.matches(council: row.council, siteCategory: row.siteCategory, sensitivity: row.sensitivity,
                           kind: row.kind, vendor: row.vendor, vendorAlias: alias) {
            if let by = rule.by { found.by = min(found.by ?? by, by) }
            if let isolatedBy = rule.isolatedBy { found.isolatedBy = min(found.isolatedBy ?? isolatedBy, isolatedBy) }
        }
        deadlines[query] = found
        return found
    }

    /// The earliest `by` of the rules matching `row`, if any.
    mutating func deadline(for row: RegisterRow) -> Int? { deadlines(for: row).by }
}
