import Foundation
import PhaseoutGenerator
import TestSupport
@testable import Phaseout

// A seeded random estate builder that writes register CSV and scenario JSON *text* (parsed by
// the real readers), and an independent brute-force reading of SPEC §2 over the same estate.
// Nothing here calls Planning code: the brute force recomputes every figure from its own model.

/// A vendor as the register spells it, the family it belongs to (its normalised key) and the weight.
struct TinyVendor {
    var spelling: String
    var family: String
}

struct TinyKind {
    var name: String
    var cost: Double
    var hours: Double
    var risk: Double
    var first: Bool
    /// SPEC v2 `isolate` (cost, hours, residualRisk φ) and `remove` (cost, hours), if any.
    var isolate: (cost: Double, hours: Double, phi: Double)? = nil
    var remove: (cost: Double, hours: Double)? = nil
}

struct TinySite {
    var org: Int
    var id: String
    var category: String // "" = default
    var sensitivity: String // "" = standard
}

struct TinyRow {
    var id: String
    var site: Int // index into sites
    var kind: Int
    var vendor: Int
    var quantity: Int
    var installed: Int?
    var lock: Int?
    var removable = false
}

struct TinyDeadline {
    var council: Int?
    var category: String?
    var sensitivity: String?
    var kind: Int?
    var vendorFamily: String?
    var by: Int
    /// Whether the rule gives `by` (a v2 rule may give only `isolatedBy`).
    var hasBy = true
    var isolatedBy: Int? = nil
}

/// What the builder draws from.
struct TinyShape {
    var minUnits = 1
    var maxUnits = 8
    /// Largest batch (`quantity`) of a row.
    var maxQuantity = 3
    var periods = 1...3
    var organisations = 1...2
    var sitesPerOrganisation = 1...3
    var lockChance = 0.12
    var deadlineChance = 0.4
    var labourChance = 0.4
    var costChance = 0.4
    /// Budget per period as a share of the organisation's at-risk cost.
    var budgetShare = 0.15...0.9
    /// Chance that a period's budget is zero.
    var zeroBudgetChance = 0.1
    /// Whether town-centre sites always pay for a visit.
    var paidVisits = false
}

/// A tiny estate: the text the readers parse, and the numbers the brute force uses.
struct TinyEstate {
    var periods: [String]
    var years: Double
    var objectiveIsCost: Bool
    var vendorWeights: [String: Double] // family -> weight; families not listed fall to vendorDefault
    var vendorDefault: Double
    var sensitivityWeights: [String: Double] = ["critical": 8, "high": 4, "standard": 1, "low": 0.5]
    var kinds: [TinyKind]
    var visitCost: [String: Double] // category ("default" for "") -> £
    var inflation: Double
    var discount: Double
    var organisations: [String]
    var budgets: [[Double]]
    var labour: [[Double]?]
    var carry: Double
    var deadlines: [TinyDeadline]
    var vendors: [TinyVendor]
    var sites: [TinySite]
    var rows: [TinyRow]

    var T: Int { periods.count }

    /// Whether some site with at-risk units pays for its visits.
    var hasPaidVisit: Bool {
        rows.contains { row in
            let category = sites[row.site].category
            return (visitCost[category.isEmpty ? "default" : category] ?? visitCost["default"] ?? 0) > 0
        }
    }

    /// Whether some recorder-first unit is at risk.
    var hasAtRiskLeader: Bool {
        rows.contains { row in kinds[row.kind].first && kinds[row.kind].risk > 0 && (vendorWeights[vendors[row.vendor].family] ?? vendorDefault) > 0 }
    }

    // MARK: Drawing

