import LinearProgramming

/// Branch and bound in Swift over a backend's LP relaxation (lp_solve's, in Phaseout), for
/// models the backend's own search leaves open.
///
/// lp_solve 5.5 searches depth first: when its time runs out it has proven nothing beyond the
/// root relaxation, and a wrong early branch is revisited only after the whole subtree below it.
/// This search keeps the open nodes in a heap by their LP bound and always returns to the
/// lowest one, diving from it to a leaf (so plans are still found), branches on the variable
/// whose pseudo-costs (the objective's observed change per unit of branching, per variable and
/// direction) promise the largest gain on both sides, and re-solves one lp_solve relaxation
/// with moved bounds at each node (a ``Relaxation`` from the backend, warm-started from the last basis).
/// The bound it reports is the lowest open node's: it rises as the search goes. Each node's
/// reduced costs tighten the integer bounds of its subtree (reduced-cost fixing), and every few
/// hundred nodes a neighbourhood search (RINS, the backend's own search limited by nodes) looks for a
/// better solution near the best one where the node's LP agrees with it.
///
/// Honours ``SolverParameters`` `timeLimit` (and `extendedDeadline`), `nodeLimit`,
/// `cancellation`, `objectiveCutoff` (only solutions strictly better are accepted; a search
/// that finds none ends ``Termination/infeasible``), `objectiveGranularity` (node bounds
/// rounded up to the lattice), the gaps (a node that cannot beat the best solution, or the
/// caller's `incumbentValue`, by more than the gap is pruned, and the bound reported is the lowest such node's, never the
/// solution itself: a search that ends ``Termination/infeasible`` that way has a `bestBound`),
/// `incumbentPoint` (the neighbourhood searches' guide until the search has a solution of its
/// own), `onImprovedSolution` and `onBoundImproved`. Variables' `branchPriority` decides first.
/// With a node limit (and no time limit reached) the search, and so its answer, is the same on
/// any machine: the neighbourhood searches run at fixed node counts and are limited by nodes.
/// Columns fixed by their bounds are left out of the search's LP (``FixedColumnReduction``).
public struct BestFirstSolver: LinearSolver {
    /// Solves the node relaxations, pure LPs and the neighbourhood searches.
    public var backend: any RelaxationBackend

    /// Tightens each node's integer bounds by its LP's reduced costs (see
    /// `fixingsByReducedCosts`). Off only to measure what it saves.
    public var fixesByReducedCosts: Bool

    /// Runs a relaxation-induced neighbourhood search every few hundred nodes (see
    /// `searchNeighbourhood(of:)`). Off only to measure what it finds.
    public var searchesNeighbourhoods: Bool

    public init(backend: any RelaxationBackend, fixesByReducedCosts: Bool = true, searchesNeighbourhoods: Bool = true) {
        self.backend = backend
        self.fixesByReducedCosts = fixesByReducedCosts
        self.searchesNeighbourhoods = searchesNeighbourhoods
    }

    public func solve(_ model: LinearModel, parameters: SolverParameters) throws -> Solution {
        guard model.isMixedInteger, !model.variables.isEmpty else { return try backend.solve(model, parameters: parameters) }
        // Branching moves integer bounds to whole numbers, so they must start whole: 2.5 ≤ x
        // means 3 ≤ x. Bounds that then cross leave no integer point at all.
        var whole = model
        for (index, variable) in model.variables.enumerated() where variable.isInteger {
            let lower = (variable.lowerBound - 1e-9).rounded(.up), upper = (variable.upperBound + 1e-9).rounded(.down)
            guard lower <= upper else {
                // (lp_solve's own search ran to its time limit on such a variable.)
                return Self.infeasible(because: "no integer between the bounds of \(variable.name)")
            }
            if lower != variable.lowerBound || upper != variable.upperBound {
                whole.setBounds(of: whole.variable(at: index), lower: lower, upper: upper)
            }
        }
        // Fixed columns (the planner fixes many by the root's reduced costs) leave the LP. The
        // reduction trusts the model's indices: a bad model is reported before it.
        try whole.validate()
        let reduction = FixedColumnReduction(whole)
        guard reduction.removesAnything, reduction.reduced.isMixedInteger else { return try search(whole, parameters) }
        if let row = reduction.brokenRow { return Self.infeasible(because: "the fixed variables break \(row)") }
        var reducedParameters = parameters
        reducedParameters.incumbentPoint = parameters.incumbentPoint.flatMap {
            $0.count == whole.variables.count ? reduction.reduce($0) : nil
        }
        let found = try search(reduction.reduced, reducedParameters)
        let values = reduction.expand(found.values)
        return Solution(
            termination: found.termination, objectiveValue: found.objectiveValue, bestBound: found.bestBound,
            values: values, rowActivities: model.rowActivities(at: values), duals: nil, reducedCosts: nil,
            rawStatus: found.rawStatus, rawStatusText: found.rawStatusText
                + ", \(whole.variables.count - reduction.kept.count) fixed columns and \(reduction.droppedRows) rows taken out",
            nodeCount: found.nodeCount, iterationCount: found.iterationCount,
            improvedSolutionCount: found.improvedSolutionCount, solveTime: found.solveTime)
    }

