import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be read or written, and why, in words: "no such file", "is a
/// directory", "permission denied", "not a regular file (a FIFO)" — never a Foundation error
/// domain and code.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The path concerned (the file, or the part of its path that is at fault).
    public var path: String
    /// Why, in a few words.
    public var reason: String

    public var description: String { "\(path): \(reason)" }
    public var errorDescription: String? { description }
}

/// Reading and writing whole files through POSIX calls, so that every failure says why.
///
/// The corresponding C functions are `stat`, `open`, `read`, `write`, `mkdir` and `rename`.
enum FileAccess {
    /// The bytes of the regular file at `path`.
    ///
    /// Anything but a regular file is refused before it is opened, so a FIFO never blocks.
    /// - Throws: ``FileError`` saying why the file cannot be read.
    static func readRegularFile(_ path: String) throws(FileError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileError(path: path, reason: reason(errno)) }
        if let kind = nonRegularKind(info.st_mode) { throw FileError(path: path, reason: kind) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, reason: reason(errno)) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: reason(errno))
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The bytes of an input file, or an ``InputError`` saying "cannot read the `what` file:
    /// no such file or directory" (is a directory, permission denied, not a regular file …).
    static func readInput(_ path: String, fileName: String, what: String) throws(InputError) -> [UInt8] {
        do { return try readRegularFile(path) } catch {
            throw InputError(diagnostics: [Diagnostic(.error, file: fileName, message: "cannot read the \(what) file: \(error.reason)")])
        }
    }

    /// Creates the directory at `path` and any missing parents.
    /// - Throws: ``FileError`` naming the part of the path at fault (a file where a directory
    ///   should be, a directory it may not write in).
    static func makeDirectory(_ path: String) throws(FileError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            var info = stat()
            if stat(prefix, &info) == 0 {
                if info.st_mode & S_IFMT != S_IFDIR {
                    throw FileError(path: prefix, reason: "is not a directory, so nothing can be written under it")
                }
                continue
            }
            guard errno == ENOENT else { throw FileError(path: prefix, reason: reason(errno)) }
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST { throw FileError(path: prefix, reason: reason(errno)) }
        }
    }

    /// Writes `data` to a new file at `path` (replacing any file there).
    /// - Throws: ``FileError`` saying why it cannot be written.
    static func write(_ data: Data, to path: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileError(path: path, reason: reason(errno)) }
        var failure: Int32?
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if failure == nil && close(fd) != 0 { failure = errno } else if failure != nil { close(fd) }
        if let failure { throw FileError(path: path, reason: reason(failure)) }
    }

    /// Renames `from` to `to`, replacing `to`.
    /// - Throws: ``FileError`` saying why not.
    static func rename(_ from: String, to: String) throws(FileError) {
        if posixRename(from, to) != 0 { throw FileError(path: to, reason: reason(errno)) }
    }

    /// A few words for an `errno` value.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a directory"
        case ENOTDIR: "a part of the path is not a directory"
        case ENOSPC: "no space left on the device"
        case EROFS: "the file system is read-only"
        case ENAMETOOLONG: "the name is too long"
        case ELOOP: "too many levels of symbolic links"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// What a file of this mode is, when it is not a regular file: "is a directory", "not a
    /// regular file (a FIFO)", …; nil for a regular file.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "is a directory"
        case S_IFIFO: "not a regular file (a FIFO)"
        case S_IFSOCK: "not a regular file (a socket)"
        case S_IFCHR, S_IFBLK: "not a regular file (a device)"
        default: "not a regular file"
        }
    }
}

// The C functions, under names that FileAccess's own methods do not shadow.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
private func posixRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
