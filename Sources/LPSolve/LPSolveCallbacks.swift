import Foundation
import LinearProgramming
internal import CLPSolve

/// State shared with lp_solve's callbacks during one solve. Used only on the solving thread.
final class SearchContext {
    let parameters: SolverParameters
    let objectiveConstant: Double
    let deadline: ContinuousClock.Instant?
    let started: ContinuousClock.Instant
    var improvedCount = 0
    /// lp_solve's objective step, from the known lattice, if any.
    let latticeStep: Double?
    var stopReason: Termination?
    var rootBound: Double?
    /// The best integer objective so far (with the model's constant).
    var incumbent: Double?

    init(parameters: SolverParameters, objectiveConstant: Double) {
        self.parameters = parameters
        self.objectiveConstant = objectiveConstant
        latticeStep = parameters.objectiveGranularity.flatMap { $0 > 0 ? $0 * 0.999 : nil }
        let now = ContinuousClock.now
        started = now
        deadline = parameters.timeLimit.map { now + $0 }
    }
}

private func context(_ handle: UnsafeMutableRawPointer?) -> SearchContext {
    Unmanaged<SearchContext>.fromOpaque(handle!).takeUnretainedValue()
}

/// Called by lp_solve many times a second: cancellation, the node limit, the exact time limit,
/// and the relative gap (turned into an absolute one once the root relaxation is known).
func abortCallback(_ lp: UnsafeMutablePointer<lprec>?, _ handle: UnsafeMutableRawPointer?) -> Int32 {
    let search = context(handle)
    guard let lp else { return 0 }
    // lp_solve's "minimum objective step" is switched off (see `configure`) because it guesses.
    // With a known lattice the step is exact: every better plan is at least one step better,
    // so a node whose relaxation cannot gain a whole step (a little less, for rounding) is
    // pruned. lp_solve resets the step after its preprocessing, so it is set on every call.
    if let step = search.latticeStep, lp.pointee.bb_deltaOF != step { lp.pointee.bb_deltaOF = step }
    if search.rootBound == nil, lp.pointee.bb_totalnodes > 0 {
        let root = lp.pointee.real_solution
        if root.isFinite, abs(root) < 1e29 {
            search.rootBound = search.parameters.roundToGranularity(root + search.objectiveConstant, maximising: is_maxim(lp) != 0)
        }
    }
    // The gap test: stop once the incumbent is provably within the gap of the root bound.
    if let root = search.rootBound, let incumbent = search.incumbent, search.stopReason == nil {
        if abs(incumbent - root) <= search.parameters.absoluteGap
            || Tolerance.relativeGap(value: incumbent, bound: root) <= search.parameters.relativeGap {
            search.stopReason = .optimal
            return 1
        }
    }
    if search.stopReason != nil { return 1 }
    if let flag = search.parameters.cancellation, flag.isCancelled {
        search.stopReason = .stopped(at: .interrupted)
        return 1
    }
    if let limit = search.parameters.nodeLimit, lp.pointee.bb_totalnodes >= limit {
        search.stopReason = .stopped(at: .nodes)
        return 1
    }
    if let deadline = search.deadline, ContinuousClock.now >= deadline {
        search.stopReason = .stopped(at: .time)
        return 1
    }
    return 0
}

/// Called by lp_solve on every improved integer solution.
func messageCallback(_ lp: UnsafeMutablePointer<lprec>?, _ handle: UnsafeMutableRawPointer?, _ message: Int32) {
    let search = context(handle)
    guard let lp, message & (MSG_MILPFEASIBLE | MSG_MILPBETTER) != 0 else { return }
    search.improvedCount += 1
    search.incumbent = lp.pointee.best_solution[0] + search.objectiveConstant
    guard let callback = search.parameters.onImprovedSolution else { return }
    let improved = ImprovedSolution(
        objectiveValue: lp.pointee.best_solution[0] + search.objectiveConstant,
        count: search.improvedCount,
        elapsed: ContinuousClock.now - search.started,
        bound: search.rootBound)
    if callback(improved) == .stop, search.stopReason == nil { search.stopReason = .stopped(at: .interrupted) }
}

/// Forwards lp_solve's log lines to the log sink.
func logCallback(_ lp: UnsafeMutablePointer<lprec>?, _ handle: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?) {
    let search = context(handle)
    guard case .lines(let sink) = search.parameters.log, let buffer else { return }
    let text = String(cString: buffer)
    for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty { sink(String(line)) }
}

func temporaryPath(suffix: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.path
    return "\(directory)/phaseout-lp-\(UUID().uuidString)\(suffix)"
}
