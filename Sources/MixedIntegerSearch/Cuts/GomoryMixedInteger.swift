import LinearProgramming

/// Gomory mixed-integer (GMI) cuts from the rows of the optimal simplex tableau.
///
/// With the row activities as variables (`A·x − r = 0`), each basic variable is a combination
/// of the non-basic ones: `x_k + Σ α_j·x_j = 0`, α being row k of `B⁻¹·[A  −I]`. Measured from
/// the bound each non-basic variable sits at (`x′ = x − l`, or `u − x` with `−α`), the row reads
/// `x_k + Σ a_j·x′_j = β`, with β the basic variable's value. When `x_k` must be whole and β is
/// not (`f₀ = frac β`), every whole point keeps
///
///     Σ_{whole, f_j ≤ f₀} f_j/f₀·x′_j + Σ_{whole, f_j > f₀} (1 − f_j)/(1 − f₀)·x′_j
///       + Σ_{other, a_j > 0} a_j/f₀·x′_j + Σ_{other, a_j < 0} −a_j/(1 − f₀)·x′_j ≥ 1,
///
/// with `f_j = frac a_j`, and the relaxation's point (every `x′ = 0`) does not. A row activity is
/// whole when its variables are all integer with whole coefficients; `x′_j` is whole when its
/// variable is and the bound it is measured from is whole. The cut is written back over the
/// columns (`r = A·x`).
///
/// Where the rounding cuts (``MixedIntegerRounding``) read one row of the model, these read the
/// combination of rows the LP's optimum rests on: on the councils whose budget, labour, visit and
/// isolation rows bind together they close much more of the gap.
///
/// The basis is factorised densely, so only models up to ``maximumRows`` rows are cut: larger
/// ones cost more in factorisations and slower LPs than their bounds return within a run's time
/// (on the national 100k at 60 s, with a limit of 1,500 rows 184–205 councils were proven where
/// 218–223 are without these cuts). Cuts whose coefficients spread over more than
/// ``maximumDynamism`` are refused (they make lp_solve's bases ill-conditioned), as are those
/// that a tiny coefficient on an unbounded variable would make unsafe to clean.
public struct GomoryMixedInteger: Sendable {
    /// Largest model (rows) whose basis is factorised.
    public var maximumRows = 400
    /// Most cuts returned per call, the most efficacious first.
    public var maximumCuts = 40
    /// Least violation per unit norm for a cut to be returned.
    public var minimumEfficacy = 1e-3
    /// Largest ratio of a cut's largest coefficient to its smallest.
    public var maximumDynamism = 1e6
    /// Least distance of a source row's basic value from a whole number.
    public var minimumFraction = 0.005

    public init() {}

    /// The most efficacious GMI cuts at the LP optimum `values` (one per column) with `basis`,
    /// best first; none when the model is too large, the basis does not fit it, or it is singular.
    public func cuts(for model: LinearModel, values: [Double], basis: Basis) -> [Cut] {
        guard let tableau = Tableau(model: model, values: values, basis: basis, maximumRows: maximumRows) else { return [] }
        var found: [Cut] = []
        for position in tableau.sources(minimumFraction: minimumFraction).prefix(3 * maximumCuts) {
            guard let row = tableau.row(at: position),
                  let cut = cut(from: row, source: tableau.value(at: position), tableau: tableau),
                  cut.efficacy >= minimumEfficacy else { continue }
            found.append(cut)
        }
        // Stable order for equal efficacies: the same model gives the same cuts.
        let ranked = found.enumerated().sorted { ($0.element.efficacy, -$0.offset) > ($1.element.efficacy, -$1.offset) }
        return ranked.prefix(maximumCuts).map(\.element)
    }

    /// The GMI cut of one tableau row, `Σ c·x ≥ rhs` turned into ``Cut``'s `≤` form.
    private func cut(from row: Tableau.Row, source beta: Double, tableau: Tableau) -> Cut? {
        let f0 = beta - beta.rounded(.down)
        var coefficients = [Double](repeating: 0, count: tableau.columnCount)
        var rhs = 1.0
        for term in row.terms {
            let a = term.fromUpper ? -term.alpha : term.alpha
            let g: Double
            if term.isWhole {
                let fj = a - a.rounded(.down)
                g = fj <= f0 ? fj / f0 : (1 - fj) / (1 - f0)
            } else {
                g = a > 0 ? a / f0 : -a / (1 - f0)
            }
            guard g != 0 else { continue }
            // g·x′ with x′ = x − bound, or bound − x.
            let signed = term.fromUpper ? -g : g
            rhs += signed * term.bound
            tableau.addVariable(term.variable, times: signed, to: &coefficients)
        }
        return tableau.cleaned(coefficients, rhs: rhs, maximumDynamism: maximumDynamism)
    }
}