    private func search(_ model: LinearModel, _ parameters: SolverParameters) throws -> Solution {
        var search = try BestFirstSearch(model: model, parameters: parameters, backend: backend, fixesByReducedCosts: fixesByReducedCosts,
                                         searchesNeighbourhoods: searchesNeighbourhoods)
        return search.run()
    }

    /// The answer when the bounds alone leave no solution (no search runs).
    private static func infeasible(because reason: String) -> Solution {
        Solution(
            termination: Termination(.infeasible, detail: reason), objectiveValue: nil, bestBound: nil, values: [], rowActivities: [],
            duals: nil, reducedCosts: nil, rawStatus: 2, rawStatusText: "best-first search: \(reason)",
            nodeCount: 0, iterationCount: 0, improvedSolutionCount: 0, solveTime: .zero)
    }
}

extension LinearModel {
    /// Each row's activity at `values` (empty without a point).
    func rowActivities(at values: [Double]) -> [Double] {
        guard !values.isEmpty else { return [] }
        return constraints.map { row in zip(row.variables, row.coefficients).reduce(0) { $0 + $1.1 * values[$1.0.index] } }
    }
}

/// One run of ``BestFirstSolver``. Values are kept as a minimisation (`sign` · objective).
struct BestFirstSearch {
    private struct Change {
        var index: Int
        var lower: Double
        var upper: Double
    }

    /// The bounds one node moved (its branching, or its reduced-cost fixings), linked to its
    /// parent's. Children share their ancestors' links, so an open node costs only what it added
    /// itself: copied arrays grew with depth and fixings, and held hundreds of MB on long runs.
    private final class Link {
        let changes: [Change]
        private(set) var parent: Link?

        init(_ changes: [Change], parent: Link?) {
            self.changes = changes
            self.parent = parent
        }

        /// Releases a long chain one link at a time, not by recursion.
        deinit {
            var next = parent
            parent = nil
            while var link = next {
                next = nil
                guard isKnownUniquelyReferenced(&link) else { break }
                next = link.parent
                link.parent = nil
            }
        }
    }

    private struct Node {
        var id: Int
        /// A bound on every solution below the node (lattice-rounded, minimisation).
        var bound: Double
        var depth: Int
        /// Bounds moved from the root's, newest link first; newer changes win.
        var changes: Link?
        /// The branching that made the node: variable, direction, distance moved, parent's LP.
        var branched: (index: Int, up: Bool, distance: Double, parentValue: Double)?
    }

    private let model: LinearModel
    private let parameters: SolverParameters
    private let sign: Double
    private let constant: Double
    private let relaxation: any Relaxation
    private let backend: any RelaxationBackend
    private let started = ContinuousClock.now
    /// When the search stops: the time limit's, moved on by `extendedDeadline` when it comes.
    private var deadline: ContinuousClock.Instant?
    private let integers: [Int]
    private let fixesByReducedCosts: Bool
    private let searchesNeighbourhoods: Bool

