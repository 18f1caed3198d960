import Foundation

/// Writes a plan's files (SPEC §3): plan.csv, visits.csv, summary.json and, when some
/// organisation is infeasible, funded-plan.csv and funded-visits.csv; for a shard run
/// (``PlanOptions/shard``) also shard.json, which `phaseout merge` reads. All atomically.
///
/// Money is rounded to pence and risk-years to 6 decimals, each from the unrounded figure. The
/// costs of plan.csv and visits.csv are rounded together, per organisation and period, so that
/// they add up to that period's `spend` in summary.json to the penny (`PenceApportionment`):
/// a row's cost may then be a penny off its own rounding, never more.
public struct PlanWriter: Sendable {
    public let estate: Estate
    /// What produced the plan (summary.json `run`).
    public let run: RunRecord

    /// A writer for plans of `estate`; `run` defaults to a record of the program's version and
    /// the scenario's name alone.
    public init(estate: Estate, run: RunRecord? = nil) {
        self.estate = estate
        self.run = run ?? RunRecord(scenarioName: estate.scenario.name)
    }

    /// Writes into `directory`, creating it if needed, replacing the previous run's files as one
    /// set (see docs/outputs.md). Only a plan the independent verifier has accepted is written
    /// (``Plan/verified(against:)``).
    /// - Parameters:
    ///   - verified: the plan.
    ///   - directory: where to write.
    ///   - extraFiles: more files of the same set (goal.csv for a goal run).
    public func write(_ verified: VerifiedPlan, to directory: URL, adding extraFiles: [(name: String, contents: Data)] = []) throws {
        let plan = verified.plan
        let spend = periodSpend(plan)
        // The two large files are rendered at the same time.
        let (planTexts, fundedTexts) = concurrently(
            { planAndVisitsCSV(plan.rows, plan.visits, spend: spend) },
            { plan.fundedRows.map { planAndVisitsCSV($0, plan.fundedVisits ?? [], spend: nil) } })
        var files: [(String, Data)] = [
            ("plan.csv", Data(planTexts.plan.utf8)),
            ("visits.csv", Data(planTexts.visits.utf8)),
            ("summary.json", try summaryJSON(plan)),
        ]
        if let fundedTexts, plan.fundedVisits != nil {
            files.append(("funded-plan.csv", Data(fundedTexts.plan.utf8)))
            files.append(("funded-visits.csv", Data(fundedTexts.visits.utf8)))
        }
        // A shard's outcomes go in the same set, so a folder holding them holds a whole shard.
        if let part = plan.shardPart { files.append(("shard.json", try ShardRecord(part, run: run).json())) }
        // One set: the previous run's files (report.html, funded files) go with it.
        try OutputSet.write(files.map { (name: $0.0, contents: $0.1) } + extraFiles, to: directory)
    }

    /// Each organisation's spend per period as summary.json states it, by folded name.
    private func periodSpend(_ plan: Plan) -> [String: [Double]] {
        var spend: [String: [Double]] = [:]
        for organisation in plan.organisations { spend[organisation.name.folded] = organisation.periods.map(\.spend) }
        return spend
    }

    /// plan.csv and visits.csv texts, their costs in pence adding up, per organisation and period,
    /// to `spend` (summary.json's figure) rounded to pence — or, without it, to the rows' own sum.
    public func planAndVisitsCSV(_ rows: [PlanRow], _ visits: [VisitRow], spend: [String: [Double]]? = nil)
        -> (plan: String, visits: String) {
        let (rowPence, visitPence) = roundedCosts(rows, visits, spend: spend)
        return (planCSV(rows, pence: rowPence), visitsCSV(visits, pence: visitPence))
    }

    /// The costs of `rows` and `visits` in pence, apportioned per organisation and period.
    func roundedCosts(_ rows: [PlanRow], _ visits: [VisitRow], spend: [String: [Double]]?)
        -> (rows: [Int64], visits: [Int64]) {
        struct Key: Hashable { var organisation: String; var period: Int }
        // Members of each (organisation, period): plan rows as k ≥ 0, visits as −1 − k.
        var members: [Key: [Int]] = [:]
        for (k, row) in rows.enumerated() { members[Key(organisation: row.council.folded, period: row.period ?? -1), default: []].append(k) }
        for (k, visit) in visits.enumerated() { members[Key(organisation: visit.council.folded, period: visit.period), default: []].append(-1 - k) }
        var rowPence = [Int64](repeating: 0, count: rows.count)
        var visitPence = [Int64](repeating: 0, count: visits.count)
        for (key, indices) in members {
            let amounts = indices.map { $0 >= 0 ? rows[$0].cost : visits[-1 - $0].cost }
            let exact = amounts.reduce(0, +)
            var total = exact
            if key.period >= 0, let stated = spend?[key.organisation], key.period < stated.count,
               abs(stated[key.period] - exact) < 0.01 {
                total = stated[key.period]
            }
            for (index, pence) in zip(indices, PenceApportionment.pence(amounts, total: total)) {
                if index >= 0 { rowPence[index] = pence } else { visitPence[-1 - index] = pence }
            }
        }
        return (rowPence, visitPence)
    }

