/// One organisation's planning problem in solver-ready numbers (0-based periods).
///
/// Built from an ``Estate`` organisation and the scenario; knows nothing of lp_solve.
struct OrganisationProblem: Sendable {
    var name: String
    /// Number of periods T.
    var periodCount: Int
    /// Period length Y in years.
    var periodYears: Double
    var objective: Objective
    /// Every at-risk unit must be gone within the horizon: `cost`'s rule (SPEC §2.4), dropped in
    /// a best-effort plan, where it is a target instead (``withoutDeadlines``).
    var mustBeGoneByHorizon: Bool
    /// (1+i)^(Y·t): nominal price factor of period t.
    var priceFactor: [Double]
    /// (1+i)^−(Y·t) · (1+r)^−(Y·(t+0.5)): present value of one nominal pound spent in t.
    var presentValueFactor: [Double]
    var budget: [Double]
    /// `nil` when labour is unlimited.
    var labourHours: [Double]?
    /// ρ, the share of unspent budget that may be carried.
    var carryOver: Double
    var sites: [SiteProblem]

    /// A site: its visit cost (period-1 price) and its groups of interchangeable units.
    struct SiteProblem: Sendable {
        var id: String
        var visitCost: Double
        var groups: [GroupProblem]

        /// Whether it has at-risk leader units (recorders first applies).
        var hasLeaders: Bool { groups.contains { $0.isLeader } }
        /// Whether its decisions couple its groups (visit cost or leaders).
        var isCoupled: Bool { visitCost > 0 || hasLeaders }
        /// The leader block that `lead[s,t]` pays for (leaders not locked and without treatments,
        /// whose flows pay for themselves): its cost at period-1 prices and its hours.
        var leaderBlock: (cost: Double, hours: Double) {
            groups.reduce((0, 0)) { block, group in
                guard group.isLeader, group.locked == nil, !group.hasTreatments else { return block }
                return (block.0 + group.unitCost * Double(group.count), block.1 + group.hours * Double(group.count))
            }
        }

        /// The least the leader block costs and takes, whatever treatments make it gone: every
        /// unlocked leader unit replaced or removed, at the cheaper of the two.
        var leaderFloor: (cost: Double, hours: Double) {
            groups.reduce((0, 0)) { block, group in
                guard group.isLeader, group.locked == nil else { return block }
                let cheapest = group.cheapestGone
                return (block.0 + cheapest.cost * Double(group.count), block.1 + cheapest.hours * Double(group.count))
            }
        }
    }

    /// Interchangeable units.
    struct GroupProblem: Sendable {
        /// Position of the group in the estate (site's groups), to map counts back.
        var reference: GroupReference
        var weight: Double
        var unitCost: Double
        var hours: Double
        var count: Int
        var isLeader: Bool
        /// The last period by which the units must be gone: `by`, or the earlier of `by` and
        /// `isolatedBy` when the kind cannot be isolated (a unit that cannot be isolated meets an
        /// `isolatedBy` only by being gone); `nil` in a best-effort problem (``withoutDeadlines``).
        var deadline: Int?
        /// The last period by which the units must be isolated or gone: `isolatedBy`, only when
        /// the group can be isolated (otherwise ``deadline`` holds it); `nil` in a best-effort problem.
        var isolationDeadline: Int? = nil
        /// How the units may be isolated (SPEC §2.1), if at all: never for locked units.
        var isolation: Isolation? = nil
        /// How the units may be removed, if at all: only `removable` units of kinds with `remove`.
        var removal: Removal? = nil
        /// The rules as read (SPEC §1.2 `by`, `isolatedBy`), which lateness is measured from; kept
        /// in a best-effort problem, where groups pool only with groups of the same rules.
        var by: Int? = nil
        var isolatedBy: Int? = nil
        var locked: Int?
        /// Order in which pooled groups receive replacements (oldest units first).
        var fillOrder: Int = 0
        var atRisk: Bool { weight > 0 }
        /// The least cost (period-1 prices) and the fewest hours that make one unit gone:
        /// replacement's, or removal's where it is cheaper.
        var cheapestGone: (cost: Double, hours: Double) {
            (min(unitCost, removal?.cost ?? unitCost), min(hours, removal?.hours ?? hours))
        }

        /// Whether any treatment besides replacement is open to the units.
        var hasTreatments: Bool { isolation != nil || removal != nil }
        /// The last period by which a replace-only plan must replace the units: the earlier of
        /// the two deadlines (what the greedy and Lagrangian planners, which only replace, keep).
        var replaceDeadline: Int? {
            switch (deadline, isolationDeadline) {
            case let (d?, i?): min(d, i)
            default: deadline ?? isolationDeadline
            }
        }
    }

