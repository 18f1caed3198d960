import LinearProgramming

/// The cuts accepted so far, refusing near-duplicates.
///
/// Two cuts whose coefficient vectors point the same way (cosine above ``parallelLimit``) add
/// almost nothing together but make the basis nearly singular: lp_solve then fails with
/// ACCURACYERROR. That happened on a tiny estate where a fixed visit made two MIR cuts differ
/// only by their safety margins. Sums run in the cuts' own term order, so the same cuts give the
/// same answer in every process.
public struct CutPool: Sendable {
    public var parallelLimit = 0.999
    private struct Accepted: Sendable {
        var lookup: [Int: Double]
        var norm: Double
    }
    private var accepted: [Accepted] = []

    public init() {}

    /// How many cuts were admitted.
    public var count: Int { accepted.count }

    /// Admits `cut` unless it is nearly parallel to one already admitted.
    public mutating func admit(_ cut: Cut) -> Bool {
        let terms = cut.expression.merged()
        let pairs = zip(terms.variables.map(\.index), terms.coefficients)
        let norm = pairs.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        guard norm > 0 else { return false }
        for other in accepted {
            var dot = 0.0
            for (index, coefficient) in pairs { dot += coefficient * (other.lookup[index] ?? 0) }
            if dot / (norm * other.norm) > parallelLimit { return false }
        }
        accepted.append(Accepted(lookup: Dictionary(pairs.map { ($0, $1) }, uniquingKeysWith: +), norm: norm))
        return true
    }
}
