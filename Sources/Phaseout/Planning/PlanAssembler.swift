import LinearProgramming
/// Turns per-organisation outcomes into a ``Plan``: units assigned oldest first, rows,
/// visits, per-period figures and totals.
struct PlanAssembler {
    let estate: Estate
    let problems: [OrganisationProblem]
    let outcomes: [OrganisationOutcome]
    /// Shadow prices and what-if figures per organisation (empty: none).
    var margins: [OrganisationMargins] = []

    func plan() -> Plan {
        let scenario = estate.scenario
        var organisations: [OrganisationPlan] = []
        var rows: [PlanRow] = []
        var visits: [VisitRow] = []
        var fundedRows: [PlanRow] = []
        var fundedVisits: [VisitRow] = []
        var anyShortfall = false
        var exposure = 0.0, baseline = 0.0, nominal = 0.0, presentValue = 0.0, bound = 0.0

        for (index, organisation) in estate.organisations.enumerated() {
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
                (planned.lateUnits, planned.lateUnitList) = lateUnits(organisationRows, organisation: organisation, problem: problem)
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
        rows.sort { ($0.rowIndex, $0.period ?? Int.max) < ($1.rowIndex, $1.period ?? Int.max) }
        fundedRows.sort { ($0.rowIndex, $0.period ?? Int.max) < ($1.rowIndex, $1.period ?? Int.max) }
        let status = organisations.map(\.status).max() ?? .optimal
        let value = scenario.objective == .exposure ? exposure : presentValue
        let gap = Tolerance.relativeGap(value: value, bound: bound)
        return Plan(
            status: status, objective: scenario.objective, periods: scenario.periods, exposure: exposure,
            baselineExposure: baseline, nominalCost: nominal, presentValueCost: presentValue, bound: bound,
            gap: gap, organisations: organisations, rows: rows, visits: visits,
            fundedRows: anyShortfall ? fundedRows : nil, fundedVisits: anyShortfall ? fundedVisits : nil)
    }

    private func row(_ index: Int, period: Int?, quantity: Int, cost: Double) -> PlanRow {
        PlanRow(row: estate.register.rows[index], rowIndex: index, period: period, periods: estate.scenario.periods,
                quantity: quantity, cost: cost)
    }

    /// The units of `rows` that miss their `by` (SPEC §2.5 `lateUnits`, `lateUnitList`): gone
    /// after it, or never; the device ids in register order.
    private func lateUnits(_ rows: [PlanRow], organisation: Organisation, problem: OrganisationProblem) -> (Int, [String]) {
        let deadlines = LateRiskYears(problem).deadlines
        var due: [Int: Int] = [:]
        for (s, site) in organisation.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                guard let by = deadlines[s][g].min() else { continue }
                for unit in group.units { due[unit.rowIndex] = by }
            }
        }
        var count = 0
        var late = Set<Int>()
        for row in rows {
            guard let by = due[row.rowIndex], row.period.map({ $0 > by }) ?? true else { continue }
            count += row.quantity
            late.insert(row.rowIndex)
        }
        return (count, late.sorted().map { estate.register.rows[$0].deviceID })
    }

    /// Assigns each group's per-period counts to its units, oldest first.
    private func planRows(organisation: Organisation, problem: OrganisationProblem, counts: PlanCounts) -> [PlanRow] {
        var rows: [PlanRow] = []
        for (s, site) in organisation.sites.enumerated() {
            for (g, group) in site.groups.enumerated() {
                var slices = group.units
                var cursor = 0
                for t in 0..<problem.periodCount {
                    var units = counts.counts[s][g][t]
                    let unitPrice = group.unitCost * problem.priceFactor[t]
                    while units > 0, cursor < slices.count {
                        let take = min(units, slices[cursor].quantity)
                        rows.append(row(slices[cursor].rowIndex, period: t, quantity: take, cost: Double(take) * unitPrice))
                        slices[cursor].quantity -= take
                        units -= take
                        if slices[cursor].quantity == 0 { cursor += 1 }
                    }
                }
                for slice in slices[cursor...] where slice.quantity > 0 {
                    rows.append(row(slice.rowIndex, period: nil, quantity: slice.quantity, cost: 0))
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
