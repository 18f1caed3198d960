import LinearProgramming
import LPSolve
import MixedIntegerSearch

/// The exact MILP of SPEC §2 for one organisation, on ``LinearModel``.
///
/// Decisions: `x[g,t]` integer units of group g replaced in t (only in periods the group may
/// use: up to its deadline; none for locked or leader groups, which are constants or follow
/// `y`); `y[s,t]` binary "the leader block of site s is replaced in t"; `v[s,t]` binary "site s
/// is visited in t", only where the visit costs money; `carry[t]` continuous.
///
/// With `aggregate`, groups of uncoupled sites (no visit cost, no leaders) that share kind,
/// weight, cost, hours, deadline and lock are pooled into one class, so the model does not grow
/// with the number of such sites.
struct OrganisationModel {
    /// What the model is for.
    enum Purpose {
        /// The planning model: every hard constraint.
        case plan
        /// The elastic model of SPEC §2.5: whole extra pounds `money[t]` and hours `hours[t]`.
        case elastic
    }

    /// With `visitsFirst`, branch and bound decides paid visits first, before the type totals
    /// (priority 1) and the counts (0). Once a visit is fixed, the site's counts and blocks are
    /// bounded by it, so the subtree is nearly integral; branching on totals first leaves the
    /// visits fractional deep in the tree. Used by the best-first search (the second round):
    /// with it in lp_solve's own search too, national 100k proved 200 councils at 60 s (194
    /// without) and 231 at 300 s (222), but Edinburgh alone took 11.5 s instead of 4.8 s, so
    /// the Scottish example with one thread left it to the second round, whose plan, as good,
    /// differs from the first round's: outputs no longer matched across thread counts.
    static let visitPriority = 2

    let problem: OrganisationProblem
    private(set) var model: LinearModel
    /// Per site, group, period: the decision variable, if any.
    private(set) var x: [[[Variable?]]]
    private(set) var classes: [PooledClass] = []
    private(set) var leaderPeriod: [[Variable?]]
    private(set) var visit: [[Variable?]]
    /// Exposure (risk-years) including its constant part.
    private(set) var exposure = LinearExpression()
    /// Total nominal spend including contracted constants.
    private(set) var nominalSpend = LinearExpression()
    /// Present-value cost including contracted constants.
    private(set) var presentValue = LinearExpression()
    private(set) var budgetRows: [ConstraintID] = []
    private(set) var labourRows: [ConstraintID] = []
    /// The site capacity rows of ``PeriodCapacity`` (when strengthened).
    private(set) var capacityRows: [ConstraintID] = []
    /// Rows whose mixed-integer roundings cut the LP relaxation: budgets, labour, site capacity.
    var knapsackRows: [ConstraintID] { budgetRows + labourRows + capacityRows }
    private(set) var extraMoney: [Variable] = []
    private(set) var extraHours: [Variable] = []
    /// Budgets and hours used instead of the problem's (a funded plan), if any.
    let budgetOverride: [Double]?
    let labourOverride: [Double]?

    /// Groups of uncoupled sites pooled together.
    struct PooledClass {
        var members: [GroupReference]
        var count: Int
        var variables: [Variable?]
    }

