import Foundation
internal import CLPSolve

/// lp_solve 5.5 as a ``LinearSolver``.
///
/// Every lp_solve call of the package is in this file. Each solve creates, loads, solves and
/// frees its own lp_solve model, so one `LPSolveSolver` may be used from any number of threads
/// at once: independent models solve concurrently. lp_solve writes process-wide state when a
/// model is created, copied, read or freed (a BLAS table written in `make_lp` and read in
/// `delete_lp`, `static` locals in one LU routine), so those calls are serialised behind one
/// lock; `solve` itself runs unlocked.
public struct LPSolveSolver: LinearSolver {
    public init() {}

    public func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
        try model.validate()
        if model.variables.isEmpty { return Self.solveConstant(model) }
        let handle = try LPHandle(loading: model)
        return try handle.solve(parameters: parameters, objectiveConstant: model.objective.expression.constant,
                                isMIP: model.isMixedInteger)
    }

    /// A model without variables: every row is a constant (lp_solve answers such a model with
    /// neither OPTIMAL nor INFEASIBLE, so it is decided here).
    private static func solveConstant(_ model: LinearModel) -> Solution {
        let feasible = model.constraints.allSatisfy { row in
            let tolerance = { (bound: Double) in 1e-9 * max(1, abs(bound)) }
            return row.lower <= tolerance(row.lower) && -tolerance(row.upper) <= row.upper
        }
        let value = model.objective.expression.constant
        return Solution(
            termination: feasible ? .optimal : .infeasible, objectiveValue: feasible ? value : nil,
            bestBound: feasible ? value : nil, values: [], rowActivities: feasible ? model.constraints.map { _ in 0 } : [],
            duals: feasible && !model.isMixedInteger ? model.constraints.map { _ in 0 } : nil,
            reducedCosts: feasible ? [] : nil, rawStatus: feasible ? 0 : 2,
            rawStatusText: feasible ? "OPTIMAL (no variables)" : "INFEASIBLE (no variables)",
            nodeCount: 0, iterationCount: 0, improvedSolutionCount: 0, solveTime: .zero)
    }

    /// A model's text in one of lp_solve's formats, written by lp_solve's own writers.
    public enum ExportFormat: Sendable {
        /// lp_solve's LP dialect (`write_lp`).
        case lp
        /// Free MPS (`write_freemps`), which most solvers read.
        case mps
    }

    /// Writes `model` as LP or free-MPS text through lp_solve's writers.
    ///
    /// The objective's constant is not part of either format: add it back to the optimum.
    public func export(_ model: LinearModel, format: ExportFormat) throws -> String {
        try model.validate()
        let handle = try LPHandle(loading: model)
        return try handle.write(format: format)
    }

    /// Reads a model in LP or free-MPS text with lp_solve's readers and solves it.
    /// Used to check that an export says what the model says.
    public func solve(text: String, format: ExportFormat, parameters: SolverParameters = SolverParameters()) throws -> Solution {
        let handle = try LPHandle(reading: text, format: format)
        return try handle.solve(parameters: parameters, objectiveConstant: 0, isMIP: handle.hasIntegers)
    }
}

/// Serialises lp_solve calls that touch its process-wide state.
private let globalLock = NSLock()

private func serialised<T>(_ body: () throws -> T) rethrows -> T {
    globalLock.lock()
    defer { globalLock.unlock() }
    return try body()
}

/// Owns one lp_solve model; freed exactly once, in `deinit`. Never shared between threads.
final class LPHandle {
    let lp: UnsafeMutablePointer<lprec>
    let rowCount: Int
    let columnCount: Int

