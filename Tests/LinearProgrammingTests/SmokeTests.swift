import Testing
@testable import LinearProgramming

@Test func builds() { #expect(Bool(true)) }
