#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension GeneratedEstate {
    /// Writes `register.csv` and `scenario.json` into `directory` (created if missing).
    ///
    /// Each file is written to a temporary file in the same directory, flushed to disk and
    /// renamed over the final name, so a reader never sees a partial file. Both temporaries are
    /// complete before either is renamed.
    /// - Throws: ``GeneratorError/io(call:path:reason:)`` naming the call that failed.
    public func write(to directory: String) throws {
        try Self.makeDirectory(directory)
        let files = [("register.csv", registerCSV), ("scenario.json", scenarioJSON)]
        var temporaries: [(String, String)] = []
        do {
            for (name, text) in files {
                let final = directory + "/" + name
                let temporary = directory + "/." + name + ".tmp-\(getpid())"
                try Self.writeFile(temporary, text)
                temporaries.append((temporary, final))
            }
            for (temporary, final) in temporaries {
                guard rename(temporary, final) == 0 else { throw Self.ioError("rename", final) }
            }
        } catch {
            for (temporary, _) in temporaries { unlink(temporary) }
            throw error
        }
    }

    static func makeDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw ioError("mkdir", prefix) }
            prefix += "/"
        }
    }

    static func writeFile(_ path: String, _ text: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ioError("open", path) }
        var failure: GeneratorError?
        var copy = text
        copy.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc_write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = ioError("write", path); return
                }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = ioError("fsync", path) }
        if close(fd) != 0 && failure == nil { failure = ioError("close", path) }
        if let failure { unlink(path); throw failure }
    }

    static func ioError(_ call: String, _ path: String) -> GeneratorError {
        .io(call: call, path: path, reason: String(cString: strerror(errno)))
    }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(fd, buffer, count)
}
