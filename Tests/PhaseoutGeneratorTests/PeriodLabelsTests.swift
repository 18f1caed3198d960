import Testing
@testable import PhaseoutGenerator

@Test func yearlyLabels() {
    #expect(PeriodLabels.make(count: 5, periodYears: 1, firstYear: 2026)
        == ["2026/27", "2027/28", "2028/29", "2029/30", "2030/31"])
    #expect(PeriodLabels.make(count: 2, periodYears: 1, firstYear: 2099) == ["2099/00", "2100/01"])
}

@Test func quarterlyAndHalfYearLabels() {
    #expect(PeriodLabels.make(count: 5, periodYears: 0.25, firstYear: 2026)
        == ["2026/27 Q1", "2026/27 Q2", "2026/27 Q3", "2026/27 Q4", "2027/28 Q1"])
    #expect(PeriodLabels.make(count: 3, periodYears: 0.5, firstYear: 2026)
        == ["2026/27 H1", "2026/27 H2", "2027/28 H1"])
    #expect(PeriodLabels.make(count: 2, periodYears: 2, firstYear: 2026) == ["2026/28", "2028/30"])
}

@Test(arguments: [0.1, 0.3, 1.5, 11.0, 0, -1])
func unsupportedPeriodLengths(y: Double) {
    #expect(!PeriodLabels.supports(periodYears: y))
}