    /// Solutions must be strictly below this (the cutoff, then the best solution's value).
    private var limit: Double
    /// The value of the caller's solution (`incumbentValue`), for the gaps.
    private let known: Double
    private var best: (value: Double, values: [Double])?
    private var improvedCount = 0
    private var neighbourhoodImprovements = 0
    /// Set when the improved-solution callback asks the search to stop.
    private var stopRequested = false
    /// The lowest bound of a node pruned only by the gap, or whose LP failed: part of the bound.
    private var setAside = Double.infinity
    private var failedNodes = 0
    /// The last bound passed to `onBoundImproved`.
    private var reportedBound = -Double.infinity
    private var nodes = 0
    private var nextID = 1
    private var heap = NodeHeap()
    /// Bounds currently moved in `relaxation`, by variable.
    private var applied: [Int: Change] = [:]
    /// The node count at which the next neighbourhood search runs.
    private var nextNeighbourhood = BestFirstSearch.firstNeighbourhood
    private var pseudoSum: [[Double]]
    private var pseudoCount: [[Int]]

    init(model: LinearModel, parameters: SolverParameters, backend: any RelaxationBackend, fixesByReducedCosts: Bool = true,
         searchesNeighbourhoods: Bool = true) throws {
        self.model = model
        self.backend = backend
        self.fixesByReducedCosts = fixesByReducedCosts
        self.searchesNeighbourhoods = searchesNeighbourhoods
        self.parameters = parameters
        sign = model.objective.sense == .maximize ? -1 : 1
        constant = model.objective.expression.constant
        relaxation = try backend.relaxation(of: model)
        deadline = parameters.timeLimit.map { ContinuousClock.now + $0 }
        integers = model.variables.indices.filter { model.variables[$0].isInteger }
        let direction = sign
        limit = parameters.objectiveCutoff.map { direction * $0 } ?? .infinity
        known = parameters.incumbentValue.map { direction * $0 } ?? .infinity
        pseudoSum = [[Double]](repeating: [0, 0], count: model.variables.count)
        pseudoCount = [[Int]](repeating: [0, 0], count: model.variables.count)
    }

    /// Nodes whose bound is at least this are pruned.
    private var threshold: Double {
        let reference = min(best?.value ?? .infinity, known)
        guard reference.isFinite else { return limit }
        let gap = max(parameters.absoluteGap, parameters.relativeGap * abs(reference))
        return min(limit, reference - gap)
    }

    private func rounded(_ value: Double) -> Double {
        parameters.roundToGranularity(value, maximising: false)
    }

    /// Whether `value` is below `level` by more than float noise. The noise allowed is at most a
    /// quarter of the objective lattice's step, so that a value a whole step below `level` is
    /// never taken for noise, however large `level` is.
    private func isBelow(_ value: Double, _ level: Double) -> Bool {
        guard level != .infinity else { return value < .infinity }
        var noise = Tolerance.absolute(near: level)
        if let step = parameters.objectiveGranularity, step > 0 { noise = min(noise, 0.25 * step) }
        return value < level - noise
    }

    private func isPruned(_ bound: Double) -> Bool { !isBelow(bound, threshold) }

    /// Records a node pruned by the gap alone (its bound still counts).
    private mutating func prune(_ bound: Double) {
        if isBelow(bound, limit) { setAside = min(setAside, bound) }
    }

    private enum Stop { case time, nodes, cancelled }

    private mutating func shouldStop() -> Stop? {
        if stopRequested { return .cancelled }
        if let flag = parameters.cancellation, flag.isCancelled { return .cancelled }
        if let nodeLimit = parameters.nodeLimit, nodes >= nodeLimit { return .nodes }
        if let current = deadline, ContinuousClock.now >= current {
            guard let later = parameters.extendedDeadline?(), later > ContinuousClock.now else { return .time }
            deadline = later
        }
        return nil
    }

