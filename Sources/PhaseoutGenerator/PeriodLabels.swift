/// UK financial-year period labels (April–March): `2026/27`, `2026/27 Q1`, `2026/27 H2`, `2026/28`.
public enum PeriodLabels {
    /// Whether labels can be made for periods of this many years.
    public static func supports(periodYears y: Double) -> Bool {
        y == 0.25 || y == 0.5 || (y >= 1 && y <= 10 && y == y.rounded())
    }

    /// `count` consecutive labels starting with financial year `firstYear`/`firstYear+1`.
    ///
    /// ```swift
    /// PeriodLabels.make(count: 2, periodYears: 1, firstYear: 2026)    // ["2026/27", "2027/28"]
    /// PeriodLabels.make(count: 2, periodYears: 0.25, firstYear: 2026) // ["2026/27 Q1", "2026/27 Q2"]
    /// ```
    /// - Precondition: `supports(periodYears:)`.
    public static func make(count: Int, periodYears y: Double, firstYear: Int) -> [String] {
        precondition(supports(periodYears: y), "unsupported period length \(y)")
        func fy(_ year: Int) -> String { "\(year)/\(twoDigits((year + 1) % 100))" }
        if y == 0.25 || y == 0.5 {
            let perYear = y == 0.25 ? 4 : 2
            let letter = y == 0.25 ? "Q" : "H"
            return (0..<count).map { i in "\(fy(firstYear + i / perYear)) \(letter)\(i % perYear + 1)" }
        }
        let span = Int(y)
        if span == 1 { return (0..<count).map { fy(firstYear + $0) } }
        return (0..<count).map { i in
            let start = firstYear + i * span
            return "\(start)/\(twoDigits((start + span) % 100))"
        }
    }

    static func twoDigits(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
