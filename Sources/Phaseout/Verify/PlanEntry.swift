/// One line of a plan as the verifier reads it: some units of one register row given one
/// treatment in one period, or not treated within the horizon.
///
/// Entries may come in any order and one register row may be split over many entries; the
/// verifier sums quantities per register row, period and treatment.
///
/// ```swift
/// let entries = [
///     PlanEntry(device: "A1", period: 0, treatment: .isolate, quantity: 1),  // isolated first
///     PlanEntry(device: "A1", period: 1, quantity: 1),     // replaced in the second period
///     PlanEntry(row: 2, period: nil, quantity: 1),         // never treated
/// ]
/// let report = PlanVerifier(register: register, scenario: scenario).verify(entries)
/// ```
public struct PlanEntry: Sendable, Hashable {
    /// How an entry names its register row.
    public enum Unit: Sendable, Hashable {
        /// A 0-based index into the register's rows.
        case row(Int)
        /// A `device_id`, compared exactly.
        case device(String)
    }

    /// The register row the units belong to.
    public var unit: Unit
    /// The 0-based period the units are treated in, or `nil` for "never treated".
    public var period: Int?
    /// What is done to the units; `nil` on an entry without a period, and read as ``Treatment/replace``
    /// on one with a period (a v1 plan). A treatment on an entry without a period is a violation.
    public var treatment: Treatment?
    /// The number of units (a positive whole number in a valid plan).
    public var quantity: Int
    /// The nominal cost the plan states for these units, if it states one.
    public var cost: Double?
    /// The plan file's line this entry comes from, if it comes from a file.
    public var line: Int?

    /// Creates an entry naming its register row by index.
    public init(row: Int, period: Int?, treatment: Treatment? = nil, quantity: Int, cost: Double? = nil, line: Int? = nil) {
        self.init(unit: .row(row), period: period, treatment: treatment, quantity: quantity, cost: cost, line: line)
    }

    /// Creates an entry naming its register row by `device_id`.
    public init(device: String, period: Int?, treatment: Treatment? = nil, quantity: Int, cost: Double? = nil,
                line: Int? = nil) {
        self.init(unit: .device(device), period: period, treatment: treatment, quantity: quantity, cost: cost, line: line)
    }

    /// Creates an entry.
    public init(unit: Unit, period: Int?, treatment: Treatment? = nil, quantity: Int, cost: Double? = nil,
                line: Int? = nil) {
        self.unit = unit
        self.period = period
        self.treatment = treatment
        self.quantity = quantity
        self.cost = cost
        self.line = line
    }

    /// The entry for one row of the planner's plan.csv.
    public init(_ row: PlanRow) {
        self.init(row: row.rowIndex, period: row.period, treatment: row.treatment, quantity: row.quantity, cost: row.cost)
    }
}