    static func random(seed: UInt64, shape: TinyShape = TinyShape()) -> TinyEstate {
        var rng = SplitMix64(seed: seed)
        let T = rng.int(in: shape.periods)
        let firstYear = 2026
        let periods = (0..<T).map { "\(firstYear + $0)/\(String(firstYear + $0 + 1).suffix(2))" }
        let years = rng.chance(0.2) ? 0.5 : 1.0
        let objectiveIsCost = rng.chance(shape.costChance)
        var kinds = [
            TinyKind(name: "camera", cost: rng.pick([100, 250, 400, 850]), hours: rng.pick([0, 2, 3.5]), risk: 1, first: false),
            TinyKind(name: "recorder", cost: rng.pick([300, 600, 1500]), hours: rng.pick([0, 4, 8]), risk: rng.pick([1, 2, 4]), first: true),
        ]
        let twoLeaderKinds = rng.chance(0.25)
        if twoLeaderKinds {
            kinds.append(TinyKind(name: "nvr", cost: rng.pick([200, 500]), hours: rng.pick([0, 3]), risk: 1, first: true))
        }
        if rng.chance(0.2) {
            kinds.append(TinyKind(name: "sign", cost: 50, hours: 0.5, risk: 0, first: false))
        }
        let vendorDefault = rng.chance(0.3) ? 0.25 : 0
        let vendors = [
            TinyVendor(spelling: "Hikvision", family: "hikvision"),
            TinyVendor(spelling: "Hik Vision", family: "hikvision"),
            TinyVendor(spelling: "HIKVISION Digital Technology Co.", family: "hikvision"),
            TinyVendor(spelling: "Dahua", family: "dahua"),
            TinyVendor(spelling: "dahua tech", family: "dahua"),
            TinyVendor(spelling: "Axis", family: "axis"),
            TinyVendor(spelling: "Bosch", family: "bosch"),
        ]
        let vendorWeights: [String: Double] = ["hikvision": 1, "dahua": rng.pick([0.5, 1]), "axis": 0]
        let visitCost: [String: Double] = [
            "town-centre": shape.paidVisits ? rng.pick([150, 300]) : rng.pick([0, 150, 300]), "school": rng.pick([0, 120]), "default": rng.chance(0.2) ? 60 : 0,
        ]
        let inflation = rng.pick([0, 0.03, 0.037])
        let discount = rng.pick([0.035, 0, 0.05])
        let carry = rng.pick([0, 0.5, 1])
        let orgCount = rng.int(in: shape.organisations)
        let organisations = ["Orkney", "Shetland", "Moray"].prefix(orgCount).map { $0 }

        var sites: [TinySite] = []
        for o in 0..<orgCount {
            for s in 0..<max(1, rng.int(in: shape.sitesPerOrganisation)) {
                sites.append(TinySite(org: o, id: "S\(s + 1)",
                                      category: rng.pick(["", "town-centre", "school"]),
                                      sensitivity: rng.pick(["", "", "high", "critical", "low"])))
            }
        }
        var rows: [TinyRow] = []
        var units = 0
        let target = rng.int(in: shape.minUnits...shape.maxUnits)
        var id = 0
        while units < target {
            let site = rng.int(sites.count)
            var kind = rng.chance(0.3) ? 1 : 0
            if kind == 1, twoLeaderKinds, rng.chance(0.4) { kind = 2 }
            if kinds.count > 3 || (kinds.count == 3 && !twoLeaderKinds), rng.chance(0.1) { kind = kinds.count - 1 }
            let vendor = rng.chance(0.7) ? rng.int(5) : rng.int(vendors.count)
            let quantity = min(target - units, rng.chance(0.6) ? 1 : rng.int(in: 2...max(2, shape.maxQuantity)))
            // Units of weight-0 vendors or kinds are locked more often: contracted works.
            let notAtRisk = vendors[vendor].family == "axis" || kinds[kind].risk == 0
            let lock: Int? = rng.chance(notAtRisk ? 3 * shape.lockChance : shape.lockChance) ? rng.int(T) : nil
            id += 1
            rows.append(TinyRow(id: "D\(id)", site: site, kind: kind, vendor: vendor, quantity: quantity,
                                installed: rng.chance(0.8) ? rng.int(in: 2005...2020) : nil, lock: lock))
            units += quantity
        }
        var estate = TinyEstate(
            periods: periods, years: years, objectiveIsCost: objectiveIsCost, vendorWeights: vendorWeights,
            vendorDefault: vendorDefault, kinds: kinds, visitCost: visitCost, inflation: inflation,
            discount: discount, organisations: organisations, budgets: [], labour: [], carry: carry,
            deadlines: [], vendors: vendors, sites: sites, rows: rows)
        // Budgets and labour in proportion to what each organisation has at stake.
        for o in 0..<orgCount {
            var cost = 0.0, hours = 0.0
            for row in rows where sites[row.site].org == o {
                cost += Double(row.quantity) * kinds[row.kind].cost
                hours += Double(row.quantity) * kinds[row.kind].hours
            }
            cost += 100
            let share = shape.budgetShare
            estate.budgets.append((0..<T).map { _ in
                rng.chance(shape.zeroBudgetChance) ? 0 : (cost * (share.lowerBound + rng.double() * (share.upperBound - share.lowerBound))).rounded()
            })
            if rng.chance(shape.labourChance) {
                estate.labour.append((0..<T).map { _ in ((hours + 2) * (0.2 + 0.7 * rng.double()) * 2).rounded() / 2 })
            } else {
                estate.labour.append(nil)
            }
        }
        if rng.chance(shape.deadlineChance) {
            for _ in 0..<rng.int(in: 1...2) {
                var rule = TinyDeadline(by: rng.int(T))
                switch rng.int(6) {
                case 0: rule.council = rng.int(orgCount)
                case 1: rule.category = rng.pick(["town-centre", "school"])
                case 2: rule.sensitivity = rng.pick(["critical", "high"])
                case 3: rule.kind = rng.int(kinds.count)
                case 4: rule.vendorFamily = rng.pick(["hikvision", "dahua"])
                default: break // every at-risk unit
                }
                if rng.chance(0.3) { rule.kind = rng.int(2) }
                estate.deadlines.append(rule)
            }
        }
        return estate
    }

