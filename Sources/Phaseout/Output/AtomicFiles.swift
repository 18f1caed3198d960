import Foundation

/// Writes a set of files into a directory so that a failed or interrupted run leaves either
/// the previous files or the new ones, never a partial file.
enum AtomicFiles {
    /// Writes every file to a temporary name in `directory`, then renames each into place.
    /// Files named in `remove` (stale outputs of an earlier run) are deleted afterwards.
    /// - Throws: ``FileError`` saying which path failed and why.
    static func write(_ files: [(name: String, contents: Data)], to directory: URL, removing remove: [String] = []) throws {
        let manager = FileManager.default
        try FileAccess.makeDirectory(directory.path)
        let token = UUID().uuidString.prefix(8)
        var staged: [(temporary: URL, final: URL)] = []
        do {
            for file in files {
                let temporary = directory.appendingPathComponent(".\(file.name).\(token).tmp")
                try FileAccess.write(file.contents, to: temporary.path)
                staged.append((temporary, directory.appendingPathComponent(file.name)))
            }
            for entry in staged {
                try FileAccess.rename(entry.temporary.path, to: entry.final.path)
            }
        } catch {
            for entry in staged { try? manager.removeItem(at: entry.temporary) }
            throw error
        }
        for name in remove { try? manager.removeItem(at: directory.appendingPathComponent(name)) }
    }
}
