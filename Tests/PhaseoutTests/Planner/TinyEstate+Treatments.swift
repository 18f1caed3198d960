import Foundation
import PhaseoutGenerator
import TestSupport
@testable import Phaseout

// SPEC v2 on tiny estates: kinds with `isolate` and `remove`, `removable` rows and `isolatedBy`
// rules, and a brute force that enumerates every unit's path (untouched; replaced or removed in
// t; isolated in a and kept; isolated in a and replaced or removed in g > a) and recomputes every
// figure from SPEC §2.2's per-unit formulas. Nothing here calls Planning code.

extension TinyEstate {
    /// A v1 tiny estate of `seed` made v2: treatments on the kinds, `removable` rows and
    /// `isolatedBy` rules, drawn from a second stream so the v1 estate is the same as ever.
    static func randomWithTreatments(seed: UInt64, shape: TinyShape) -> TinyEstate {
        var estate = random(seed: seed, shape: shape)
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 7)
        for k in estate.kinds.indices {
            if rng.chance(0.7) {
                estate.kinds[k].isolate = (rng.pick([10, 20, 60]), rng.pick([0, 0.5, 1]), rng.pick([0, 0.25, 0.5]))
            }
            if rng.chance(0.6) { estate.kinds[k].remove = (rng.pick([15, 30, 90]), rng.pick([0, 1])) }
        }
        for r in estate.rows.indices where estate.kinds[estate.rows[r].kind].remove != nil {
            estate.rows[r].removable = rng.chance(0.4)
        }
        // Rules: some `by` rules gain an `isolatedBy` or lose their `by` for one.
        for d in estate.deadlines.indices {
            switch rng.int(3) {
            case 0: estate.deadlines[d].isolatedBy = rng.int(estate.deadlines[d].by + 1)
            case 1:
                estate.deadlines[d].hasBy = false
                estate.deadlines[d].isolatedBy = estate.deadlines[d].by
            default: break
            }
        }
        if rng.chance(0.4) {
            var rule = TinyDeadline(by: 0, hasBy: false, isolatedBy: rng.int(estate.T))
            if rng.chance(0.5) { rule.sensitivity = rng.pick(["critical", "high", "low"]) }
            estate.deadlines.append(rule)
        }
        return estate
    }

    /// Whether the estate offers any treatment besides replacement to an at-risk unit.
    var hasTreatments: Bool { kinds.contains { $0.isolate != nil || $0.remove != nil } }
}

/// One unit's path (SPEC §2.1), periods 0-based.
struct UnitPath: Hashable {
    /// The period the unit is isolated in, if ever.
    var isolated: Int?
    /// The period the unit is gone in, if ever, and whether it is removed (else replaced).
    var gone: Int?
    var removed = false
}

/// The brute force of one organisation of a v2 tiny estate: classes of interchangeable units,
/// every multiset of unit paths per class.
struct BrutePaths {
    struct UnitClass {
        var site: Int
        var count: Int
        var weight: Double
        var kind: TinyKind
        var by: Int?
        var isolatedBy: Int?
        var lock: Int?
        var leader: Bool
        var removable: Bool
        /// Register rows (indices into the estate's rows).
        var rows: [Int]
        var atRisk: Bool { weight > 0 }
    }

    let estate: TinyEstate
    let org: Int
    var classes: [UnitClass] = []
    var sites: [Int] = []

