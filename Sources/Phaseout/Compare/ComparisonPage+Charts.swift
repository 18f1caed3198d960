/// The comparison's charts, each plan in its own colour on shared axes.
extension ComparisonPage {
    private var series: [ComparisonChart.Series] {
        labels.enumerated().map { ($0.element, $0.offset % Self.paletteSize) }
    }

    func chartsSection() -> String {
        var html = "<section id=\"charts\">\n<h2>Side by side</h2>\n"
        html += "<figure>" + ComparisonChart.spend(periods: periods, plans: zip(series, plans).map { ($0, $1.periods) },
                                                   title: "Spend per period, all organisations")
        html += "<figcaption>Spend per period, all organisations: one bar per plan; the dark tick across each bar is "
            + "that plan's budget for the period (carry-over lets a period spend more than its own budget).</figcaption></figure>\n"
        let points = [(key: "start", caption: "Start")] + periods.map { (key: $0, caption: "end \($0)") }
        html += "<figure>" + ComparisonChart.unitsGone(points: points, plans: zip(series, plans).map { ($0, $1.unitsGoneBy) },
                                                       title: "Units gone so far, all organisations")
        html += "<figcaption>Units replaced or removed by the end of each period, all organisations: "
            + "the steeper the line, the sooner the estate is safe. Units isolated are not counted: they stay, at lower risk.</figcaption></figure>\n"
        let exposure = zip(series, plans).map { ($0, $1.organisations.mapValues(\.exposure)) }
        html += "<figure>" + ComparisonChart.exposure(organisations: organisations, plans: exposure,
                                                      title: "Exposure after the plan, by organisation")
        html += "<figcaption>Exposure left after each plan, by organisation, in risk-years: shorter is safer.</figcaption></figure>\n"
        return html + "</section>\n\n"
    }
}
