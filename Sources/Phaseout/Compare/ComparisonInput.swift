import Foundation

/// Plan folders read for `phaseout compare`, in the order given, each with the label its
/// column carries. The first is the baseline every difference is measured from.
///
/// Any folder `plan`, `goal` or `frontier` writes for one plan reads the same way: its
/// summary.json, plan.csv and the optional files (``ReportInput``).
///
/// ```swift
/// let input = try ComparisonInput.load(from: ["low", "mid", "high"].map { URL(fileURLWithPath: $0) })
/// print(input.plans.map(\.label), input.differences)
/// ```
public struct ComparisonInput: Sendable {
    /// One plan folder and what was read from it.
    public struct Plan: Sendable {
        /// The folder's name, with its parent's when two folders share a name.
        public var label: String
        /// The folder read.
        public var directory: URL
        /// Its files.
        public var input: ReportInput

        /// - Parameters:
        ///   - label: the column's heading.
        ///   - directory: the folder the files came from.
        ///   - input: the files read.
        public init(label: String, directory: URL, input: ReportInput) {
            self.label = label
            self.directory = directory
            self.input = input
        }
    }

    /// The plans, the baseline first.
    public var plans: [Plan]

    /// - Parameter plans: the plans, the baseline first.
    public init(plans: [Plan]) {
        self.plans = plans
    }

    /// Reads each folder as ``ReportInput/load(from:)`` does.
    /// - Parameter directories: the plan folders, the baseline first.
    /// - Throws: ``ReportError`` naming the first file that is missing or malformed.
    public static func load(from directories: [URL]) throws(ReportError) -> ComparisonInput {
        let labels = Self.labels(for: directories)
        var plans: [Plan] = []
        for (directory, label) in zip(directories, labels) {
            do {
                plans.append(Plan(label: label, directory: directory, input: try ReportInput.load(from: directory)))
            } catch {
                throw frontierHint(error, directory)
            }
        }
        return ComparisonInput(plans: plans)
    }

    /// A frontier's folder holds one plan folder per scale, not a plan: say so, and name them,
    /// rather than only that its summary.json is missing.
    private static func frontierHint(_ error: ReportError, _ directory: URL) -> ReportError {
        let manager = FileManager.default
        guard error.path.hasSuffix("summary.json"), !manager.fileExists(atPath: error.path),
              manager.fileExists(atPath: directory.appendingPathComponent("frontier.csv").path) else { return error }
        let points = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasPrefix("scale-") }.sorted()
        let example = points.first.map { " such as \(directory.appendingPathComponent($0).path)" } ?? ""
        return ReportError(path: error.path, message: "\(error.message); this is a frontier's folder: compare its points\(example)")
    }

    /// Each folder's name; where names repeat, the parent's name too, then a number.
    /// - Parameter directories: the folders, in order.
    /// - Returns: one distinct label per folder.
    static func labels(for directories: [URL]) -> [String] {
        let components = directories.map { $0.standardizedFileURL.pathComponents.filter { $0 != "/" } }
        var labels = components.map { $0.last ?? "/" }
        let repeated = Dictionary(grouping: labels, by: { $0 }).filter { $0.value.count > 1 }.keys
        for i in labels.indices where repeated.contains(labels[i]) {
            labels[i] = components[i].suffix(2).joined(separator: "/")
        }
        var seen: [String: Int] = [:]
        for i in labels.indices {
            seen[labels[i], default: 0] += 1
            if let count = seen[labels[i]], count > 1 { labels[i] += " (\(count))" }
        }
        return labels
    }

    /// Every plan's periods, in order of first appearance (the baseline's first).
    public var periods: [String] { union(plans.map(\.input.summary.periods)) }

    /// Every plan's organisations, in order of first appearance (the baseline's first).
    public var organisations: [String] { union(plans.map { $0.input.summary.organisations.map(\.name) }) }

    private func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>(), result: [String] = []
        for name in lists.joined() where seen.insert(name).inserted { result.append(name) }
        return result
    }

    /// How each plan's scope differs from the baseline's — periods, organisations, objective —
    /// in sentences for the page. Empty when the plans share their scope, so that every
    /// figure is compared like with like.
    public var differences: [String] {
        guard let baseline = plans.first else { return [] }
        let base = baseline.input.summary
        var notes: [String] = []
        for plan in plans.dropFirst() {
            let summary = plan.input.summary
            if summary.periods != base.periods {
                notes.append("\(plan.label) plans the periods \(range(summary.periods)), \(baseline.label) \(range(base.periods)): "
                    + "a period one of them lacks shows — in its column.")
            }
            let names = Set(summary.organisations.map(\.name)), baseNames = Set(base.organisations.map(\.name))
            let missing = base.organisations.map(\.name).filter { !names.contains($0) }
            let extra = summary.organisations.map(\.name).filter { !baseNames.contains($0) }
            if !missing.isEmpty {
                notes.append("\(plan.label) has no plan for \(list(missing)), which \(baseline.label) has: "
                    + "its totals leave \(missing.count == 1 ? "it" : "them") out.")
            }
            if !extra.isEmpty {
                notes.append("\(plan.label) also plans \(list(extra)), which \(baseline.label) does not: "
                    + "its totals include \(extra.count == 1 ? "it" : "them").")
            }
            if summary.objective != base.objective {
                notes.append("\(plan.label) minimises \(aim(summary.objective)), \(baseline.label) \(aim(base.objective)).")
            }
        }
        return notes
    }

    private func range(_ periods: [String]) -> String {
        guard let first = periods.first, let last = periods.last else { return "(none)" }
        return first == last ? first : "\(first) to \(last)"
    }

    private func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    private func aim(_ objective: String) -> String {
        objective == "cost" ? "present-value cost" : "exposure"
    }
}
