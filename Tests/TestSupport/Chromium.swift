import Foundation

/// Headless Chromium for the tests that check a page as a browser builds it.
public enum Chromium {
    /// The chromium executable on PATH, if any (tests that need it are skipped without it).
    public static let path: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }()

    /// Runs headless chromium with `arguments` in a throw-away profile.
    /// - Returns: its stdout (the DOM with `--dump-dom`), or `nil` when it did not finish in time.
    public static func run(_ arguments: [String], timeout: TimeInterval = 90) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let data = LockedData()
        let reader = Thread { data.set(output.fileHandleForReading.readDataToEndOfFile()) }
        try process.run()
        reader.start()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        while !data.isSet { Thread.sleep(forTimeInterval: 0.02) }
        return String(decoding: data.value, as: UTF8.self)
    }
}

/// Data that one thread reads from a pipe while another waits for it.
public final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    public init() {}

    public func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    public var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
    public var value: Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
}
