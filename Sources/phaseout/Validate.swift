import ArgumentParser
import Phaseout

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'validate' is not built yet")
    }
}
