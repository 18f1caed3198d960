import Foundation

/// Writes `report.html`: one self-contained page that explains a plan to a council's committee
/// in plain words — the headline (how many councils are fully planned, what each other one
/// lacks), each infeasible council's best-effort and funded plans side by side, the least
/// budget (goal.csv) and the frontier (frontier.csv) when present, each council's figures and
/// site-by-year works schedule, the vendors treated as not high-risk, and a glossary.
///
/// The page has no script, no web font and no external resource: inline CSS and inline SVG
/// charts, laid out for screen and print. Every figure is marked for machines as well as
/// people: `data-scope="estate"` or `data-org`, then `data-kind`, `data-period`, `data-field`
/// and `data-value` (the number as plan.csv writes it), in that order, for example
/// `<td data-org="Fife" data-period="2027/28" data-field="spend" data-value="1650">£1,650</td>`.
///
/// ```swift
/// try PlanWriter(estate: estate).write(plan.verified(against: estate), to: directory)
/// let page = try ReportWriter().write(planDirectory: directory)   // directory/report.html
/// ```
public struct ReportWriter: Sendable {
    /// The report's file name inside a plan directory.
    public static let fileName = "report.html"

    public init() {}

    /// Reads a plan directory (summary.json, plan.csv and the optional files) and writes
    /// `report.html` into it atomically.
    /// - Returns: the report's URL.
    /// - Throws: ``ReportError`` when an input is missing or malformed or the page cannot be written.
    @discardableResult
    public func write(planDirectory directory: URL) throws(ReportError) -> URL {
        let input = try ReportInput.load(from: directory)
        let html = render(input)
        do {
            try AtomicFiles.write([(name: Self.fileName, contents: Data(html.utf8))], to: directory)
        } catch {
            throw ReportError(path: directory.appendingPathComponent(Self.fileName).path,
                              message: "could not be written: \(error.localizedDescription)")
        }
        return directory.appendingPathComponent(Self.fileName)
    }

    /// The report's HTML for an input already read.
    /// - Complexity: O(*n*) in the number of plan lines, plus the tables' size.
    public func render(_ input: ReportInput) -> String {
        ReportPage(input: input).html()
    }
}
