import Foundation
import Testing
@testable import Phaseout

@Suite("Comparison page: differences from the baseline")
struct ComparisonPageTests {
    @Test(arguments: [
        (ComparisonMeasure.exposure, 5.0, 7.25, "−2.25", "better"),
        (ComparisonMeasure.exposure, 9.0, 7.0, "+2", "worse"),
        (ComparisonMeasure.units, 12.0, 10.0, "+2", "better"),
        (ComparisonMeasure.nominalCost, 2_500.0, 1_000.0, "+£1,500", "neutral"),
        (ComparisonMeasure.nominalCost, 1_000.4, 1_000.2, "same", "same"),
        (ComparisonMeasure.reduction, 0.85, 0.8, "+5.0 pts", "better"),
    ])
    func aDifferenceIsSignedAndColouredByWhichWayIsBetter(
        measure: ComparisonMeasure, value: Double, baseline: Double, text: String, tone: String
    ) {
        let delta = measure.delta(value, from: baseline)
        #expect(delta.text == text)
        #expect(delta.tone == tone)
    }

    @Test func moneyIsWholePoundsGrouped() {
        #expect(MoneyText.pounds(5_422_590.4) == "£5,422,590")
        #expect(MoneyText.pounds(-1_650) == "−£1,650")
        #expect(MoneyText.pounds(0.4) == "£0")
    }

    @Test func anOrganisationOneScopeLacksShowsAsMissingAndFlagged() throws {
        let fife = try PlannedDirectory(try fixture(fixture1)), islands = try PlannedDirectory(try fixture(fixture3))
        defer { fife.remove(); islands.remove() }
        let input = try ComparisonInput.load(from: [fife.url, islands.url])
        let html = ComparisonWriter().render(input)
        let (first, second) = (input.plans[0].label, input.plans[1].label)
        #expect(html.contains("These plans do not cover the same ground"))
        #expect(html.contains(#"<td class="num missing" data-plan="\#(second)" data-org="Fife" data-field="exposure""#))
        #expect(html.contains(#"<tr class="differs" data-org="Orkney">"#))
        // A period only the baseline has: its column for the other plan is empty.
        #expect(html.contains(#"<td class="num missing" data-plan="\#(second)" data-scope="estate" data-period="2028/29" data-field="spend""#))
        #expect(markedValue(html, [("data-plan", first), ("data-scope", "estate"), ("data-field", "exposure")])
            == CSVText.number(fife.plan.exposure))
    }

    @Test func aPlanComparedWithItselfChangesNothing() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        let html = ComparisonWriter().render(try ComparisonInput.load(from: [directory.url, directory.url]))
        #expect(!html.contains("class=\"differs\""))
        #expect(!html.contains("delta better") && !html.contains("delta worse") && !html.contains("delta neutral"))
        #expect(html.contains("delta same"))
        #expect(!html.contains("<script"))
    }

    @Test func thePageIsWrittenAtomicallyWhereAsked() throws {
        let directory = try PlannedDirectory(try fixture(fixture3))
        defer { directory.remove() }
        let page = directory.url.appendingPathComponent("new/compare.html")
        try ComparisonWriter().write(planDirectories: [directory.url, directory.url], to: page)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path)
        #expect(leftovers == ["compare.html"])
    }
}