    mutating func run() -> Solution {
        var plunge: Node? = Node(id: 0, bound: -.infinity, depth: 0, changes: nil, branched: nil)
        var stopped: Stop?
        while var node = plunge ?? heap.pop() {
            plunge = nil
            reportBound(below: node)
            if isPruned(node.bound) { prune(node.bound); continue }
            if let stop = shouldStop() {
                stopped = stop
                heap.push(node)
                break
            }
            nodes += 1
            apply(node.changes)
            let remaining = deadline.map { ($0 - ContinuousClock.now).inSeconds } ?? 3600
            switch relaxation.solve(objectiveConstant: constant, seconds: remaining + 1) {
            case .infeasible:
                continue
            case .failed:
                failedNodes += 1
                setAside = min(setAside, node.bound)
                continue
            case .optimal(let value, let values):
                let lp = sign * value
                learn(from: node, value: lp)
                let bound = max(node.bound, rounded(lp))
                // A whole point better than the best is taken even within the gap: the plan is
                // better, and the gap only spares the search below fractional ones.
                if isBelow(bound, limit), isIntegral(values) { accept(lp, values); continue }
                if isPruned(bound) { prune(bound); continue }
                if searchesNeighbourhoods, nodes >= nextNeighbourhood, shouldStop() == nil {
                    nextNeighbourhood = nodes + Self.neighbourhoodInterval
                    searchNeighbourhood(of: values)
                    if isPruned(bound) { prune(bound); continue }
                }
                let fixed = fixingsByReducedCosts(values, value: lp)
                if !fixed.isEmpty {
                    node.changes = Link(fixed, parent: node.changes)
                    for change in fixed { move(change) }
                }
                guard let choice = branching(values, value: lp) else {
                    accept(lp, values)
                    continue
                }
                let x = values[choice.index]
                let downChild = Node(
                    id: nextID, bound: max(bound, choice.down), depth: node.depth + 1,
                    changes: Link([Change(index: choice.index, lower: currentLower(choice.index), upper: x.rounded(.down))], parent: node.changes),
                    branched: choice.probed ? nil : (choice.index, false, choice.fraction, lp))
                let upChild = Node(
                    id: nextID + 1, bound: max(bound, choice.up), depth: node.depth + 1,
                    changes: Link([Change(index: choice.index, lower: x.rounded(.up), upper: currentUpper(choice.index))], parent: node.changes),
                    branched: choice.probed ? nil : (choice.index, true, 1 - choice.fraction, lp))
                nextID += 2
                let (first, second) = choice.fraction >= 0.5 ? (upChild, downChild) : (downChild, upChild)
                // The other child waits in the heap; the search dives into this one.
                if isPruned(second.bound) { prune(second.bound) } else { heap.push(second) }
                if isPruned(first.bound) { prune(first.bound) } else { plunge = first }
            }
        }
        return finish(stopped)
    }

    /// Calls `onBoundImproved` when the search's bound (the weakest of `node`, the open nodes,
    /// those set aside and the best solution) has risen since it last did.
    private mutating func reportBound(below node: Node) {
        guard let report = parameters.onBoundImproved else { return }
        let bound = min(node.bound, heap.minimumBound ?? .infinity, setAside, best?.value ?? .infinity, limit)
        guard bound.isFinite, bound > reportedBound + Tolerance.absolute(near: bound) else { return }
        reportedBound = bound
        report(sign * bound)
    }

    /// The bounds of the node being solved (``apply(_:)`` has moved the relaxation to them).
    private func currentLower(_ index: Int) -> Double {
        applied[index]?.lower ?? model.variables[index].lowerBound
    }

    private func currentUpper(_ index: Int) -> Double {
        applied[index]?.upper ?? model.variables[index].upperBound
    }

    /// Moves the relaxation's bounds from the last node's to those of the chain `changes`.
    private mutating func apply(_ changes: Link?) {
        var target: [Int: Change] = [:]
        var link = changes
        while let current = link {
            for change in current.changes.reversed() where target[change.index] == nil { target[change.index] = change }
            link = current.parent
        }
        for (index, _) in applied where target[index] == nil {
            relaxation.setBounds(index, lower: model.variables[index].lowerBound, upper: model.variables[index].upperBound)
        }
        for (index, change) in target { relaxation.setBounds(index, lower: change.lower, upper: change.upper) }
        applied = target
    }

    /// Moves one more bound of the node being solved.
    private mutating func move(_ change: Change) {
        applied[change.index] = change
        relaxation.setBounds(change.index, lower: change.lower, upper: change.upper)
    }

    private mutating func learn(from node: Node, value: Double) {
        guard let branched = node.branched, branched.distance > 1e-9 else { return }
        let side = branched.up ? 1 : 0
        pseudoSum[branched.index][side] += max(0, value - branched.parentValue) / branched.distance
        pseudoCount[branched.index][side] += 1
    }

    private mutating func accept(_ value: Double, _ values: [Double]) {
        guard isBelow(value, limit) else { return }
        best = (value, values)
        limit = value
        improvedCount += 1
        guard let callback = parameters.onImprovedSolution else { return }
        let improved = ImprovedSolution(
            objectiveValue: sign * value, count: improvedCount, elapsed: ContinuousClock.now - started,
            bound: sign * min(heap.minimumBound ?? value, setAside, value))
        if callback(improved) == .stop { stopRequested = true }
    }

