/// Values derived from a spelling, computed once per distinct spelling.
///
/// The last spelling looked up is checked first: a register lists a site's rows together, so
/// consecutive rows mostly repeat their council, sensitivity or vendor, and comparing a string
/// with another copy of itself is cheap.
///
/// ```swift
/// if let known = cache.value(for: spelling) { return known }
/// let value = work(spelling)
/// cache.remember(value, for: spelling)
/// ```
struct SpellingCache<Value> {
    private var values: [String: Value] = [:]
    private var lastSpelling: String?
    private var lastValue: Value?

    /// The value remembered for `spelling`, if any.
    @inline(__always)
    mutating func value(for spelling: String) -> Value? {
        if lastSpelling == spelling { return lastValue }
        guard let value = values[spelling] else { return nil }
        lastSpelling = spelling
        lastValue = value
        return value
    }

    /// Remembers `value` for `spelling`.
    mutating func remember(_ value: Value, for spelling: String) {
        values[spelling] = value
        lastSpelling = spelling
        lastValue = value
    }
}
