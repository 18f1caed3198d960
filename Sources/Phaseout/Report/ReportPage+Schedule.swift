/// The works schedule of one council: for each year, each site with work, what is done there
/// and what it costs — units and the site visit — laid out to print as a works order.
///
/// Its totals are plan.csv's costs plus visits.csv's, council by council and year by year.
extension ReportPage {
    /// One site's work in one year.
    struct SiteWork {
        var site: String
        /// Units per treatment and kind, in order of first appearance.
        var work: [(treatment: Treatment, kind: String, units: Int)] = []
        var unitCost = 0.0
        var visitCost = 0.0

        mutating func add(_ line: ReportInput.PlanLine) {
            let treatment = line.treatment ?? .replace
            if let i = work.firstIndex(where: { $0.treatment == treatment && $0.kind == line.kind }) {
                work[i].units += line.quantity
            } else {
                work.append((treatment, line.kind, line.quantity))
            }
            unitCost += line.cost
        }
    }

    /// Per period, the council's sites with work, in the order plan.csv first names them.
    func scheduleByPeriod(_ name: String, lines: [ReportInput.PlanLine], visits: [ReportInput.VisitLine]) -> [[SiteWork]] {
        var byPeriod = [[SiteWork]](repeating: [], count: periods.count)
        var index = [[String: Int]](repeating: [:], count: periods.count)
        func slot(_ t: Int, _ site: String) -> Int {
            if let i = index[t][site] { return i }
            byPeriod[t].append(SiteWork(site: site))
            index[t][site] = byPeriod[t].count - 1
            return byPeriod[t].count - 1
        }
        for line in lines where line.council == name {
            guard let t = line.period, t < periods.count else { continue }
            byPeriod[t][slot(t, line.siteID)].add(line)
        }
        for visit in visits where visit.council == name && visit.period < periods.count {
            byPeriod[visit.period][slot(visit.period, visit.siteID)].visitCost += visit.cost
        }
        return byPeriod
    }

    /// "replace 3 × street-camera, 1 × recorder; isolate 2 × indoor-camera (risk lowered, not gone)".
    func workWords(_ work: SiteWork) -> String {
        let verbs: [(Treatment, String)] = [(.replace, "replace"), (.remove, "remove"), (.isolate, "isolate")]
        return verbs.compactMap { treatment, verb -> String? in
            let items = work.work.filter { $0.treatment == treatment }
            guard !items.isEmpty else { return nil }
            let list = items.map { "\($0.units) × \($0.kind)" }.joined(separator: ", ")
            return verb + " " + list + (treatment == .isolate ? " (risk lowered, not gone)" : "")
        }.joined(separator: "; ")
    }

    func scheduleTable(_ name: String, scope: [(String, String)]) -> String {
        let byPeriod = scheduleByPeriod(name, lines: input.plan, visits: input.visits)
        guard byPeriod.contains(where: { !$0.isEmpty }) else { return "" }
        var html = "<table class=\"figures schedule\">\n<caption>Works schedule, \(esc(name)): what is done at each site, year by year</caption>\n"
        html += "<thead><tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"text\">Site</th><th scope=\"col\" class=\"text\">Work</th>"
        html += "<th scope=\"col\">Works cost</th><th scope=\"col\">Site visit</th><th scope=\"col\">Total</th><th scope=\"col\" class=\"text done\">Done</th></tr></thead>\n"
        var total = 0.0
        for (t, sites) in byPeriod.enumerated() where !sites.isEmpty {
            html += "<tbody>\n"
            var periodTotal = 0.0
            for (i, work) in sites.enumerated() {
                let at = scope + [("data-period", periods[t]), ("data-site", work.site)]
                html += "<tr>" + (i == 0 ? "<th scope=\"rowgroup\" rowspan=\"\(sites.count + 1)\">\(esc(periods[t]))</th>" : "")
                html += "<td class=\"text\">\(esc(work.site))</td><td class=\"text work\">\(esc(workWords(work)))</td>"
                html += moneyCell(work.unitCost, at + [("data-field", "worksCost")])
                html += moneyCell(work.visitCost, at + [("data-field", "visitCost")])
                html += moneyCell(work.unitCost + work.visitCost, at + [("data-field", "siteTotal")])
                html += "<td class=\"done\"></td></tr>\n"
                periodTotal += work.unitCost + work.visitCost
            }
            html += "<tr class=\"subtotal\"><td class=\"text\" colspan=\"4\">\(esc(periods[t])): \(sites.count) \(sites.count == 1 ? "site" : "sites")</td>"
            html += moneyCell(periodTotal, scope + [("data-period", periods[t]), ("data-field", "scheduleTotal")]) + "<td></td></tr>\n</tbody>\n"
            total += periodTotal
        }
        html += "<tfoot><tr><th scope=\"row\" colspan=\"5\">All years</th>"
        html += moneyCell(total, scope + [("data-field", "scheduleTotal")]) + "<td></td></tr></tfoot>\n</table>\n"
        return html
    }
}
