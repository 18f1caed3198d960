import Foundation
import LinearProgramming
internal import CLPSolve

extension LPHandle {
    func solve(parameters: SolverParameters, options: LPSolveSolver.Options, objectiveConstant: Double, isMIP: Bool) throws -> Solution {
        let context = SearchContext(parameters: parameters, objectiveConstant: objectiveConstant)
        configure(parameters, options, objectiveConstant: objectiveConstant)
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

    private func configure(_ parameters: SolverParameters, _ options: LPSolveSolver.Options, objectiveConstant: Double) {
        switch options.branching {
        case .ceiling: set_bb_floorfirst(lp, BRANCH_CEILING)
        case .floor: set_bb_floorfirst(lp, BRANCH_FLOOR)
        case .automatic: set_bb_floorfirst(lp, BRANCH_AUTOMATIC)
        }
        var rule: Int32
        switch options.nodeSelection {
        case .first: rule = NODE_FIRSTSELECT
        case .gap: rule = NODE_GAPSELECT
        case .range: rule = NODE_RANGESELECT
        case .fraction: rule = NODE_FRACTIONSELECT
        case .pseudoCost: rule = NODE_PSEUDOCOSTSELECT
        case .pseudoNonInteger: rule = NODE_PSEUDONONINTSELECT
        case .pseudoRatio: rule = NODE_PSEUDORATIOSELECT
        }
        if options.depthFirstMode { rule |= NODE_DEPTHFIRSTMODE }
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
        let status = LPSolveStatus(rawValue: code)
        var (termination, hasPoint) = Self.termination(of: status, context: context, text: statusText)
        if !isMIP, termination != .optimal { hasPoint = false }
        // With an objective cutoff that nothing beats, lp_solve may also answer OPTIMAL with an
        // "infinite" objective (seen when the root relaxation is already integral): no point.
        if hasPoint, abs(get_objective(lp)) >= 1e29 {
            hasPoint = false
            // Without a cutoff an infinite objective is lp_solve's way of saying unbounded (a
            // model without rows, where it answers OPTIMAL at 1e30).
            termination = context.parameters.objectiveCutoff != nil
                ? .stopped(at: .cutoff, detail: "\(status) with no point: nothing beats the cutoff")
                : Termination(.unbounded, detail: "\(status) with an infinite objective")
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
                bound = context.stopReason?.reason == .optimal ? (context.rootBound ?? value) : value
            } else {
                bound = context.rootBound
            }
        } else if termination.reason == .limitReached, termination.limit != .cutoff {
            bound = context.rootBound
        }

        var duals: [Double]?
        var reducedCosts: [Double]?
        var basis: Basis?
        if !isMIP, termination == .optimal {
            basis = currentBasis()
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
            improvedSolutionCount: context.improvedCount, solveTime: elapsed, basis: basis)
    }

    /// lp_solve's basis after an optimal LP solve: entries 1…rows of `get_basis` name the basic
    /// variables (rows first, 1…rows, then columns), their sign saying only at which bound.
    private func currentBasis() -> Basis? {
        var entries = [Int32](repeating: 0, count: 1 + rowCount)
        guard entries.withUnsafeMutableBufferPointer({ get_basis(lp, $0.baseAddress, CLPS_FALSE) }) != 0 else { return nil }
        var columns: [Int] = []
        var rows: [Int] = []
        for entry in entries.dropFirst() {
            let index = Int(abs(entry))
            if index >= 1, index <= rowCount { rows.append(index - 1) }
            else if index > rowCount, index <= rowCount + columnCount { columns.append(index - rowCount - 1) }
            else { return nil }
        }
        return Basis(columns: columns, rows: rows)
    }

    /// What lp_solve's code means, and whether a point came with it. A stop the callbacks asked
    /// for (gap reached, limits, cancellation) says which; INFEASIBLE under an objective cutoff
    /// proves only that nothing beats the cutoff.
    private static func termination(of status: LPSolveStatus, context: SearchContext, text: String) -> (Termination, Bool) {
        let detail = "\(status): \(text)"
        switch status {
        case .optimal, .presolved:
            return (.optimal, true)
        case .suboptimal:
            return (context.stopReason ?? .stopped(at: .time, detail: detail), true)
        case .infeasible:
            return (context.parameters.objectiveCutoff == nil ? .infeasible : .stopped(at: .cutoff, detail: detail), false)
        case .unbounded:
            return (.unbounded, false)
        case .userAbort:
            let stop = context.stopReason ?? .stopped(at: .interrupted, detail: detail)
            return (stop, stop.reason == .optimal || context.improvedCount > 0)
        case .timeout:
            return (.stopped(at: .time, detail: detail), context.improvedCount > 0)
        default:
            return (.failed(detail), false)
        }
    }
}
