/// Checks that an input file is text Phaseout can read: well-formed UTF-8 with no NUL byte.
///
/// Decoding would silently turn invalid bytes into U+FFFD (so councils `F\xFFe` and `F\xFEe`
/// would merge into one organisation) and NUL bytes would pass into the outputs; both are input
/// errors instead, naming the byte offset and line of the first one.
///
/// ```swift
/// var log = DiagnosticLog(file: "register.csv")
/// TextBytes.check(buffer, log: &log)   // false, after "invalid UTF-8 … at byte offset 17"
/// ```
///
/// - Complexity: O(*n*) in the number of bytes; ASCII runs are checked eight bytes at a time.
enum TextBytes {
    /// The first bad byte of a file, and how many bad sequences it has in all.
    struct Problem: Equatable {
        /// The 0-based byte offset of the first bad byte.
        var offset: Int
        /// The 1-based line it is on (LF, CR LF and lone CR end lines).
        var line: Int
        /// The bad byte.
        var byte: UInt8
        /// Every NUL byte and invalid UTF-8 sequence in the file.
        var count: Int
    }

    /// Records an error in `log` if `bytes` is not UTF-8 text without NUL.
    /// - Returns: Whether the bytes are fine.
    @discardableResult
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, log: inout DiagnosticLog) -> Bool {
        guard let problem = firstProblem(bytes) else { return true }
        let what = problem.byte == 0
            ? "a NUL byte"
            : "invalid UTF-8 (byte 0x\(String(problem.byte, radix: 16, uppercase: true)))"
        let more = problem.count == 2 ? "; 1 more bad sequence follows"
            : problem.count > 2 ? "; \(problem.count - 1) more bad sequences follow" : ""
        log.error(line: problem.line, "\(what) at byte offset \(problem.offset): the file must be UTF-8 text\(more)")
        return false
    }

    /// The first NUL byte or invalid UTF-8 sequence, or nil if there is none.
    static func firstProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        var first: Int?
        var count = 0
        var i = 0
        let n = bytes.count
        while i < n {
            i = asciiRunEnd(bytes, from: i)
            guard i < n else { break }
            let length = sequenceLength(bytes, at: i)
            if length > 0 {
                i += length
                continue
            }
            count += 1
            if first == nil { first = i }
            i += 1
        }
        guard let offset = first else { return nil }
        return Problem(offset: offset, line: line(of: offset, in: bytes), byte: bytes[offset], count: count)
    }

    /// The first index from `start` that holds a NUL or a non-ASCII byte, or the end.
    @inline(__always)
    private static func asciiRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start
        let n = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while j + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                let zeros = (word &- ones) & ~word & highs
                if word & highs != 0 || zeros != 0 { break }
                j += 8
            }
        }
        while j < n && bytes[j] != 0 && bytes[j] < 0x80 { j += 1 }
        return j
    }

    /// The length of the well-formed UTF-8 sequence at `i` (not NUL), or 0 if it is not one.
    @inline(__always)
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b == 0 { return 0 }
        if b < 0x80 { return 1 }
        let n = bytes.count
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            k < n && bytes[k] >= low && bytes[k] <= high
        }
        switch b {
        case 0xC2...0xDF: return continuation(i + 1) ? 2 : 0
        case 0xE0: return continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : 0
        case 0xED: return continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0
        case 0xE1...0xEF: return continuation(i + 1) && continuation(i + 2) ? 3 : 0
        case 0xF0: return continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        case 0xF4: return continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        case 0xF1...0xF3: return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        default: return 0
        }
    }

    /// The 1-based line of byte `offset`: LF, CR LF and a lone CR each end a line.
    private static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var k = 0
        while k < offset {
            if bytes[k] == 0x0A || (bytes[k] == 0x0D && !(k + 1 < bytes.count && bytes[k + 1] == 0x0A)) { line += 1 }
            k += 1
        }
        return line
    }
}
