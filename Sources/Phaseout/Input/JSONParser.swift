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

    let bytes: [UInt8]
    var i = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    private static let maxDepth = 256
    /// Whether syntax errors are recorded in ``problems`` and skipped instead of thrown.
    var recovering = false
    var problems: [SyntaxError] = []
    var reportedEnd = false

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

    /// Parses a whole document, reading on past syntax errors: a broken member or element is
    /// skipped up to the next ',' or closing bracket and stands as ``JSONValue/Content/invalid``;
    /// an object whose keys could not all be read is marked incomplete.
    ///
    /// - Returns: The value as far as it could be read (nil when no value starts the file) and
    ///   every syntax error, in file order.
    static func parseRecovering(_ bytes: [UInt8]) -> (value: JSONValue?, errors: [SyntaxError]) {
        var parser = JSONParser(bytes: bytes)
        parser.recovering = true
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            parser.i = 3
            parser.lineStart = 3
        }
        parser.skipSpace()
        let value: JSONValue
        do {
            value = try parser.parseValue()
        } catch {
            // Only a broken top-level scalar or too deep a nesting get here.
            return (nil, parser.problems + [error])
        }
        parser.skipSpace()
        if parser.i < bytes.count { parser.problems.append(parser.error("unexpected text after the JSON value")) }
        return (value, parser.problems)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// A position on the current line whose column is known, so that each column is counted
    /// on from the last one asked for: linear in the line's length, however long it is.
    var columnMark = (index: 0, column: 1)

    /// The column (in characters, not bytes) of position `i`.
    var column: Int {
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

    mutating func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, column: column, message: message)
    }

    mutating func skipSpace() {
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
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
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

    mutating func enter() throws(SyntaxError) {
        if depth >= Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
        depth += 1
    }

    /// Records a syntax error when recovering, or throws it.
    mutating func problem(_ e: SyntaxError) throws(SyntaxError) {
        guard recovering else { throw e }
        problems.append(e)
    }

    /// Records the end of the file inside an object or array, once for the whole file.
    mutating func unexpectedEnd(_ expected: String) throws(SyntaxError) {
        let e = error("unexpected end of file: expected \(expected)")
        guard recovering else { throw e }
        if !reportedEnd { problems.append(e) }
        reportedEnd = true
    }

    /// Skips a broken member or element: moves to the next ',', '}' or ']' outside any nested
    /// object, array or string, without consuming it. Returns false at the end of the file.
    ///
    /// A line break ends a string here, since JSON strings cannot hold one: an unterminated
    /// string then swallows one line, not the rest of the file.
    private mutating func skipToSeparator() -> Bool {
        var nesting = 0
        var inString = false
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                inString = false
                i += 1
                line += 1
                lineStart = i
                continue
            }
            if inString {
                if b == UInt8(ascii: "\\") { i += 1 } else if b == UInt8(ascii: "\"") { inString = false }
            } else {
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): nesting += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if nesting == 0 { return true }
                    nesting -= 1
                case UInt8(ascii: ","): if nesting == 0 { return true }
                default: break
                }
            }
            i += 1
        }
        return false
    }

    /// A member's or element's value; when recovering, a broken one is reported, skipped and
    /// stands as ``JSONValue/Content/invalid``.
    private mutating func parseValueOrSkip() throws(SyntaxError) -> JSONValue {
        let (l, c) = (line, column)
        guard recovering else { return try parseValue() }
        do {
            return try parseValue()
        } catch {
            problems.append(error)
            _ = skipToSeparator()
            // An error that ran into the end of the file has said so: the brackets still open
            // need not say it again.
            if i >= bytes.count { reportedEnd = true }
            return JSONValue(content: .invalid, line: l, column: c)
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        let (l0, c0) = (line, column)
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [JSONMember] = []
        var complete = true
        func object() -> JSONValue { JSONValue(content: .object(members), line: l0, column: c0, complete: complete) }
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return object() }
        while true {
            skipSpace()
            guard i < bytes.count else {
                try unexpectedEnd("a key in double quotes")
                complete = false
                return object()
            }
            guard bytes[i] == UInt8(ascii: "\"") else {
                // A member whose key cannot be read: the object may lack any key.
                try problem(error("expected a key in double quotes"))
                complete = false
                guard skipToSeparator() else { return object() }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                i += 1
                return object()
            }
            let (l, c) = (line, column)
            let key: String
            do { key = try parseString() } catch {
                try problem(error)
                complete = false
                guard skipToSeparator() else { return object() }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                i += 1
                return object()
            }
            skipSpace()
            let value: JSONValue
            if i < bytes.count && bytes[i] == UInt8(ascii: ":") {
                i += 1
                skipSpace()
                value = try parseValueOrSkip()
            } else {
                try problem(error("expected ':' after key \"\(key)\""))
                value = JSONValue(content: .invalid, line: line, column: column)
                _ = skipToSeparator()
            }
            members.append(JSONMember(key: key, line: l, column: c, value: value))
            skipSpace()
            guard i < bytes.count else {
                try unexpectedEnd("',' or '}'")
                complete = false
                return object()
            }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return object() }
            try problem(error("expected ',' or '}'"))
            // A missing comma before the next key: read on from that key.
            if bytes[i] == UInt8(ascii: "\"") { continue }
            // Anything else spoils the member's value: `0.0.3` must not read as 0.
            members[members.count - 1].value.content = .invalid
            guard skipToSeparator() else {
                complete = false
                return object()
            }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            i += 1
            return object()
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        let (l0, c0) = (line, column)
        try enter()
        defer { depth -= 1 }
        i += 1
        var elements: [JSONValue] = []
        var complete = true
        func array() -> JSONValue { JSONValue(content: .array(elements), line: l0, column: c0, complete: complete) }
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return array() }
        while true {
            skipSpace()
            elements.append(try parseValueOrSkip())
            skipSpace()
            guard i < bytes.count else {
                try unexpectedEnd("',' or ']'")
                complete = false
                return array()
            }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return array() }
            try problem(error("expected ',' or ']'"))
            elements[elements.count - 1].content = .invalid
            guard skipToSeparator() else {
                complete = false
                return array()
            }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            i += 1
            return array()
        }
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
