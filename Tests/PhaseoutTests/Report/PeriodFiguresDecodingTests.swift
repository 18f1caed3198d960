import Foundation
import Testing
@testable import Phaseout

@Suite("summary.json periods from before and after SPEC v2")
struct PeriodFiguresDecodingTests {
    @Test func aPeriodWithoutIsolatedReadsAsNoneIsolated() throws {
        let v1 = #"{"period":"2026/27","budget":1000,"spend":850,"carryIn":0,"carryOut":75,"units":1,"labourHours":3.5}"#
        let figures = try JSONDecoder().decode(PeriodFigures.self, from: Data(v1.utf8))
        #expect(figures.isolated == 0)
        #expect(figures.units == 1 && figures.spend == 850 && figures.labourLimit == nil)
    }

    @Test func aPeriodRoundTrips() throws {
        var figures = PeriodFigures(period: "P1", budget: 10, spend: 5, carryIn: 0, carryOut: 2.5, units: 2,
                                    isolated: 3, labourHours: 1, labourLimit: 4)
        figures.shadowPricePer1000 = 1.5
        let again = try JSONDecoder().decode(PeriodFigures.self, from: JSONEncoder().encode(figures))
        #expect(again == figures)
    }
}
