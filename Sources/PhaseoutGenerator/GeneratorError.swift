/// Why the generator could not run or write.
public enum GeneratorError: Error, Equatable, CustomStringConvertible {
    /// The options are unusable; every problem is listed.
    case invalidOptions([String])
    /// A file-system call failed: which call, on which path, and the system's reason.
    case io(call: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidOptions(let problems): return problems.joined(separator: "\n")
        case .io(let call, let path, let reason): return "\(call)(\(path)) failed: \(reason)"
        }
    }
}
