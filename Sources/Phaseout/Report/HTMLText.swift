import Foundation

/// Escaping and number formatting for the report's HTML and SVG.
enum HTMLText {
    /// Text safe in element content and in double- or single-quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The start of a self-contained page, up to and including `<main>`: the head with its
    /// title (escaped here) and inline style. Every page Phaseout writes starts with it;
    /// ``documentEnd`` closes it.
    static func documentStart(title: String, css: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="phaseout \(PhaseoutInfo.specVersion)">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        <main>

        """
    }

    /// The end of a page begun with ``documentStart(title:css:)``.
    static let documentEnd = "</main>\n</body>\n</html>\n"

    /// ` name="value"` for each pair, escaped, in the order given (so tests can match them).
    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// The machine-readable value of a number: 6 decimals, trailing zeros dropped (as in plan.csv).
    static func raw(_ value: Double) -> String { CSVText.number(value) }

    /// Digits grouped in thousands: `1,650`, `832.32`; at most `decimals` decimals, trailing zeros dropped.
    static func grouped(_ value: Double, decimals: Int = 2) -> String {
        var text = String(format: "%.\(decimals)f", abs(value))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        var result = PoundsText.thousands(parts[0])
        if parts.count > 1 { result += "." + parts[1] }
        let isZero = result.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        return (value < 0 && !isZero ? "−" : "") + result
    }

    /// Pounds: whole when whole, else with pence: `£1,650`, `£832.32`, `−£5` (``MoneyText/exact(_:)``).
    static func money(_ value: Double) -> String { MoneyText.exact(value) }

    /// Short pounds for chart axes (``MoneyText/compact(_:)``).
    static func compactMoney(_ value: Double) -> String { MoneyText.compact(value) }

    /// A share as a percentage: `12.5 %`.
    static func percent(_ share: Double, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f", share * 100) + " %"
    }
}
