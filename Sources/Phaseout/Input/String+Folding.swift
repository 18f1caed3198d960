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
    var folded: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return foldedCase
        }
        return trimmingUnicodeWhitespace.lowercased()
    }

    /// The string lower-cased, with a fast path for ASCII text (register values mostly are).
    var foldedCase: String {
        var hasUpper = false
        for b in utf8 {
            if b >= 0x80 { return lowercased() }
            if b >= 0x41 && b <= 0x5A { hasUpper = true }
        }
        guard hasUpper else { return self }
        let count = utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var k = 0
            for b in utf8 {
                buffer[k] = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b
                k += 1
            }
            return count
        }
    }

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