    init(estate: TinyEstate, org: Int) {
        self.estate = estate
        self.org = org
        sites = estate.sites.indices.filter { estate.sites[$0].org == org }
        for (r, row) in estate.rows.enumerated() where estate.sites[row.site].org == org {
            let site = estate.sites[row.site]
            let kind = estate.kinds[row.kind]
            let family = estate.vendors[row.vendor].family
            let sensitivity = site.sensitivity.isEmpty ? "standard" : site.sensitivity
            let weight = (estate.vendorWeights[family] ?? estate.vendorDefault) * estate.sensitivityWeights[sensitivity]! * kind.risk
            if weight == 0 && row.lock == nil { continue }
            var by: Int?, isolatedBy: Int?
            if weight > 0 {
                for rule in estate.deadlines {
                    if let c = rule.council, c != org { continue }
                    if let c = rule.category, c != (site.category.isEmpty ? "default" : site.category) { continue }
                    if let s = rule.sensitivity, s != sensitivity { continue }
                    if let k = rule.kind, k != row.kind { continue }
                    if let v = rule.vendorFamily, v != family { continue }
                    if rule.hasBy { by = min(by ?? rule.by, rule.by) }
                    if let i = rule.isolatedBy { isolatedBy = min(isolatedBy ?? i, i) }
                }
            }
            let leader = kind.first && weight > 0
            let removable = row.removable && row.lock == nil
            if let c = classes.firstIndex(where: {
                $0.site == row.site && $0.weight == weight && $0.kind.name == kind.name && $0.by == by
                    && $0.isolatedBy == isolatedBy && $0.lock == row.lock && $0.leader == leader && $0.removable == removable
            }) {
                classes[c].count += row.quantity
                classes[c].rows.append(r)
            } else {
                classes.append(UnitClass(site: row.site, count: row.quantity, weight: weight, kind: kind, by: by,
                                         isolatedBy: isolatedBy, lock: row.lock, leader: leader, removable: removable, rows: [r]))
            }
        }
    }

    var T: Int { estate.T }
    func priceFactor(_ t: Int) -> Double { pow(1 + estate.inflation, estate.years * Double(t)) }
    func pvFactor(_ t: Int) -> Double {
        pow(1 + estate.inflation, -estate.years * Double(t)) * pow(1 + estate.discount, -estate.years * (Double(t) + 0.5))
    }
    func visitCost(site: Int) -> Double {
        let category = estate.sites[site].category
        return estate.visitCost[category.isEmpty ? "default" : category] ?? estate.visitCost["default"] ?? 0
    }

    /// The paths a unit of the class may take.
    func paths(of unitClass: UnitClass) -> [UnitPath] {
        // A locked unit may only be gone in its period; untouched is listed to read a plan
        // whose locks could not be kept, and ``evaluate(_:paths:)`` rejects it.
        if let l = unitClass.lock { return [UnitPath(), UnitPath(gone: l)] }
        var paths = [UnitPath()]
        let removals = unitClass.removable && unitClass.kind.remove != nil ? [false, true] : [false]
        for t in 0..<T { for removed in removals { paths.append(UnitPath(gone: t, removed: removed)) } }
        if unitClass.kind.isolate != nil {
            for a in 0..<T {
                paths.append(UnitPath(isolated: a))
                for g in (a + 1)..<max(a + 1, T) { for removed in removals { paths.append(UnitPath(isolated: a, gone: g, removed: removed)) } }
            }
        }
        return paths
    }

    /// A plan: per class, a count per path of ``paths(of:)``.
    typealias Plan = [[Int]]

    struct Evaluation {
        var keepsRules: Bool
        var keepsRulesButDeadlines: Bool
        var spend: [Double]
        var hours: [Double]
        var exposure: Double
        var presentValue: Double
        var late: Double
        var value: Double
    }

