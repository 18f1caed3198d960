import Foundation

/// How outputs round their figures (SPEC §3): money to pence, risk-years to 6 decimals, each
/// from the unrounded value (a sum is rounded once, never summed from rounded parts).
///
/// ```swift
/// Rounding.pence(881.449999999)   // 881.45
/// Rounding.riskYears(2.0000004)   // 2.0
/// ```
enum Rounding {
    /// Money rounded to the penny, halves away from zero.
    static func pence(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 1e13 else { return value }
        let rounded = (value * 100).rounded() / 100
        return rounded == 0 ? 0 : rounded
    }

    /// Risk-years (and other measures) rounded to 6 decimals.
    static func riskYears(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 1e9 else { return value }
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return rounded == 0 ? 0 : rounded
    }

    /// A money amount that breaks a rule, rounded up to the penny so that adding it back suffices.
    static func penceUp(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 1e13 else { return value }
        let scaled = value * 100
        // Noise below a millionth of a penny is not a penny more.
        let up = abs(scaled - scaled.rounded()) < 1e-6 ? scaled.rounded() : scaled.rounded(.up)
        return up / 100
    }
}
