import Foundation

/// A planning scenario: periods, weights, kinds, costs, budgets, labour and deadlines (SPEC §1.2).
///
/// Names used as keys (organisations, kinds, levels, categories) are stored folded
/// (trimmed, lower-cased); look them up through the helpers, which fold their argument.
///
/// ```swift
/// let scenario = try ScenarioReader.read(path: "scenario.json")
/// scenario.budget(for: "Glasgow")      // [250000, …] or the `default` copy
/// scenario.costFactor(period: 2)       // (1 + i)^(2·Y)
/// ```
public struct Scenario: Sendable {
    /// The file's name as given, used in diagnostics.
    public var fileName: String
    /// The scenario's name.
    public var name: String
    /// The period labels, in order (T ≥ 1).
    public var periods: [String]
    /// Each period's length in years (Y > 0).
    public var periodYears: Double
    /// What the planner minimises first.
    public var objective: Objective
    /// Risk weights by vendor.
    public var vendors: VendorTable
    /// Weights by sensitivity level (folded), defaults included.
    public var sensitivityWeights: [String: Double]
    /// Kinds by folded name.
    public var kinds: [String: Kind]
    /// Site-visit cost by folded site category, at period-1 prices; `default` is the fallback.
    public var siteVisitCost: [String: Double]
    /// The annual inflation rate i (> −1).
    public var inflation: Double
    /// The annual real discount rate r (> −1).
    public var discountRate: Double
    /// Nominal budgets by folded organisation name; `default` gives others their own copy.
    public var budgets: [String: [Double]]
    /// Labour hours by folded organisation name; `default` covers others; absent = unlimited.
    public var labourHours: [String: [Double]]
    /// The share ρ ∈ [0, 1] of unspent budget that may be spent later.
    public var carryOver: Double
    /// The deadline rules, in file order.
    public var deadlines: [DeadlineRule]
    /// `vendorAliases`: a register spelling (normalised: lower case, letters and digits only) and
    /// the vendor-table key it stands for, or `default` for a vendor not in the table.
    ///
    /// The aliases live in ``vendors`` (``VendorTable/aliases``), so that every weight looked up
    /// there applies them; assign ``vendors`` first when setting both.
    public var vendorAliases: [String: String] {
        get { vendors.aliases }
        set { vendors.aliases = newValue }
    }

    /// The default weights of the standard sensitivity levels.
    public static let defaultSensitivityWeights: [String: Double] = ["critical": 8, "high": 4, "standard": 1, "low": 0.5]

    /// Creates a scenario; defaults are the scenario format's.
    public init(
        fileName: String = "scenario.json", name: String = "", periods: [String], periodYears: Double = 1,
        objective: Objective = .exposure, vendors: VendorTable = .builtIn,
        sensitivityWeights: [String: Double] = Scenario.defaultSensitivityWeights,
        kinds: [String: Kind], siteVisitCost: [String: Double] = [:], inflation: Double = 0,
        discountRate: Double = 0.035, budgets: [String: [Double]] = [:], labourHours: [String: [Double]] = [:],
        carryOver: Double = 0, deadlines: [DeadlineRule] = []
    ) {
        self.fileName = fileName
        self.name = name
        self.periods = periods
        self.periodYears = periodYears
        self.objective = objective
        self.vendors = vendors
        self.sensitivityWeights = sensitivityWeights
        self.kinds = kinds
        self.siteVisitCost = siteVisitCost
        self.inflation = inflation
        self.discountRate = discountRate
        self.budgets = budgets
        self.labourHours = labourHours
        self.carryOver = carryOver
        self.deadlines = deadlines
    }

    /// The number of periods T.
    public var periodCount: Int { periods.count }

    /// Whether deadline `rule` applies to register row `row`; its `vendor` matches the row's
    /// spelling or the key that spelling's alias names (SPEC §1.2).
    public func rule(_ rule: DeadlineRule, matches row: RegisterRow) -> Bool {
        rule.matches(council: row.council, siteCategory: row.siteCategory, sensitivity: row.sensitivity,
                     kind: row.kind, vendor: row.vendor, vendorAlias: vendors.aliasTarget(for: row.vendor))
    }

    /// The kind called `name` (case-insensitive), if defined.
    public func kind(named name: String) -> Kind? { kinds[name.folded] }

    /// The weight of sensitivity level `level` (case-insensitive), if defined.
    public func sensitivityWeight(of level: String) -> Double? { sensitivityWeights[level.folded] }

    /// The organisation's budget per period: its own entry, else a copy of `default`, else nil.
    public func budget(for organisation: String) -> [Double]? {
        budgets[organisation.folded] ?? budgets["default"]
    }

    /// The organisation's labour hours per period: its own entry, else `default`, else nil (unlimited).
    public func labourHours(for organisation: String) -> [Double]? {
        labourHours[organisation.folded] ?? labourHours["default"]
    }

    /// The site-visit cost of a category at period-1 prices: its entry, else `default`, else 0.
    public func visitCost(forCategory category: String) -> Double {
        siteVisitCost[category.folded] ?? siteVisitCost["default"] ?? 0
    }

    /// The 0-based index of a period label (case-insensitive, trimmed), if it is one.
    public func periodIndex(of label: String) -> Int? {
        let key = label.folded
        return periods.firstIndex { $0.folded == key }
    }

    /// The price factor of 0-based period `t`: (1 + i)^(Y·t).
    public func costFactor(period t: Int) -> Double {
        pow(1 + inflation, periodYears * Double(t))
    }
}
