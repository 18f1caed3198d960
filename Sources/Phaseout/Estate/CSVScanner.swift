/// Splits RFC 4180 CSV bytes into records of trimmed string fields.
///
/// Accepts a leading UTF-8 BOM, LF, CRLF and lone CR line ends, quoted fields holding commas,
/// doubled quotes and line breaks. White space around a quoted field is allowed. Every field is
/// trimmed of Unicode white space. The scanner works on bytes; it builds one `String` per field.
///
/// - Complexity: O(*n*) in the number of bytes.
struct CSVScanner {
    /// A problem in the CSV syntax itself.
    struct SyntaxProblem {
        var line: Int
        var column: Int
        var message: String
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// Calls `record` with each record's starting line and fields, in file order.
    ///
    /// Records whose fields are all empty (blank lines, lines of commas) are skipped.
    /// Syntax problems go to `problem`; the record they occur in is then skipped.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        record: (_ line: Int, _ fields: [String]) -> Void,
        problem: (SyntaxProblem) -> Void
    ) {
        let n = bytes.count
        var i = 0
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        var line = 1
        var fields: [String] = []
        fields.reserveCapacity(32)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(256)

        while i < n {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            var allEmpty = true
            var broken = false
            fieldLoop: while true {
                // One field starts at i.
                var j = i
                while j < n && (bytes[j] == space || bytes[j] == tab) { j += 1 }
                var value: String
                if j < n && bytes[j] == quote {
                    let openLine = line
                    j += 1
                    scratch.removeAll(keepingCapacity: true)
                    var closed = false
                    while j < n {
                        let b = bytes[j]
                        if b == quote {
                            if j + 1 < n && bytes[j + 1] == quote {
                                scratch.append(quote)
                                j += 2
                                continue
                            }
                            closed = true
                            j += 1
                            break
                        }
                        if b == lf || (b == cr && !(j + 1 < n && bytes[j + 1] == lf)) { line += 1 }
                        scratch.append(b)
                        j += 1
                    }
                    if !closed {
                        problem(SyntaxProblem(line: openLine, column: fields.count + 1,
                                              message: "quoted field is never closed"))
                        return
                    }
                    value = scratch.withUnsafeBufferPointer { field(from: $0, start: 0, end: $0.count) }
                    while j < n && (bytes[j] == space || bytes[j] == tab) { j += 1 }
                    if j < n && bytes[j] != comma && bytes[j] != cr && bytes[j] != lf {
                        if !broken {
                            problem(SyntaxProblem(line: recordLine, column: fields.count + 1,
                                                  message: "unexpected text after a closing quote"))
                        }
                        broken = true
                        while j < n && bytes[j] != comma && bytes[j] != cr && bytes[j] != lf { j += 1 }
                    }
                } else {
                    while j < n {
                        let b = bytes[j]
                        if b == comma || b == lf || b == cr { break }
                        j += 1
                    }
                    value = field(from: bytes, start: i, end: j)
                }
                if !value.isEmpty { allEmpty = false }
                fields.append(value)
                i = j
                if i < n && bytes[i] == comma {
                    i += 1
                    continue fieldLoop
                }
                // End of record: a line end or the end of the file.
                if i < n {
                    if bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf { i += 2 } else { i += 1 }
                    line += 1
                }
                break fieldLoop
            }
            if !broken && !allEmpty { record(recordLine, fields) }
        }
    }

    /// The bytes `start..<end` as a string, trimmed of Unicode white space.
    @inline(__always)
    private static func field(from bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> String {
        var a = start
        var b = end
        while a < b && isASCIISpace(bytes[a]) { a += 1 }
        while b > a && isASCIISpace(bytes[b - 1]) { b -= 1 }
        if a == b { return "" }
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        // Only non-ASCII white space (U+00A0, U+2007, …) at an edge needs the slow path.
        if bytes[a] >= 0x80 || bytes[b - 1] >= 0x80 { return s.trimmingUnicodeWhitespace }
        return s
    }

    @inline(__always)
    private static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }
}
