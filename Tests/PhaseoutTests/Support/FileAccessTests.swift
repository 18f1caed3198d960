import Foundation
import Testing
@testable import Phaseout

@Suite struct FileAccessTests {
    @Test func readsARegularFileWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fa-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
        try FileAccess.write(Data(bytes), to: path)
        #expect(try FileAccess.readRegularFile(path) == bytes)
        try FileAccess.write(Data(), to: path)
        #expect(try FileAccess.readRegularFile(path) == [])
    }

    @Test(arguments: [("/no/such/file", "no such file"), ("/tmp", "is a directory"),
                      ("/dev/null", "not a regular file (a device)"), ("/etc/hostname/x", "a part of the path is not a directory")])
    func saysWhyAFileCannotBeRead(_ path: String, _ reason: String) {
        #expect(throws: FileError(path: path, reason: reason)) { try FileAccess.readRegularFile(path) }
    }

    @Test func saysWhichPartOfAPathIsNotADirectory() {
        #expect(throws: FileError(path: "/etc/hostname", reason: "is not a directory, so nothing can be written under it")) {
            try FileAccess.makeDirectory("/etc/hostname/a/b")
        }
    }

    @Test func reasonsAreWords() {
        #expect(FileAccess.reason(EACCES) == "permission denied")
        #expect(FileAccess.reason(ENOSPC) == "no space left on the device")
        #expect(FileError(path: "x", reason: "is a directory").localizedDescription == "x: is a directory")
    }
}