    /// Whether every integer variable is within the integrality tolerance of a whole number.
    private func isIntegral(_ values: [Double]) -> Bool {
        integers.allSatisfy { index in
            let fraction = values[index] - values[index].rounded(.down)
            return fraction <= Self.integrality || fraction >= 1 - Self.integrality
        }
    }

    /// How far from a whole number an integer variable's value may be and count as whole.
    static let integrality = 1e-6

    /// Where to branch, and the children's bounds where they were probed (`.infinity` for an
    /// infeasible child).
    private struct Choice {
        var index: Int
        var fraction: Double
        var down = -Double.infinity
        var up = -Double.infinity
        /// The children were solved while choosing; their gains are already learnt.
        var probed = false
    }

    /// The pseudo-cost of moving `index` down (side 0) or up (side 1) by one, or `nil` without history.
    private func pseudoCost(_ index: Int, _ side: Int) -> Double? {
        pseudoCount[index][side] > 0 ? pseudoSum[index][side] / Double(pseudoCount[index][side]) : nil
    }

    private static func score(_ down: Double, _ up: Double) -> Double { max(down, 1e-6) * max(up, 1e-6) }

    /// The fractional integer variable to branch on (reliability branching). Only variables of
    /// the highest priority among the fractional ones compete. Each is scored by the product
    /// of its expected gains down and up: from its pseudo-costs when it has been branched on at
    /// least ``reliability`` times each way, otherwise (up to ``probesPerNode`` of them, the
    /// most promising first, until ``lookahead`` probes in a row bring nothing better) by
    /// solving both children's LPs, which also gives those children exact bounds and finds the
    /// ones that are infeasible. Ties go to the lower index. `nil` when the point is integral.
    private mutating func branching(_ values: [Double], value: Double) -> Choice? {
        var candidates: [(index: Int, fraction: Double)] = []
        var priority = Int.min
        for index in integers {
            let x = values[index]
            let fraction = x - x.rounded(.down)
            guard fraction > Self.integrality, fraction < 1 - Self.integrality else { continue }
            let own = model.variables[index].branchPriority
            if own > priority { priority = own; candidates.removeAll() }
            if own == priority { candidates.append((index, fraction)) }
        }
        guard !candidates.isEmpty else { return nil }
        var known = [0.0, 0.0], knownCount = [0, 0]
        for index in integers {
            for side in 0..<2 {
                if let cost = pseudoCost(index, side) { known[side] += cost; knownCount[side] += 1 }
            }
        }
        let mean = (0..<2).map { knownCount[$0] > 0 ? known[$0] / Double(knownCount[$0]) : 1 }
        func estimate(_ index: Int, _ fraction: Double) -> Double {
            Self.score((pseudoCost(index, 0) ?? mean[0]) * fraction, (pseudoCost(index, 1) ?? mean[1]) * (1 - fraction))
        }
        // Most promising first; the index breaks ties, so the order is the same on every run.
        let ranked = candidates.map { (candidate: $0, estimate: estimate($0.index, $0.fraction)) }
            .sorted { $0.estimate != $1.estimate ? $0.estimate > $1.estimate : $0.candidate.index < $1.candidate.index }
        var best: (choice: Choice, score: Double)?
        var probes = 0, sinceBetter = 0
        for (candidate, estimated) in ranked {
            let (index, fraction) = candidate
            let reliable = pseudoCount[index][0] >= Self.reliability && pseudoCount[index][1] >= Self.reliability
            var choice = Choice(index: index, fraction: fraction)
            var score = estimated
            // Past the deadline (or cancelled) the estimates decide: probing could run on.
            if !reliable, probes < Self.probesPerNode, sinceBetter < Self.lookahead, shouldStop() == nil {
                probes += 1
                let x = values[index]
                let lower = currentLower(index), upper = currentUpper(index)
                // A probe whose LP fails leaves the candidate to its estimate: it stays a
                // candidate, so a fractional point is never taken for a whole one.
                if let down = probe(index, lower: lower, upper: x.rounded(.down), restoring: (lower, upper)),
                   let up = probe(index, lower: x.rounded(.up), upper: upper, restoring: (lower, upper)) {
                    choice.down = down
                    choice.up = up
                    choice.probed = true
                    observe(index, side: 0, gain: down - value, distance: fraction)
                    observe(index, side: 1, gain: up - value, distance: 1 - fraction)
                    // An infeasible child decides: the node only has one.
                    score = down == .infinity || up == .infinity ? .infinity : Self.score(down - value, up - value)
                }
            }
            if best == nil || score > best!.score {
                best = (choice, score)
                sinceBetter = 0
                if score == .infinity { break }
            } else if choice.probed {
                sinceBetter += 1
            }
        }
        return best?.choice
    }

