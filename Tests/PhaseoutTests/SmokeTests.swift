import Testing
@testable import Phaseout

@Test func specVersion() { #expect(PhaseoutInfo.specVersion == "v1") }
