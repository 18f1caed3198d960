/// Following a register row's units through the plan (SPEC §2.5's reading rule), and what
/// each unit's path means for exposure and lateness (SPEC §2.2).
extension PlanCheck {
    /// Where a register row's units went, counted, and what that costs in exposure and lateness.
    struct RowPath {
        /// Σ over the row's units of e, in periods (unweighted; multiply by Y · w).
        var exposure = 0.0
        /// Σ over the row's units of the lateness after `by` and after `isolatedBy`, in periods.
        var lateness = 0.0
        /// Units that miss `by` (gone after it or never), with the periods they go in (`nil`: never).
        var lateGone: [Int?: Int] = [:]
        /// Units that miss `isolatedBy` (first treated after it or never), by that period.
        var lateTreated: [Int?: Int] = [:]
        /// Units that miss either deadline.
        var lateUnits = 0
        /// Isolations beyond the untouched units left, per period.
        var overIsolated: [Int: Int] = [:]
        /// Units gone beyond the untouched ones and those isolated earlier, per period.
        var overGone: [Int: Int] = [:]
        /// Units gone in the period they are isolated in, per period.
        var goneWhenIsolated: [Int: Int] = [:]
        /// Units never gone.
        var neverGone = 0
        /// Units never treated.
        var neverTreated = 0
        /// Units first treated (isolated or gone) per period.
        var firstTreated: [Int: Int] = [:]
    }

    /// The row's `by`, with the `cost` objective's "everything gone by the last period".
    func effectiveBy(_ row: Int) -> Int? {
        let facts = verifier.rows[row]
        guard facts.weight > 0 else { return nil }
        guard scenario.objective == .cost else { return facts.deadline }
        return min(facts.deadline ?? periodCount - 1, periodCount - 1)
    }

    /// Follows the units of `row`: in each period the isolations take untouched units; then the
    /// units gone are untouched ones first, then ones isolated in earlier periods, first isolated
    /// first (they are the older units: isolations take the oldest untouched).
    func follow(_ row: Int) -> RowPath {
        let facts = verifier.rows[row]
        let T = periodCount
        let phi = facts.isolation?.residualRisk ?? 1
        let by = effectiveBy(row)
        let isolatedBy = facts.weight > 0 ? facts.isolatedBy : nil
        var path = RowPath()

        /// `n` units first treated in `first` (nil: never) and gone in `goneIn` (nil: never).
        func account(_ n: Int, first: Int?, goneIn: Int?, e: Double) {
            guard n > 0 else { return }
            if let first { path.firstTreated[first, default: 0] += n }
            path.exposure += Double(n) * e
            var late = false
            if let by {
                let lateness = goneIn.map { Double(max(0, $0 - by)) } ?? (Double(T) - 0.5 - Double(by))
                if lateness > 0 { path.lateGone[goneIn, default: 0] += n; path.lateness += Double(n) * lateness; late = true }
            }
            if let isolatedBy {
                let lateness = first.map { Double(max(0, $0 - isolatedBy)) } ?? (Double(T) - 0.5 - Double(isolatedBy))
                if lateness > 0 { path.lateTreated[first, default: 0] += n; path.lateness += Double(n) * lateness; late = true }
            }
            if late { path.lateUnits += n }
        }

        var untouched = facts.quantity
        var pool: [(period: Int, count: Int)] = []   // isolated units, first isolated first
        for t in 0..<T {
            let isolations = isolated[row * T + t]
            let taken = min(isolations, untouched)
            if isolations > taken { path.overIsolated[t] = isolations - taken }
            untouched -= taken
            var going = gone(row, t)
            let fromUntouched = min(going, untouched)
            untouched -= fromUntouched
            going -= fromUntouched
            account(fromUntouched, first: t, goneIn: t, e: Double(t) + 0.5)
            while going > 0, !pool.isEmpty {
                let n = min(going, pool[0].count)
                let a = pool[0].period
                account(n, first: a, goneIn: t, e: Double(a) + 0.5 + phi * Double(t - a))
                going -= n
                pool[0].count -= n
                if pool[0].count == 0 { pool.removeFirst() }
            }
            var isolatedNow = taken
            if going > 0 {
                // Units isolated in this very period cannot also go in it.
                let together = min(going, isolatedNow)
                if together > 0 {
                    path.goneWhenIsolated[t] = together
                    account(together, first: t, goneIn: t, e: Double(t) + 0.5)
                    isolatedNow -= together
                }
                if going > together { path.overGone[t] = going - together }
            }
            if isolatedNow > 0 { pool.append((t, isolatedNow)) }
        }
        for (a, n) in pool {
            path.neverGone += n
            account(n, first: a, goneIn: nil, e: Double(a) + 0.5 + phi * (Double(T) - 0.5 - Double(a)))
        }
        path.neverGone += untouched
        path.neverTreated = untouched
        account(untouched, first: nil, goneIn: nil, e: Double(T))
        return path
    }
}