    /// Builds the model.
    /// - Parameters:
    ///   - budget: per-period budgets to use instead of the problem's (a funded plan).
    ///   - labour: per-period hours to use instead of the problem's.
    ///   - strengthen: adds the valid inequalities of ``PeriodCapacity`` (a planning model only);
    ///     they cut fractional visits off the LP relaxation but may bind in an LP, so the shadow
    ///     prices' model goes without them.
    ///   - visitsFirst: paid visits get branching priority ``visitPriority``.
    init(problem: OrganisationProblem, purpose: Purpose = .plan, aggregate: Bool = true,
         budget: [Double]? = nil, labour: [Double]? = nil, strengthen: Bool = false, visitsFirst: Bool = false) {
        self.problem = problem
        budgetOverride = budget
        labourOverride = labour
        let periods = problem.periodCount
        let name = problem.name
        let labels = (0..<periods).map { "t\($0 + 1)" }
        model = LinearModel(name: "phaseout[\(name)]")
        x = problem.sites.map { site in site.groups.map { _ in [Variable?](repeating: nil, count: periods) } }
        leaderPeriod = problem.sites.map { _ in [Variable?](repeating: nil, count: periods) }
        visit = problem.sites.map { _ in [Variable?](repeating: nil, count: periods) }

        var spend = [LinearExpression](repeating: LinearExpression(), count: periods)
        var hours = [LinearExpression](repeating: LinearExpression(), count: periods)
        let years = problem.periodYears
        let horizon = Double(periods)
        let mustReplaceAll = problem.objective == .cost

        /// Adds `units` replaced in t at the given group's prices, as variable or constant.
        func account(_ group: OrganisationProblem.GroupProblem, units: Double, variable: Variable?, period t: Int) {
            let price = group.unitCost * problem.priceFactor[t] * units
            let exposureGain = group.weight * units * (Double(t) + 0.5 - horizon) * years
            if let variable {
                spend[t].add(price, variable)
                hours[t].add(group.hours * units, variable)
                exposure.add(exposureGain, variable)
            } else {
                spend[t].constant += price
                hours[t].constant += group.hours * units
                exposure.constant += exposureGain
            }
        }

        exposure.constant = problem.baselineExposure

        // Interchangeable decisions: same period, cost, hours and weight (see `addTypeTotals`).
        struct TotalKey: Hashable { var period: Int; var cost: Double; var hours: Double; var weight: Double }
        var alike: [TotalKey: [Variable]] = [:]
        func remember(_ group: OrganisationProblem.GroupProblem, _ variable: Variable, period t: Int) {
            alike[TotalKey(period: t, cost: group.unitCost, hours: group.hours, weight: group.weight), default: []].append(variable)
        }

        let capacity = strengthen && purpose == .plan
            ? PeriodCapacity(problem: problem, budget: budget ?? problem.budget, labour: labour ?? problem.labourHours)
            : nil

        var paidVisits: [(site: Int, period: Int, visit: Variable)] = []

        // Pool the groups of uncoupled sites.
        struct PoolKey: Hashable { var weight: Double; var cost: Double; var hours: Double; var deadline: Int?; var locked: Int? }
        var pools: [PoolKey: Int] = [:]

        for (s, site) in problem.sites.enumerated() {
            let siteName = "\(name)/\(site.id)"
            // Leader block: y[s,t].
            let leaders = site.groups.indices.filter { site.groups[$0].isLeader }
            if !leaders.isEmpty {
                let lockedPeriods = Set(leaders.compactMap { site.groups[$0].locked })
                let deadline = leaders.compactMap { site.groups[$0].deadline }.min()
                // Followers locked in L need the block no later than L.
                let followerLock = site.groups.filter { !$0.isLeader && $0.atRisk }.compactMap(\.locked).min()
                var block = LinearExpression()
                for t in 0..<periods {
                    var lower = 0.0, upper = 1.0
                    if let lockedPeriod = lockedPeriods.first, lockedPeriods.count == 1 { if t == lockedPeriod { lower = 1 } }
                    if lockedPeriods.count > 1 { upper = 0 } // contradictory locks: structurally infeasible
                    if let d = deadline, t > d { upper = 0 }
                    if let l = followerLock, t > l { upper = 0 }
                    if lower > upper { upper = 1 } // keep the domain valid; the rows below fail instead
                    let y = model.addVariable(name: "lead[\(siteName),\(labels[t])]", lowerBound: lower, upperBound: upper, isInteger: true)
                    leaderPeriod[s][t] = y
                    block.add(1, y)
                    var key = TotalKey(period: t, cost: 0, hours: 0, weight: 0)
                    for g in leaders where site.groups[g].locked == nil {
                        let group = site.groups[g], units = Double(group.count)
                        account(group, units: units, variable: y, period: t)
                        key.cost += group.unitCost * units
                        key.hours += group.hours * units
                        key.weight += group.weight * units
                    }
                    if key.cost > 0 || key.weight > 0 { alike[key, default: []].append(y) }
                }
                let mustHappen = mustReplaceAll || deadline != nil || !lockedPeriods.isEmpty || followerLock != nil
                if lockedPeriods.count > 1 {
                    model.addConstraint(block, .equal, 2, name: "leadersLockedApart[\(siteName)]")
                } else {
                    model.addConstraint(block, mustHappen ? .equal : .lessOrEqual, 1, name: "leaderOnce[\(siteName)]")
                }
                for g in leaders { if let l = site.groups[g].locked { account(site.groups[g], units: Double(site.groups[g].count), variable: nil, period: l) } }
            }

            for (g, group) in site.groups.enumerated() where !group.isLeader {
                if let l = group.locked {
                    account(group, units: Double(group.count), variable: nil, period: l)
                    continue
                }
                guard group.atRisk else { continue }
                let last = group.deadline ?? (periods - 1)
                if !site.isCoupled && aggregate {
                    let key = PoolKey(weight: group.weight, cost: group.unitCost, hours: group.hours, deadline: group.deadline, locked: nil)
                    if let index = pools[key] {
                        classes[index].members.append(GroupReference(site: s, group: g))
                        classes[index].count += group.count
                    } else {
                        pools[key] = classes.count
                        classes.append(PooledClass(members: [GroupReference(site: s, group: g)], count: group.count, variables: []))
                    }
                    continue
                }
                var all = LinearExpression()
                for t in 0...last {
                    let variable = model.addVariable(
                        name: "x[\(siteName),\(g),\(labels[t])]", lowerBound: 0, upperBound: Double(group.count), isInteger: true)
                    x[s][g][t] = variable
                    all.add(1, variable)
                    account(group, units: 1, variable: variable, period: t)
                    remember(group, variable, period: t)
                }
                let replaceAll = mustReplaceAll || group.deadline != nil
                model.addConstraint(all, replaceAll ? .equal : .lessOrEqual, Double(group.count), name: "units[\(siteName),\(g)]")
                // Recorders first: nothing before the leader block.
                if !leaders.isEmpty {
                    var replaced = LinearExpression()
                    var block = LinearExpression()
                    for t in 0..<periods {
                        if let variable = x[s][g][t] { replaced.add(1, variable) }
                        block.add(-1, leaderPeriod[s][t]!)
                        if t <= last {
                            let most = capacity?.unitsBehindLeaders(of: group, at: site, by: t) ?? group.count
                            model.addConstraint(replaced + Double(most) * block, .lessOrEqual, 0,
                                                name: "leadersFirst[\(siteName),\(g),\(labels[t])]")
                        }
                    }
                }
            }

            // Site visits where they cost money.
            if site.visitCost > 0 {
                let forced = Set(site.groups.compactMap(\.locked))
                for t in 0..<periods {
                    let canWork = forced.contains(t) || site.groups.indices.contains { x[s][$0][t] != nil } || leaderPeriod[s][t] != nil
                    guard canWork else { continue }
                    let v = model.addVariable(name: "visit[\(siteName),\(labels[t])]", lowerBound: forced.contains(t) ? 1 : 0,
                                              upperBound: 1, isInteger: true, branchPriority: visitsFirst ? Self.visitPriority : 0)
                    visit[s][t] = v
                    spend[t].add(site.visitCost * problem.priceFactor[t], v)
                    alike[TotalKey(period: t, cost: site.visitCost, hours: 0, weight: 0), default: []].append(v)
                    for (g, group) in site.groups.enumerated() {
                        if let variable = x[s][g][t] {
                            let most = capacity?.units(of: group, at: site, period: t) ?? group.count
                            model.addConstraint(variable - Double(most) * v, .lessOrEqual, 0, name: "visit[\(siteName),\(g),\(labels[t])]")
                        }
                    }
                    if let y = leaderPeriod[s][t] {
                        model.addConstraint(y - v, .lessOrEqual, 0, name: "visitLeaders[\(siteName),\(labels[t])]")
                    }
                    if capacity != nil { paidVisits.append((s, t, v)) }
                }
            }
        }

        // Pooled classes of uncoupled sites.
        for c in classes.indices {
            let first = classes[c].members[0]
            let group = problem.sites[first.site].groups[first.group]
            let last = group.deadline ?? (periods - 1)
            var variables = [Variable?](repeating: nil, count: periods)
            var all = LinearExpression()
            for t in 0...last {
                let variable = model.addVariable(
                    name: "pool[\(name),\(c),\(labels[t])]", lowerBound: 0, upperBound: Double(classes[c].count), isInteger: true)
                variables[t] = variable
                all.add(1, variable)
                account(group, units: 1, variable: variable, period: t)
                remember(group, variable, period: t)
            }
            classes[c].variables = variables
            let replaceAll = mustReplaceAll || group.deadline != nil
            model.addConstraint(all, replaceAll ? .equal : .lessOrEqual, Double(classes[c].count), name: "units[\(name),pool\(c)]")
        }

        if aggregate {
            let sets = alike.values.filter { $0.count > 1 }.sorted { $0[0].index < $1[0].index }
            addTypeTotals(sets, labels: labels)
        }

        // Budget with carry-over, labour.
        let budgets = budget ?? problem.budget
        let rho = problem.carryOver
        var previousCarry: Variable?
        var carriedIn: [Variable?] = []
        for t in 0..<periods {
            var row = spend[t]
            if purpose == .elastic {
                let money = model.addVariable(name: "extraMoney[\(name),\(labels[t])]", lowerBound: 0, isInteger: true)
                extraMoney.append(money)
                row.add(-1, money)
            }
            if let previous = previousCarry { row.add(-1, previous) }
            carriedIn.append(previousCarry)
            if rho > 0, t < periods - 1 {
                let carry = model.addVariable(name: "carry[\(name),\(labels[t])]", lowerBound: 0)
                row.add(1 / rho, carry)
                previousCarry = carry
            } else {
                previousCarry = nil
            }
            budgetRows.append(model.addConstraint(row, .lessOrEqual, budgets[t], name: "budget[\(name),\(labels[t])]"))
            nominalSpend.add(spend[t])
            presentValue.add(spend[t], scaledBy: problem.presentValueFactor[t])
        }
        if let capacity {
            for (s, t, v) in paidVisits {
                addSiteCapacity(capacity, site: s, period: t, visit: v, carriedIn: carriedIn[t],
                                name: "\(name)/\(problem.sites[s].id),\(labels[t])")
            }
        }
        if let limits = labour ?? problem.labourHours {
            for t in 0..<periods {
                var row = hours[t]
                if purpose == .elastic {
                    let extra = model.addVariable(name: "extraHours[\(name),\(labels[t])]", lowerBound: 0, isInteger: true)
                    extraHours.append(extra)
                    row.add(-1, extra)
                }
                labourRows.append(model.addConstraint(row, .lessOrEqual, limits[t], name: "labour[\(name),\(labels[t])]"))
            }
        }
    }

