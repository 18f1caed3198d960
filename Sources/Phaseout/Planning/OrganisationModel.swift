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
        /// The goal model of SPEC §2.6: every budget multiplied by the continuous `scale`.
        case goal
    }

    /// With `visitsFirst`, branch and bound decides paid visits first, before the type totals
    /// (priority 1) and the counts (0). Once a visit is fixed, the site's counts and blocks are
    /// bounded by it, so the subtree is nearly integral; branching on totals first leaves the
    /// visits fractional deep in the tree. Used by the best-first search (the second round)
    /// only: in lp_solve's own search it slows some councils enough to leave them to the second
    /// round on one thread and not on two, and outputs must not depend on the thread count.
    static let visitPriority = 2

    let problem: OrganisationProblem
    var model: LinearModel
    /// Per site, group, period: the decision variable, if any.
    var x: [[[Variable?]]]
    /// Per site and group, the treatment flows besides `x` (replaced from untouched) of a group
    /// that may be isolated or removed (``TreatmentFlows``); `nil` for every other group.
    var flows: [[TreatmentFlows?]]
    var classes: [PooledClass] = []
    var leaderPeriod: [[Variable?]]
    var visit: [[Variable?]]
    /// Exposure (risk-years) including its constant part.
    var exposure = LinearExpression()
    /// Total nominal spend including contracted constants.
    var nominalSpend = LinearExpression()
    /// Present-value cost including contracted constants.
    var presentValue = LinearExpression()
    var budgetRows: [ConstraintID] = []
    var labourRows: [ConstraintID] = []
    /// The site capacity rows of ``PeriodCapacity`` (when strengthened).
    var capacityRows: [ConstraintID] = []
    /// Rows whose mixed-integer roundings cut the LP relaxation: budgets, labour, site capacity.
    var knapsackRows: [ConstraintID] { budgetRows + labourRows + capacityRows }
    var extraMoney: [Variable] = []
    var extraHours: [Variable] = []
    /// The goal model's budget scale s ≥ 0 (``Purpose/goal``).
    var scale: Variable?
    /// Budgets and hours used instead of the problem's (a funded plan), if any.
    let budgetOverride: [Double]?
    let labourOverride: [Double]?

    /// The whole-number flows of a group with treatments, per period (SPEC §2.1): removed or
    /// isolated from untouched units, and replaced or removed from isolated ones.
    struct TreatmentFlows {
        var removed: [Variable?]
        var isolated: [Variable?]
        var replacedFromIsolation: [Variable?]
        var removedFromIsolation: [Variable?]

        /// Every flow variable of period t.
        func all(_ t: Int) -> [Variable] {
            [removed[t], isolated[t], replacedFromIsolation[t], removedFromIsolation[t]].compactMap { $0 }
        }
    }

    /// Groups of uncoupled sites pooled together.
    struct PooledClass {
        var members: [GroupReference]
        var count: Int
        /// Units replaced (from untouched ones) per period.
        var variables: [Variable?]
        /// The class's other flows, when its groups have treatments.
        var flows: TreatmentFlows? = nil
    }

    /// How a model is built: what it is for, and which of the formulation's options it uses.
    struct Configuration {
        var purpose: Purpose = .plan
        /// Pools uncoupled sites' groups into classes and adds the branching totals.
        var aggregate = true
        /// Per-period budgets to use instead of the problem's (a funded plan).
        var budget: [Double]?
        /// Per-period hours to use instead of the problem's.
        var labour: [Double]?
        /// Adds the valid inequalities of ``PeriodCapacity`` (a planning model only); they cut
        /// fractional visits off the LP relaxation but may bind in an LP, so the shadow prices'
        /// model goes without them.
        var strengthen = false
        /// Paid visits get branching priority ``visitPriority``.
        var visitsFirst = false
    }

    /// What the build steps share while the model is put together.
    struct Build {
        let configuration: Configuration
        let labels: [String]
        let capacity: PeriodCapacity?
        var spend: [LinearExpression]
        var hours: [LinearExpression]
        /// Interchangeable decisions: same period, cost, hours and weight (see `addTypeTotals`).
        var alike: [TotalKey: [Variable]] = [:]
        var pools: [PoolKey: Int] = [:]
        var paidVisits: [(site: Int, period: Int, visit: Variable)] = []
        var carriedIn: [Variable?] = []
    }

    struct TotalKey: Hashable { var period: Int; var cost: Double; var hours: Double; var weight: Double }
    /// What makes groups of uncoupled sites interchangeable: their weight, prices, rules and
    /// treatment options (a class's units all take the same treatments at the same prices).
    struct PoolKey: Hashable {
        var weight: Double; var cost: Double; var hours: Double; var deadline: Int?; var by: Int?; var isolatedBy: Int?; var locked: Int?
        var isolation: OrganisationProblem.Isolation? = nil
        var removal: OrganisationProblem.Removal? = nil
        var isolationDeadline: Int? = nil
    }

    /// Builds the model with the given options (see ``Configuration``).
    init(problem: OrganisationProblem, purpose: Purpose = .plan, aggregate: Bool = true,
         budget: [Double]? = nil, labour: [Double]? = nil, strengthen: Bool = false, visitsFirst: Bool = false) {
        self.init(problem: problem, configuration: Configuration(
            purpose: purpose, aggregate: aggregate, budget: budget, labour: labour, strengthen: strengthen, visitsFirst: visitsFirst))
    }

    /// Builds the model in named steps: per site its leader block, its groups and its paid
    /// visits; then the pooled classes, the branching totals, the budget rows with carry-over,
    /// the site capacities and the labour rows. Variables and rows are added in this order, which
    /// the solver's search follows.
    init(problem: OrganisationProblem, configuration: Configuration) {
        self.problem = problem
        budgetOverride = configuration.budget
        labourOverride = configuration.labour
        let periods = problem.periodCount
        model = LinearModel(name: "phaseout[\(problem.name)]")
        x = problem.sites.map { site in site.groups.map { _ in [Variable?](repeating: nil, count: periods) } }
        flows = problem.sites.map { site in site.groups.map { _ in nil } }
        leaderPeriod = problem.sites.map { _ in [Variable?](repeating: nil, count: periods) }
        visit = problem.sites.map { _ in [Variable?](repeating: nil, count: periods) }
        // PeriodCapacity prices replacements `x` at their own cost, gone units behind the leaders
        // at the cheaper of replacement and removal, and leaves the treatment flows' visit rows
        // at the group's size, so its rows hold with treatments too.
        let capacity = configuration.strengthen && configuration.purpose == .plan
            ? PeriodCapacity(problem: problem, budget: configuration.budget ?? problem.budget,
                             labour: configuration.labour ?? problem.labourHours)
            : nil
        var build = Build(
            configuration: configuration, labels: (0..<periods).map { "t\($0 + 1)" }, capacity: capacity,
            spend: [LinearExpression](repeating: LinearExpression(), count: periods),
            hours: [LinearExpression](repeating: LinearExpression(), count: periods))
        exposure.constant = problem.baselineExposure
        for s in problem.sites.indices {
            addLeaderBlock(site: s, &build)
            addGroups(site: s, &build)
            addPaidVisits(site: s, &build)
        }
        addPooledClasses(&build)
        if configuration.aggregate {
            let sets = build.alike.values.filter { $0.count > 1 }.sorted { $0[0].index < $1[0].index }
            addTypeTotals(sets, labels: build.labels)
        }
        addBudgetRows(&build)
        if let capacity {
            for (s, t, v) in build.paidVisits {
                addSiteCapacity(capacity, site: s, period: t, visit: v, carriedIn: build.carriedIn[t],
                                name: "\(problem.name)/\(problem.sites[s].id),\(build.labels[t])")
            }
        }
        addLabourRows(&build)
    }

    /// Adds `units` replaced in t at the given group's prices, as variable or constant.
    mutating func account(
        _ group: OrganisationProblem.GroupProblem, units: Double, variable: Variable?, period t: Int, _ build: inout Build
    ) {
        let price = group.unitCost * problem.priceFactor[t] * units
        let exposureGain = group.weight * units * (Double(t) + 0.5 - Double(problem.periodCount)) * problem.periodYears
        if let variable {
            build.spend[t].add(price, variable)
            build.hours[t].add(group.hours * units, variable)
            exposure.add(exposureGain, variable)
        } else {
            build.spend[t].constant += price
            build.hours[t].constant += group.hours * units
            exposure.constant += exposureGain
        }
    }

    /// Adds one flow variable's spend, hours and exposure in period t: `price` and `hours` per
    /// unit at period-1 prices, `weight` the risk each unit stops carrying from the mid-point of t.
    mutating func account(price: Double, hours: Double, weight: Double, variable: Variable, period t: Int, _ build: inout Build) {
        build.spend[t].add(price * problem.priceFactor[t], variable)
        build.hours[t].add(hours, variable)
        exposure.add(weight * (Double(t) + 0.5 - Double(problem.periodCount)) * problem.periodYears, variable)
    }

    func remember(_ group: OrganisationProblem.GroupProblem, _ variable: Variable, period t: Int, _ build: inout Build) {
        build.alike[TotalKey(period: t, cost: group.unitCost, hours: group.hours, weight: group.weight), default: []].append(variable)
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
    mutating func addCut(_ cut: Cut, name: String) {
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

}