    /// The register columns carried into plan.csv after the required ones.
    private var carriedColumns: [String] {
        let register = estate.register
        var columns: [String] = []
        let extras = Set(register.extraColumns.map(\.folded))
        for optional in ["model", "installed", "locked_period", "removable"]
        where register.columnNumber(of: optional) != nil && !extras.contains(optional) {
            columns.append(optional)
        }
        return columns + register.extraColumns
    }

    /// plan.csv text, each row's cost rounded to pence on its own (use
    /// ``planAndVisitsCSV(_:_:spend:)`` for costs that add up to each period's spend).
    public func planCSV(_ rows: [PlanRow]) -> String {
        planCSV(rows, pence: roundedCosts(rows, [], spend: nil).rows)
    }

    /// plan.csv text (SPEC §3): `device_id,council,site_id,kind,vendor,period,treatment,quantity,
    /// cost,sensitivity,site_category`, the register's optional and extra columns, then the
    /// unit's deadlines `by` and `isolatedBy` as period labels.
    func planCSV(_ rows: [PlanRow], pence: [Int64]) -> String {
        let register = estate.register
        let scenario = estate.scenario
        let carried = carriedColumns
        var text = CSVText.line(
            ["device_id", "council", "site_id", "kind", "vendor", "period", "treatment", "quantity", "cost",
             "sensitivity", "site_category"] + carried + ["by", "isolatedBy"])
        let deadlines = deadlineLabels()
        for (k, row) in rows.enumerated() {
            let device = register.rows[row.rowIndex]
            var fields = [
                device.deviceID, device.council, device.siteID, device.kind, device.vendor,
                row.period.map { scenario.periods[$0] } ?? "", row.treatment?.rawValue ?? "",
                String(row.quantity), PenceApportionment.text(pence[k]),
                device.sensitivity, device.siteCategory,
            ]
            for column in carried.prefix(carried.count - register.extraColumns.count) {
                switch column {
                case "model": fields.append(device.model)
                case "installed": fields.append(device.installed.map(String.init) ?? "")
                case "removable": fields.append(device.removable ? "yes" : "no")
                default: fields.append(device.lockedPeriod ?? "")
                }
            }
            for (k, column) in register.extraColumns.enumerated() {
                // A row read from the register holds its extras in column order: no search.
                if k < device.extra.count && device.extra[k].column == column {
                    fields.append(device.extra[k].value)
                } else {
                    fields.append(device.extra.first { $0.column == column }?.value ?? "")
                }
            }
            let labels = deadlines[row.rowIndex]
            fields.append(labels?.by ?? "")
            fields.append(labels?.isolatedBy ?? "")
            text += CSVText.line(fields)
        }
        return text
    }

    /// The `by` and `isolatedBy` labels of every planned at-risk register row.
    private func deadlineLabels() -> [Int: (by: String?, isolatedBy: String?)] {
        var labels: [Int: (by: String?, isolatedBy: String?)] = [:]
        let periods = estate.scenario.periods
        for organisation in estate.organisations {
            for site in organisation.sites {
                for group in site.groups where group.weight > 0 && (group.deadline != nil || group.isolatedBy != nil) {
                    let entry = (by: group.deadline.map { periods[$0] }, isolatedBy: group.isolatedBy.map { periods[$0] })
                    for slice in group.units { labels[slice.rowIndex] = entry }
                }
            }
        }
        return labels
    }

    /// visits.csv text, each visit's cost rounded to pence.
    public func visitsCSV(_ visits: [VisitRow]) -> String {
        visitsCSV(visits, pence: roundedCosts([], visits, spend: nil).visits)
    }

    func visitsCSV(_ visits: [VisitRow], pence: [Int64]) -> String {
        var text = CSVText.line(["council", "site_id", "period", "cost"])
        for (k, visit) in visits.enumerated() {
            text += CSVText.line([visit.council, visit.siteID, estate.scenario.periods[visit.period], PenceApportionment.text(pence[k])])
        }
        return text
    }

    /// summary.json bytes (keys sorted, so the file is byte-identical for the same plan).
    public func summaryJSON(_ plan: Plan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(PlanSummary(plan: plan, run: run, unratedVendors: estate.unratedVendors))
        data.append(0x0A)
        return data
    }
}

/// The shape of summary.json.
struct PlanSummary: Encodable {
    struct OrganisationSummary: Encodable {
        var name: String
        var status: PlanStatus
        var exposure: Double
        var baselineExposure: Double
        var nominalCost: Double
        var presentValueCost: Double
        var bound: Double
        var gap: Double
        var periods: [PeriodFigures]
        var shortfall: ShortfallSummary?
        /// What each period's `shadowPricePer1000` measures, or why it is absent.
        var shadowPriceNote: String?
        var lateRiskYears: Double
        var lateRiskYearsBound: Double
        var lateUnits: Int
        var lateUnitList: [String]
        /// Why the units stand untouched, when an infeasible organisation has no best-effort plan.
        var untouchedReason: String?
    }

