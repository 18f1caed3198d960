/// Parses JSON bytes (RFC 8259) into a ``JSONValue`` tree with the line and column of every
/// key and value.
///
/// Unlike Foundation's `JSONSerialization`, it keeps duplicate keys and positions. Numbers too
/// large for a `Double` come back infinite, for the caller to reject with context.
struct JSONParser {
    /// A syntax error at a position.
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private static let maxDepth = 256

    /// Parses a whole document: one value, white space around it, an optional leading BOM.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            parser.i = 3
            parser.lineStart = 3
        }
        parser.skipSpace()
        let value = try parser.parseValue()
        parser.skipSpace()
        if parser.i < bytes.count { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// A position on the current line whose column is known, so that each column is counted
    /// on from the last one asked for: linear in the line's length, however long it is.
    private var columnMark = (index: 0, column: 1)

    /// The column (in characters, not bytes) of position `i`.
    private var column: Int {
        mutating get {
            if columnMark.index < lineStart || columnMark.index > i { columnMark = (lineStart, 1) }
            var (k, c) = columnMark
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            while k < i && k < bytes.count {
                if bytes[k] & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
            columnMark = (k, c)
            return c
        }
    }

    private mutating func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, column: column, message: message)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of file: expected a value") }
        let (l, c) = (line, column)
        switch bytes[i] {
        case UInt8(ascii: "{"): return JSONValue(content: try parseObject(), line: l, column: c)
        case UInt8(ascii: "["): return JSONValue(content: try parseArray(), line: l, column: c)
        case UInt8(ascii: "\""): return JSONValue(content: .string(try parseString()), line: l, column: c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if bytes[i] == UInt8(ascii: "-") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "I") {
                throw error("non-finite number: -Infinity is not allowed")
            }
            return JSONValue(content: .number(try parseNumber()), line: l, column: c)
        default:
            let word = readWord()
            switch word {
            case "true": return JSONValue(content: .bool(true), line: l, column: c)
            case "false": return JSONValue(content: .bool(false), line: l, column: c)
            case "null": return JSONValue(content: .null, line: l, column: c)
            case "NaN", "Infinity", "nan", "inf", "infinity":
                throw SyntaxError(line: l, column: c, message: "non-finite number: \(word) is not allowed")
            case "": throw SyntaxError(line: l, column: c, message: "unexpected character: expected a value")
            default: throw SyntaxError(line: l, column: c, message: "unexpected word \"\(word)\": expected a value")
            }
        }
    }

    private mutating func readWord() -> String {
        let start = i
        while i < bytes.count, case let b = bytes[i],
              (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) { i += 1 }
        let word = String(decoding: bytes[start..<i], as: UTF8.self)
        i = start
        if !word.isEmpty { i = start + word.utf8.count }
        return word
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue.Content {
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [JSONMember] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes")
            }
            let (l, c) = (line, column)
            let key = try parseString()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\"") }
            i += 1
            skipSpace()
            let value = try parseValue()
            members.append(JSONMember(key: key, line: l, column: c, value: value))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file: expected ',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue.Content {
        try enter()
        defer { depth -= 1 }
        i += 1
        var elements: [JSONValue] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
        while true {
            skipSpace()
            elements.append(try parseValue())
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file: expected ',' or ']'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        i += 1  // opening quote
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i + 1 < bytes.count else { break }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00,
                       i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        if low >= 0xDC00 && low < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            throw error("invalid surrogate pair in \\u escape")
                        }
                    }
                    let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(s)).utf8))
                default:
                    i -= 1
                    throw error("invalid escape in string")
                }
                continue
            case 0x0A:
                throw error("line break inside a string")
            case 0x00..<0x20:
                throw error("control character inside a string")
            default:
                out.append(b)
                i += 1
                continue
            }
            break
        }
        throw error("unexpected end of file inside a string")
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 0x41 + 10)
            default: throw error("invalid \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private mutating func parseNumber() throws(SyntaxError) -> Double {
        let start = i
        func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { throw error("invalid number") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { throw error("invalid number: leading zero") }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { throw error("invalid number: digits expected after '.'") }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { throw error("invalid number: digits expected in exponent") }
            while isDigit(i) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let value = Double(text) else { throw error("invalid number \(text)") }
        return value
    }
}

extension JSONParser {
    /// Parses a whole document, turning a syntax error into `log`'s ``InputError``.
    static func document(_ bytes: [UInt8], log: inout DiagnosticLog) throws(InputError) -> JSONValue {
        do {
            return try parse(bytes)
        } catch {
            log.error(line: error.line, column: error.column, error.message)
            throw log.inputError
        }
    }
}
