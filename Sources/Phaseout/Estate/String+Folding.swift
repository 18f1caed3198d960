extension String {
    /// The string without leading and trailing Unicode white space (U+00A0 included).
    var trimmingUnicodeWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }

    /// The key a name used as a key folds to: trimmed and lower-cased.
    var folded: String { trimmingUnicodeWhitespace.lowercased() }

    /// A vendor name as vendor tables compare it: lower-cased, letters and digits only.
    var vendorKey: String {
        var out = String.UnicodeScalarView()
        for scalar in lowercased().unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether this string sorts before `other` in byte order of its UTF-8 text.
    func utf8Precedes(_ other: String) -> Bool {
        self.utf8.lexicographicallyPrecedes(other.utf8)
    }
}
