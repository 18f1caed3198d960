/// The top of the report: the title, the headline in words (how many councils are fully
/// planned, and what each one that is not lacks), then the headline figures.
extension ReportPage {
    func header() -> String {
        let range = periods.isEmpty ? "no periods" : periods.count == 1 ? periods[0] : "\(periods[0]) to \(periods[periods.count - 1])"
        let organisations = summary.organisations.count
        return """
        <header>
        <h1>Replacing high-risk CCTV: the plan</h1>
        <p class="subtitle">Aim: <strong>\(esc(objectiveName))</strong> · \
        \(periods.count) \(periods.count == 1 ? "year" : "years") (\(esc(range))) · \
        \(organisations) \(organisations == 1 ? "council" : "councils")</p>
        \(budgetsNote)</header>

        """
    }

    /// A goal run's plan is at the least budgets, not today's: said before any figure, so that
    /// its costs are never read as the plan for the current budgets.
    private var budgetsNote: String {
        guard input.goal != nil else { return "" }
        return "<p class=\"note\" id=\"goal-budgets\"><strong>This plan uses the least budgets that meet the target</strong> "
            + "(each council's current budgets times its multiple in \"The least budget\" below), not today's budgets; "
            + "councils that no budget can bring to the target are left as they are.</p>\n"
    }

    var objectiveName: String {
        summary.objective == "cost" ? "replace everything at the least cost in today's money"
            : "leave as little risk in place as the budgets allow"
    }

    func headline() -> String {
        var html = "<section id=\"headline\">\n<h2>In short</h2>\n"
        html += "<p class=\"lead\" id=\"headline-words\"" + HTMLText.attributes(estateScope + [("data-field", "status"), ("data-value", summary.status.rawValue)])
            + ">" + headlineWords() + "</p>\n"
        html += "<p class=\"counts\">" + statusCountWords() + "</p>\n"
        html += "<dl class=\"kpis\">\n" + headlineFigures().joined(separator: "\n") + "\n</dl>\n"
        html += "<p class=\"note\">Risk-years, isolation and the other terms used here are explained in "
        html += "<a href=\"#glossary\">Words used in this report</a> at the end.</p>\n"
        return html + "</section>\n\n"
    }

    /// "12 of 13 councils fully planned; Renfrewshire cannot meet its 2027/28 deadline with its
    /// budget: it is £8,700 short in 2026/27."
    func headlineWords() -> String {
        let all = summary.organisations
        let planned = all.filter { $0.status == .optimal || $0.status == .feasible }.count
        var sentence = "\(planned) of \(all.count) \(all.count == 1 ? "council" : "councils") fully planned"
        var clauses: [String] = []
        for organisation in all where organisation.status == .infeasible {
            clauses.append(infeasibleWords(organisation))
        }
        let unknown = all.filter { $0.status == .unknown }.map(\.name)
        if !unknown.isEmpty {
            clauses.append("time ran out before a plan was found for " + esc(listWords(unknown)) + " (\(unknown.count == 1 ? "its" : "their") units are shown untouched)")
        }
        if !clauses.isEmpty { sentence += "; " + clauses.joined(separator: "; ") }
        return sentence + "."
    }

    /// What one infeasible council cannot do and what it lacks, in words.
    func infeasibleWords(_ organisation: ReportSummary.Organisation) -> String {
        let name = "<strong>\(esc(organisation.name))</strong>"
        guard let shortfall = organisation.shortfall else { return "\(name) cannot meet its deadlines" }
        if shortfall.structural {
            return "\(name) cannot meet its deadlines whatever the budget: \(esc(shortfall.reason ?? "a structural reason"))"
        }
        let late = missedDeadlines(organisation.name)
        let deadlines = late.isEmpty ? "its deadlines" : "its \(esc(listWords(late))) \(late.count == 1 ? "deadline" : "deadlines")"
        var needs: [String] = []
        let money = shortfallByPeriod(shortfall.money, short: "short") { MoneyText.pounds(Double($0)) }
        if !money.isEmpty { needs.append("it is \(money)") }
        let hours = shortfallByPeriod(shortfall.hours, short: "of installer time short") { hoursText($0) }
        if !hours.isEmpty { needs.append((money.isEmpty ? "it is " : "and ") + hours) }
        let need = needs.isEmpty ? "" : ": " + needs.joined(separator: " ")
        return "\(name) cannot meet \(deadlines) with its budget" + need
    }

    /// "£6,530 short in 2026/27 and £1,200 in 2027/28": the periods where the shortfall is not zero.
    private func shortfallByPeriod(_ amounts: [Int], short: String, text: (Int) -> String) -> String {
        let parts = amounts.enumerated().filter { $0.element > 0 && $0.offset < periods.count }
            .enumerated().map { "\(text($0.element.element))\($0.offset == 0 ? " " + short : "") in \(periods[$0.element.offset])" }
        return esc(listWords(parts))
    }

    /// The `by` periods of an organisation's units that its plan leaves in place past them, earliest first.
    func missedDeadlines(_ name: String) -> [String] {
        let late = Set(input.plan.filter { $0.council == name && !$0.meetsDeadline }.compactMap(\.deadline))
        return late.sorted().map { periods[$0] }
    }

    /// "4 proven best, 8 good plans found in the time allowed, 1 cannot meet a deadline".
    func statusCountWords() -> String {
        let words: [(PlanStatus, String)] = [
            (.optimal, "with a plan proven the best possible"),
            (.feasible, "with a good plan, proven close to the best (time ran out before the proof was complete)"),
            (.infeasible, "cannot meet a deadline with its budget (a best-effort plan and a funded plan are shown)"),
            (.unknown, "without a plan: time ran out"),
        ]
        let parts = words.compactMap { status, text -> String? in
            let n = summary.organisations(with: status)
            guard n > 0 else { return nil }
            return "<span" + HTMLText.attributes(estateScope + [("data-status", status.rawValue), ("data-value", String(n))])
                + ">\(n) \(text)</span>"
        }
        return "Councils: " + parts.joined(separator: "; ") + "."
    }

    /// "a", "a and b", "a, b and c".
    func listWords(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
