/// Rejected input: every problem found in the register and scenario, in file order.
///
/// Readers collect problems instead of stopping at the first one, so that a user can fix a
/// file in one pass. Very long lists are capped; ``omitted`` counts the problems left out.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The problems, errors and warnings alike, capped at ``InputError/limit`` errors.
    public var diagnostics: [Diagnostic]
    /// How many further errors were found but not listed.
    public var omitted: Int

    /// The most errors one `InputError` lists.
    public static let limit = 200

    /// Creates an error from its diagnostics.
    public init(diagnostics: [Diagnostic], omitted: Int = 0) {
        self.diagnostics = diagnostics
        self.omitted = omitted
    }

    /// Only the diagnostics of severity `.error`.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line, then a note on any that were left out.
    public var description: String {
        var lines = diagnostics.map { "\($0.severity.rawValue): \($0)" }
        if omitted > 0 { lines.append("… and \(omitted) more \(omitted == 1 ? "error" : "errors")") }
        return lines.joined(separator: "\n")
    }
}
