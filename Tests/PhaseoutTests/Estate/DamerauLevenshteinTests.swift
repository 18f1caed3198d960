import Testing
@testable import Phaseout

@Suite struct DamerauLevenshteinTests {
    /// Distances worked by hand.
    @Test(arguments: [
        ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("abc", "abc", 0),
        ("a", "b", 1),                  // substitution
        ("ab", "ba", 1),                // one transposition
        ("abc", "acb", 1),
        ("abcd", "badc", 2),            // two transpositions
        ("hkiv", "ikhv", 2),            // two substitutions (h→i, i→h)
        ("kitten", "sitting", 3),       // k→s, e→i, +g
        ("hikvison", "hikvision", 1),   // one insertion
        ("hkvision", "hikvision", 1),
        ("hikvsiion", "hikvision", 1),  // "si" ↔ "is"
        ("dahau", "dahua", 1),
        ("dhdahuaoem", "dahua", 5),
    ])
    func handWorked(_ a: String, _ b: String, _ expected: Int) {
        #expect(DamerauLevenshtein.distance(a, b) == expected)
        #expect(DamerauLevenshtein.distance(b, a) == expected)
    }

    /// Where the unrestricted distance and optimal string alignment (OSA) part: OSA may not edit
    /// a transposed pair again, so it needs one edit more.
    @Test(arguments: [
        ("ca", "abc", 2),        // ca → ac → abc; OSA 3
        ("ac", "cba", 2),        // ac → ca → cba; OSA 3
    ])
    func unrestrictedNotOSA(_ a: String, _ b: String, _ expected: Int) {
        #expect(DamerauLevenshtein.distance(a, b) == expected)
    }

    /// The distance is a metric: the triangle inequality holds (OSA breaks it on "ca", "ac", "abc").
    @Test func triangleInequality() {
        let words = ["ca", "ac", "abc", "hikvision", "hikvison", "hkvision", "vision", "dahua", "adhua", ""]
        for a in words {
            for b in words {
                for c in words {
                    #expect(DamerauLevenshtein.distance(a, c) <= DamerauLevenshtein.distance(a, b) + DamerauLevenshtein.distance(b, c))
                }
            }
        }
    }
}
