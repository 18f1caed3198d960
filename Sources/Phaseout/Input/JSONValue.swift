/// A parsed JSON value that remembers where it is in its file.
///
/// Objects keep every member in file order, duplicates included, so that a reader can
/// report them.
struct JSONValue: Sendable {
    /// The value's content.
    indirect enum Content: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONValue])
        case object([JSONMember])
        /// A value that could not be parsed; its syntax error is reported already
        /// (``JSONParser/parseRecovering(_:)`` only).
        case invalid
    }

    var content: Content
    /// The 1-based line where the value starts.
    var line: Int
    /// The 1-based column (in characters) where the value starts.
    var column: Int
    /// Whether every member or element of this object or array could be read; false when a
    /// key could not be parsed or the file ended inside it (``JSONParser/parseRecovering(_:)``).
    var complete = true

    /// Whether the value could not be parsed (its syntax error is reported already).
    var isInvalid: Bool {
        if case .invalid = content { return true }
        return false
    }

    /// A word for the value's type, for messages ("a number", "an object", …).
    var typeName: String {
        switch content {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        case .invalid: "unreadable"
        }
    }
}

/// One `"key": value` member of a JSON object.
struct JSONMember: Sendable {
    var key: String
    /// The 1-based line of the key.
    var line: Int
    /// The 1-based column of the key.
    var column: Int
    var value: JSONValue
}