    /// The isolate treatment of a group: cost at period-1 prices, hours, and φ, the share of
    /// the weight left while isolated.
    struct Isolation: Sendable, Hashable {
        var cost: Double
        var hours: Double
        var residualRisk: Double
    }

    /// The remove treatment of a group: cost at period-1 prices and hours.
    struct Removal: Sendable, Hashable {
        var cost: Double
        var hours: Double
    }

    /// Whether any at-risk group may be isolated or removed (a v2 problem; a v1 one has none).
    var hasTreatments: Bool { sites.contains { $0.groups.contains { $0.atRisk && $0.hasTreatments } } }

    /// Every exposure value is a whole multiple of this step: E = (Y/2)·Σ w·(2t+1), so the
    /// step is Y/2 times the greatest common divisor of the weights (when they are multiples
    /// of 1e-6). `nil` when the weights have no usable common divisor.
    var exposureGranularity: Double? {
        let scale = 1e6
        var divisor: Int64 = 0
        for site in sites {
            for group in site.groups where group.weight > 0 {
                // An isolated unit adds (1 − φ)·w and φ·w steps (see ``PlanMeasures``).
                let phi = group.isolation?.residualRisk
                for weight in [group.weight] + (phi.map { [group.weight * $0, group.weight * (1 - $0)] } ?? []) where weight > 0 {
                    let scaled = weight * scale
                    guard abs(scaled - scaled.rounded()) < 1e-6, scaled < 1e15 else { return nil }
                    var a = Int64(scaled.rounded()), b = divisor
                    while b != 0 { (a, b) = (b, a % b) }
                    divisor = a
                }
            }
        }
        guard divisor > 0 else { return nil }
        return periodYears / 2 * Double(divisor) / scale
    }

    /// How many per-period decisions a monolithic model would need (groups × periods at
    /// coupled sites), a cheap measure of its size.
    var decisionCount: Int {
        sites.reduce(0) { total, site in
            total + (site.isCoupled ? site.groups.count * (periodCount + 1) : 0)
        }
    }

    /// The same problem with `money` added to each period's budget and `hours` to its labour
    /// (when labour is limited): what a shortfall buys.
    func funded(money: [Int], hours: [Int]) -> OrganisationProblem {
        var funded = self
        funded.budget = zip(budget, money).map { $0 + Double($1) }
        funded.labourHours = labourHours.map { zip($0, hours).map { $0 + Double($1) } }
        return funded
    }

    /// The organisation's baseline exposure E₀ = Y·T·Σ w·n.
    var baselineExposure: Double {
        var total = 0.0
        for site in sites { for group in site.groups { total += group.weight * Double(group.count) } }
        return periodYears * Double(periodCount) * total
    }
}

/// Where a group lives in the estate: the site's index in its organisation and the group's in its site.
struct GroupReference: Hashable, Sendable {
    var site: Int
    var group: Int
}

/// A plan's whole-number flows for every group of an organisation, `[site][group][t]`.
///
/// `counts` holds the units replaced from untouched ones, the only flow of a v1 plan, so every
/// replace-only consumer reads it as before. The other flows are zero for groups without
/// treatments: units removed or isolated from untouched ones, and units replaced or removed
/// from isolated ones (SPEC §2.1). Units gone in t are ``gone(_:_:_:)``.
struct PlanCounts: Sendable, Equatable, Codable {
    var counts: [[[Int]]]
    var removed: [[[Int]]]
    var isolated: [[[Int]]]
    var replacedFromIsolation: [[[Int]]]
    var removedFromIsolation: [[[Int]]]

    init(problem: OrganisationProblem) {
        counts = problem.sites.map { site in site.groups.map { _ in [Int](repeating: 0, count: problem.periodCount) } }
        removed = counts
        isolated = counts
        replacedFromIsolation = counts
        removedFromIsolation = counts
    }

    /// Units of group g at site s gone (replaced or removed, from untouched or isolation) in t.
    func gone(_ s: Int, _ g: Int, _ t: Int) -> Int {
        counts[s][g][t] + removed[s][g][t] + replacedFromIsolation[s][g][t] + removedFromIsolation[s][g][t]
    }

    /// Units of group g at site s first treated (gone from untouched, or isolated) in t.
    func firstTreated(_ s: Int, _ g: Int, _ t: Int) -> Int {
        counts[s][g][t] + removed[s][g][t] + isolated[s][g][t]
    }

    /// Units of group g at site s gone from isolation in t.
    func goneFromIsolation(_ s: Int, _ g: Int, _ t: Int) -> Int {
        replacedFromIsolation[s][g][t] + removedFromIsolation[s][g][t]
    }
}