    /// Bounds that the node's reduced costs prove for its whole subtree. A column at its lower
    /// bound with reduced cost d > 0 (minimising) costs at least d for each unit it rises, so
    /// once the node's LP value plus k·d cannot beat the best plan by the gap, the column stays
    /// below the lower bound plus k; at its upper bound, likewise downwards. The LP's point keeps
    /// every such bound, so the relaxation needs no re-solve. What is cut off would have been
    /// pruned anyway: by the gap, its bound still counts (``prune(_:)``).
    private mutating func fixingsByReducedCosts(_ values: [Double], value: Double) -> [Change] {
        guard fixesByReducedCosts, let costs = relaxation.reducedCosts() else { return [] }
        let direction = sign
        let tightenings = ReducedCostFixing.tightenings(
            integers: integers, point: values, reducedCosts: costs.map { direction * $0 },
            bounds: { (currentLower($0), currentUpper($0)) },
            value: value, room: threshold - value, isCutOff: { isPruned(rounded($0)) })
        for tightening in tightenings { prune(rounded(tightening.cutOffValue)) }
        return tightenings.map { Change(index: $0.index, lower: $0.lower, upper: $0.upper) }
    }

    /// Relaxation-induced neighbourhood search (RINS) from a node: lp_solve's own search, limited
    /// by nodes, over the solutions that agree with the best one (or the caller's) wherever the
    /// node's LP does, the other integer variables free. Deep in the tree the LP agrees with the
    /// best solution on most variables, so the neighbourhood is small, and each node's LP points
    /// it somewhere else. A better solution found is taken as the search's own.
    private mutating func searchNeighbourhood(of values: [Double]) {
        guard let reference = best.map({ $0.values.map(Optional.some) }) ?? parameters.incumbentPoint else { return }
        guard let fixings = Neighbourhoods.relaxationInduced(
            model, reference: reference, relaxed: values, leastFixedShare: Self.leastFixedShare) else { return }
        let neighbourhood = model.restricted(to: fixings)
        var search = SolverParameters()
        search.relativeGap = 0
        search.objectiveGranularity = parameters.objectiveGranularity
        search.nodeLimit = Self.neighbourhoodNodes
        search.cancellation = parameters.cancellation
        search.timeLimit = deadline.map { max(.milliseconds(50), $0 - ContinuousClock.now) } ?? .seconds(3600)
        if limit.isFinite {
            // Strictly better than the best: by almost a whole step on a lattice.
            let step = parameters.objectiveGranularity.map { $0 * 0.999 } ?? Tolerance.absolute(near: limit)
            search.objectiveCutoff = sign * (limit - step)
        }
        guard let found = try? backend.solve(neighbourhood, parameters: search), found.hasSolution,
              let objective = found.objectiveValue, isIntegral(found.values) else { return }
        neighbourhoodImprovements += 1
        accept(sign * objective, found.values)
    }

    /// Nodes before the first neighbourhood search, and between two of them.
    static let firstNeighbourhood = 100
    static let neighbourhoodInterval = 500
    /// The neighbourhood search's node limit (a node limit, not time, keeps the answer the same
    /// on every run).
    static let neighbourhoodNodes = 1_000
    /// The least share of integer variables the neighbourhood fixes: with fewer, it is nearly the
    /// whole model.
    static let leastFixedShare = 0.3

    /// Learns a probed gain (an infeasible child teaches nothing about the cost).
    private mutating func observe(_ index: Int, side: Int, gain: Double, distance: Double) {
        guard gain.isFinite, distance > 1e-9 else { return }
        pseudoSum[index][side] += max(0, gain) / distance
        pseudoCount[index][side] += 1
    }

