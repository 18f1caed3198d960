import Foundation
import Testing
@testable import Phaseout

// Invalid UTF-8 and NUL bytes are input errors naming the byte offset and line; reading is
// linear in the input's size for any line length and column count (issue #24).
//
// The timing tests run in a debug build beside other tests, so they allow a few seconds: the
// quadratic reader and writer took 22.6 s and 36.6 s on these inputs in a release build; the
// linear ones take about 0.3 s and 0.5 s in a debug build run alone.

/// The most a timed step may take here (see above).
private let allowed = Duration.seconds(5)

private let header = Array("device_id,council,site_id,kind,vendor\n".utf8)

/// The errors of reading register bytes.
private func registerErrors(_ bytes: [UInt8]) -> [Diagnostic] {
    do { _ = try RegisterReader.parse(bytes, fileName: "r.csv"); return [] } catch { return error.errors }
}

/// The errors of reading scenario bytes.
private func scenarioErrors(_ bytes: [UInt8]) -> [Diagnostic] {
    do { _ = try ScenarioReader.parse(bytes, fileName: "s.json"); return [] } catch { return error.errors }
}

/// The first problem `TextBytes` finds in `bytes`.
private func problem(_ bytes: [UInt8]) -> TextBytes.Problem? {
    bytes.withUnsafeBufferPointer { TextBytes.firstProblem($0) }
}

@Suite struct InputBytesTests {
    @Test func councilsThatDifferOnlyInInvalidBytesAreRejectedNotMerged() {
        let bytes = header + Array("A1,F".utf8) + [0xFF] + Array("e,S1,camera,Hikvision\nA2,F".utf8) + [0xFE]
            + Array("e,S1,camera,Hikvision\n".utf8)
        let errors = registerErrors(bytes)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.line == 2)
        #expect(errors.first?.message == "invalid UTF-8 (byte 0xFF) at byte offset 42: the file must be UTF-8 text; 1 more bad sequence follows")
    }

    @Test func nulInTheRegisterIsAnError() {
        let errors = registerErrors(header + Array("A1,Fi".utf8) + [0] + Array("fe,S1,camera,Hikvision\r\n".utf8))
        #expect(errors.count == 1 && errors.first?.line == 2, "\(errors)")
        #expect(errors.first?.message.hasPrefix("a NUL byte at byte offset 43") == true, "\(errors)")
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF5, 0x80, 0x80, 0x80], [0x00], [0x80]] as [[UInt8]])
    func badBytesInTheScenarioAreErrors(_ bad: [UInt8]) {
        let bytes = Array("{\n  \"name\": \"x".utf8) + bad + Array("\",\n  \"periods\": [\"P1\"]}".utf8)
        let errors = scenarioErrors(bytes)
        #expect(errors.count == 1 && errors.first?.line == 2, "\(errors)")
        #expect(errors.first?.message.contains("at byte offset 14") == true, "\(errors)")
    }

    @Test func wellFormedUTF8Passes() {
        let text = "\u{FEFF}Île-de-France, 東京, 🚓, \u{10FFFF}\r\nend"
        #expect(problem(Array(text.utf8)) == nil)
        #expect(problem(Array(repeating: 0x61, count: 1001)) == nil)
        #expect(problem(Array("abc".utf8) + [0xE2, 0x82]) == TextBytes.Problem(offset: 3, line: 1, byte: 0xE2, count: 2))
        #expect(problem(Array("a\rb\r\nc\nd".utf8) + [0xFF])?.line == 4)
    }

    @Test func planCSVWithInvalidBytesIsAnInputError() throws {
        let verifier = try inlineVerifier(register: "device_id,council,site_id,kind,vendor\nA1,Fife,S1,camera,Hikvision\n",
                                          scenario: scenarioJSON())
        let bytes = Array("device_id,period,quantity\nA1,P".utf8) + [0xFF] + Array(",1\n".utf8)
        #expect {
            _ = try verifier.verify(planCSV: bytes, fileName: "plan.csv")
        } throws: { error in
            (error as? InputError)?.errors.first?.message.contains("invalid UTF-8 (byte 0xFF) at byte offset 30") == true
        }
    }

    /// A scenario of about 1 MB on one line, as Python's `json.dumps` writes it.
    private static func oneLineScenario() -> String {
        var budgets = #""default": [1000, 1000]"#
        for k in 0..<25_000 { budgets += #", "Council number \#(k)": [1000.5, 2000.25]"# }
        return #"{"periods": ["P1", "P2"], "kinds": {"camera": {"replaceCost": 100}}, "budgets": {\#(budgets)}}"#
    }

    @Test func aOneLineMegabyteScenarioReadsInLinearTime() throws {
        let text = Self.oneLineScenario()
        #expect(text.utf8.count > 1_000_000 && !text.contains("\n"))
        let clock = ContinuousClock()
        var scenario: Scenario?
        let elapsed = try clock.measure { scenario = try ScenarioReader.parse(text, fileName: "s.json") }
        #expect(scenario?.budgets.count == 25_001)
        #expect(elapsed < allowed, "\(elapsed)")
        // A syntax error at the end of the line still names its column.
        let errors = scenarioErrors(Array(text.dropLast().utf8) + Array(",}".utf8))
        #expect(errors.first?.column == text.count + 1, "\(errors)")
    }

    @Test func aHundredThousandExtraColumnsReadAndWriteInLinearTime() throws {
        let columns = 100_000
        let names = (0..<columns).map { "x\($0)" }.joined(separator: ",")
        let values = (0..<columns).map { "v\($0)" }.joined(separator: ",")
        let register = "device_id,council,site_id,kind,vendor,\(names)\nA1,Fife,S1,camera,Hikvision,\(values)\n"
            + "A2,Fife,S1,camera,Hikvision,\(values)\n"
        let clock = ContinuousClock()
        var text = ""
        let elapsed = try clock.measure {
            let estate = try Estate.build(register: try RegisterReader.parse(register, fileName: "r.csv"),
                                          scenario: try ScenarioReader.parse(scenarioJSON(), fileName: "s.json"))
            let rows = estate.organisations[0].sites[0].groups[0].units.map {
                PlanRow(row: estate.register.rows[$0.rowIndex], rowIndex: $0.rowIndex, period: 0, periods: estate.scenario.periods,
                        quantity: 1, cost: 100)
            }
            text = PlanWriter(estate: estate).planCSV(rows)
        }
        #expect(elapsed < allowed, "\(elapsed)")
        let lines = text.split(separator: "\n")
        // The extra columns come last but for the unit's deadlines (`by`, `isolatedBy`).
        #expect(lines.count == 3 && lines[1].hasSuffix(",v\(columns - 1),,") && lines[0].hasSuffix(",x\(columns - 1),by,isolatedBy"))
    }
}
