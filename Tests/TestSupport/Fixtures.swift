import Foundation

/// Where the tests' shared files are: the spec's worked examples and the bundled examples.
public enum Fixtures {
    /// The `Tests` folder.
    public static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/spec`: the worked examples of SPEC.md with their EXPECTED figures.
    public static let specDirectory = testsDirectory.appendingPathComponent("Fixtures/spec")

    /// The package's `Examples` folder.
    public static let examplesDirectory = testsDirectory.deletingLastPathComponent().appendingPathComponent("Examples")

    /// The register and scenario paths of the worked example `name` (`1_exposure_inflation_carry_visit`).
    public static func spec(_ name: String) -> (register: String, scenario: String) {
        let directory = specDirectory.appendingPathComponent(name)
        return (directory.appendingPathComponent("register.csv").path, directory.appendingPathComponent("scenario.json").path)
    }

    /// A fresh temporary path (not created) whose last component starts with `prefix`.
    public static func temporaryPath(_ prefix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    }
}
