/// Rounds the costs of one organisation's period to pence so that they add up to the period's
/// spend rounded to pence (SPEC §3: a spreadsheet adding plan.csv and visits.csv gets each
/// period's spend to the penny).
///
/// Rounding each row on its own can drift: three rows of £1/3 round to £0.99, not £1. So each
/// amount is first rounded down to the penny, and the pennies still missing go, one each, to the
/// amounts that lost the most in rounding down (ties: the earlier amount) — the largest-remainder
/// method. Every amount then differs from its exact value by less than a penny and the amounts
/// add up to the target exactly.
///
/// ```swift
/// PenceApportionment.pence([1.0 / 3, 1.0 / 3, 1.0 / 3], total: 1)   // [34, 33, 33]
/// ```
enum PenceApportionment {
    /// The amounts in whole pence, adding up to `total` rounded to pence when it can (when it lies
    /// between the amounts rounded down and rounded up; else the nearest of those).
    static func pence(_ amounts: [Double], total: Double) -> [Int64] {
        var pence: [Int64] = []
        var losses: [(index: Int, loss: Double)] = []
        pence.reserveCapacity(amounts.count)
        for (index, amount) in amounts.enumerated() {
            let scaled = amount * 100
            // Noise below a millionth of a penny is not a fraction of a penny.
            let whole = abs(scaled - scaled.rounded()) < 1e-6 ? scaled.rounded() : scaled.rounded(.down)
            pence.append(Int64(whole))
            if scaled - whole > 0 { losses.append((index, scaled - whole)) }
        }
        let target = Int64((total * 100).rounded())
        let missing = max(0, min(Int64(losses.count), target - pence.reduce(0, +)))
        losses.sort { $0.loss != $1.loss ? $0.loss > $1.loss : $0.index < $1.index }
        for (index, _) in losses.prefix(Int(missing)) { pence[index] += 1 }
        return pence
    }

    /// Pounds rounded to the penny, as CSV text (``text(_:)``).
    static func poundsText(_ value: Double) -> String { text(Int64((value * 100).rounded())) }

    /// Pence as CSV text: `881.45`, `20.5`, `850` (trailing zeros dropped, as other numbers).
    static func text(_ pence: Int64) -> String {
        let sign = pence < 0 ? "-" : ""
        let magnitude = pence.magnitude
        let pounds = magnitude / 100, rest = magnitude % 100
        if rest == 0 { return sign + String(pounds) }
        if rest % 10 == 0 { return sign + String(pounds) + "." + String(rest / 10) }
        return sign + String(pounds) + "." + (rest < 10 ? "0" : "") + String(rest)
    }
}
