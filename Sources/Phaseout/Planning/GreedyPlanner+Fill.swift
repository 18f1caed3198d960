import LinearProgramming

extension GreedyPlanner {
    /// The greedy's state: the plan so far and, within the current period, what money, hours
    /// and site visits are left.
    struct Fill {
        typealias Affordable = (OrganisationProblem.GroupProblem, Int, Double, Double, Double) -> Int

        let problem: OrganisationProblem
        var counts: PlanCounts
        /// Units of each group not yet placed (0 for locked and not-at-risk groups).
        var remaining: [[Int]]
        /// Leaders locked in a period fix the block's period: the site's other leaders are due then.
        var leadersDone: [Bool]
        /// A site whose leaders are locked in a later period cannot take followers before it.
        let leaderLock: [Int?]
        /// Locked units' spend, hours and visits per period.
        private var lockedSpend: [Double]
        private var lockedHours: [Double]
        private var lockedVisit: [Set<Int>]
        private(set) var period = 0
        var money = 0.0
        var hours = 0.0
        private var visited: Set<Int> = []
        private var price = 1.0

        /// The empty plan with the locked units placed.
        init(problem: OrganisationProblem) {
            self.problem = problem
            let periods = problem.periodCount
            counts = PlanCounts(problem: problem)
            remaining = problem.sites.map { site in site.groups.map { $0.locked == nil && $0.atRisk ? $0.count : 0 } }
            leadersDone = problem.sites.map { site in !site.groups.contains { $0.isLeader && $0.locked == nil } }
            leaderLock = problem.sites.map { site in site.groups.first { $0.isLeader && $0.locked != nil }?.locked }
            lockedSpend = [Double](repeating: 0, count: periods)
            lockedHours = [Double](repeating: 0, count: periods)
            lockedVisit = [Set<Int>](repeating: [], count: periods)
            for (s, site) in problem.sites.enumerated() {
                for (g, group) in site.groups.enumerated() {
                    guard let l = group.locked else { continue }
                    counts.counts[s][g][l] = group.count
                    lockedSpend[l] += Double(group.count) * group.unitCost * problem.priceFactor[l]
                    lockedHours[l] += Double(group.count) * group.hours
                    lockedVisit[l].insert(s)
                }
            }
            for l in 0..<periods {
                for s in lockedVisit[l] { lockedSpend[l] += problem.sites[s].visitCost * problem.priceFactor[l] }
            }
        }

        /// Starts period `t` with its budget and the carry, less the locked work's money and hours.
        mutating func open(period t: Int, carry: Double) {
            period = t
            money = problem.budget[t] + carry - lockedSpend[t]
            hours = (problem.labourHours?[t] ?? .infinity) - lockedHours[t]
            visited = lockedVisit[t]
            price = problem.priceFactor[t]
        }

        /// The risk-years a unit of weight 1 stops carrying when it goes this period (from the
        /// period's mid-point to the horizon, SPEC §2.2).
        var yearsLeft: Double { problem.periodYears * (Double(problem.periodCount) - Double(period) - 0.5) }

        /// The visit site `s` still costs this period (0 once visited).
        func visitCost(_ s: Int) -> Double { visited.contains(s) ? 0 : problem.sites[s].visitCost * price }

        func mayWork(_ s: Int) -> Bool { leaderLock[s].map { $0 <= period } ?? true }

        /// Replaces `units` of group g at site s this period.
        mutating func take(_ s: Int, _ g: Int, _ units: Int) {
            let group = problem.sites[s].groups[g]
            counts.counts[s][g][period] += units
            remaining[s][g] -= units
            money -= Double(units) * group.unitCost * price
            hours -= Double(units) * group.hours
            if !visited.contains(s) {
                visited.insert(s)
                money -= problem.sites[s].visitCost * price
            }
        }

        /// The money and hours of site `s`'s unlocked leader block this period.
        func leaderCost(_ s: Int) -> (money: Double, hours: Double) {
            var cost = 0.0, labour = 0.0
            for group in problem.sites[s].groups where group.isLeader && group.locked == nil {
                cost += Double(group.count) * group.unitCost * price
                labour += Double(group.count) * group.hours
            }
            return (cost, labour)
        }

        /// Replaces site `s`'s leader block this period.
        mutating func takeLeaders(_ s: Int) {
            for (g, group) in problem.sites[s].groups.enumerated() where group.isLeader && group.locked == nil {
                counts.counts[s][g][period] = group.count
                remaining[s][g] = 0
                money -= Double(group.count) * group.unitCost * price
                hours -= Double(group.count) * group.hours
            }
            if !visited.contains(s) {
                visited.insert(s)
                money -= problem.sites[s].visitCost * price
            }
            leadersDone[s] = true
        }

        /// Whether the leader block of site `s` and its visit fit in what is left.
        func leadersFit(_ s: Int) -> Bool {
            let block = leaderCost(s)
            return block.money + visitCost(s) <= money && block.hours <= hours
        }

        /// Every group's and leader block's deadline is met.
        var meetsEveryDeadline: Bool {
            for (s, site) in problem.sites.enumerated() {
                for (g, group) in site.groups.enumerated() where group.replaceDeadline != nil && remaining[s][g] > 0 { return false }
                if site.groups.contains(where: { $0.isLeader && $0.replaceDeadline != nil }) && !leadersDone[s] { return false }
            }
            return true
        }
    }
}
