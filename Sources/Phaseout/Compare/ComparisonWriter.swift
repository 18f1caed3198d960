import Foundation

/// Writes the comparison page of `phaseout compare`: plan folders side by side — headline
/// figures, per organisation and per period, the charts overlaid — with every figure's
/// difference from the first folder (the baseline), signed and coloured.
///
/// Like `report.html`, the page is self-contained (inline CSS and SVG, no script, no external
/// resource) and marks every figure for machines: `data-plan="LABEL"` first, then the report's
/// `data-scope="estate"` or `data-org`, `data-period`, `data-field` and `data-value`. A plan's
/// label is its folder's name (with the parent's when two folders share a name).
///
/// Folders that cover different periods or organisations are still compared: each figure lines
/// up by period label and organisation name, a figure one plan lacks shows as —, and the page
/// says at the top how the plans' scopes differ.
///
/// ```swift
/// let folders = ["budget-x0.8", "budget-x1", "budget-x1.2"].map { URL(fileURLWithPath: $0) }
/// try ComparisonWriter().write(planDirectories: folders, to: URL(fileURLWithPath: "compare.html"))
/// ```
public struct ComparisonWriter: Sendable {
    /// A writer; it holds no state, so one can write any number of pages.
    public init() {}

    /// Reads the plan folders and writes the page to `file` atomically.
    /// - Parameters:
    ///   - directories: the plan folders, the baseline first.
    ///   - file: the page to write; its folder is created when missing.
    /// - Returns: what was read, for a caller that reports on it.
    /// - Throws: ``ReportError`` naming the file when a plan file is missing or malformed, or
    ///   naming `file` when the page cannot be written.
    @discardableResult
    public func write(planDirectories directories: [URL], to file: URL) throws(ReportError) -> ComparisonInput {
        let input = try ComparisonInput.load(from: directories)
        let html = render(input)
        do {
            try AtomicFiles.write([(name: file.lastPathComponent, contents: Data(html.utf8))], to: file.deletingLastPathComponent())
        } catch {
            throw ReportError(path: file.path, message: "could not be written: \(error.localizedDescription)")
        }
        return input
    }

    /// The page's HTML for plans already read.
    /// - Parameter input: the plans, the baseline first.
    /// - Complexity: O(*n*) in the number of plan lines, plus the tables' size.
    public func render(_ input: ComparisonInput) -> String {
        ComparisonPage(input: input).html()
    }
}
