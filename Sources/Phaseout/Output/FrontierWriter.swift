import Foundation

/// Writes a frontier directory (SPEC §4): each point's plan folder `scale-<s>/` as
/// ``PlanWriter`` writes a plan, then frontier.csv and frontier.html beside them.
///
/// Each point's folder is replaced as one set when it is written; frontier.csv and frontier.html
/// are written last, each atomically, so a frontier.csv on disk always describes point folders
/// that are all there.
public struct FrontierWriter: Sendable {
    /// The directory.
    public let directory: URL
    /// What produced the frontier (each point's summary.json `run` adds its scale).
    public let run: RunRecord

    /// - Parameters:
    ///   - directory: the frontier directory (`--out`).
    ///   - run: the run record of the inputs and options.
    public init(directory: URL, run: RunRecord) {
        self.directory = directory
        self.run = run
    }

    /// Writes one point's plan folder, once the independent verifier has accepted its plan at
    /// the point's budgets.
    /// - Throws: ``PlanRejected`` (a bug in the planner) or a file error.
    public func write(_ point: FrontierPoint) throws {
        let verified = try point.plan.verified(against: point.estate)
        var record = run
        record.budgetScale = point.scale
        try PlanWriter(estate: point.estate, run: record).write(verified, to: directory.appendingPathComponent(point.folderName))
    }

    /// Writes frontier.csv and frontier.html.
    /// - Parameters:
    ///   - rows: every point's rows.
    ///   - baselines: exposure with nothing done, per organisation and `all`.
    ///   - scenarioName: for the page's title.
    public func finish(_ rows: [FrontierRow], baselines: [String: Double], scenarioName: String) throws {
        try AtomicFiles.write([
            (name: "frontier.csv", contents: Data(FrontierRow.csv(rows).utf8)),
            (name: FrontierPage.fileName, contents: Data(FrontierPage.html(rows, baselines: baselines, scenarioName: scenarioName).utf8)),
        ], to: directory, removing: [])
    }
}
