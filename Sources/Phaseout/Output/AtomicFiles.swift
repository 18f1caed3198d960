import Foundation

/// Writes a set of files into a directory so that a failed or interrupted run leaves either
/// the previous files or the new ones, never a partial file.
enum AtomicFiles {
    /// Writes every file to a temporary name in `directory`, then renames each into place.
    /// Files named in `remove` (stale outputs of an earlier run) are deleted afterwards.
    static func write(_ files: [(name: String, contents: Data)], to directory: URL, removing remove: [String] = []) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let token = UUID().uuidString.prefix(8)
        var staged: [(temporary: URL, final: URL)] = []
        do {
            for file in files {
                let temporary = directory.appendingPathComponent(".\(file.name).\(token).tmp")
                try file.contents.write(to: temporary)
                staged.append((temporary, directory.appendingPathComponent(file.name)))
            }
            for entry in staged {
                if rename(entry.temporary.path, entry.final.path) != 0 {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: entry.final.path])
                }
            }
        } catch {
            for entry in staged { try? manager.removeItem(at: entry.temporary) }
            throw error
        }
        for name in remove { try? manager.removeItem(at: directory.appendingPathComponent(name)) }
    }
}
