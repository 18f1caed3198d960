import Foundation

/// Pounds as a committee reads them, written once for every page that shows money
/// (`report.html`, `compare`): thousands separators, a real minus sign, and no pence where they
/// would only be noise.
///
/// ```swift
/// MoneyText.pounds(5_422_589.68)   // "£5,422,590"
/// MoneyText.exact(832.32)          // "£832.32"
/// MoneyText.compact(2_400_000)     // "£2.4m"
/// ```
public enum MoneyText {
    /// Whole pounds, rounded to the nearest: `£5,422,590`, `−£5`. For prose and tables a
    /// reader scans; the exact figure stays in the files (and in the report's `data-value`).
    /// - Parameter value: an amount in pounds.
    public static func pounds(_ value: Double) -> String {
        let whole = value.rounded()
        return (whole < 0 ? "−" : "") + "£" + HTMLText.grouped(abs(whole), decimals: 0)
    }

    /// Pounds, with pence only when not whole: `£1,650`, `£832.32`, `−£5`.
    /// - Parameter value: an amount in pounds.
    public static func exact(_ value: Double) -> String {
        let pence = (abs(value) * 100).rounded()
        let pounds = (pence / 100).rounded(.down)
        let rest = Int(pence - pounds * 100)
        var text = "£" + HTMLText.grouped(pounds, decimals: 0)
        if rest != 0 { text += "." + (rest < 10 ? "0" : "") + String(rest) }
        return (value < 0 && pence > 0 ? "−" : "") + text
    }

    /// Short pounds for chart axes: `£950`, `£1.5k`, `£2.4m`.
    /// - Parameter value: an amount in pounds.
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "−" : ""
        func short(_ x: Double, _ suffix: String) -> String {
            let text = x >= 100 ? String(format: "%.0f", x) : String(format: "%.1f", x)
            return sign + "£" + (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + suffix
        }
        if magnitude >= 1e9 { return short(magnitude / 1e9, "bn") }
        if magnitude >= 1e6 { return short(magnitude / 1e6, "m") }
        if magnitude >= 1e3 { return short(magnitude / 1e3, "k") }
        return sign + "£" + String(format: "%.0f", magnitude)
    }
}