    /// Adds, for every set of interchangeable decisions, an integer total `Σ x` that branch and
    /// bound tries first. Decisions are interchangeable when they sit in the same period with the
    /// same cost, hours and weight at different sites: units of one kind and weight, recorder
    /// blocks of one make-up, paid visits of one price. Every budget and labour row sees only
    /// their total, so without it the model is symmetric: branching on one site's count moves
    /// the fraction to another site's. lp_solve searched for minutes without a proof on a
    /// council of 74 columns (Inverclyde, Scottish example) that it proves in milliseconds with
    /// the totals. They are implied by the counts, so the optimum is unchanged.
    private mutating func addTypeTotals(_ sets: [[Variable]], labels: [String]) {
        for (k, members) in sets.enumerated() {
            var sum = LinearExpression()
            var upper = 0.0
            for variable in members {
                sum.add(1, variable)
                upper += model.variables[variable.index].upperBound
            }
            let total = model.addVariable(name: "total[\(problem.name),\(k)]", lowerBound: 0, upperBound: upper,
                                          isInteger: true, branchPriority: 1)
            sum.add(-1, total)
            model.addConstraint(sum, .equal, 0, name: "total[\(problem.name),\(k)]")
        }
    }

    /// Sets the objective.
    mutating func setObjective(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        model.objective = LinearObjective(sense, expression)
    }

