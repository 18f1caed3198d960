/// The package's one place for comparing floating-point values and measuring gaps.
///
/// Solver points and sums of money carry float noise, so "equal" and "within the gap" are
/// decided here, never with ad-hoc expressions at the call sites.
public enum Tolerance {
    /// Float noise: two values this close (relative, and at least this much absolutely) are equal.
    public static let noise = 1e-9
    /// What a solver's point may carry (lp_solve's feasibility tolerances and its arithmetic).
    public static let solver = 1e-6
    /// The smallest magnitude a relative gap divides by.
    public static let tinyMagnitude = 1e-12

    /// An absolute tolerance for numbers near `magnitude`: `relative × max(1, |magnitude|)`.
    ///
    /// ```swift
    /// Tolerance.absolute(near: 2_000_000)      // 0.002
    /// Tolerance.absolute(1e-6, near: 0.5)     // 1e-6
    /// ```
    public static func absolute(_ relative: Double = noise, near magnitude: Double) -> Double {
        relative * max(1, abs(magnitude))
    }

    /// The relative gap between a solution's `value` and a proven `bound`:
    /// `|value − bound| / max(|value|, tiny)`, and 0 when they are equal.
    public static func relativeGap(value: Double, bound: Double) -> Double {
        if value == bound { return 0 }
        return abs(value - bound) / max(abs(value), tinyMagnitude)
    }

    /// Whether `gap` meets the requested `tolerance`, allowing for the float noise in the gap itself.
    public static func meets(gap: Double, tolerance: Double) -> Bool {
        gap <= tolerance * (1 + noise)
    }
}
