/// Splits RFC 4180 CSV bytes into records of trimmed fields.
///
/// Accepts a leading UTF-8 BOM, LF, CRLF and lone CR line ends, quoted fields holding commas,
/// doubled quotes and line breaks. White space around a quoted field is allowed. Every field is
/// trimmed of Unicode white space.
///
/// The scanner works on bytes and hands each record over as a ``CSVRecord`` of byte ranges, so
/// a reader can decide per column what to build from a field (a `String`, an interned value, a
/// number). The other `scan` builds one `String` per field for readers that simply want strings.
///
/// - Complexity: O(*n*) in the number of bytes.
struct CSVScanner {
    /// A problem in the CSV syntax itself.
    struct SyntaxProblem {
        var line: Int
        var column: Int
        var message: String
    }

    /// Where one field's trimmed value lies: in the file, or (for quoted fields and fields
    /// trimmed of non-ASCII white space) in the record's scratch bytes.
    struct Span {
        var start: Int
        var end: Int
        var inScratch: Bool
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// Calls `record` with each record's starting line and fields as strings, in file order.
    ///
    /// Records whose fields are all empty (blank lines, lines of commas) are skipped.
    /// Syntax problems go to `problem`; the record they occur in is then skipped.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        record: (_ line: Int, _ fields: [String]) -> Void,
        problem: (SyntaxProblem) -> Void
    ) {
        var strings: [String] = []
        strings.reserveCapacity(32)
        scan(bytes, record: { (line: Int, fields: CSVRecord) in
            strings.removeAll(keepingCapacity: true)
            for k in 0..<fields.count { strings.append(fields.string(k)) }
            record(line, strings)
        }, problem: problem)
    }

