import LinearProgramming

extension BestFirstSearch {
    mutating func accept(_ value: Double, _ values: [Double]) {
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

    /// Bounds that the node's reduced costs prove for its whole subtree. A column at its lower
    /// bound with reduced cost d > 0 (minimising) costs at least d for each unit it rises, so
    /// once the node's LP value plus k·d cannot beat the best plan by the gap, the column stays
    /// below the lower bound plus k; at its upper bound, likewise downwards. The LP's point keeps
    /// every such bound, so the relaxation needs no re-solve. What is cut off would have been
    /// pruned anyway: by the gap, its bound still counts (``prune(_:)``).
    mutating func fixingsByReducedCosts(_ values: [Double], value: Double) -> [Change] {
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
    mutating func searchNeighbourhood(of values: [Double]) {
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
}
