import LinearProgramming
/// Turns per-organisation outcomes into a ``Plan``: units assigned oldest first, rows,
/// visits, per-period figures and totals.
struct PlanAssembler {
    let estate: Estate
    let problems: [OrganisationProblem]
    let outcomes: [OrganisationOutcome]
    /// Shadow prices and what-if figures per organisation (empty: none).
    var margins: [OrganisationMargins] = []
    /// The organisations that `problems`, `outcomes` and `margins` describe, as indices into
    /// `estate.organisations` (a shard's slice); `nil`: every organisation.
    var selection: [Int]? = nil

    func plan() -> Plan {
        let scenario = estate.scenario
        var organisations: [OrganisationPlan] = []
        var rows: [PlanRow] = []
        var visits: [VisitRow] = []
        var fundedRows: [PlanRow] = []
        var fundedVisits: [VisitRow] = []
        var anyShortfall = false
        var exposure = 0.0, baseline = 0.0, nominal = 0.0, presentValue = 0.0, bound = 0.0

        for (index, position) in (selection ?? Array(estate.organisations.indices)).enumerated() {
            let organisation = estate.organisations[position]
            let problem = problems[index]
            let outcome = outcomes[index]
            let counts = outcome.counts
            let measures = PlanMeasures(problem: problem, counts: counts)
            exposure += measures.exposure
            baseline += problem.baselineExposure
            nominal += measures.nominal
            presentValue += measures.presentValue
            bound += outcome.bound
            let margin = margins.indices.contains(index) ? margins[index] : nil
            let figures = (0..<problem.periodCount).map { t in
                var figures = PeriodFigures(
                    period: scenario.periods[t], budget: problem.budget[t], spend: measures.spend[t],
                    carryIn: measures.carryIn[t], carryOut: measures.carryOut[t], units: measures.unitsReplaced[t],
                    labourHours: measures.labour[t], labourLimit: problem.labourHours?[t])
                figures.isolated = measures.unitsIsolated[t]
                figures.shadowPricePer1000 = margin?.prices?.perThousandPounds[t]
                figures.shadowPricePerLabourHour = margin?.prices?.perLabourHour?[t]
                figures.whatIf = margin?.whatIf?[t]
                return figures
            }
            var planned = OrganisationPlan(
                name: organisation.name, status: outcome.status, exposure: measures.exposure,
                baselineExposure: problem.baselineExposure, nominalCost: measures.nominal,
                presentValueCost: measures.presentValue, bound: outcome.bound, gap: outcome.gap,
                periods: figures, shortfall: outcome.shortfall,
                modelSize: (outcome.modelRows, outcome.modelColumns, outcome.modelNonzeros),
                solveSeconds: outcome.solveSeconds, shadowPriceNote: margin?.note)
            let organisationRows = planRows(organisation: organisation, problem: problem, counts: counts)
            if outcome.status == .infeasible {
                planned.lateRiskYears = outcome.lateRiskYears
                planned.lateRiskYearsBound = outcome.lateRiskYearsBound
                planned.untouchedReason = outcome.untouchedReason
                (planned.lateUnits, planned.lateUnitList) = lateUnits(organisation: organisation, problem: problem, counts: counts)
            }
            organisations.append(planned)
            rows += organisationRows
            visits += visitRows(organisation: organisation, problem: problem, measures: measures)
            let funded = outcome.fundedCounts ?? counts
            if outcome.shortfall != nil { anyShortfall = true }
            fundedRows += planRows(organisation: organisation, problem: problem, counts: funded)
            fundedVisits += visitRows(organisation: organisation, problem: problem,
                                      measures: PlanMeasures(problem: problem, counts: funded))
        }
        // Register order, then period, then treatment in the reading rule's order within a period.
        func rank(_ row: PlanRow) -> (Int, Int, Int) {
            (row.rowIndex, row.period ?? Int.max, [Treatment.isolate, .replace, .remove].firstIndex(of: row.treatment ?? .replace)!)
        }
        rows.sort { rank($0) < rank($1) }
        fundedRows.sort { rank($0) < rank($1) }
        let status = organisations.map(\.status).max() ?? .optimal
        let value = scenario.objective == .exposure ? exposure : presentValue
        let gap = Tolerance.relativeGap(value: value, bound: bound)
        return Plan(
            status: status, objective: scenario.objective, periods: scenario.periods, exposure: exposure,
            baselineExposure: baseline, nominalCost: nominal, presentValueCost: presentValue, bound: bound,
            gap: gap, organisations: organisations, rows: rows, visits: visits,
            fundedRows: anyShortfall ? fundedRows : nil, fundedVisits: anyShortfall ? fundedVisits : nil)
    }

    private func row(_ index: Int, period: Int?, treatment: Treatment?, quantity: Int, cost: Double) -> PlanRow {
        PlanRow(row: estate.register.rows[index], rowIndex: index, period: period, periods: estate.scenario.periods,
                treatment: treatment, quantity: quantity, cost: cost)
    }

