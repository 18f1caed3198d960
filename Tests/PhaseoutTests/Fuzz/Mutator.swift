import Foundation
import PhaseoutGenerator
@testable import Phaseout

/// Seeded mutations of input files, for the readers' fuzz harness (Scripts/fuzz.sh).
///
/// Each mutant is its seed with one to eight edits: a byte flipped, inserted or deleted, a
/// range deleted or duplicated, a token that once broke a reader (a huge number, a quote, a CR
/// LF, an invalid UTF-8 byte, a NUL) inserted or written over a number, or a splice with
/// another seed. The same seed and generator state give the same mutants.
struct Mutator {
    /// Tokens worth inserting: numbers beyond every range, CSV and JSON syntax, bad bytes.
    static let tokens: [[UInt8]] = [
        "1e308", "-1e308", "1e17", "1e-16", "1e19", "1e16", "4611686018427387904", "9223372036854775807",
        "99999999999999999999999", "-0", "0", "-1", "0.5", "NaN", "Infinity", "\"", "\"\"", ",", "\r\n", "\r", "\n",
        "{", "}", "[", "]", ":", "=", "+", "-", "@", "\t", "'", "\"default\"", "\"periods\"", "\"budgets\"",
        "\"kinds\"", "\"replaceCost\"", "\"deadlines\"", "quantity", "installed", "locked_period", "\\u0000", "\\ud800",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]

    var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    private mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : generator.nextInt(below: n) }

    /// A mutant of `seed`, sometimes spliced with `other`.
    mutating func mutate(_ seed: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0...below(8) { edit(&bytes, other: other) }
        return bytes
    }

    private mutating func edit(_ bytes: inout [UInt8], other: [UInt8]) {
        let at = below(bytes.count + 1)
        switch below(8) {
        case 0 where at < bytes.count: bytes[at] ^= UInt8(1 << below(8))
        case 1: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: at)
        case 2 where at < bytes.count: bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(16)))
        case 3 where at < bytes.count:
            let end = min(bytes.count, at + 1 + below(64))
            bytes.insert(contentsOf: bytes[at..<end], at: end)
        case 4, 5: bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: at)
        case 6: overwriteNumber(&bytes, from: at)
        default:
            guard !other.isEmpty else { return }
            let from = below(other.count)
            bytes.insert(contentsOf: other[from..<min(other.count, from + 1 + below(128))], at: at)
        }
    }

    /// Replaces the first run of digits at or after `start` with a token.
    private mutating func overwriteNumber(_ bytes: inout [UInt8], from start: Int) {
        guard let first = bytes[min(start, bytes.count)...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
        var end = first
        while end < bytes.count && (bytes[end] >= 0x30 && bytes[end] <= 0x39 || bytes[end] == 0x2E) { end += 1 }
        bytes.replaceSubrange(first..<end, with: Self.tokens[below(9)])
    }
}
