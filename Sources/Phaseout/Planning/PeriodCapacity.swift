/// The most an organisation can spend and work in each period, whatever else it does: the
/// budget less contracted (locked) spend, plus the most that can have been carried in; the
/// hours less contracted hours.
///
/// It sharpens the big-M of site visits. SPEC §2 only says "no units at a site in a period
/// without its visit", which a model writes `x ≤ n·v` with `n` the group's size. The LP
/// relaxation then pays a fraction `x/n` of the visit: on a town-centre site of 21 cameras and
/// a budget that buys 6 a year it pays 6/21 of every visit. Nothing can replace more units in
/// a period than the period's money or hours can buy once the visit itself is paid, so
/// `x ≤ min(n, capacity)·v` and `site spend ≤ (money − visit)·v` are valid and much tighter.
struct PeriodCapacity {
    /// Money available for variable spend in each period (nominal pounds).
    let money: [Double]
    /// The period's own money for variable spend: its budget less contracted spend.
    let ownMoney: [Double]
    /// Hours available in each period; `nil` when labour is unlimited.
    let hours: [Double]?
    let priceFactor: [Double]
    /// Money for variable spend in periods 0...t together: carry-over is a share ρ ≤ 1 of
    /// what is left, so it never adds money.
    let moneyBy: [Double]
    let hoursBy: [Double]?
    /// The cheapest price factor of periods 0...t.
    let cheapestFactorBy: [Double]

    init(problem: OrganisationProblem, budget: [Double], labour: [Double]?) {
        let periods = problem.periodCount
        var lockedSpend = [Double](repeating: 0, count: periods)
        var lockedHours = [Double](repeating: 0, count: periods)
        for site in problem.sites {
            for group in site.groups {
                guard let l = group.locked else { continue }
                lockedSpend[l] += group.unitCost * problem.priceFactor[l] * Double(group.count)
                lockedHours[l] += group.hours * Double(group.count)
            }
        }
        var money = [Double](repeating: 0, count: periods)
        var carriedIn = 0.0
        for t in 0..<periods {
            money[t] = budget[t] - lockedSpend[t] + carriedIn
            carriedIn = problem.carryOver > 0 && t < periods - 1 ? problem.carryOver * max(0, money[t]) : 0
        }
        self.money = money
        ownMoney = (0..<periods).map { budget[$0] - lockedSpend[$0] }
        let hours = labour.map { limits in (0..<periods).map { limits[$0] - lockedHours[$0] } }
        self.hours = hours
        priceFactor = problem.priceFactor
        moneyBy = Self.runningTotals(ownMoney, combine: +)
        hoursBy = hours.map { Self.runningTotals($0, combine: +) }
        cheapestFactorBy = Self.runningTotals(problem.priceFactor, combine: min)
    }

    private static func runningTotals(_ values: [Double], combine: (Double, Double) -> Double) -> [Double] {
        var result = values
        for t in result.indices.dropFirst() { result[t] = combine(result[t - 1], values[t]) }
        return result
    }

    /// The most units of a follower `group` that periods 0...t can pay for and staff at `site`
    /// once its leader block (and, where it costs money, one visit) is paid: the big-M of
    /// "recorders first", `Σ_{τ≤t} gone ≤ M·Σ_{τ≤t} y`. Removal may be cheaper than
    /// replacement, so units and the block are priced at the cheaper of the two
    /// (``OrganisationProblem/GroupProblem/cheapestGone``); isolation makes nothing gone.
    func unitsBehindLeaders(of group: OrganisationProblem.GroupProblem, at site: OrganisationProblem.SiteProblem, by t: Int) -> Int {
        let block = site.leaderFloor
        let blockCost = block.cost + site.visitCost
        let blockHours = block.hours
        var most = Double(group.count)
        let unit = group.cheapestGone
        let price = unit.cost * cheapestFactorBy[t]
        if price > 0 { most = min(most, Self.wholeUnits((moneyBy[t] - blockCost * cheapestFactorBy[t]) / price)) }
        if let hoursBy, unit.hours > 0 { most = min(most, Self.wholeUnits((hoursBy[t] - blockHours) / unit.hours)) }
        return Int(max(0, most))
    }

    /// Money left in period t once a visit to `site` is paid.
    func moneyAfterVisit(to site: OrganisationProblem.SiteProblem, period t: Int) -> Double {
        money[t] - site.visitCost * priceFactor[t]
    }

    /// The most units of `group` that period t can pay for and staff at `site`, visit included,
    /// at replacement prices: the big-M of a group's replacements `x` only (cheaper treatments'
    /// flows use the group's size).
    func units(of group: OrganisationProblem.GroupProblem, at site: OrganisationProblem.SiteProblem, period t: Int) -> Int {
        var most = Double(group.count)
        let price = group.unitCost * priceFactor[t]
        if price > 0 { most = min(most, Self.wholeUnits(moneyAfterVisit(to: site, period: t) / price)) }
        if let hours, group.hours > 0 { most = min(most, Self.wholeUnits(hours[t] / group.hours)) }
        return Int(max(0, most))
    }

    /// Whole units in a fractional quotient, generous by float noise so the cap stays valid.
    private static func wholeUnits(_ quotient: Double) -> Double {
        (quotient + 1e-6).rounded(.down)
    }
}
