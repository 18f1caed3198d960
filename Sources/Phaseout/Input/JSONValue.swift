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
    }

    var content: Content
    /// The 1-based line where the value starts.
    var line: Int
    /// The 1-based column (in characters) where the value starts.
    var column: Int

    /// A word for the value's type, for messages ("a number", "an object", …).
    var typeName: String {
        switch content {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
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
