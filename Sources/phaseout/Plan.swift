import ArgumentParser
import Phaseout

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'plan' is not built yet")
    }
}
