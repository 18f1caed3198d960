import ArgumentParser
import Phaseout

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'verify' is not built yet")
    }
}
