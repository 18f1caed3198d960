import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a plan folder's files as one set (docs/outputs.md).
///
/// The whole set is written into a fresh hidden sibling folder, `.NAME.XXXXXXXX.new`, which is
/// then exchanged with the folder in one `renameat2(…, RENAME_EXCHANGE)` (or renamed into place
/// when the folder does not exist yet). A reader of the folder's path sees either every file of
/// the previous run or every file of this one, and what the previous run wrote that this one
/// does not (an old `report.html`, old funded files) goes with the old set.
///
/// The swap is used only when the folder holds nothing but Phaseout's outputs: a folder with
/// other files in it (`--out .`), a symbolic link, a parent folder that cannot be written, or a
/// file system without `RENAME_EXCHANGE` falls back to ``AtomicFiles``: each file is renamed
/// into place (never a partial file) and stale outputs are removed afterwards.
///
/// ```swift
/// try OutputSet.write([(name: "plan.csv", contents: data)], to: URL(fileURLWithPath: "out"))
/// ```
enum OutputSet {
    /// Every file a plan run or `report` may leave in a plan folder.
    static let outputNames: Set<String> = [
        "plan.csv", "visits.csv", "summary.json", "funded-plan.csv", "funded-visits.csv", "report.html", "shard.json",
        "goal.csv", "frontier.csv", "frontier.html",
    ]

    /// Replaces the outputs in `directory` with `files`, as one set when it can.
    /// - Throws: ``FileError`` saying which path failed and why; the folder then holds the
    ///   previous set, untouched.
    static func write(_ files: [(name: String, contents: Data)], to directory: URL) throws {
        let path = directory.standardizedFileURL.path
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        try FileAccess.makeDirectory(parent.isEmpty ? "/" : parent)
        removeAbandonedStaging(in: parent, of: name)
        let stale = Array(outputNames.subtracting(files.map(\.name)))
        guard canSwap(path), let staging = makeStaging(parent: parent, name: name) else {
            return try AtomicFiles.write(files, to: directory, removing: stale)
        }
        do {
            for file in files {
                try FileAccess.write(file.contents, to: staging + "/" + file.name)
                pauseForTests()
            }
        } catch {
            removeOurs(staging)
            throw error
        }
        var info = stat()
        if lstat(path, &info) != 0 {
            // No folder yet: the staged one becomes it.
            do { try FileAccess.rename(staging, to: path) } catch { removeOurs(staging); throw error }
            return
        }
        chmod(staging, info.st_mode & 0o7777)
        pauseForTests()
        guard exchange(staging, path) else {
            removeOurs(staging)
            return try AtomicFiles.write(files, to: directory, removing: stale)
        }
        removeOurs(staging)  // now the previous set
    }

    /// Sleeps `PHASEOUT_OUTPUT_PAUSE_MS` milliseconds, when set: a test hook that widens the
    /// moments between writing the set and swapping it in, so that a test killing the process
    /// lands there often.
    private static func pauseForTests() {
        if let text = ProcessInfo.processInfo.environment["PHASEOUT_OUTPUT_PAUSE_MS"], let ms = UInt32(text) {
            usleep(ms * 1000)
        }
    }

    /// Whether `path` is absent, or a real directory holding only Phaseout's outputs.
    private static func canSwap(_ path: String) -> Bool {
        var info = stat()
        if lstat(path, &info) != 0 { return errno == ENOENT }
        guard info.st_mode & S_IFMT == S_IFDIR, let entries = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return false }
        return entries.allSatisfy(isOurs)
    }

    /// Whether an entry of a plan folder is Phaseout's: an output or one of its temporary files.
    static func isOurs(_ entry: String) -> Bool {
        if outputNames.contains(entry) { return true }
        // AtomicFiles' temporary names: ".plan.csv.1A2B3C4D.tmp".
        guard entry.hasPrefix("."), entry.hasSuffix(".tmp") else { return false }
        let middle = entry.dropFirst().dropLast(4)
        guard let dot = middle.lastIndex(of: ".") else { return false }
        return outputNames.contains(String(middle[..<dot]))
    }

    /// A fresh, empty staging folder beside the plan folder, or nil if none can be made.
    private static func makeStaging(parent: String, name: String) -> String? {
        let staging = parent + "/." + name + "." + UUID().uuidString.prefix(8) + ".new"
        return mkdir(staging, 0o777) == 0 ? staging : nil
    }

    /// Removes Phaseout's files from `folder`, then the folder if that empties it.
    /// Anything else in it is left alone.
    private static func removeOurs(_ folder: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where isOurs(entry) {
            unlink(folder + "/" + entry)
        }
        rmdir(folder)
    }

    /// Removes staging folders that a killed run left beside the plan folder.
    private static func removeAbandonedStaging(in parent: String, of name: String) {
        let prefix = "." + name + "."
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "/" : parent)) ?? []
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".new") && entry.count == prefix.count + 12 {
            removeOurs(parent + "/" + entry)
        }
    }

    /// Exchanges two paths atomically (Linux `renameat2` with `RENAME_EXCHANGE`); false when the
    /// system or file system cannot.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // glibc ≥ 2.28 exports renameat2, but Swift's Glibc module does not declare it.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100, renameExchange: UInt32 = 1 << 1
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}
