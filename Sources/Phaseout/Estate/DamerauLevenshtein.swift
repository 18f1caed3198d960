/// The unrestricted Damerau–Levenshtein distance: the fewest insertions, deletions,
/// substitutions and transpositions of adjacent symbols that turn one sequence into the other,
/// where a transposed pair may be edited further (SPEC §1.2's vendor near-misses).
///
/// Unlike the optimal string alignment distance, which edits each substring at most once,
/// this is a true metric: "CA" → "ABC" is 2 (CA → AC → ABC), where OSA needs 3.
///
/// ```swift
/// DamerauLevenshtein.distance("hikvison", "hikvision")   // 1
/// DamerauLevenshtein.distance("ca", "abc")               // 2
/// ```
enum DamerauLevenshtein {
    /// The distance between two strings, compared by Unicode scalar.
    static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// The distance between two sequences (Lowrance and Wagner's algorithm).
    ///
    /// - Complexity: O(*m* · *n*) time and space in the two lengths.
    static func distance<Symbol: Hashable>(_ a: [Symbol], _ b: [Symbol]) -> Int {
        let m = a.count, n = b.count
        if m == 0 { return n }
        if n == 0 { return m }
        let infinity = m + n
        let width = n + 2
        // h[(i + 1) * width + (j + 1)] is the distance between a's first i and b's first j symbols;
        // row and column 0 hold the sentinel.
        var h = [Int](repeating: 0, count: (m + 2) * width)
        h[0] = infinity
        for i in 0...m {
            h[(i + 1) * width] = infinity
            h[(i + 1) * width + 1] = i
        }
        for j in 0...n {
            h[j + 1] = infinity
            h[width + j + 1] = j
        }
        // The last row of `a` where each symbol was seen.
        var lastRow: [Symbol: Int] = [:]
        for i in 1...m {
            var lastMatchColumn = 0
            for j in 1...n {
                let i1 = lastRow[b[j - 1]] ?? 0
                let j1 = lastMatchColumn
                var cost = 1
                if a[i - 1] == b[j - 1] {
                    cost = 0
                    lastMatchColumn = j
                }
                let substitute = h[i * width + j] + cost
                let insert = h[(i + 1) * width + j] + 1
                let delete = h[i * width + j + 1] + 1
                let transpose = h[i1 * width + j1] + (i - i1 - 1) + 1 + (j - j1 - 1)
                h[(i + 1) * width + j + 1] = min(substitute, insert, delete, transpose)
            }
            lastRow[a[i - 1]] = i
        }
        return h[(m + 1) * width + n + 1]
    }
}
