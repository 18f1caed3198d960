/// The line of each `device_id`'s first row, for the duplicate check.
///
/// IDs compare as Swift strings do. While every ID is ASCII, equal strings are equal bytes and a
/// ``ByteKeyTable`` does the work; the first non-ASCII ID (which may be canonically equivalent
/// to another spelling) moves every ID into a `[String: Int]`.
struct DeviceLines {
    private var table: ByteKeyTable
    private var lines: [Int] = []
    private var byString: [String: Int]?

    /// Creates an index sized for about `capacity` IDs.
    init(capacity: Int = 64) {
        table = ByteKeyTable(capacity: capacity)
        lines.reserveCapacity(capacity)
    }

    /// The line of the first row with this ID, or nil after recording `line` as that line.
    ///
    /// - Parameters:
    ///   - id: The ID's UTF-8 bytes.
    ///   - string: The same ID as a string.
    mutating func firstLine(of id: UnsafeBufferPointer<UInt8>, string: String, line: Int) -> Int? {
        if byString == nil && id.contains(where: { $0 >= 0x80 }) { switchToStrings() }
        if byString != nil {
            if let first = byString![string] { return first }
            byString![string] = line
            return nil
        }
        let k = table.id(of: id)
        if k < lines.count { return lines[k] }
        lines.append(line)
        return nil
    }

    private mutating func switchToStrings() {
        var strings: [String: Int] = [:]
        strings.reserveCapacity(lines.count)
        for (k, line) in lines.enumerated() {
            strings[table.withKey(k) { String(decoding: $0, as: UTF8.self) }] = line
        }
        byString = strings
        table = ByteKeyTable()
        lines = []
    }
}

/// Small integer keys for names, equal exactly when the names are equal as Swift strings.
///
/// Interned byte strings that differ may still be equal strings (canonically equivalent
/// spellings); comparing their keys instead of their bytes keeps `String` semantics.
struct NameKeys {
    private var table: [String: Int] = [:]

    /// The key of `name`, making one if it is new.
    mutating func key(of name: String) -> Int {
        if let key = table[name] { return key }
        let key = table.count
        table[name] = key
        return key
    }
}