    /// Builds the lp_solve model column by column (`add_columnex`): fast for sparse models.
    init(loading model: LinearModel) throws {
        let rows = model.constraints.count
        let columns = model.variables.count
        guard let lp = serialised({ make_lp(Int32(rows), 0) }) else {
            throw SolverError(call: "make_lp", message: "could not create a model of \(rows) rows")
        }
        self.lp = lp
        rowCount = rows
        columnCount = columns
        silence()
        try check(resize_lp(lp, Int32(rows), Int32(columns)), "resize_lp")
        let infinity = get_infinite(lp)
        func clamp(_ value: Double) -> Double { value == .infinity ? infinity : value == -.infinity ? -infinity : value }

        // Rows: type, right-hand side, range, name.
        for (index, row) in model.constraints.enumerated() {
            let r = Int32(index + 1)
            if row.lower == row.upper {
                try check(set_constr_type(lp, r, EQ), "set_constr_type")
                try check(set_rh(lp, r, row.lower), "set_rh")
            } else if row.lower == -.infinity {
                try check(set_constr_type(lp, r, LE), "set_constr_type")
                try check(set_rh(lp, r, clamp(row.upper)), "set_rh")
            } else {
                try check(set_constr_type(lp, r, GE), "set_constr_type")
                try check(set_rh(lp, r, row.lower), "set_rh")
                if row.upper != .infinity {
                    try check(set_rh_range(lp, r, row.upper - row.lower), "set_rh_range")
                }
            }
        }

        // Columns in compressed form: objective (row 0) first, then rows in increasing order.
        var counts = [Int](repeating: 0, count: columns + 1)
        for row in model.constraints { for v in row.variables { counts[v.index + 1] += 1 } }
        for v in model.objective.expression.variables { counts[v.index + 1] += 1 }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var starts = counts
        var rowOf = [Int32](repeating: 0, count: counts[columns])
        var valueOf = [Double](repeating: 0, count: counts[columns])
        let objective = model.objective.expression
        for k in objective.variables.indices {
            let j = objective.variables[k].index
            rowOf[starts[j]] = 0
            valueOf[starts[j]] = objective.coefficients[k]
            starts[j] += 1
        }
        for (index, row) in model.constraints.enumerated() {
            for k in row.variables.indices {
                let j = row.variables[k].index
                rowOf[starts[j]] = Int32(index + 1)
                valueOf[starts[j]] = row.coefficients[k]
                starts[j] += 1
            }
        }
        try rowOf.withUnsafeMutableBufferPointer { rowBuffer in
            try valueOf.withUnsafeMutableBufferPointer { valueBuffer in
                for j in 0..<columns {
                    // Merge repeated rows of one column (entries are grouped by row already).
                    var write = counts[j]
                    var read = counts[j]
                    while read < counts[j + 1] {
                        if write > counts[j], rowBuffer[write - 1] == rowBuffer[read] {
                            valueBuffer[write - 1] += valueBuffer[read]
                        } else {
                            rowBuffer[write] = rowBuffer[read]
                            valueBuffer[write] = valueBuffer[read]
                            write += 1
                        }
                        read += 1
                    }
                    let length = Int32(write - counts[j])
                    try check(add_columnex(lp, length, valueBuffer.baseAddress! + counts[j],
                                           rowBuffer.baseAddress! + counts[j]), "add_columnex")
                }
            }
        }

        for (index, info) in model.variables.enumerated() {
            let c = Int32(index + 1)
            try check(set_bounds(lp, c, clamp(info.lowerBound), clamp(info.upperBound)), "set_bounds")
            if info.isInteger { try check(set_int(lp, c, CLPS_TRUE), "set_int") }
        }
        // lp_solve branches on the lowest weight first (weights are 0-based, one per column);
        // the index breaks ties so that the order is the model's.
        if model.variables.contains(where: { $0.branchPriority != 0 }) {
            let count = Double(model.variables.count)
            var weights = model.variables.enumerated().map { index, info in -Double(info.branchPriority) * count + Double(index) }
            try check(weights.withUnsafeMutableBufferPointer { set_var_weights(lp, $0.baseAddress) }, "set_var_weights")
        }
        if model.objective.sense == .maximize { set_maxim(lp) } else { set_minim(lp) }
        try setNames(model)
    }

    /// Reads LP or free-MPS text with lp_solve's readers.
    init(reading text: String, format: LPSolveSolver.ExportFormat) throws {
        let path = try temporaryPath(suffix: format == .lp ? ".lp" : ".mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let read: UnsafeMutablePointer<lprec>? = serialised {
            path.withCString { cPath in
                let mutablePath = UnsafeMutablePointer(mutating: cPath)
                switch format {
                case .lp: return read_LP(mutablePath, NEUTRAL, nil)
                case .mps: return read_freeMPS(mutablePath, NEUTRAL)
                }
            }
        }
        guard let lp = read else {
            throw SolverError(call: format == .lp ? "read_LP" : "read_freeMPS", message: "could not read the model text")
        }
        self.lp = lp
        rowCount = Int(get_Nrows(lp))
        columnCount = Int(get_Ncolumns(lp))
        silence()
    }

    deinit {
        serialised { delete_lp(lp) }
    }

    var hasIntegers: Bool {
        (0..<columnCount).contains { is_int(lp, Int32($0 + 1)) != 0 }
    }

    func silence() {
        // An empty file name turns lp_solve's own printing off (it prints to stdout otherwise).
        _ = "".withCString { set_outputfile(lp, UnsafeMutablePointer(mutating: $0)) }
        set_verbose(lp, NEUTRAL)
    }

    private func setNames(_ model: LinearModel) throws {
        for (index, info) in model.variables.enumerated() {
            try info.name.withCString { name in
                try check(set_col_name(lp, Int32(index + 1), UnsafeMutablePointer(mutating: name)), "set_col_name")
            }
        }
        for (index, row) in model.constraints.enumerated() {
            try row.name.withCString { name in
                try check(set_row_name(lp, Int32(index + 1), UnsafeMutablePointer(mutating: name)), "set_row_name")
            }
        }
        try model.name.withCString { name in
            try check(set_lp_name(lp, UnsafeMutablePointer(mutating: name)), "set_lp_name")
        }
    }

