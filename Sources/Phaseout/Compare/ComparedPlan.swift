/// One plan's figures as the comparison looks them up: by period label and organisation name,
/// so that plans with different periods or organisations line up by name.
struct ComparedPlan {
    let label: String
    let summary: ReportSummary
    /// All organisations' figures per period label.
    let periods: [String: PeriodFigures]
    /// Units gone (replaced or removed) from the start to the end of each period label, and 0
    /// at `start`: unlike the units left, the same starting point for every plan, since a unit
    /// isolated and never gone has no line of its own in plan.csv to count it by.
    let unitsGoneBy: [String: Int]
    /// Units with no treatment within the horizon (plan.csv's lines without a period).
    let unitsNeverTreated: Int
    let organisations: [String: ReportSummary.Organisation]

    init(_ plan: ComparisonInput.Plan) {
        label = plan.label
        summary = plan.input.summary
        periods = Dictionary(summary.estatePeriods.map { ($0.period, $0) }, uniquingKeysWith: { first, _ in first })
        var gone = 0
        var goneBy = ["start": 0]
        for figures in summary.estatePeriods {
            gone += figures.units
            goneBy[figures.period] = gone
        }
        unitsGoneBy = goneBy
        unitsNeverTreated = PlanTally(plan.input.plan, periodCount: summary.periods.count).notReplaced
        organisations = Dictionary(summary.organisations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The share of the exposure before that the plan removes; 0 when there was none.
    var reduction: Double {
        summary.baselineExposure > 0 ? 1 - summary.exposure / summary.baselineExposure : 0
    }

    var totalBudget: Double { summary.estatePeriods.reduce(0) { $0 + $1.budget } }
    var unitsGone: Double { Double(summary.estatePeriods.reduce(0) { $0 + $1.units }) }
    var unitsIsolated: Double {
        Double(summary.organisations.reduce(0) { $0 + $1.periods.reduce(0) { $0 + $1.isolated } })
    }

    /// Late units over every organisation: summary.json's own total, else the organisations'
    /// sum; `nil` for a v1 summary, which has neither.
    var lateUnits: Double? {
        if let total = summary.lateUnits { return Double(total) }
        let each = summary.organisations.compactMap(\.lateUnits)
        return each.isEmpty ? nil : Double(each.reduce(0, +))
    }

    var lateRiskYears: Double? {
        if let total = summary.lateRiskYears { return total }
        let each = summary.organisations.compactMap(\.lateRiskYears)
        return each.isEmpty ? nil : each.reduce(0, +)
    }

    var shortfalls: [ReportSummary.Shortfall] {
        summary.shortfalls ?? summary.organisations.compactMap(\.shortfall)
    }

    var shortfallMoney: Double { Double(shortfalls.reduce(0) { $0 + $1.totalMoney }) }
    var shortfallHours: Double { Double(shortfalls.reduce(0) { $0 + $1.totalHours }) }
}