    struct ShortfallSummary: Encodable {
        var organisation: String
        var money: [Int]
        var hours: [Int]
        var totalMoney: Int
        var totalHours: Int
        var structural: Bool
        var reason: String?
        /// Present when the amounts suffice but are not proven the least.
        var caveat: String?
        /// The least total money the search proved is needed (equal to `totalMoney` when that
        /// is proven the least), and the gap between them; absent when structural.
        var totalMoneyBound: Int?
        var moneyGap: Double?
    }

    var status: PlanStatus
    var objective: String
    var periods: [String]
    var exposure: Double
    var baselineExposure: Double
    var nominalCost: Double
    var presentValueCost: Double
    var bound: Double
    var gap: Double
    var organisations: [OrganisationSummary]
    var shortfalls: [ShortfallSummary]?
    /// Organisations per status, every status named.
    var statusCounts: [String: Int]
    var lateRiskYears: Double
    var lateUnits: Int
    var run: RunRecord
    /// The register's vendors of weight 0 with their units, most first: what the plan leaves out.
    var unratedVendors: [VendorUnits]
    /// The slice a shard run planned; absent from a whole run.
    var shard: ShardMarker?

    init(plan: Plan, run: RunRecord, unratedVendors: [VendorUnits] = []) {
        self.unratedVendors = unratedVendors
        let money = Rounding.pence, riskYears = Rounding.riskYears
        // `bound` is on the primary objective: risk-years, or present-value pounds under `cost`.
        let primary = plan.objective == .exposure ? riskYears : money
        status = plan.status
        objective = plan.objective.rawValue
        periods = plan.periods
        exposure = riskYears(plan.exposure)
        baselineExposure = riskYears(plan.baselineExposure)
        nominalCost = money(plan.nominalCost)
        presentValueCost = money(plan.presentValueCost)
        bound = primary(plan.bound)
        gap = plan.gap
        self.run = run
        shard = plan.shardPart?.marker
        let counts = plan.statusCounts
        statusCounts = Dictionary(uniqueKeysWithValues: [PlanStatus.optimal, .feasible, .infeasible, .unknown].map {
            ($0.rawValue, counts[$0] ?? 0)
        })
        lateRiskYears = riskYears(plan.organisations.reduce(0) { $0 + $1.lateRiskYears })
        lateUnits = plan.organisations.reduce(0) { $0 + $1.lateUnits }
        func summary(_ organisation: OrganisationPlan) -> ShortfallSummary? {
            organisation.shortfall.map {
                ShortfallSummary(organisation: organisation.name, money: $0.money, hours: $0.hours,
                                 totalMoney: $0.totalMoney, totalHours: $0.totalHours,
                                 structural: $0.isStructural, reason: $0.structuralReason, caveat: $0.caveat,
                                 totalMoneyBound: $0.moneyBound, moneyGap: $0.moneyGap)
            }
        }
        organisations = plan.organisations.map {
            OrganisationSummary(name: $0.name, status: $0.status, exposure: riskYears($0.exposure),
                                baselineExposure: riskYears($0.baselineExposure), nominalCost: money($0.nominalCost),
                                presentValueCost: money($0.presentValueCost), bound: primary($0.bound), gap: $0.gap,
                                periods: $0.periods.map(Self.rounded), shortfall: summary($0), shadowPriceNote: $0.shadowPriceNote,
                                lateRiskYears: riskYears($0.lateRiskYears), lateRiskYearsBound: riskYears($0.lateRiskYearsBound),
                                lateUnits: $0.lateUnits, lateUnitList: $0.lateUnitList, untouchedReason: $0.untouchedReason)
        }
        let shortfalls = plan.organisations.compactMap(summary)
        self.shortfalls = shortfalls.isEmpty ? nil : shortfalls
    }

    /// A period's figures with money in pence and hours to 6 decimals (what-if figures as planned).
    static func rounded(_ p: PeriodFigures) -> PeriodFigures {
        let money = Rounding.pence
        return PeriodFigures(
            period: p.period, budget: money(p.budget), spend: money(p.spend), carryIn: money(p.carryIn),
            carryOut: money(p.carryOut), units: p.units, isolated: p.isolated,
            labourHours: Rounding.riskYears(p.labourHours), labourLimit: p.labourLimit.map(Rounding.riskYears),
            shadowPricePer1000: p.shadowPricePer1000.map(Rounding.riskYears),
            shadowPricePerLabourHour: p.shadowPricePerLabourHour.map(Rounding.riskYears), whatIf: p.whatIf)
    }
}
