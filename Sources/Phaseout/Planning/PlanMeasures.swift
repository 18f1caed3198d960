/// The figures of SPEC §2.2 for one organisation's counts: spend, visits, labour, carry,
/// exposure and present value.
struct PlanMeasures: Sendable, Equatable {
    var spend: [Double]
    var unitSpend: [Double]
    var visitSpend: [Double]
    /// Sites visited per period (indices into the problem's sites).
    var visitedSites: [[Int]]
    var labour: [Double]
    var unitsReplaced: [Int]
    /// Carry into each period and the largest carry out the rules allow.
    var carryIn: [Double]
    var carryOut: [Double]
    var exposure: Double
    var presentValue: Double
    var nominal: Double { spend.reduce(0, +) }

    /// Measures `counts` (which may break constraints: see ``violations``).
    /// `extraBudget` is added to each period's budget (a shortfall being tested).
    init(problem: OrganisationProblem, counts: PlanCounts, extraBudget: [Double]? = nil) {
        let periods = problem.periodCount
        unitSpend = [Double](repeating: 0, count: periods)
        visitSpend = [Double](repeating: 0, count: periods)
        visitedSites = [[Int]](repeating: [], count: periods)
        labour = [Double](repeating: 0, count: periods)
        unitsReplaced = [Int](repeating: 0, count: periods)
        var exposure = 0.0
        let horizon = Double(periods)
        for (s, site) in problem.sites.enumerated() {
            var worked = [Bool](repeating: false, count: periods)
            for (g, group) in site.groups.enumerated() {
                let perPeriod = counts.counts[s][g]
                var replaced = 0
                for t in 0..<periods where perPeriod[t] > 0 {
                    let units = Double(perPeriod[t])
                    unitSpend[t] += units * group.unitCost * problem.priceFactor[t]
                    labour[t] += units * group.hours
                    unitsReplaced[t] += perPeriod[t]
                    exposure += group.weight * units * (Double(t) + 0.5)
                    replaced += perPeriod[t]
                    worked[t] = true
                }
                exposure += group.weight * Double(group.count - replaced) * horizon
            }
            for t in 0..<periods where worked[t] {
                visitedSites[t].append(s)
                if site.visitCost > 0 { visitSpend[t] += site.visitCost * problem.priceFactor[t] }
            }
        }
        self.exposure = exposure * problem.periodYears
        spend = zip(unitSpend, visitSpend).map { $0 + $1 }
        carryIn = [Double](repeating: 0, count: periods)
        carryOut = [Double](repeating: 0, count: periods)
        var carry = 0.0
        var presentValue = 0.0
        for t in 0..<periods {
            carryIn[t] = carry
            let available = problem.budget[t] + (extraBudget?[t] ?? 0) + carry
            carry = max(0, problem.carryOver * (available - spend[t]))
            carryOut[t] = carry
            presentValue += spend[t] * problem.presentValueFactor[t]
        }
        self.presentValue = presentValue
    }
}

extension PlanMeasures {
    /// Whether spend stays within budget plus carry (SPEC §2.3 rule 7 tolerance) and labour
    /// within its limits, in every period.
    func keepsBudgets(of problem: OrganisationProblem) -> Bool {
        for t in 0..<problem.periodCount {
            let available = problem.budget[t] + carryIn[t]
            if spend[t] > available + 1e-6 * max(1, available) { return false }
            if let limit = problem.labourHours?[t], labour[t] > limit + 1e-9 * max(1, limit) { return false }
        }
        return true
    }
}

extension PlanMeasures {
    /// The whole pounds and hours to add per period for these measures to fit `problem`'s
    /// budgets (with carry-over) and labour: each period's overspend, rounded up, less a hair so
    /// that float noise above a whole pound asks for no extra pound. Money is added where it is
    /// spent, never earlier (carried money loses a share), so no split of the same plan needs less.
    func overspend(of problem: OrganisationProblem) -> (money: [Int], hours: [Int]) {
        let periods = problem.periodCount
        var money = [Int](repeating: 0, count: periods)
        var hours = [Int](repeating: 0, count: periods)
        var carry = 0.0
        for t in 0..<periods {
            var available = problem.budget[t] + carry
            let over = spend[t] - available
            if over > 1e-9 * max(1, available) {
                money[t] = Int((over - 1e-9 * max(1, available)).rounded(.up))
                available += Double(money[t])
            }
            carry = max(0, problem.carryOver * (available - spend[t]))
            if let limit = problem.labourHours?[t], labour[t] - limit > 1e-9 * max(1, limit) {
                hours[t] = Int((labour[t] - limit - 1e-9 * max(1, limit)).rounded(.up))
            }
        }
        return (money, hours)
    }
}

extension PlanCounts {
    /// Whether the counts keep every rule of SPEC §2.3, money and hours included.
    func keepsEverything(of problem: OrganisationProblem) -> Bool {
        keepsRules(of: problem) && PlanMeasures(problem: problem, counts: self).keepsBudgets(of: problem)
    }

    /// Whether the counts keep every rule of SPEC §2.3 other than money and hours: units
    /// replaced at most once, deadlines, locks, recorders first, and (for `cost`) everything
    /// replaced. Used to vet heuristic plans before they are trusted.
    func keepsRules(of problem: OrganisationProblem) -> Bool {
        let periods = problem.periodCount
        for (s, site) in problem.sites.enumerated() {
            var leaderPeriods = Set<Int>()
            var leadersComplete = true
            for (g, group) in site.groups.enumerated() {
                let perPeriod = counts[s][g]
                let total = perPeriod.reduce(0, +)
                if total > group.count || perPeriod.contains(where: { $0 < 0 }) { return false }
                if let lock = group.locked, perPeriod[lock] != group.count { return false }
                guard group.atRisk else { continue }
                if let deadline = group.deadline, perPeriod[0...deadline].reduce(0, +) != group.count { return false }
                if problem.mustBeGoneByHorizon, total != group.count { return false }
                if group.isLeader {
                    for t in 0..<periods where perPeriod[t] > 0 {
                        if perPeriod[t] != group.count { return false }
                        leaderPeriods.insert(t)
                    }
                    if total == 0 { leadersComplete = false }
                }
            }
            guard site.hasLeaders else { continue }
            if leaderPeriods.count > 1 || (!leaderPeriods.isEmpty && !leadersComplete) { return false }
            let tau = leaderPeriods.first ?? periods
            for (g, group) in site.groups.enumerated() where group.atRisk && !group.isLeader {
                if counts[s][g][0..<min(tau, periods)].contains(where: { $0 > 0 }) { return false }
            }
        }
        return true
    }
}