    /// Adds `expression ≤ rhs` (a cap from an earlier stage).
    mutating func addCap(_ expression: LinearExpression, _ rhs: Double, name: String) {
        // LinearModel moves the expression's constant into the row's bounds.
        model.addConstraint(expression, .lessOrEqual, rhs, name: name)
    }

    /// Adds a cut (valid for every whole plan) to the model.
    mutating func addCut(_ cut: MixedIntegerRounding.Cut, name: String) {
        model.addConstraint(cut.expression, .lessOrEqual, cut.upper, name: name)
    }

    /// Makes every variable continuous (binaries keep their 0…1 bounds): the LP relaxation,
    /// with every variable and row still valid.
    mutating func relax() {
        model = model.relaxed()
    }

    /// Narrows a variable's bounds.
    mutating func restrict(_ variable: Variable, lower: Double, upper: Double) {
        model.setBounds(of: variable, lower: lower, upper: upper)
    }

    /// Fixes variables' bounds.
    mutating func fix(_ variable: Variable, to value: Double) {
        model.setBounds(of: variable, lower: value, upper: value)
    }

    /// A plan's counts as values of the model's whole-number decisions, by variable index: the
    /// counts `x`, the pooled classes' totals, the leader blocks `y` and the paid visits `v` (1
    /// exactly where the plan works at the site). Type totals, carry and the elastic extras are
    /// left out (`nil`): the rows fix them once the decisions are set. The inverse of
    /// ``counts(from:rounding:)``.
    func decisions(of plan: PlanCounts) -> [Double?] {
        var values = [Double?](repeating: nil, count: model.variables.count)
        let periods = problem.periodCount
        for (s, site) in problem.sites.enumerated() {
            var works = [Bool](repeating: false, count: periods)
            for (g, group) in site.groups.enumerated() {
                for t in 0..<periods where plan.counts[s][g][t] > 0 {
                    works[t] = true
                    if group.isLeader, let y = leaderPeriod[s][t] { values[y.index] = 1 }
                }
                for t in 0..<periods { if let variable = x[s][g][t] { values[variable.index] = Double(plan.counts[s][g][t]) } }
            }
            for t in 0..<periods {
                if let y = leaderPeriod[s][t], values[y.index] == nil { values[y.index] = 0 }
                if let v = visit[s][t] { values[v.index] = works[t] ? 1 : 0 }
            }
        }
        for pooled in classes {
            for t in 0..<periods {
                guard let variable = pooled.variables[t] else { continue }
                values[variable.index] = Double(pooled.members.reduce(0) { $0 + plan.counts[$1.site][$1.group][t] })
            }
        }
        return values
    }

