/// Why shards cannot be planned or merged: a bad `--shard`, or a shard folder that is missing,
/// unfinished, unreadable or does not belong with the others. Never a partial plan.
public struct ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The shard folder concerned; `nil` when the fault is not one folder's (a shard missing
    /// from the set, a bad `--shard`).
    public var folder: String?
    /// What is wrong, in words a user can act on.
    public var message: String

    /// An error about `folder`, or about no one folder.
    /// - Parameters:
    ///   - message: What is wrong.
    ///   - folder: The shard folder concerned, if one is.
    public init(_ message: String, folder: String? = nil) {
        self.folder = folder
        self.message = message
    }

    /// `FOLDER: message`, or the message alone.
    public var description: String { folder.map { "\($0): \(message)" } ?? message }
}
