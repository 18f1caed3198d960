import Foundation

/// Amounts of money as people read them, for any finite amount.
///
/// ```swift
/// PoundsText.grouped(1650)        // "1,650"
/// PoundsText.grouped(-832.3199)   // "-832.32"
/// PoundsText.grouped(1e17)        // "100,000,000,000,000,000"
/// ```
///
/// Rounds in floating point (`%.2f`), never through an `Int`, so no amount traps.
public enum PoundsText {
    /// Pounds with thousands separators and pence when not whole, a leading `-` when negative.
    public static func grouped(_ value: Double) -> String {
        let (negative, digits) = parts(value)
        return (negative ? "-" : "") + digits
    }

    /// Whether the amount reads as negative, and its magnitude as `grouped` writes it.
    public static func parts(_ value: Double) -> (negative: Bool, digits: String) {
        guard value.isFinite else { return (false, String(value)) }
        let text = String(format: "%.2f", abs(value))
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        var result = thousands(pieces[0])
        if pieces.count > 1 && pieces[1] != "00" { result += "." + pieces[1] }
        return (value < 0 && text != "0.00", result)
    }

    /// Whole-number digits with a comma every three from the right: `1650` → `1,650`.
    static func thousands(_ digits: Substring) -> String {
        var whole = digits
        var result = ""
        while whole.count > 3 {
            result = "," + whole.suffix(3) + result
            whole.removeLast(3)
        }
        return whole + result
    }
}