    func write(format: LPSolveSolver.ExportFormat) throws -> String {
        let path = try temporaryPath(suffix: format == .lp ? ".lp" : ".mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ok: UInt8 = serialised {
            path.withCString { cPath in
                let mutablePath = UnsafeMutablePointer(mutating: cPath)
                switch format {
                case .lp: return write_lp(lp, mutablePath)
                case .mps: return write_freemps(lp, mutablePath)
                }
            }
        }
        try check(ok, format == .lp ? "write_lp" : "write_freemps")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    // MARK: Solving

    func solve(parameters: SolverParameters, objectiveConstant: Double, isMIP: Bool) throws -> Solution {
        let context = SearchContext(parameters: parameters, objectiveConstant: objectiveConstant)
        configure(parameters, objectiveConstant: objectiveConstant)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        let opaque = unmanaged.toOpaque()
        put_abortfunc(lp, abortCallback, opaque)
        put_msgfunc(lp, messageCallback, opaque, MSG_MILPFEASIBLE | MSG_MILPBETTER)
        if case .lines = parameters.log {
            set_verbose(lp, NORMAL)
            put_logfunc(lp, logCallback, opaque)
        }

        let clock = ContinuousClock()
        let started = clock.now
        let code = Int(CLPSolve.solve(lp))
        let elapsed = clock.now - started
        put_abortfunc(lp, nil, nil)
        put_msgfunc(lp, nil, nil, 0)
        put_logfunc(lp, nil, nil)
        return collect(code: code, context: context, isMIP: isMIP, elapsed: elapsed)
    }

    private func configure(_ parameters: SolverParameters, objectiveConstant: Double) {
        switch parameters.branching {
        case .ceiling: set_bb_floorfirst(lp, BRANCH_CEILING)
        case .floor: set_bb_floorfirst(lp, BRANCH_FLOOR)
        case .automatic: set_bb_floorfirst(lp, BRANCH_AUTOMATIC)
        }
        var rule: Int32
        switch parameters.nodeSelection {
        case .first: rule = NODE_FIRSTSELECT
        case .gap: rule = NODE_GAPSELECT
        case .range: rule = NODE_RANGESELECT
        case .fraction: rule = NODE_FRACTIONSELECT
        case .pseudoCost: rule = NODE_PSEUDOCOSTSELECT
        case .pseudoNonInteger: rule = NODE_PSEUDONONINTSELECT
        case .pseudoRatio: rule = NODE_PSEUDORATIOSELECT
        }
        if parameters.depthFirstMode { rule |= NODE_DEPTHFIRSTMODE }
        set_bb_rule(lp, rule)
        // lp_solve's own gaps are left at their tight defaults: measured here, an absolute gap
        // of 0.5 let it stop at 501 on a model whose optimum is 488. The requested gaps are
        // enforced in the abort callback against the root bound instead, which is a proof.
        set_mip_gap(lp, CLPS_TRUE, 1e-11)
        set_mip_gap(lp, CLPS_FALSE, 1e-9)
        // lp_solve infers a "minimum objective step" (MIP_stepOF) and prunes every node that
        // cannot improve by that step. On this machine's 5.5.2.5 it inferred a step of 150 on a
        // model whose objective is continuous (extra money, visit cost 150) and returned £522.75
        // as OPTIMAL where £408 was feasible. The inference only runs when the solution limit
        // is 1, so the limit is raised to switch it off.
        set_solutionlimit(lp, 2)
        set_epsint(lp, parameters.integerTolerance)
        if let cutoff = parameters.objectiveCutoff { set_obj_bound(lp, cutoff - objectiveConstant) }
        set_break_at_first(lp, parameters.stopAtFirstSolution ? CLPS_TRUE : CLPS_FALSE)
        if let limit = parameters.timeLimit {
            // Whole seconds here as a backstop; the abort callback enforces the exact limit.
            let seconds = limit.inSeconds
            set_timeout(lp, max(1, Int(seconds.rounded(.up)) + 1))
        }
    }

    private func collect(code: Int, context: SearchContext, isMIP: Bool, elapsed: Duration) -> Solution {
        let statusText = String(cString: get_statustext(lp, Int32(code)))
        let nodes = Int(get_total_nodes(lp))
        let iterations = Int(get_total_iter(lp))
        var termination: Termination
        var hasPoint: Bool
        switch Int32(code) {
        case OPTIMAL, PRESOLVED:
            termination = .optimal; hasPoint = true
        case SUBOPTIMAL:
            termination = context.stopReason ?? .feasibleAtLimit; hasPoint = true
        case INFEASIBLE:
            termination = .infeasible; hasPoint = false
        case UNBOUNDED:
            termination = .unbounded; hasPoint = false
        case USERABORT:
            termination = context.stopReason ?? .interrupted; hasPoint = context.improvedCount > 0
            if termination == .feasibleAtLimit, !hasPoint { termination = .timeLimitWithoutSolution }
        case TIMEOUT:
            hasPoint = context.improvedCount > 0
            termination = hasPoint ? .feasibleAtLimit : .timeLimitWithoutSolution
        case NUMFAILURE, ACCURACYERROR:
            termination = .numericalFailure; hasPoint = false
        default:
            termination = .failed; hasPoint = false
        }
        if !isMIP, termination != .optimal { hasPoint = false }
        // With an objective cutoff that nothing beats, lp_solve may also answer OPTIMAL with an
        // "infinite" objective (seen when the root relaxation is already integral): no point.
        if hasPoint, abs(get_objective(lp)) >= 1e29 {
            hasPoint = false
            termination = context.parameters.objectiveCutoff != nil ? .infeasible : .failed
        }

        var values: [Double] = []
        var activities: [Double] = []
        var objective: Double?
        if hasPoint {
            values = [Double](repeating: 0, count: columnCount)
            activities = [Double](repeating: 0, count: rowCount)
            values.withUnsafeMutableBufferPointer { _ = get_variables(lp, $0.baseAddress) }
            activities.withUnsafeMutableBufferPointer { _ = get_constraints(lp, $0.baseAddress) }
            objective = get_objective(lp) + context.objectiveConstant
        }

        var bound: Double?
        if let value = objective {
            if termination == .optimal {
                // Either lp_solve finished its search (tight default gaps: the value is the
                // optimum), or the abort callback stopped it within the gap of the root bound.
                bound = context.stopReason == .optimal ? (context.rootBound ?? value) : value
            } else {
                bound = context.rootBound
            }
        } else if termination == .timeLimitWithoutSolution || termination == .interrupted {
            bound = context.rootBound
        }

        var duals: [Double]?
        var reducedCosts: [Double]?
        if !isMIP, termination == .optimal {
            var pointer: UnsafeMutablePointer<Double>?
            if get_ptr_sensitivity_rhs(lp, &pointer, nil, nil) != 0, let all = pointer {
                let sign: Double = 1
                duals = (0..<rowCount).map { sign * all[$0] }
                reducedCosts = (0..<columnCount).map { sign * all[rowCount + $0] }
            }
        }
        return Solution(
            termination: termination, objectiveValue: objective, bestBound: bound, values: values,
            rowActivities: activities, duals: duals, reducedCosts: reducedCosts, rawStatus: code,
            rawStatusText: statusText, nodeCount: nodes, iterationCount: iterations,
            improvedSolutionCount: context.improvedCount, solveTime: elapsed)
    }

    func check(_ ok: UInt8, _ call: String) throws {
        guard ok != 0 else { throw SolverError(call: call, message: "lp_solve reported failure") }
    }
}

/// State shared with lp_solve's callbacks during one solve. Used only on the solving thread.
private final class SearchContext {
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
private func abortCallback(_ lp: UnsafeMutablePointer<lprec>?, _ handle: UnsafeMutableRawPointer?) -> Int32 {
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
        let difference = abs(incumbent - root)
        if difference <= search.parameters.absoluteGap
            || difference <= search.parameters.relativeGap * max(abs(incumbent), 1e-10) {
            search.stopReason = .optimal
            return 1
        }
    }
    if search.stopReason != nil { return 1 }
    if let flag = search.parameters.cancellation, flag.isCancelled {
        search.stopReason = .interrupted
        return 1
    }
    if let limit = search.parameters.nodeLimit, lp.pointee.bb_totalnodes >= limit {
        search.stopReason = .feasibleAtLimit
        return 1
    }
    if let deadline = search.deadline, ContinuousClock.now >= deadline {
        search.stopReason = .feasibleAtLimit
        return 1
    }
    return 0
}

/// Called by lp_solve on every improved integer solution.
private func messageCallback(_ lp: UnsafeMutablePointer<lprec>?, _ handle: UnsafeMutableRawPointer?, _ message: Int32) {
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
    if callback(improved) == .stop, search.stopReason == nil { search.stopReason = .interrupted }
}

/// Forwards lp_solve's log lines to the log sink.
private func logCallback(_ lp: UnsafeMutablePointer<lprec>?, _ handle: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?) {
    let search = context(handle)
    guard case .lines(let sink) = search.parameters.log, let buffer else { return }
    let text = String(cString: buffer)
    for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty { sink(String(line)) }
}

private func temporaryPath(suffix: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.path
    return "\(directory)/phaseout-lp-\(UUID().uuidString)\(suffix)"
}
