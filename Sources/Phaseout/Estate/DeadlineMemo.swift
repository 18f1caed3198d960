/// Groups' deadlines, worked out once per distinct combination of the fields the rules match on.
///
/// Only fields some rule names are part of the memo's key: with a single rule on
/// `sensitivity`, every group of a level shares one answer.
struct DeadlineMemo {
    let rules: [DeadlineRule]
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

    private var deadlines: [Query: Int?] = [:]

    init(rules: [DeadlineRule]) {
        self.rules = rules
        usesCouncil = rules.contains { $0.council != nil }
        usesCategory = rules.contains { $0.siteCategory != nil }
        usesSensitivity = rules.contains { $0.sensitivity != nil }
        usesKind = rules.contains { $0.kind != nil }
        usesVendor = rules.contains { $0.vendor != nil }
    }

    /// The earliest `by` of the rules matching `row`, if any.
    mutating func deadline(for row: RegisterRow) -> Int? {
        guard !rules.isEmpty else { return nil }
        // A rule only looks at the fields it names; the others can be left out of the key.
        let query = Query(council: usesCouncil ? row.council : "", siteCategory: usesCategory ? row.siteCategory : "",
                          sensitivity: usesSensitivity ? row.sensitivity : "", kind: usesKind ? row.kind : "",
                          vendor: usesVendor ? row.vendor : "")
        if let known = deadlines[query] { return known }
        var deadline: Int?
        for rule in rules
        where rule.matches(council: row.council, siteCategory: row.siteCategory,
                           sensitivity: row.sensitivity, kind: row.kind, vendor: row.vendor) {
            if let by = rule.by { deadline = min(deadline ?? by, by) }
        }
        deadlines[query] = deadline
        return deadline
    }
}
