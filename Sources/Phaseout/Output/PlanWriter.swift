import Foundation

/// Writes a plan's files (SPEC §3): plan.csv, visits.csv, summary.json and, when some
/// organisation is infeasible, funded-plan.csv and funded-visits.csv. All atomically.
public struct PlanWriter: Sendable {
    public let estate: Estate

    public init(estate: Estate) { self.estate = estate }

    /// Writes into `directory`, creating it if needed, replacing the previous run's files as one
    /// set (see docs/outputs.md). Only a plan the independent verifier has accepted is written
    /// (``Plan/verified(against:)``).
    public func write(_ verified: VerifiedPlan, to directory: URL) throws {
        let plan = verified.plan
        // The two large files are rendered at the same time.
        let (planText, fundedText) = concurrently(
            { planCSV(plan.rows) }, { plan.fundedRows.map { planCSV($0) } })
        var files: [(String, Data)] = [
            ("plan.csv", Data(planText.utf8)),
            ("visits.csv", Data(visitsCSV(plan.visits).utf8)),
            ("summary.json", try summaryJSON(plan)),
        ]
        if let fundedText, let fundedVisits = plan.fundedVisits {
            files.append(("funded-plan.csv", Data(fundedText.utf8)))
            files.append(("funded-visits.csv", Data(visitsCSV(fundedVisits).utf8)))
        }
        // One set: the previous run's files (report.html, funded files) go with it.
        try OutputSet.write(files.map { (name: $0.0, contents: $0.1) }, to: directory)
    }

    /// The register columns carried into plan.csv after the required ones.
    private var carriedColumns: [String] {
        let register = estate.register
        var columns: [String] = []
        for optional in ["model", "installed", "locked_period"] where register.columnNumber(of: optional) != nil {
            columns.append(optional)
        }
        return columns + register.extraColumns
    }

    /// plan.csv text.
    public func planCSV(_ rows: [PlanRow]) -> String {
        let register = estate.register
        let scenario = estate.scenario
        let carried = carriedColumns
        var text = CSVText.line(
            ["device_id", "council", "site_id", "kind", "vendor", "period", "quantity", "cost",
             "sensitivity", "site_category", "deadline"] + carried)
        let deadlines = deadlineLabels()
        for row in rows {
            let device = register.rows[row.rowIndex]
            var fields = [
                device.deviceID, device.council, device.siteID, device.kind, device.vendor,
                row.period.map { scenario.periods[$0] } ?? "", String(row.quantity), CSVText.number(row.cost),
                device.sensitivity, device.siteCategory, deadlines[row.rowIndex] ?? "",
            ]
            for column in carried.prefix(carried.count - register.extraColumns.count) {
                switch column {
                case "model": fields.append(device.model)
                case "installed": fields.append(device.installed.map(String.init) ?? "")
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
            text += CSVText.line(fields)
        }
        return text
    }

    /// The deadline label of every planned register row.
    private func deadlineLabels() -> [Int: String] {
        var labels: [Int: String] = [:]
        for organisation in estate.organisations {
            for site in organisation.sites {
                for group in site.groups {
                    guard let deadline = group.deadline, group.weight > 0 else { continue }
                    for slice in group.units { labels[slice.rowIndex] = estate.scenario.periods[deadline] }
                }
            }
        }
        return labels
    }

    /// visits.csv text.
    public func visitsCSV(_ visits: [VisitRow]) -> String {
        var text = CSVText.line(["council", "site_id", "period", "cost"])
        for visit in visits {
            text += CSVText.line([visit.council, visit.siteID, estate.scenario.periods[visit.period], CSVText.number(visit.cost)])
        }
        return text
    }

    /// summary.json bytes (keys sorted, so the file is byte-identical for the same plan).
    public func summaryJSON(_ plan: Plan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(PlanSummary(plan: plan))
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

    init(plan: Plan) {
        status = plan.status
        objective = plan.objective.rawValue
        periods = plan.periods
        exposure = plan.exposure
        baselineExposure = plan.baselineExposure
        nominalCost = plan.nominalCost
        presentValueCost = plan.presentValueCost
        bound = plan.bound
        gap = plan.gap
        func summary(_ organisation: OrganisationPlan) -> ShortfallSummary? {
            organisation.shortfall.map {
                ShortfallSummary(organisation: organisation.name, money: $0.money, hours: $0.hours,
                                 totalMoney: $0.totalMoney, totalHours: $0.totalHours,
                                 structural: $0.isStructural, reason: $0.structuralReason, caveat: $0.caveat)
            }
        }
        organisations = plan.organisations.map {
            OrganisationSummary(name: $0.name, status: $0.status, exposure: $0.exposure,
                                baselineExposure: $0.baselineExposure, nominalCost: $0.nominalCost,
                                presentValueCost: $0.presentValueCost, bound: $0.bound, gap: $0.gap,
                                periods: $0.periods, shortfall: summary($0), shadowPriceNote: $0.shadowPriceNote)
        }
        let shortfalls = plan.organisations.compactMap(summary)
        self.shortfalls = shortfalls.isEmpty ? nil : shortfalls
    }
}
