/// The organisation totals checked against ``InputRanges`` (docs/input-ranges.md).
extension EstateGrouping {
    /// Reports each organisation whose units, cost or labour lie beyond what Phaseout plans with:
    /// more than ``InputRanges/maxUnitsPerOrganisation`` units, an estate that costs more than
    /// ``InputRanges/maxOrganisationMoney`` in some period (every unit on its dearest path —
    /// isolated, then replaced or removed — and one visit per site, at that period's prices), or needs more than ``InputRanges/maxOrganisationHours`` hours.
    ///
    /// Row quantities are at most ``InputRanges/maxQuantity``, so the unit sums cannot overflow
    /// (that would take billions of rows); the sums here are checked all the same.
    ///
    /// - Parameters:
    ///   - rows: The register's rows (for each site's category).
    ///   - councilColumn: The 1-based `council` column, for the diagnostics.
    ///   - log: Where the errors go, on the organisation's first line with work.
    func checkRanges(rows: [RegisterRow], councilColumn: Int?, log: inout DiagnosticLog) {
        let highestPrice = (0..<max(1, scenario.periodCount)).map { scenario.costFactor(period: $0) }.max() ?? 1
        for organisation in organisations {
            var units = 0, overflow = false
            var money = 0.0, hours = 0.0
            for s in organisation.sites {
                money += scenario.visitCost(forCategory: rows[sites[s].firstRow].siteCategory)
                for g in sites[s].groups {
                    let (sum, o) = units.addingReportingOverflow(groups[g].count)
                    units = sum
                    overflow = overflow || o
                    // The dearest path a unit can take: isolated, then replaced or removed.
                    let kind = groups[g].kind
                    let removal = groups[g].removable ? kind.remove : nil
                    let unitMoney = (kind.isolate?.cost ?? 0) + max(kind.replaceCost, removal?.cost ?? 0)
                    let unitHours = (kind.isolate?.labourHours ?? 0) + max(kind.labourHours, removal?.labourHours ?? 0)
                    money += Double(groups[g].count) * unitMoney
                    hours += Double(groups[g].count) * unitHours
                }
            }
            func fail(_ message: String) {
                log.error(line: organisation.line, column: councilColumn, field: "council",
                          "council \"\(organisation.name)\" \(message)")
            }
            if overflow || units > InputRanges.maxUnitsPerOrganisation {
                fail("has \(overflow ? "more than \(Int.max)" : String(units)) units to plan; an organisation may have at most \(InputRanges.maxUnitsPerOrganisation)")
            }
            let most = money * highestPrice
            if !(most <= InputRanges.maxOrganisationMoney) {
                fail("has an estate that costs £\(InputRanges.text(most)) at the highest period's prices (every unit isolated where it can be, then replaced or removed, and one visit per site); Phaseout plans estates of at most £1e13")
            }
            if !(hours <= InputRanges.maxOrganisationHours) {
                fail("has an estate that needs \(InputRanges.text(hours)) labour hours; Phaseout plans estates of at most 1e12 hours")
            }
        }
    }
}
