import Foundation

/// RFC 4180 writing, spreadsheet-formula neutralisation and number formatting shared by the
/// output files.
///
/// Every cell Phaseout writes goes through ``field(_:)``: a cell that a spreadsheet would take
/// for a formula gets a leading apostrophe (OWASP's advice on CSV injection), and a cell that
/// holds a comma, a quote, a CR or an LF is quoted. ``original(_:)`` undoes the apostrophe when
/// `verify` and `report` read a plan back, so every value round-trips exactly:
///
/// ```swift
/// CSVText.field("=HYPERLINK(\"x\")")   // "\"'=HYPERLINK(\"\"x\"\")\""
/// CSVText.original("'=HYPERLINK(\"x\")") // "=HYPERLINK(\"x\")"
/// CSVText.field("'=a")                 // "\"''=a\"": an apostrophe already there is kept
/// ```
///
/// The rule, in full (docs/outputs.md): a value is *formula-like* when, after any number of
/// leading apostrophes, its first character is `=`, `+`, `-`, `@`, a tab or a CR. A formula-like
/// value is written with one more apostrophe in front; a cell read back that starts with an
/// apostrophe and is formula-like without it loses that one apostrophe. Numbers Phaseout writes
/// (`quantity`, `cost`, money) are never negative, so they are never touched.
enum CSVText {
    /// A cell: neutralised when formula-like, quoted when it needs quoting (or was neutralised).
    ///
    /// - Complexity: O(*n*) in the value's UTF-8 length; looks at bytes, so a CR LF (one Swift
    ///   `Character`) is seen as the CR and LF it is.
    static func field(_ value: String) -> String {
        let neutralised = isFormulaLike(value.utf8[...])
        let needsQuotes = neutralised || value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        var out = "\""
        out.reserveCapacity(value.utf8.count + 4)
        if neutralised { out += "'" }
        out += value.utf8.contains(0x22) ? value.replacingOccurrences(of: "\"", with: "\"\"") : value
        out += "\""
        return out
    }

    /// The value a cell written by ``field(_:)`` stands for, once unquoted: the cell without the
    /// apostrophe that neutralised it, or the cell itself.
    static func original(_ cell: String) -> String {
        let bytes = cell.utf8
        guard bytes.first == 0x27, isFormulaLike(bytes.dropFirst()) else { return cell }
        return String(cell.dropFirst())
    }

    /// Whether a spreadsheet could read `bytes` (after any leading apostrophes) as a formula.
    private static func isFormulaLike(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x27 }) else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }

    /// Money and hours: rounded to 6 decimals, trailing zeros dropped (`1100`, `832.32`).
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
