/// One problem (or remark) about an input file, located as precisely as the input allows.
///
/// Its description reads like a compiler's: `FILE:LINE:COL: message`, leaving out the parts
/// that are unknown.
///
/// ```swift
/// let d = Diagnostic(.error, file: "register.csv", line: 3, column: 5, field: "quantity",
///                    message: #"quantity "0" is not a positive whole number"#)
/// print(d)   // register.csv:3:5: quantity "0" is not a positive whole number
/// ```
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The input is rejected.
        case error
        /// The input is accepted, but something looks unintended.
        case warning
    }

    /// Whether this diagnostic rejects the input.
    public var severity: Severity
    /// The file's name as given (register or scenario).
    public var file: String?
    /// The 1-based line; for a CSV record, the line where it starts (header = line 1).
    public var line: Int?
    /// The 1-based column: the field's position in a CSV record, or the character in a JSON line.
    public var column: Int?
    /// The CSV column name or the JSON key path (`kinds.camera.replaceCost`) concerned.
    public var field: String?
    /// What is wrong, in the user's words.
    public var message: String

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, file: String? = nil, line: Int? = nil, column: Int? = nil,
        field: String? = nil, message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `FILE:LINE:COL: message`, with unknown parts left out.
    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let line { location.append(String(line)) }
        if let column, line != nil { location.append(String(column)) }
        return location.isEmpty ? message : location.joined(separator: ":") + ": " + message
    }
}