    /// Reads the counts of a solution back into per-group counts. Pooled classes are split
    /// over their member groups in fill order, earliest periods first.
    func counts(from solution: Solution, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> PlanCounts {
        var result = PlanCounts(problem: problem)
        let periods = problem.periodCount
        for (s, site) in problem.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                if let l = group.locked {
                    result.counts[s][g][l] = group.count
                    continue
                }
                if group.isLeader {
                    // The first period by which at least half of the block is done.
                    var cumulative = 0.0
                    for t in 0..<periods {
                        cumulative += leaderPeriod[s][t].map { solution.value(of: $0) } ?? 0
                        if cumulative > 0.5 { result.counts[s][g][t] = group.count; break }
                    }
                    continue
                }
                for t in 0..<periods {
                    if let variable = x[s][g][t] { result.counts[s][g][t] = Int((solution.value(of: variable) + 1e-9).rounded(rounding)) }
                }
            }
        }
        for pooled in classes {
            var members = pooled.members
            members.sort { a, b in
                let ga = problem.sites[a.site].groups[a.group], gb = problem.sites[b.site].groups[b.group]
                return (ga.fillOrder, a.site, a.group) < (gb.fillOrder, b.site, b.group)
            }
            var remaining = members.map { problem.sites[$0.site].groups[$0.group].count }
            var cursor = 0
            for t in 0..<periods {
                guard let variable = pooled.variables[t] else { continue }
                var units = Int((solution.value(of: variable) + 1e-9).rounded(rounding))
                while units > 0, cursor < members.count {
                    let take = min(units, remaining[cursor])
                    result.counts[members[cursor].site][members[cursor].group][t] += take
                    remaining[cursor] -= take
                    units -= take
                    if remaining[cursor] == 0 { cursor += 1 }
                }
            }
        }
        return result
    }
}

extension OrganisationModel {
    /// Where the site's spend or hours in t could exceed what the period has once the visit
    /// is paid: `site spend ≤ (own money − visit)·v[s,t] + carried in` and
    /// `site hours ≤ hours·v[s,t]` (see ``PeriodCapacity``). With `v = 1` these are the budget
    /// and labour rows less everything else; with `v = 0` they hold trivially.
    fileprivate mutating func addSiteCapacity(_ capacity: PeriodCapacity, site s: Int, period t: Int, visit v: Variable,
                                              carriedIn: Variable?, name: String) {
        let site = problem.sites[s]
        var spend = LinearExpression(), work = LinearExpression()
        var mostSpend = 0.0, mostWork = 0.0
        for (g, group) in site.groups.enumerated() {
            guard let variable = x[s][g][t] else { continue }
            let price = group.unitCost * problem.priceFactor[t]
            spend.add(price, variable)
            work.add(group.hours, variable)
            mostSpend += price * model.variables[variable.index].upperBound
            mostWork += group.hours * model.variables[variable.index].upperBound
        }
        if let y = leaderPeriod[s][t] {
            let block = site.leaderBlock
            let price = block.cost * problem.priceFactor[t]
            spend.add(price, y)
            work.add(block.hours, y)
            mostSpend += price
            mostWork += block.hours
        }
        let money = capacity.ownMoney[t] - site.visitCost * problem.priceFactor[t]
        if mostSpend > money {
            spend.add(-money, v)
            if let carriedIn { spend.add(-1, carriedIn) }
            capacityRows.append(model.addConstraint(spend, .lessOrEqual, 0, name: "siteMoney[\(name)]"))
        }
        if let hours = capacity.hours?[t], mostWork > hours {
            work.add(-hours, v)
            capacityRows.append(model.addConstraint(work, .lessOrEqual, 0, name: "siteHours[\(name)]"))
        }
    }
}