    func evaluate(_ plan: Plan, paths allPaths: [[UnitPath]]) -> Evaluation {
        var rules = true, deadlines = true
        var spend = [Double](repeating: 0, count: T), hours = [Double](repeating: 0, count: T)
        var worked = Set<[Int]>()
        var exposure = 0.0, late = 0.0
        let horizon = Double(T)
        var goneAt: [Int: Set<Int?>] = [:] // site → gone periods of leader units
        var followersGone: [Int: [Int]] = [:]
        for (c, unitClass) in classes.enumerated() {
            for (p, path) in allPaths[c].enumerated() where plan[c][p] > 0 {
                let n = Double(plan[c][p])
                if let l = unitClass.lock, path != UnitPath(gone: l) { rules = false }
                if let a = path.isolated, let i = unitClass.kind.isolate {
                    spend[a] += n * i.cost * priceFactor(a)
                    hours[a] += n * i.hours
                    worked.insert([unitClass.site, a])
                }
                if let g = path.gone {
                    let cost = path.removed ? unitClass.kind.remove!.cost : unitClass.kind.cost
                    spend[g] += n * cost * priceFactor(g)
                    hours[g] += n * (path.removed ? unitClass.kind.remove!.hours : unitClass.kind.hours)
                    worked.insert([unitClass.site, g])
                }
                guard unitClass.atRisk else { continue }
                // SPEC §2.2 in periods counted from 1.
                let phi = unitClass.kind.isolate?.phi ?? 0
                let e: Double
                switch (path.isolated.map { Double($0 + 1) }, path.gone.map { Double($0 + 1) }) {
                case (nil, nil): e = horizon
                case (nil, let g?): e = g - 0.5
                case (let a?, let g?): e = (a - 0.5) + phi * (g - a)
                case (let a?, nil): e = (a - 0.5) + phi * (horizon + 0.5 - a)
                }
                exposure += unitClass.weight * n * e
                let by = unitClass.by ?? (estate.objectiveIsCost ? T - 1 : nil)
                if let by {
                    if let g = path.gone { if g > by { deadlines = false; late += unitClass.weight * n * Double(g - by) } }
                    else { deadlines = false; late += unitClass.weight * n * (horizon + 0.5 - Double(by + 1)) }
                }
                if let i = unitClass.isolatedBy {
                    if let f = path.isolated ?? path.gone { if f > i { deadlines = false; late += unitClass.weight * n * Double(f - i) } }
                    else { deadlines = false; late += unitClass.weight * n * (horizon + 0.5 - Double(i + 1)) }
                }
                if unitClass.leader { goneAt[unitClass.site, default: []].insert(path.gone) }
                else if let g = path.gone { followersGone[unitClass.site, default: []].append(g) }
            }
        }
        for site in sites {
            guard let periods = goneAt[site] else {
                continue
            }
            if periods.count > 1 { rules = false; continue }
            let tau = periods.first!
            for g in followersGone[site] ?? [] { if tau.map({ g < $0 }) ?? true { rules = false } }
        }
        for key in worked { spend[key[1]] += visitCost(site: key[0]) * priceFactor(key[1]) }
        let pv = (0..<T).reduce(0.0) { $0 + spend[$1] * pvFactor($1) }
        exposure *= estate.years
        return Evaluation(keepsRules: rules && deadlines, keepsRulesButDeadlines: rules, spend: spend, hours: hours,
                          exposure: exposure, presentValue: pv, late: late * estate.years,
                          value: estate.objectiveIsCost ? pv : exposure)
    }

    /// The plan that leaves every unit untouched.
    func evaluate(untouched: Void) -> Evaluation {
        let allPaths = classes.map(paths(of:))
        return evaluate(classes.indices.map { c in [classes[c].count] + [Int](repeating: 0, count: allPaths[c].count - 1) },
                        paths: allPaths)
    }

    /// Whether the spend and hours fit the budgets (plus extra money and hours), largest carry.
    func fits(_ e: Evaluation, extraMoney: [Int]? = nil, extraHours: [Int]? = nil, scale: Double = 1,
              tolerance: Double = 1e-6) -> Bool {
        var carry = 0.0
        for t in 0..<T {
            let available = scale * estate.budgets[org][t] + Double(extraMoney?[t] ?? 0) + carry
            if e.spend[t] > available + tolerance * max(1, available) { return false }
            carry = estate.carry * max(0, available - e.spend[t])
            if let limit = estate.labour[org]?[t], e.hours[t] > limit + Double(extraHours?[t] ?? 0) + 1e-9 { return false }
        }
        return true
    }

    struct Result {
        var best: Double?
        var structurallyPossible = false
        var bestEffort: (late: Double, value: Double)?
        /// The least (money, hours) totals that make some plan that keeps every rule fit.
        var shortfall = (money: Int.max, hours: Int.max)
        var plans = 0
    }

    /// The least whole pounds, then hours, per period that make this plan fit (money in period
    /// order, as late as possible: exact, see BruteForceTests).
    func shortfall(_ e: Evaluation) -> (money: Int, hours: Int) {
        var money = 0, hours = 0
        var carry = 0.0
        for t in 0..<T {
            var available = estate.budgets[org][t] + carry
            let deficit = e.spend[t] - available
            if deficit > 1e-6 * max(1, available) {
                let extra = Int((deficit - 1e-9 * max(1, available)).rounded(.up))
                money += extra
                available += Double(extra)
            }
            carry = estate.carry * max(0, available - e.spend[t])
            if let limit = estate.labour[org]?[t], e.hours[t] > limit + 1e-9 { hours += Int((e.hours[t] - limit - 1e-9).rounded(.up)) }
        }
        return (money, hours)
    }

