import Foundation

/// Renders one report page from a ``ReportInput``.
struct ReportPage {
    let input: ReportInput
    let summary: ReportSummary
    let periods: [String]
    let estate: PlanTally
    let byOrganisation: [String: PlanTally]
    let fundedEstate: PlanTally?
    let fundedByOrganisation: [String: PlanTally]
    let visitSpend: [String: [Double]]

    init(input: ReportInput) {
        self.input = input
        summary = input.summary
        periods = summary.periods
        let count = periods.count
        estate = PlanTally(input.plan, periodCount: count)
        byOrganisation = Dictionary(grouping: input.plan, by: \.council).mapValues { PlanTally($0, periodCount: count) }
        fundedEstate = input.funded.map { PlanTally($0, periodCount: count) }
        fundedByOrganisation = Dictionary(grouping: input.funded ?? [], by: \.council).mapValues { PlanTally($0, periodCount: count) }
        var visits: [String: [Double]] = [:]
        for visit in input.visits {
            visits[visit.council, default: [Double](repeating: 0, count: count)][visit.period] += visit.cost
        }
        visitSpend = visits
    }

    // MARK: - Page

    func html() -> String {
        var page = HTMLText.documentStart(title: "Replacing high-risk CCTV: the plan", css: Self.css)
        page += header()
        page += headline()
        page += shortfallSection()
        page += goalSection()
        page += frontierSection()
        page += organisationsSection()
        page += vendorsSection()
        page += spendSection()
        page += progressSection()
        page += glossarySection()
        page += """
        <footer><p>Made by <code>phaseout report</code> from summary.json and plan.csv\
        \(input.visits.isEmpty ? "" : ", visits.csv")\(input.funded == nil ? "" : ", funded-plan.csv")\
        \(input.goal == nil ? "" : ", goal.csv")\(input.frontier == nil ? "" : ", frontier.csv"). \
        Money is in pounds as paid each year unless marked "today's money", shown to the nearest pound \
        (the files have it to the penny, so a column may not add up to its total by a pound or two). \
        Unit counts include contracted works (units already under contract, not at risk).</p></footer>

        """
        page += HTMLText.documentEnd
        return page
    }
}
