import Foundation

/// Gives each distinct byte string a small integer id and one shared `String`.
///
/// Register columns such as `council`, `kind` or `vendor` hold a few hundred distinct values
/// over 100 000 rows. Interning them turns each field into a hash of its bytes and a table
/// probe: no `String` is built for a value seen before, and rows share the value's storage.
/// Whatever a reader derives from a value (its folded form, …) can be kept per id and so
/// computed once per distinct value.
///
/// ```swift
/// var vendors = ByteInterner()
/// let id = vendors.intern(bytes)       // the same id for the same bytes
/// let name = vendors.strings[id]
/// ```
///
/// Ids are dense and given in order of first appearance: a new value gets id `count - 1`.
/// Bytes are compared exactly; the strings of two ids may still compare equal as Swift strings
/// (canonically equivalent spellings), so derive semantic keys from ``strings``.
struct ByteInterner {
    /// The value of each id, decoded as UTF-8 (invalid sequences repaired).
    private(set) var strings: [String] = []
    private var table: ByteKeyTable

    /// Creates an empty interner sized for about `capacity` distinct values.
    init(capacity: Int = 64) { table = ByteKeyTable(capacity: capacity) }

    /// The number of distinct values.
    var count: Int { strings.count }

    /// The id of `value`, adding it if it is new.
    @inline(__always)
    mutating func intern(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        let id = table.id(of: value)
        if id == strings.count { strings.append(String(decoding: value, as: UTF8.self)) }
        return id
    }
}

/// A hash table from byte strings to dense ids (0, 1, 2, … in order of first appearance).
///
/// The keys are kept as bytes; ``ByteInterner`` adds a `String` per key. Small fixed-size keys
/// (a pair of integers) work too: pass their bytes.
struct ByteKeyTable {
    /// An open-addressing slot: a key's id and the top half of its hash, so that a probe
    /// rarely has to look at key bytes elsewhere in memory.
    private struct Slot {
        static let empty = Slot(id: -1, hashTag: 0)
        var id: Int32
        var hashTag: UInt32
    }

    /// The table; its size is a power of two, at most two-thirds full (small enough to stay
    /// in cache for 100 000 keys, sparse enough for short probes).
    private var slots: [Slot]
    /// Every id's bytes, one after another; id k's bytes end at `ends[k]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private let seed = UInt64.random(in: .min ... .max)

    /// Creates an empty table sized for about `capacity` keys.
    init(capacity: Int = 64) {
        var size = 16
        while size * 2 < capacity * 3 { size *= 2 }
        slots = Array(repeating: .empty, count: size)
        ends.reserveCapacity(capacity)
    }

    /// The number of keys.
    var count: Int { ends.count }

    /// The id of `key`, adding it (as id ``count``) if it is new.
    @inline(__always)
    mutating func id(of key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(key, seed: seed)
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry.id < 0 { break }
            if entry.hashTag == tag && storedBytes(of: Int(entry.id), equal: key) { return Int(entry.id) }
            slot = (slot + 1) & mask
        }
        let id = ends.count
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        slots[slot] = Slot(id: Int32(id), hashTag: tag)
        if ends.count * 3 > slots.count * 2 { grow() }
        return id
    }

    /// The id of the key made of two integers' bytes.
    @inline(__always)
    mutating func id(of first: Int, _ second: Int) -> Int {
        withUnsafeBytes(of: (first, second)) { id(of: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Calls `body` with the bytes of key `id`.
    func withKey<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = id == 0 ? 0 : ends[id - 1]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[id]])) }
    }

    private func storedBytes(of id: Int, equal value: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == value.count else { return false }
        guard value.count > 0, let valueBase = value.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + start, valueBase, value.count) == 0
        }
    }

    /// Doubles the table and re-inserts every id.
    private mutating func grow() {
        var slots = Array(repeating: Slot.empty, count: self.slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<count {
            let hash = withKey(id) { Self.hash($0, seed: seed) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].id >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(id: Int32(id), hashTag: UInt32(truncatingIfNeeded: hash >> 32))
        }
        self.slots = slots
    }

    /// A fast seeded hash of short byte strings: eight bytes at a time, multiply-xorshift
    /// mixing, and a final avalanche (MurmurHash3's fmix64).
    @inline(__always)
    private static func hash(_ value: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = seed ^ (UInt64(value.count) &* multiplier)
        guard let base = value.baseAddress else { return fmix(h) }
        let raw = UnsafeRawPointer(base)
        var k = 0
        while k + 8 <= value.count {
            let word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            h = (h ^ word) &* multiplier
            h ^= h >> 29
            k += 8
        }
        if k < value.count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while k < value.count {
                word |= UInt64(value[k]) << shift
                shift += 8
                k += 1
            }
            h = (h ^ word) &* multiplier
            h ^= h >> 29
        }
        return fmix(h)
    }

    @inline(__always)
    private static func fmix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