    /// Calls `body` with every plan's evaluation (each class's units spread over its paths).
    func forEachPlan(_ body: (Evaluation) -> Void) {
        let allPaths = classes.map(paths(of:))
        var options: [[[Int]]] = []
        for c in classes.indices {
            var all: [[Int]] = []
            func fill(_ prefix: [Int], _ left: Int) {
                if prefix.count == allPaths[c].count - 1 { all.append(prefix + [left]); return }
                for k in 0...left { fill(prefix + [k], left - k) }
            }
            if !classes[c].atRisk && classes[c].lock == nil { all = [[classes[c].count] + [Int](repeating: 0, count: allPaths[c].count - 1)] }
            else { fill([], classes[c].count) }
            options.append(all)
        }
        var plan = Plan(repeating: [], count: classes.count)
        func visit(_ c: Int) {
            if c == classes.count {
                body(evaluate(plan, paths: allPaths))
                return
            }
            for option in options[c] {
                plan[c] = option
                visit(c + 1)
            }
        }
        visit(0)
    }

    /// Every plan: the least primary value among plans that keep everything; the least L, then
    /// value, among plans that keep all but deadlines.
    func solve() -> Result {
        var result = Result()
        forEachPlan { e in
        result.plans += 1
        guard e.keepsRulesButDeadlines else { return }
        let fits = fits(e)
        if e.keepsRules {
            result.structurallyPossible = true
            if fits { result.best = min(result.best ?? .infinity, e.value) }
            else {
                let need = shortfall(e)
                if (need.money, need.hours) < result.shortfall { result.shortfall = need }
            }
        }
        if fits, let best = result.bestEffort {
            if e.late < best.late - 1e-9 || (abs(e.late - best.late) <= 1e-9 && e.value < best.value) {
                result.bestEffort = (e.late, e.value)
            }
        } else if fits {
            result.bestEffort = (e.late, e.value)
        }
        }
        return result
    }

    /// A planner's rows read back into paths per class with SPEC §2.5's reading rule (`nil`
    /// when a row names a unit outside the classes or a treatment the class cannot take).
    func plan(of rows: [PlanRow], register: Register) -> Evaluation? {
        let allPaths = classes.map(paths(of:))
        var plan = classes.map { [Int](repeating: 0, count: paths(of: $0).count) }
        for (c, unitClass) in classes.enumerated() {
            // Per period: isolated, replaced and removed units of the class's rows.
            var isolate = [Int](repeating: 0, count: T), replace = isolate, remove = isolate
            for row in rows {
                guard let t = row.period else { continue }
                let id = register.rows[row.rowIndex].deviceID
                guard let r = estate.rows.firstIndex(where: { $0.id == id }), unitClass.rows.contains(r) else { continue }
                switch row.treatment ?? .replace {
                case .isolate: isolate[t] += row.quantity
                case .replace: replace[t] += row.quantity
                case .remove: remove[t] += row.quantity
                }
            }
            // Units as (isolated period) in age order: untouched ones, then the isolated pool.
            var untouched = unitClass.count
            var isolatedPool: [Int] = [] // isolation periods, oldest unit first
            for t in 0..<T {
                guard isolate[t] <= untouched else { return nil }
                untouched -= isolate[t]
                let newly = [Int](repeating: t, count: isolate[t])
                var leaving: [Int?] = []
                let gone = replace[t] + remove[t]
                let fromUntouched = min(gone, untouched)
                leaving += [Int?](repeating: nil, count: fromUntouched)
                untouched -= fromUntouched
                guard gone - fromUntouched <= isolatedPool.count else { return nil }
                leaving += isolatedPool.prefix(gone - fromUntouched).map { Optional($0) }
                isolatedPool.removeFirst(gone - fromUntouched)
                isolatedPool += newly
                for (k, a) in leaving.enumerated() {
                    let path = UnitPath(isolated: a, gone: t, removed: k >= replace[t])
                    guard let p = allPaths[c].firstIndex(of: path) else { return nil }
                    plan[c][p] += 1
                }
            }
            for a in isolatedPool { plan[c][allPaths[c].firstIndex(of: UnitPath(isolated: a))!] += 1 }
            plan[c][0] += untouched
        }
        return evaluate(plan, paths: allPaths)
    }
}
