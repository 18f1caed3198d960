import Foundation
import Phaseout

/// The planner's progress lines on stderr: one per organisation planned, and from inside a long
/// solve at most one every 2 s per organisation. Shown on a terminal, or when `--progress` asks.
func planProgress(quiet: Bool, asked: Bool) -> @Sendable (PlanProgress) -> Void {
    let showProgress = showsProgress(quiet: quiet, asked: asked)
    let pace = ProgressPace()
    return { progress in
        guard showProgress else { return }
        guard let status = progress.status else {
            // Inside a long solve: at most one line every 2 s per organisation.
            guard pace.shouldReport(progress.organisation), let value = progress.value else { return }
            let bound = progress.bound.map { String(format: "%.6g", $0) } ?? "none yet"
            printError(String(format: "  %@: plan %.6g, bound %@, gap %.2e", progress.organisation, value, bound, progress.gap))
            return
        }
        printError("planned \(progress.organisationsDone)/\(progress.organisationCount): \(progress.organisation) \(status.rawValue)"
            + (progress.gap > 0 ? String(format: " (gap %.2e)", progress.gap) : ""))
    }
}

/// Progress lines are for people: on a terminal, or when asked for.
func showsProgress(quiet: Bool, asked: Bool) -> Bool {
    !quiet && (asked || isatty(STDERR_FILENO) != 0)
}

/// Limits progress lines from inside a solve to one every 2 s per organisation.
final class ProgressPace: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [String: ContinuousClock.Instant] = [:]

    func shouldReport(_ organisation: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let now = ContinuousClock.now
        if let previous = last[organisation], now - previous < .seconds(2) { return false }
        last[organisation] = now
        return true
    }
}