    /// Calls `record` with each record's starting line and fields, in file order.
    ///
    /// The ``CSVRecord`` is only valid during the call. Records whose fields are all empty
    /// (blank lines, lines of commas) are skipped. Syntax problems go to `problem`; the record
    /// they occur in is then skipped.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        record: (_ line: Int, _ fields: CSVRecord) -> Void,
        problem: (SyntaxProblem) -> Void
    ) {
        let n = bytes.count
        var i = 0
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        var line = 1
        var spans: [Span] = []
        spans.reserveCapacity(32)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(256)

        while i < n {
            let recordLine = line
            spans.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
            var allEmpty = true
            var broken = false
            fieldLoop: while true {
                // One field starts at i.
                var j = i
                while j < n && (bytes[j] == space || bytes[j] == tab) { j += 1 }
                var span: Span
                if j < n && bytes[j] == quote {
                    guard let (start, end) = quotedField(bytes, openingAt: j, line: &line, scratch: &scratch) else {
                        problem(SyntaxProblem(line: line, column: spans.count + 1, message: "quoted field is never closed"))
                        return
                    }
                    j = end
                    span = trimmed(Span(start: start, end: scratch.count, inScratch: true), bytes, &scratch)
                    while j < n && (bytes[j] == space || bytes[j] == tab) { j += 1 }
                    if j < n && bytes[j] != comma && bytes[j] != cr && bytes[j] != lf {
                        if !broken {
                            problem(SyntaxProblem(line: recordLine, column: spans.count + 1,
                                                  message: "unexpected text after a closing quote"))
                        }
                        broken = true
                        while j < n && bytes[j] != comma && bytes[j] != cr && bytes[j] != lf { j += 1 }
                    }
                } else {
                    j = unquotedFieldEnd(bytes, from: j)
                    let plain = j > i && isPlainEdge(bytes[i]) && isPlainEdge(bytes[j - 1])
                    span = plain ? Span(start: i, end: j, inScratch: false)
                                 : trimmed(Span(start: i, end: j, inScratch: false), bytes, &scratch)
                }
                if span.start != span.end { allEmpty = false }
                spans.append(span)
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
            if !broken && !allEmpty {
                spans.withUnsafeBufferPointer { spans in
                    scratch.withUnsafeBufferPointer { scratch in
                        record(recordLine, CSVRecord(file: bytes, scratch: scratch, spans: spans))
                    }
                }
            }
        }
    }

    /// Copies the quoted field whose opening quote is at `opening` into `scratch`, undoubling
    /// quotes and counting the line breaks it holds.
    /// - Returns: where its text starts in `scratch` and the index after its closing quote, or
    ///   `nil` when it is never closed (`line` is then the opening quote's line).
    private static func quotedField(
        _ bytes: UnsafeBufferPointer<UInt8>, openingAt opening: Int, line: inout Int, scratch: inout [UInt8]
    ) -> (start: Int, end: Int)? {
        let n = bytes.count
        let openLine = line
        var j = opening + 1
        let start = scratch.count
        while j < n {
            let b = bytes[j]
            if b == quote {
                if j + 1 < n && bytes[j + 1] == quote {
                    scratch.append(quote)
                    j += 2
                    continue
                }
                return (start, j + 1)
            }
            if b == lf || (b == cr && !(j + 1 < n && bytes[j + 1] == lf)) { line += 1 }
            scratch.append(b)
            j += 1
        }
        line = openLine
        return nil
    }

    /// The span narrowed to its value trimmed of Unicode white space.
    ///
    /// ASCII white space only moves the ends. A value with a non-ASCII byte at an edge may
    /// have non-ASCII white space (U+00A0, U+2007, …); if trimming it changes the value, the
    /// trimmed bytes are appended to `scratch` and the span points there.
    @inline(__always)
    private static func trimmed(_ span: Span, _ file: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8]) -> Span {
        let (narrowed, maybeUnicodeSpace) = span.inScratch
            ? scratch.withUnsafeBufferPointer { trimmingASCIISpace(span, in: $0) }
            : trimmingASCIISpace(span, in: file)
        guard maybeUnicodeSpace else { return narrowed }
        // The rare slow path: decode, trim, and keep the result if it differs.
        let value = scratch.withUnsafeBufferPointer { string(of: narrowed, file: file, scratch: $0) }
        let trimmedValue = value.trimmingUnicodeWhitespace
        guard trimmedValue.utf8.count != value.utf8.count else { return narrowed }
        let start = scratch.count
        scratch.append(contentsOf: trimmedValue.utf8)
        return Span(start: start, end: scratch.count, inScratch: true)
    }

    /// The span without ASCII white space at its ends, and whether a non-ASCII byte is left at
    /// an edge (which may start or end non-ASCII white space).
    @inline(__always)
    private static func trimmingASCIISpace(_ span: Span, in base: UnsafeBufferPointer<UInt8>) -> (Span, Bool) {
        var span = span
        while span.start < span.end && isASCIISpace(base[span.start]) { span.start += 1 }
        while span.end > span.start && isASCIISpace(base[span.end - 1]) { span.end -= 1 }
        guard span.start < span.end else { return (span, false) }
        return (span, base[span.start] >= 0x80 || base[span.end - 1] >= 0x80)
    }

    /// The text of a span, as it lies in the file or the scratch bytes.
    @inline(__always)
    fileprivate static func string(of span: Span, file: UnsafeBufferPointer<UInt8>,
                                   scratch: UnsafeBufferPointer<UInt8>) -> String {
        let base = span.inScratch ? scratch : file
        return String(decoding: UnsafeBufferPointer(rebasing: base[span.start..<span.end]), as: UTF8.self)
    }

    /// The end of an unquoted field that runs from `start`: the first comma, CR or LF, or the
    /// end of the bytes. Looks at eight bytes at a time.
    @inline(__always)
    private static func unquotedFieldEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var j = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            /// The high bit of each zero byte of `x`; the lowest one set is exact.
            @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
            while j + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                let stops = zeroBytes(word ^ (ones &* UInt64(comma))) | zeroBytes(word ^ (ones &* UInt64(lf)))
                    | zeroBytes(word ^ (ones &* UInt64(cr)))
                if stops != 0 { return j + stops.trailingZeroBitCount / 8 }
                j += 8
            }
        }
        while j < n && bytes[j] != comma && bytes[j] != lf && bytes[j] != cr { j += 1 }
        return j
    }

    /// Whether a field that starts or ends with `b` needs no trimming there: printable ASCII.
    @inline(__always)
    private static func isPlainEdge(_ b: UInt8) -> Bool { b > 0x20 && b < 0x80 }

    @inline(__always)
    private static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }
}

/// One CSV record's fields, trimmed of Unicode white space and unquoted, as bytes.
///
/// Only valid inside the ``CSVScanner`` callback that receives it: it points into the
/// scanner's buffers.
struct CSVRecord {
    fileprivate let file: UnsafeBufferPointer<UInt8>
    fileprivate let scratch: UnsafeBufferPointer<UInt8>
    fileprivate let spans: UnsafeBufferPointer<CSVScanner.Span>

    /// The number of fields.
    var count: Int { spans.count }

    /// The UTF-8 bytes of field `k` (0-based), trimmed and unquoted.
    @inline(__always)
    subscript(k: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[k]
        let base = span.inScratch ? scratch : file
        return UnsafeBufferPointer(rebasing: base[span.start..<span.end])
    }

    /// Whether field `k` is empty after trimming.
    @inline(__always)
    func isEmpty(_ k: Int) -> Bool { spans[k].start == spans[k].end }

    /// Field `k` as a string.
    func string(_ k: Int) -> String {
        CSVScanner.string(of: spans[k], file: file, scratch: scratch)
    }
}
