import ArgumentParser
import Phaseout

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'generate' is not built yet")
    }
}
