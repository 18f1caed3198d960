/// Why a report could not be made: a plan file is missing or malformed, or the report could
/// not be written.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What is wrong with it, in words a user can act on.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