    /// The units of an organisation that miss a deadline (SPEC §2.5 `lateUnits`, `lateUnitList`):
    /// gone after their `by` or never, or first treated after their `isolatedBy` or never; the
    /// device ids in register order.
    private func lateUnits(organisation: Organisation, problem: OrganisationProblem, counts: PlanCounts) -> (Int, [String]) {
        let late = LateRiskYears(problem)
        var count = 0
        var rows = Set<Int>()
        for (s, site) in organisation.sites.enumerated() {
            for g in site.groups.indices {
                let by = late.byRule[s][g], isolatedBy = late.isolatedByRule[s][g]
                guard by != nil || isolatedBy != nil else { continue }
                for path in paths(of: site.groups[g], s, g, problem: problem, counts: counts) {
                    let goneLate = by.map { rule in path.gone.map { $0 > rule } ?? true } ?? false
                    let firstLate = isolatedBy.map { rule in (path.isolated ?? path.gone).map { $0 > rule } ?? true } ?? false
                    guard goneLate || firstLate else { continue }
                    count += path.quantity
                    rows.insert(path.rowIndex)
                }
            }
        }
        return (count, rows.sorted().map { estate.register.rows[$0].deviceID })
    }

    /// Some units of one register row that share a path: isolated in `isolated`, gone in
    /// `gone` by `treatment`, either possibly never.
    struct UnitPath {
        var rowIndex: Int
        var quantity: Int
        var isolated: Int?
        var gone: Int?
        var treatment: Treatment?
    }

    /// The paths of a group's units under SPEC §2.5's reading rule: in each period the
    /// isolations take the oldest untouched units; then the units gone are the remaining
    /// untouched units (oldest first), then units isolated in earlier periods (oldest first);
    /// among them the replaced come first, then the removed.
    func paths(of group: UnitGroup, _ s: Int, _ g: Int, problem: OrganisationProblem, counts: PlanCounts) -> [UnitPath] {
        var untouched = group.units.map { UnitPath(rowIndex: $0.rowIndex, quantity: $0.quantity) }
        var isolated: [UnitPath] = []
        var done: [UnitPath] = []
        /// Takes `units` from the front of `queue`, splitting a slice where needed.
        func take(_ units: Int, from queue: inout [UnitPath]) -> [UnitPath] {
            var taken: [UnitPath] = []
            var units = units
            while units > 0, !queue.isEmpty {
                var part = queue[0]
                part.quantity = min(units, queue[0].quantity)
                queue[0].quantity -= part.quantity
                if queue[0].quantity == 0 { queue.removeFirst() }
                units -= part.quantity
                taken.append(part)
            }
            return taken
        }
        for t in 0..<problem.periodCount {
            let fromIsolation = counts.goneFromIsolation(s, g, t)
            let replaced = counts.counts[s][g][t] + counts.replacedFromIsolation[s][g][t]
            var newlyIsolated = take(counts.isolated[s][g][t], from: &untouched)
            for i in newlyIsolated.indices { newlyIsolated[i].isolated = t }
            var leaving = take(counts.counts[s][g][t] + counts.removed[s][g][t], from: &untouched)
            leaving += take(fromIsolation, from: &isolated)
            isolated += newlyIsolated
            var replacing = replaced
            for var part in leaving {
                part.gone = t
                let replacedPart = min(replacing, part.quantity)
                replacing -= replacedPart
                if replacedPart > 0 {
                    var replacedUnits = part
                    replacedUnits.quantity = replacedPart
                    replacedUnits.treatment = .replace
                    done.append(replacedUnits)
                }
                if part.quantity > replacedPart {
                    part.quantity -= replacedPart
                    part.treatment = .remove
                    done.append(part)
                }
            }
        }
        return done + isolated + untouched
    }

    /// The plan.csv rows of an organisation's counts: per register row, one per period and
    /// treatment its units get, and one with no period for its units never treated.
    private func planRows(organisation: Organisation, problem: OrganisationProblem, counts: PlanCounts) -> [PlanRow] {
        struct Key: Hashable { var rowIndex: Int; var period: Int?; var treatment: Treatment? }
        var rows: [PlanRow] = []
        for (s, site) in organisation.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                let unitCost: [Treatment: Double] = [
                    .replace: group.unitCost,
                    .remove: problem.sites[s].groups[g].removal?.cost ?? 0,
                    .isolate: problem.sites[s].groups[g].isolation?.cost ?? 0,
                ]
                var quantities: [Key: Int] = [:]
                var order: [Key] = []
                func add(_ key: Key, _ quantity: Int) {
                    if quantities[key] == nil { order.append(key) }
                    quantities[key, default: 0] += quantity
                }
                for path in paths(of: group, s, g, problem: problem, counts: counts) {
                    if let a = path.isolated { add(Key(rowIndex: path.rowIndex, period: a, treatment: .isolate), path.quantity) }
                    if let t = path.gone { add(Key(rowIndex: path.rowIndex, period: t, treatment: path.treatment), path.quantity) }
                    if path.isolated == nil, path.gone == nil { add(Key(rowIndex: path.rowIndex, period: nil, treatment: nil), path.quantity) }
                }
                for key in order {
                    let quantity = quantities[key]!
                    let cost = key.period.map { t in Double(quantity) * unitCost[key.treatment!]! * problem.priceFactor[t] } ?? 0
                    rows.append(row(key.rowIndex, period: key.period, treatment: key.treatment, quantity: quantity, cost: cost))
                }
            }
        }
        return rows
    }

    private func visitRows(organisation: Organisation, problem: OrganisationProblem, measures: PlanMeasures) -> [VisitRow] {
        var visits: [VisitRow] = []
        for t in 0..<problem.periodCount {
            for s in measures.visitedSites[t] where problem.sites[s].visitCost > 0 {
                visits.append(VisitRow(council: organisation.name, siteID: problem.sites[s].id, period: t,
                                       cost: problem.sites[s].visitCost * problem.priceFactor[t]))
            }
        }
        return visits.sorted { ($0.siteID, $0.period) < ($1.siteID, $1.period) }
    }
}
