/// Groups' deadlines, worked out once per distinct combination of the fields rules match on.
struct DeadlineMemo {
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

    /// The earliest `by` of the rules matching `row`, if any.
    mutating func deadline(for row: RegisterRow, rules: [DeadlineRule]) -> Int? {
        let query = Query(council: row.council, siteCategory: row.siteCategory, sensitivity: row.sensitivity,
                          kind: row.kind, vendor: row.vendor)
        if let known = deadlines[query] { return known }
        var deadline: Int?
        for rule in rules
        where rule.matches(council: row.council, siteCategory: row.siteCategory,
                           sensitivity: row.sensitivity, kind: row.kind, vendor: row.vendor) {
            deadline = min(deadline ?? rule.by, rule.by)
        }
        deadlines[query] = deadline
        return deadline
    }
}
