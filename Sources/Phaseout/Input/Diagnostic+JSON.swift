/// `Diagnostic` as JSON: `severity`, `message`, `text` (the `FILE:LINE:COL: message` form) and
/// whichever of `file`, `line`, `column`, `field` are known.
extension Diagnostic: Encodable {
    private enum CodingKeys: String, CodingKey {
        case severity, file, line, column, field, message, text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity.rawValue, forKey: .severity)
        try container.encodeIfPresent(file, forKey: .file)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encodeIfPresent(column, forKey: .column)
        try container.encodeIfPresent(field, forKey: .field)
        try container.encode(message, forKey: .message)
        try container.encode(description, forKey: .text)
    }
}
