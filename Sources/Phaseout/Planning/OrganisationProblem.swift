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
        /// The leader block that `lead[s,t]` replaces (leaders not locked): its cost at
        /// period-1 prices and its hours.
        var leaderBlock: (cost: Double, hours: Double) {
            groups.reduce((0, 0)) { block, group in
                guard group.isLeader, group.locked == nil else { return block }
                return (block.0 + group.unitCost * Double(group.count), block.1 + group.hours * Double(group.count))
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
        /// The last period by which the units must be gone: the earlier of `by` and `isolatedBy`,
        /// since the planner replaces; `nil` in a best-effort problem (``withoutDeadlines``).
        var deadline: Int?
        /// The rules as read (SPEC §1.2 `by`, `isolatedBy`), which lateness is measured from; kept
        /// in a best-effort problem, where groups pool only with groups of the same rules.
        var by: Int? = nil
        var isolatedBy: Int? = nil
        var locked: Int?
        /// Order in which pooled groups receive replacements (oldest units first).
        var fillOrder: Int = 0
        var atRisk: Bool { weight > 0 }
    }

    /// Every exposure value is a whole multiple of this step: E = (Y/2)·Σ w·(2t+1), so the
    /// step is Y/2 times the greatest common divisor of the weights (when they are multiples
    /// of 1e-6). `nil` when the weights have no usable common divisor.
    var exposureGranularity: Double? {
        let scale = 1e6
        var divisor: Int64 = 0
        for site in sites {
            for group in site.groups where group.weight > 0 {
                let scaled = group.weight * scale
                guard abs(scaled - scaled.rounded()) < 1e-6, scaled < 1e15 else { return nil }
                var a = Int64(scaled.rounded()), b = divisor
                while b != 0 { (a, b) = (b, a % b) }
                divisor = a
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

/// Units replaced per period for every group of an organisation: `counts[site][group][t]`.
struct PlanCounts: Sendable, Equatable {
    var counts: [[[Int]]]

    init(problem: OrganisationProblem) {
        counts = problem.sites.map { site in site.groups.map { _ in [Int](repeating: 0, count: problem.periodCount) } }
    }
}
