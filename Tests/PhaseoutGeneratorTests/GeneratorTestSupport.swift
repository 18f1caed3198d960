import Foundation
@testable import PhaseoutGenerator

/// A register parsed by a deliberately tiny reader: the generator never writes quotes or
/// commas inside fields, so splitting on commas is exact (and `parseRegister` checks that).
struct ParsedRegister {
    let header: [String]
    let rows: [[String: String]]

    func column(_ name: String) -> [String] { rows.map { $0[name]! } }
}

func parseRegister(_ text: String) -> ParsedRegister {
    precondition(!text.contains("\""), "the generator should never need quoting")
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let rows = lines.dropFirst().map { line -> [String: String] in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        precondition(fields.count == header.count, "field count differs on: \(line)")
        return Dictionary(uniqueKeysWithValues: zip(header, fields))
    }
    return ParsedRegister(header: header, rows: rows)
}

func parseScenario(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
}

/// SPEC §1.2 vendor matching against the built-in table: normalise, then prefix.
func isBuiltInAtRisk(_ vendor: String) -> Bool {
    let normal = String(vendor.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    return ["hikvision", "hilook", "hiwatch", "ezviz", "dahua", "imou"].contains { normal.hasPrefix($0) }
}

/// Estates shared by several tests (generated once, lazily and thread-safely).
enum Shared {
    static let national100k: GeneratedEstate = try! EstateGenerator(
        GeneratorOptions(devices: 100_000, councils: 380, seed: 42)).generate()
    static let national100kRegister = parseRegister(national100k.registerCSV)
    static var national100kScenario: [String: Any] { try! parseScenario(national100k.scenarioJSON) }

    static let concentrated: GeneratedEstate = try! EstateGenerator(
        GeneratorOptions(devices: 30_000, councils: 1, seed: 7, profile: .concentrated)).generate()
}
