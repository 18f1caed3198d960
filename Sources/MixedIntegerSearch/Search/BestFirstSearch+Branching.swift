import LinearProgramming

extension BestFirstSearch {
    mutating func learn(from node: Node, value: Double) {
        guard let branched = node.branched, branched.distance > 1e-9 else { return }
        let side = branched.up ? 1 : 0
        pseudoSum[branched.index][side] += max(0, value - branched.parentValue) / branched.distance
        pseudoCount[branched.index][side] += 1
    }

    /// Where to branch, and the children's bounds where they were probed (`.infinity` for an
    /// infeasible child).
    struct Choice {
        var index: Int
        var fraction: Double
        var down = -Double.infinity
        var up = -Double.infinity
        /// The children were solved while choosing; their gains are already learnt.
        var probed = false
    }

    /// The pseudo-cost of moving `index` down (side 0) or up (side 1) by one, or `nil` without history.
    func pseudoCost(_ index: Int, _ side: Int) -> Double? {
        pseudoCount[index][side] > 0 ? pseudoSum[index][side] / Double(pseudoCount[index][side]) : nil
    }

    static func score(_ down: Double, _ up: Double) -> Double { max(down, 1e-6) * max(up, 1e-6) }

    /// The fractional integer variable to branch on (reliability branching). Only variables of
    /// the highest priority among the fractional ones compete. Each is scored by the product
    /// of its expected gains down and up: from its pseudo-costs when it has been branched on at
    /// least `reliability` times each way, otherwise (up to ``probesPerNode`` of them, the
    /// most promising first, until ``lookahead`` probes in a row bring nothing better) by
    /// solving both children's LPs, which also gives those children exact bounds and finds the
    /// ones that are infeasible. Ties go to the lower index. `nil` when the point is integral.
    mutating func branching(_ values: [Double], value: Double) -> Choice? {
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
            let reliable = pseudoCount[index][0] >= reliability && pseudoCount[index][1] >= reliability
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

    /// Learns a probed gain (an infeasible child teaches nothing about the cost).
    mutating func observe(_ index: Int, side: Int, gain: Double, distance: Double) {
        guard gain.isFinite, distance > 1e-9 else { return }
        pseudoSum[index][side] += max(0, gain) / distance
        pseudoCount[index][side] += 1
    }

    /// The LP value (rounded to the lattice) with one variable's bounds moved, `.infinity` when
    /// infeasible, `nil` when the LP fails. The bounds are put back afterwards.
    mutating func probe(_ index: Int, lower: Double, upper: Double, restoring: (Double, Double)) -> Double? {
        relaxation.setBounds(index, lower: lower, upper: upper)
        defer { relaxation.setBounds(index, lower: restoring.0, upper: restoring.1) }
        let remaining = deadline.map { ($0 - ContinuousClock.now).inSeconds } ?? 3600
        switch relaxation.solve(objectiveConstant: constant, seconds: remaining + 1) {
        case .optimal(let value, _): return rounded(sign * value)
        case .infeasible: return .infinity
        case .failed: return nil
        }
    }

    /// At most this many variables are probed at one node…
    static let probesPerNode = 8
    /// …and probing stops after this many in a row that do not beat the best so far.
    static let lookahead = 4
}