    // MARK: Text

    var registerCSV: String {
        let removable = rows.contains(where: \.removable)
        var lines = ["device_id,council,site_id,kind,vendor,sensitivity,site_category,installed,quantity,locked_period"
            + (removable ? ",removable" : "")]
        for row in rows {
            let site = sites[row.site]
            func quoted(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
            lines.append([
                row.id, organisations[site.org], site.id, kinds[row.kind].name, quoted(vendors[row.vendor].spelling),
                site.sensitivity, site.category, row.installed.map(String.init) ?? "", String(row.quantity),
                row.lock.map { periods[$0] } ?? "",
            ].joined(separator: ",") + (removable ? (row.removable ? ",yes" : ",") : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var scenarioJSON: String {
        func num(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
        func array(_ xs: [Double]) -> String { "[" + xs.map(num).joined(separator: ", ") + "]" }
        func quote(_ s: String) -> String { "\"" + s + "\"" }
        var vendorsText = vendorWeights.keys.sorted().map { "\(quote($0)): \(num(vendorWeights[$0]!))" }
        vendorsText.append("\"default\": \(num(vendorDefault))")
        let kindsText = kinds.map { k in
            "\(quote(k.name)): { \"replaceCost\": \(num(k.cost)), \"labourHours\": \(num(k.hours)), \"risk\": \(num(k.risk))"
                + (k.first ? ", \"replacedFirst\": true" : "")
                + (k.isolate.map { ", \"isolate\": { \"cost\": \(num($0.cost)), \"labourHours\": \(num($0.hours)), \"residualRisk\": \(num($0.phi)) }" } ?? "")
                + (k.remove.map { ", \"remove\": { \"cost\": \(num($0.cost)), \"labourHours\": \(num($0.hours)) }" } ?? "")
                + " }"
        }
        let visitText = visitCost.keys.sorted().map { "\(quote($0)): \(num(visitCost[$0]!))" }
        let budgetText = organisations.indices.map { "\(quote(organisations[$0])): \(array(budgets[$0]))" }
        let labourText = organisations.indices.compactMap { o in labour[o].map { "\(quote(organisations[o])): \(array($0))" } }
        let deadlineText = deadlines.map { rule in
            var fields: [String] = []
            if let c = rule.council { fields.append("\"council\": \(quote(organisations[c]))") }
            if let c = rule.category { fields.append("\"site_category\": \(quote(c))") }
            if let s = rule.sensitivity { fields.append("\"sensitivity\": \(quote(s))") }
            if let k = rule.kind { fields.append("\"kind\": \(quote(kinds[k].name))") }
            if let v = rule.vendorFamily { fields.append("\"vendor\": \(quote(v))") }
            if rule.hasBy { fields.append("\"by\": \(quote(periods[rule.by]))") }
            if let i = rule.isolatedBy { fields.append("\"isolatedBy\": \(quote(periods[i]))") }
            return "{ " + fields.joined(separator: ", ") + " }"
        }
        return """
        {
          "name": "tiny",
          "periods": [\(periods.map(quote).joined(separator: ", "))],
          "periodYears": \(num(years)),
          "objective": "\(objectiveIsCost ? "cost" : "exposure")",
          "vendors": { \(vendorsText.joined(separator: ", ")) },
          "kinds": { \(kindsText.joined(separator: ", ")) },
          "siteVisitCost": { \(visitText.joined(separator: ", ")) },
          "inflation": \(num(inflation)),
          "discountRate": \(num(discount)),
          "budgets": { \(budgetText.joined(separator: ", ")) },
          "labourHours": { \(labourText.joined(separator: ", ")) },
          "carryOver": \(num(carry)),
          "deadlines": [\(deadlineText.joined(separator: ", "))]
        }
        """
    }

    /// Parses the text through the real readers.
    func estate() throws -> Estate {
        let register = try RegisterReader.parse(registerCSV, fileName: "register.csv")
        let scenario = try ScenarioReader.parse(scenarioJSON, fileName: "scenario.json")
        return try Estate.build(register: register, scenario: scenario)
    }

    /// A copy with every budget scaled.
    func scalingBudgets(by factor: Double) -> TinyEstate {
        var copy = self
        copy.budgets = budgets.map { $0.map { ($0 * factor).rounded() } }
        return copy
    }

    /// A readable dump for failure messages.
    var description: String { "--- register.csv\n\(registerCSV)--- scenario.json\n\(scenarioJSON)" }
}

// MARK: - Brute force

/// The brute-force model of one organisation: classes of interchangeable units.
struct BruteOrganisation {
    struct UnitClass {
        var site: Int
        var count: Int
        var weight: Double
        var cost: Double // period-1 price
        var hours: Double
        var deadline: Int?
        var lock: Int?
        var leader: Bool
        var rows: [Int]
        var atRisk: Bool { weight > 0 }
    }

    let estate: TinyEstate
    let org: Int
    var classes: [UnitClass] = []
    /// Site indices (into estate.sites) of this organisation.
    var sites: [Int] = []

    init(estate: TinyEstate, org: Int) {
        self.estate = estate
        self.org = org
        sites = estate.sites.indices.filter { estate.sites[$0].org == org }
        for (r, row) in estate.rows.enumerated() where estate.sites[row.site].org == org {
            let site = estate.sites[row.site]
            let kind = estate.kinds[row.kind]
            let family = estate.vendors[row.vendor].family
            let vendorWeight = estate.vendorWeights[family] ?? estate.vendorDefault
            let sensitivity = site.sensitivity.isEmpty ? "standard" : site.sensitivity
            let weight = vendorWeight * estate.sensitivityWeights[sensitivity]! * kind.risk
            if weight == 0 && row.lock == nil { continue } // not at risk, not contracted: out of the plan
            var deadline: Int?
            if weight > 0 {
                for rule in estate.deadlines {
                    if let c = rule.council, c != org { continue }
                    if let c = rule.category, c != (site.category.isEmpty ? "default" : site.category) { continue }
                    if let s = rule.sensitivity, s != sensitivity { continue }
                    if let k = rule.kind, k != row.kind { continue }
                    if let v = rule.vendorFamily, v != family { continue }
                    deadline = min(deadline ?? rule.by, rule.by)
                }
            }
            let leader = kind.first && weight > 0
            if let c = classes.firstIndex(where: {
                $0.site == row.site && $0.weight == weight && $0.cost == kind.cost && $0.hours == kind.hours
                    && $0.deadline == deadline && $0.lock == row.lock && $0.leader == leader
            }) {
                classes[c].count += row.quantity
                classes[c].rows.append(r)
            } else {
                classes.append(UnitClass(site: row.site, count: row.quantity, weight: weight, cost: kind.cost,
                                         hours: kind.hours, deadline: deadline, lock: row.lock, leader: leader, rows: [r]))
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
    var hasAnything: Bool { !classes.isEmpty }
    struct Evaluation {
        var structural: Bool
        var spend: [Double]
        var hours: [Double]
        var exposure: Double
        var presentValue: Double
        var nominal: Double
    }

    /// Every figure of a plan given as units per class per period. With `dropDeadlines`, the
    /// rules of a best-effort plan: deadlines (and under `cost`, everything gone) are targets.
    func evaluate(_ x: [[Int]], dropDeadlines: Bool = false) -> Evaluation {
        var ok = true
        var spend = [Double](repeating: 0, count: T), hours = [Double](repeating: 0, count: T)
        var exposure = 0.0
        for (c, unitClass) in classes.enumerated() {
            let done = x[c].reduce(0, +)
            if x[c].contains(where: { $0 < 0 }) || done > unitClass.count { ok = false }
            if let l = unitClass.lock {
                for t in 0..<T where x[c][t] != (t == l ? unitClass.count : 0) { ok = false }
            } else if !unitClass.atRisk, done > 0 { ok = false }
            if unitClass.atRisk {
                if !dropDeadlines, let d = unitClass.deadline, x[c][0...d].reduce(0, +) != unitClass.count { ok = false }
                if !dropDeadlines, estate.objectiveIsCost, done != unitClass.count { ok = false }
                for t in 0..<T { exposure += unitClass.weight * Double(x[c][t]) * (Double(t) + 0.5) }
                exposure += unitClass.weight * Double(unitClass.count - done) * Double(T)
            }
            for t in 0..<T {
                spend[t] += Double(x[c][t]) * unitClass.cost * priceFactor(t)
                hours[t] += Double(x[c][t]) * unitClass.hours
            }
        }
        for site in sites {
            let here = classes.indices.filter { classes[$0].site == site }
            // Recorders first (rule 6).
            let leaders = here.filter { classes[$0].leader }
            if !leaders.isEmpty {
                var tau: Int?? = .none // unset
                for c in leaders {
                    let nonzero = (0..<T).filter { x[c][$0] > 0 }
                    let this: Int?
                    if nonzero.isEmpty { this = nil } else if nonzero.count == 1, x[c][nonzero[0]] == classes[c].count {
                        this = nonzero[0]
                    } else { ok = false; this = nil }
                    if let previous = tau { if previous != this { ok = false } } else { tau = .some(this) }
                }
                let start = tau ?? nil
                for c in here where !classes[c].leader && classes[c].atRisk {
                    for t in 0..<T where x[c][t] > 0 {
                        if let s = start { if t < s { ok = false } } else { ok = false }
                    }
                }
            }
            for t in 0..<T where here.contains(where: { x[$0][t] > 0 }) {
                spend[t] += visitCost(site: site) * priceFactor(t)
            }
        }
        let pv = (0..<T).reduce(0.0) { $0 + spend[$1] * pvFactor($1) }
        return Evaluation(structural: ok, spend: spend, hours: hours, exposure: exposure * estate.years,
                          presentValue: pv, nominal: spend.reduce(0, +))
    }

    /// Whether the spend and hours fit the budgets (plus extra money and hours), largest carry.
    func fits(_ e: Evaluation, extraMoney: [Int]? = nil, extraHours: [Int]? = nil) -> Bool {
        var carry = 0.0
        for t in 0..<T {
            let available = estate.budgets[org][t] + Double(extraMoney?[t] ?? 0) + carry
            if e.spend[t] > available + 1e-6 * max(1, available) { return false }
            carry = estate.carry * max(0, available - e.spend[t])
            if let limit = estate.labour[org]?[t], e.hours[t] > limit + Double(extraHours?[t] ?? 0) + 1e-9 { return false }
        }
        return true
    }

    /// The least whole pounds (then hours) per period that make this plan fit: money added in
    /// period order as late as possible is exact (see the proof in BruteForceTests).
    func shortfall(_ e: Evaluation) -> (money: [Int], hours: [Int]) {
        var money = [Int](repeating: 0, count: T), hours = [Int](repeating: 0, count: T)
        var carry = 0.0
        for t in 0..<T {
            var available = estate.budgets[org][t] + carry
            let deficit = e.spend[t] - available
            if deficit > 1e-6 * max(1, available) {
                money[t] = Int((deficit - 1e-9 * max(1, available)).rounded(.up))
                available += Double(money[t])
            }
            carry = estate.carry * max(0, available - e.spend[t])
            if let limit = estate.labour[org]?[t], e.hours[t] > limit + 1e-9 {
                hours[t] = Int((e.hours[t] - limit - 1e-9).rounded(.up))
            }
        }
        return (money, hours)
    }

    struct Result {
        /// Best primary value among plans that fit; nil when none fits.
        var best: Double?
        /// Structurally valid plans exist (locks, deadlines, ordering, cost ⇒ all).
        var structurallyPossible: Bool
        /// Least (money, hours) totals over structurally valid plans.
        var shortfallMoney = Int.max
        var shortfallHours = Int.max
        var plans = 0
    }

    /// SPEC §2.2's late risk-years of a plan: per unit w · periods late after its `by` (gone in t:
    /// max(0, t − by); never: T + 0.5 − by, periods from 1); under `cost` every unit is due by T.
    func lateRiskYears(_ x: [[Int]]) -> Double {
        var late = 0.0
        for (c, unitClass) in classes.enumerated() where unitClass.atRisk {
            guard let by = unitClass.deadline ?? (estate.objectiveIsCost ? T - 1 : nil) else { continue }
            let done = x[c].reduce(0, +)
            for t in 0..<T { late += unitClass.weight * Double(x[c][t]) * Double(max(0, t - by)) }
            late += unitClass.weight * Double(unitClass.count - done) * (Double(T) - 0.5 - Double(by))
        }
        return late * estate.years
    }

    /// The best-effort optimum (SPEC §2.5): the least L over plans that keep budgets, labour,
    /// locks and ordering, and the least primary value among them; `nil` when none exists.
    func bestEffort() -> (late: Double, value: Double)? {
        var best: (late: Double, value: Double)?
        enumerate { x in
            let e = evaluate(x, dropDeadlines: true)
            guard e.structural, fits(e) else { return }
            let late = lateRiskYears(x), value = estate.objectiveIsCost ? e.presentValue : e.exposure
            if best == nil || late < best!.late - 1e-9 || (abs(late - best!.late) <= 1e-9 && value < best!.value) {
                best = (late, value)
            }
        }
        return best
    }

    /// Calls `body` with every plan (units per class per period).
    func enumerate(_ body: ([[Int]]) -> Void) {
        var options: [[[Int]]] = []
        for unitClass in classes {
            if let l = unitClass.lock {
                options.append([(0..<T).map { $0 == l ? unitClass.count : 0 }])
            } else if !unitClass.atRisk {
                options.append([[Int](repeating: 0, count: T)])
            } else if unitClass.leader {
                var all = [[Int](repeating: 0, count: T)]
                for t in 0..<T { all.append((0..<T).map { $0 == t ? unitClass.count : 0 }) }
                options.append(all)
            } else {
                var all: [[Int]] = []
                func fill(_ prefix: [Int], _ left: Int) {
                    if prefix.count == T { all.append(prefix); return }
                    for k in 0...left { fill(prefix + [k], left - k) }
                }
                fill([], unitClass.count)
                options.append(all)
            }
        }
        var x = [[Int]](repeating: [], count: classes.count)
        func visit(_ c: Int) {
            if c == classes.count { body(x); return }
            for option in options[c] {
                x[c] = option
                visit(c + 1)
            }
        }
        visit(0)
    }

    /// Enumerates every plan.
    func solve() -> Result {
        var result = Result(best: nil, structurallyPossible: false)
        enumerate { x in
            result.plans += 1
            let e = evaluate(x)
            guard e.structural else { return }
            result.structurallyPossible = true
            if fits(e) {
                let value = estate.objectiveIsCost ? e.presentValue : e.exposure
                result.best = min(result.best ?? .infinity, value)
            } else if result.best == nil {
                let need = shortfall(e)
                let money = need.money.reduce(0, +), hours = need.hours.reduce(0, +)
                if (money, hours) < (result.shortfallMoney, result.shortfallHours) {
                    result.shortfallMoney = money
                    result.shortfallHours = hours
                }
            }
        }
        return result
    }

    /// Units per class per period of a planner's rows (device ids mapped back to the tiny rows).
    func counts(of rows: [PlanRow], register: Register) -> [[Int]]? {
        var x = classes.map { _ in [Int](repeating: 0, count: T) }
        for row in rows {
            guard let t = row.period else { continue }
            let id = register.rows[row.rowIndex].deviceID
            guard let r = estate.rows.firstIndex(where: { $0.id == id }) else { return nil }
            guard estate.sites[estate.rows[r].site].org == org else { continue }
            guard let c = classes.firstIndex(where: { $0.rows.contains(r) }) else { return nil }
            x[c][t] += row.quantity
        }
        return x
    }
}
