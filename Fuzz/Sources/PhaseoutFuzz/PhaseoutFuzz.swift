import Foundation
import Phaseout

// One libFuzzer entry point for the three readers: the first byte picks the reader (register,
// scenario, plan.csv), the rest is the file. Accepted registers and scenarios are built into an
// estate against the first worked example, as `validate` does; plan.csv files are verified
// against it. Bad input must come back as InputError, never trap.

/// The worked example every input is paired with, read once.
private let example: (register: Register, scenario: Scenario, verifier: PlanVerifier) = {
    let root = ProcessInfo.processInfo.environment["PHASEOUT_FUZZ_FIXTURE"]
        ?? "Tests/Fixtures/spec/1_exposure_inflation_carry_visit"
    do {
        let estate = try Estate.load(registerPath: root + "/register.csv", scenarioPath: root + "/scenario.json")
        return (estate.register, estate.scenario, PlanVerifier(estate: estate))
    } catch {
        fatalError("cannot read the worked example at \(root): \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 3 {
    case 0:
        if let register = try? RegisterReader.parse(bytes, fileName: "r.csv"),
           let estate = try? Estate.build(register: register, scenario: example.scenario) {
            _ = estate.summary
        }
    case 1:
        if let scenario = try? ScenarioReader.parse(bytes, fileName: "s.json"),
           let estate = try? Estate.build(register: example.register, scenario: scenario) {
            _ = estate.summary
        }
    default:
        _ = try? example.verifier.verify(planCSV: bytes, fileName: "plan.csv")
    }
    return 0
}

// SwiftPM links an executable's entry point as `<module>_main`; with `-parse-as-library` there
// is none, so hand control to libFuzzer's driver here.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("PhaseoutFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
