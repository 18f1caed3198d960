/// Money as a committee reads it on a page: whole pounds with thousands separators.
///
/// ```swift
/// MoneyText.pounds(5_422_590.4)   // "£5,422,590"
/// MoneyText.pounds(-1650)         // "−£1,650"
/// ```
///
/// Pages that set large sums side by side round to the pound so that pence never make two
/// figures look different when they are not; files keep their pence.
enum MoneyText {
    /// Whole pounds, grouped in thousands, with a minus sign (U+2212) when negative.
    static func pounds(_ value: Double) -> String {
        let whole = value.rounded()
        let sign = whole < 0 ? "−" : ""
        return sign + "£" + HTMLText.grouped(abs(whole), decimals: 0)
    }
}
