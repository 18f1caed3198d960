import PhaseoutGenerator

/// The draws the seeded test models use, on the package's one ``SplitMix64``.
extension SplitMix64 {
    /// Uniform in `0..<bound` (modulo bias is irrelevant for test models).
    public mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    public mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + int(range.count) }
    /// Uniform in [0, 1).
    public mutating func double() -> Double { Double(next() >> 11) / Double(1 << 53) }
    public mutating func chance(_ p: Double) -> Bool { double() < p }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}
