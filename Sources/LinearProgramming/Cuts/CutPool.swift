/// The cuts accepted so far, refusing near-duplicates.
///
/// Two cuts whose coefficient vectors point the same way (cosine above ``parallelLimit``) add
/// almost nothing together but make the basis nearly singular: lp_solve then fails with
/// ACCURACYERROR. That happened on a tiny estate where a fixed visit made two MIR cuts differ
/// only by their safety margins.
public struct CutPool: Sendable {
    public var parallelLimit = 0.999
    private var accepted: [[Int: Double]] = []
    private var norms: [Double] = []

    public init() {}

    /// How many cuts were admitted.
    public var count: Int { accepted.count }

    /// Admits `cut` unless it is nearly parallel to one already admitted.
    public mutating func admit(_ cut: MixedIntegerRounding.Cut) -> Bool {
        var terms: [Int: Double] = [:]
        for (variable, coefficient) in zip(cut.expression.variables, cut.expression.coefficients) {
            terms[variable.index, default: 0] += coefficient
        }
        let norm = terms.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return false }
        for (other, otherNorm) in zip(accepted, norms) {
            var dot = 0.0
            for (index, coefficient) in terms { dot += coefficient * (other[index] ?? 0) }
            if dot / (norm * otherNorm) > parallelLimit { return false }
        }
        accepted.append(terms)
        norms.append(norm)
        return true
    }
}
