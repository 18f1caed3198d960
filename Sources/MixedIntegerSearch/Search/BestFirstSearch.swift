import LinearProgramming

/// One run of ``BestFirstSolver``. Values are kept as a minimisation (`sign` · objective).
struct BestFirstSearch {
    struct Change {
        var index: Int
        var lower: Double
        var upper: Double
    }

    /// The bounds one node moved (its branching, or its reduced-cost fixings), linked to its
    /// parent's. Children share their ancestors' links, so an open node costs only what it added
    /// itself: copied arrays grew with depth and fixings, and held hundreds of MB on long runs.
    final class Link {
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

    struct Node {
        var id: Int
        /// A bound on every solution below the node (lattice-rounded, minimisation).
        var bound: Double
        var depth: Int
        /// Bounds moved from the root's, newest link first; newer changes win.
        var changes: Link?
        /// The branching that made the node: variable, direction, distance moved, parent's LP.
        var branched: (index: Int, up: Bool, distance: Double, parentValue: Double)?
    }

    let model: LinearModel
    let parameters: SolverParameters
    let sign: Double
    let constant: Double
    let relaxation: any Relaxation
    let backend: any RelaxationBackend
    let started = ContinuousClock.now
    /// When the search stops: the time limit's, moved on by `extendedDeadline` when it comes.
    var deadline: ContinuousClock.Instant?
    let integers: [Int]
    let fixesByReducedCosts: Bool
    let searchesNeighbourhoods: Bool
    /// Branchings each way after which a variable's pseudo-costs are trusted.
    let reliability: Int

    /// Solutions must be strictly below this (the cutoff, then the best solution's value).
    var limit: Double
    /// The value of the caller's solution (`incumbentValue`), for the gaps.
    let known: Double
    var best: (value: Double, values: [Double])?
    var improvedCount = 0
    var neighbourhoodImprovements = 0
    /// Set when the improved-solution callback asks the search to stop.
    var stopRequested = false
    /// The lowest bound of a node pruned only by the gap, or whose LP failed: part of the bound.
    var setAside = Double.infinity
    var failedNodes = 0
    /// The last bound passed to `onBoundImproved`.
    var reportedBound = -Double.infinity
    var nodes = 0
    var nextID = 1
    var heap = NodeHeap()
    /// Bounds currently moved in `relaxation`, by variable.
    var applied: [Int: Change] = [:]
    /// The node count at which the next neighbourhood search runs.
    var nextNeighbourhood = BestFirstSearch.firstNeighbourhood
    var pseudoSum: [[Double]]
    var pseudoCount: [[Int]]

    init(model: LinearModel, parameters: SolverParameters, backend: any RelaxationBackend, fixesByReducedCosts: Bool = true,
         searchesNeighbourhoods: Bool = true, reliability: Int = 1) throws {
        self.model = model
        self.reliability = reliability
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
    var threshold: Double {
        let reference = min(best?.value ?? .infinity, known)
        guard reference.isFinite else { return limit }
        let gap = max(parameters.absoluteGap, parameters.relativeGap * abs(reference))
        return min(limit, reference - gap)
    }

    func rounded(_ value: Double) -> Double {
        parameters.roundToGranularity(value, maximising: false)
    }

    /// Whether `value` is below `level` by more than float noise. The noise allowed is at most a
    /// quarter of the objective lattice's step, so that a value a whole step below `level` is
    /// never taken for noise, however large `level` is.
    func isBelow(_ value: Double, _ level: Double) -> Bool {
        guard level != .infinity else { return value < .infinity }
        var noise = Tolerance.absolute(near: level)
        if let step = parameters.objectiveGranularity, step > 0 { noise = min(noise, 0.25 * step) }
        return value < level - noise
    }

    func isPruned(_ bound: Double) -> Bool { !isBelow(bound, threshold) }

    /// Records a node pruned by the gap alone (its bound still counts).
    mutating func prune(_ bound: Double) {
        if isBelow(bound, limit) { setAside = min(setAside, bound) }
    }

    enum Stop { case time, nodes, cancelled }

    mutating func shouldStop() -> Stop? {
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
    mutating func reportBound(below node: Node) {
        guard let report = parameters.onBoundImproved else { return }
        let bound = min(node.bound, heap.minimumBound ?? .infinity, setAside, best?.value ?? .infinity, limit)
        guard bound.isFinite, bound > reportedBound + Tolerance.absolute(near: bound) else { return }
        reportedBound = bound
        report(sign * bound)
    }

    /// Whether every integer variable is within the integrality tolerance of a whole number.
    func isIntegral(_ values: [Double]) -> Bool {
        integers.allSatisfy { index in
            let fraction = values[index] - values[index].rounded(.down)
            return fraction <= Self.integrality || fraction >= 1 - Self.integrality
        }
    }

    /// How far from a whole number an integer variable's value may be and count as whole.
    static let integrality = 1e-6

    func finish(_ stopped: Stop?) -> Solution {
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
    static func rawStatus(_ termination: Termination, hasSolution: Bool) -> Int {
        switch (termination.reason, termination.limit) {
        case (.optimal, _): 0
        case (.infeasible, _), (.limitReached, .cutoff): 2
        case (.limitReached, .interrupted): 6
        case (.limitReached, _): hasSolution ? 1 : 7
        case (.unbounded, _): 3
        case (.failed, _): hasSolution ? 1 : 5
        }
    }
}
