/// One of N deterministic slices of an estate's organisations, for planning a national study on
/// many machines (`phaseout plan … --shard K/N`, then `phaseout merge`).
///
/// Organisations share nothing (SPEC §2.4), so each slice is planned on its own and the shards'
/// outcomes joined make the plan a single run would make, whenever each organisation's answer
/// does not depend on the time it was given (every organisation proven).
///
/// The slices are balanced by size: organisations are taken largest first (units to plan, ties
/// in estate order) and each goes to the slice with the fewest units so far (ties: the lower
/// slice). The same estate and N always give the same slices, on any machine.
///
/// ```swift
/// let shard = try Shard(parsing: "2/3")
/// let indices = shard.organisationIndices(in: estate)   // into estate.organisations
/// ```
public struct Shard: Sendable, Hashable {
    /// The slice, 1-based: 1 ≤ index ≤ count.
    public let index: Int
    /// How many slices the organisations are cut into.
    public let count: Int

    /// A slice, or `nil` unless 1 ≤ `index` ≤ `count`.
    /// - Parameters:
    ///   - index: The slice, 1-based.
    ///   - count: How many slices there are.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `K/N` as the command line gives it (`--shard 2/7`).
    /// - Parameter text: Two whole numbers separated by a slash, 1 ≤ K ≤ N.
    /// - Throws: ``ShardError`` saying what was expected.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let index = Int(parts[0]), let count = Int(parts[1])
        else { throw ShardError("--shard must be K/N, two whole numbers such as 2/7 (got \"\(text)\")") }
        guard let shard = Shard(index: index, count: count) else {
            throw ShardError("--shard K/N needs 1 ≤ K ≤ N (got \"\(text)\")")
        }
        self = shard
    }

    /// The organisations of this slice, as indices into `estate.organisations`, in estate order.
    /// - Parameter estate: The estate whose organisations are sliced.
    /// - Returns: The slice's organisations; empty when there are fewer organisations than slices.
    /// - Complexity: O(n log n + n · N) for n organisations and N slices.
    public func organisationIndices(in estate: Estate) -> [Int] {
        let sizes = estate.organisations.map { $0.sites.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.count } } }
        return Self.slices(sizes: sizes, count: count)[index - 1]
    }

    /// Cuts items of the given sizes into `count` slices, largest first to the lightest slice.
    /// - Returns: Per slice, its item indices in ascending order.
    static func slices(sizes: [Int], count: Int) -> [[Int]] {
        let order = sizes.indices.sorted { (sizes[$0], -$0) > (sizes[$1], -$1) }
        var load = [Int](repeating: 0, count: count)
        var slices = [[Int]](repeating: [], count: count)
        for item in order {
            // The lightest slice, the lower one on a tie.
            let slice = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            load[slice] += sizes[item]
            slices[slice].append(item)
        }
        return slices.map { $0.sorted() }
    }
}

extension Shard: CustomStringConvertible {
    /// `K/N`, as the command line gives it.
    public var description: String { "\(index)/\(count)" }
}