    /// The LP value (rounded to the lattice) with one variable's bounds moved, `.infinity` when
    /// infeasible, `nil` when the LP fails. The bounds are put back afterwards.
    private mutating func probe(_ index: Int, lower: Double, upper: Double, restoring: (Double, Double)) -> Double? {
        relaxation.setBounds(index, lower: lower, upper: upper)
        defer { relaxation.setBounds(index, lower: restoring.0, upper: restoring.1) }
        let remaining = deadline.map { ($0 - ContinuousClock.now).inSeconds } ?? 3600
        switch relaxation.solve(objectiveConstant: constant, seconds: remaining + 1) {
        case .optimal(let value, _): return rounded(sign * value)
        case .infeasible: return .infinity
        case .failed: return nil
        }
    }

    /// Branchings each way after which a variable's pseudo-costs are trusted.
    static let reliability = 1
    /// At most this many variables are probed at one node…
    static let probesPerNode = 8
    /// …and probing stops after this many in a row that do not beat the best so far.
    static let lookahead = 4

    private func finish(_ stopped: Stop?) -> Solution {
        let open = min(heap.minimumBound ?? .infinity, setAside)
        let termination: Termination
        var bound: Double?
        let unsolved = "\(failedNodes) node LPs failed, so nothing is proven beyond the bound"
        switch stopped {
        case .cancelled:
            termination = .stopped(at: .interrupted)
            bound = open
        case .time, .nodes:
            termination = .stopped(at: stopped == .time ? .time : .nodes)
            bound = open
        case nil where best != nil:
            termination = failedNodes == 0 ? .optimal : .failed(unsolved)
            bound = min(open, best!.value)
        case nil:
            if failedNodes > 0 { termination = .failed(unsolved) }
            else if parameters.objectiveCutoff != nil { termination = .stopped(at: .cutoff) }
            else { termination = .infeasible }
            // Nodes pruned within the gap of the caller's solution still bound the optimum.
            bound = failedNodes == 0 && !setAside.isFinite ? nil : open
        }
        if let value = best?.value, let current = bound { bound = min(current, value) }
        if let current = bound, !current.isFinite { bound = nil }
        let values = best?.values ?? []
        return Solution(
            termination: termination, objectiveValue: best.map { sign * $0.value }, bestBound: bound.map { sign * $0 },
            values: values, rowActivities: model.rowActivities(at: values), duals: nil, reducedCosts: nil,
            rawStatus: Self.rawStatus(termination, hasSolution: best != nil), rawStatusText: "best-first search: \(termination), \(nodes) nodes, \(neighbourhoodImprovements) solutions from neighbourhood searches",
            nodeCount: nodes, iterationCount: relaxation.iterations, improvedSolutionCount: improvedCount,
            solveTime: ContinuousClock.now - started)
    }

    /// lp_solve's code for the same outcome, so that a `rawStatus` reads alike from either solver.
    private static func rawStatus(_ termination: Termination, hasSolution: Bool) -> Int {
        switch (termination.reason, termination.limit) {
        case (.optimal, _): 0
        case (.infeasible, _), (.limitReached, .cutoff): 2
        case (.limitReached, .interrupted): 6
        case (.limitReached, _): hasSolution ? 1 : 7
        case (.unbounded, _): 3
        case (.failed, _): hasSolution ? 1 : 5
        }
    }

    /// Open nodes by bound; ties go to the deeper node, then the older one.
    private struct NodeHeap {
        private var nodes: [Node] = []

        var minimumBound: Double? { nodes.first?.bound }
        var count: Int { nodes.count }

        private func before(_ a: Node, _ b: Node) -> Bool {
            if a.bound != b.bound { return a.bound < b.bound }
            if a.depth != b.depth { return a.depth > b.depth }
            return a.id < b.id
        }

        mutating func push(_ node: Node) {
            nodes.append(node)
            var child = nodes.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard before(nodes[child], nodes[parent]) else { break }
                nodes.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Node? {
            guard !nodes.isEmpty else { return nil }
            nodes.swapAt(0, nodes.count - 1)
            let top = nodes.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var first = parent
                if left < nodes.count, before(nodes[left], nodes[first]) { first = left }
                if right < nodes.count, before(nodes[right], nodes[first]) { first = right }
                guard first != parent else { break }
                nodes.swapAt(parent, first)
                parent = first
            }
            return top
        }
    }
}
