import Foundation

/// The constraint checks of SPEC §2.3 and the plan-shape checks of §3.
extension PlanCheck {
    /// One organisation's recomputed periods, before the report's shape.
    struct Account {
        var unitSpend: [Double]
        var visitSpend: [Double]
        /// Units gone (replaced or removed) per period.
        var units: [Int]
        /// Units isolated per period.
        var isolated: [Int]
        var hours: [Double]
        var carryIn: [Double]
        var carryOut: [Double]
        /// Whether the organisation has at-risk or contracted units, or units in the plan.
        var inReport = false
    }

    /// Rule 1: each unit follows one path. Isolations beyond the untouched units left, units gone
    /// beyond the untouched and the earlier isolated ones, units isolated and gone in one period,
    /// and more units listed than the row holds are violations.
    mutating func checkQuantities() {
        let T = periodCount
        for row in verifier.rows.indices {
            let path = paths[row]
            let quantity = verifier.rows[row].quantity
            let organisation = organisationName(ofRow: row)
            for t in 0..<T {
                if let n = path.overIsolated[t] {
                    add(PlanIssue(.overQuantity, organisation: organisation, period: label(t), amount: Double(n),
                                  message: "device \(device(row)): \(n) \(units(n)) isolated in \(label(t)!) beyond the row's untouched units (the register row holds \(quantity))",
                                  file: file, line: lastLine[row]))
                }
                if let n = path.goneWhenIsolated[t] {
                    add(PlanIssue(.isolatedAndGoneTogether, organisation: organisation, period: label(t), amount: Double(n),
                                  message: "device \(device(row)): \(n) \(units(n)) isolated and gone in the same period \(label(t)!); a unit gone in a period needs no isolation in it",
                                  file: file, line: lastLine[row]))
                }
                if let n = path.overGone[t] {
                    add(PlanIssue(.overQuantity, organisation: organisation, period: label(t), amount: Double(n),
                                  message: "device \(device(row)): \(n) more \(units(n)) gone in \(label(t)!) than the row has untouched or isolated earlier (the register row holds \(quantity))",
                                  file: file, line: lastLine[row]))
                }
            }
            if listedUnreplaced[row] > path.neverTreated {
                let treatedUnits = quantity - path.neverTreated
                let listed = treatedUnits + listedUnreplaced[row]
                add(PlanIssue(.overQuantity, organisation: organisation, amount: Double(listed - quantity),
                              message: "device \(device(row)): the plan lists \(listed) units, but the register row holds \(quantity)",
                              file: file, line: lastLine[row]))
            }
        }
    }

    /// Spend per treatment and on visits, units gone and isolated, and hours per organisation and
    /// period; a site is visited in each period with any treatment there.
    mutating func accountsPerOrganisation() -> [Account] {
        let T = periodCount
        let zeros = Array(repeating: 0.0, count: T)
        let none = Array(repeating: 0, count: T)
        var accounts = Array(repeating: Account(unitSpend: zeros, visitSpend: zeros, units: none, isolated: none,
                                                hours: zeros, carryIn: zeros, carryOut: zeros),
                             count: verifier.organisations.count)
        var siteWork = Array(repeating: false, count: verifier.sites.count * T)
        let factors = (0..<T).map { scenario.costFactor(period: $0) }
        for (row, facts) in verifier.rows.enumerated() {
            let o = facts.organisation
            if facts.inScope { accounts[o].inReport = true }
            var total = 0
            for t in 0..<T where treated(row, t) > 0 {
                for treatment in Treatment.allCases {
                    let n = count(treatment, row, t)
                    guard n > 0 else { continue }
                    total += n
                    accounts[o].unitSpend[t] += Double(n) * facts.cost(treatment) * factors[t]
                    accounts[o].hours[t] += Double(n) * facts.hours(treatment)
                    if treatment.isGone { accounts[o].units[t] += n } else { accounts[o].isolated[t] += n }
                }
                siteWork[facts.site * T + t] = true
            }
            if total > 0 {
                accounts[o].inReport = true
                if !facts.inScope {
                    add(PlanIssue(.notAtRisk, organisation: organisationName(ofRow: row), amount: Double(total),
                                  message: "device \(device(row)) is not at risk and not locked; treating \(total) \(units(total)) is spend the plan need not make",
                                  file: file, line: lastLine[row]))
                }
            }
        }
        for (s, site) in verifier.sites.enumerated() {
            for t in 0..<T where siteWork[s * T + t] {
                accounts[site.organisation].visitSpend[t] += site.visitCost * factors[t]
            }
        }
        return accounts
    }

    /// Rules 2 and 3: budgets with the largest carry allowed, and labour where limited.
    mutating func checkMoneyAndLabour(_ accounts: inout [Account]) {
        let rho = scenario.carryOver
        for o in verifier.organisationOrder where accounts[o].inReport {
            let organisation = verifier.organisations[o]
            var carry = 0.0
            var fullCarry = 0.0   // the carry if every unspent pound carried over (ρ = 1)
            for t in 0..<periodCount {
                let budget = organisation.budget[t]
                let spend = accounts[o].unitSpend[t] + accounts[o].visitSpend[t]
                let available = budget + carry
                let fullAvailable = budget + fullCarry
                accounts[o].carryIn[t] = carry
                if spend > available + 1e-6 * max(1, available) {
                    let fitsWithFullCarry = rho < 1 && spend <= fullAvailable + 1e-6 * max(1, fullAvailable)
                    var message = "spend \(Money(spend)) exceeds the \(Money(available)) available (budget \(Money(budget)) + carry \(Money(carry)))"
                    if fitsWithFullCarry {
                        message += "; it would fit only if more than the share \(PlanIssue.format(rho)) of earlier unspent budget carried over"
                    }
                    add(PlanIssue(fitsWithFullCarry ? .carryOver : .budget, organisation: organisation.name,
                                  period: label(t), amount: spend - available, message: message))
                }
                carry = rho * max(0, available - spend)
                fullCarry = max(0, fullAvailable - spend)
                accounts[o].carryOut[t] = carry

                if let limits = organisation.labourLimit, t < limits.count {
                    let hours = accounts[o].hours[t], limit = limits[t]
                    if hours > limit + 1e-6 * max(1, limit) {
                        add(PlanIssue(.labour, organisation: organisation.name, period: label(t), amount: hours - limit,
                                      message: "\(PlanIssue.format(hours)) labour hours exceed the limit of \(PlanIssue.format(limit))"))
                    }
                }
            }
        }
    }

    /// Rule 4 (and, under `cost`, everything gone): every unit with a `by` gone in or before it,
    /// every unit with an `isolatedBy` isolated or gone in or before it. One finding per register
    /// row and deadline, naming when its late units go (or that they never do).
    mutating func checkDeadlines() {
        for (row, facts) in verifier.rows.enumerated() where facts.weight > 0 {
            let path = paths[row]
            let organisation = organisationName(ofRow: row)
            if !path.lateGone.isEmpty, let by = effectiveBy(row) {
                let n = path.lateGone.values.reduce(0, +)
                let when = Self.when(path.lateGone, label: label, never: "never gone")
                if facts.deadline != nil {
                    add(PlanIssue(.deadline, organisation: organisation, period: label(by), amount: Double(n),
                                  message: "device \(device(row)): \(n) \(units(n)) due gone by \(label(by)!): \(when)",
                                  file: file, line: lastLine[row]))
                } else {
                    add(PlanIssue(.notReplaced, organisation: organisation, amount: Double(n),
                                  message: "device \(device(row)): \(n) at-risk \(units(n)) never gone within the horizon, which the cost objective requires",
                                  file: file, line: lastLine[row]))
                }
            }
            if !path.lateTreated.isEmpty, let isolatedBy = facts.isolatedBy {
                let n = path.lateTreated.values.reduce(0, +)
                let when = Self.when(path.lateTreated, label: label, never: "never treated")
                add(PlanIssue(.isolationDeadline, organisation: organisation, period: label(isolatedBy), amount: Double(n),
                              message: "device \(device(row)): \(n) \(units(n)) due isolated or gone by \(label(isolatedBy)!): \(when)",
                              file: file, line: lastLine[row]))
            }
        }
    }

    /// `1 in 2028/29, 2 never gone`: late units by the period they are treated in.
    static func when(_ late: [Int?: Int], label: (Int?) -> String?, never: String) -> String {
        let periods = late.keys.compactMap { $0 }.sorted()
        var parts = periods.map { "\(late[$0]!) in \(label($0)!)" }
        if let n = late[nil] { parts.append("\(n) \(never)") }
        return parts.joined(separator: ", ")
    }

    /// Rule 5: locked units replaced in exactly their locked period.
    mutating func checkLocks() {
        for (row, facts) in verifier.rows.enumerated() {
            guard let locked = facts.locked else { continue }
            let inPeriod = min(facts.quantity, replaced[row * periodCount + locked])
            guard inPeriod < facts.quantity else { continue }
            let elsewhere = (0..<periodCount).filter { $0 != locked && replaced[row * periodCount + $0] > 0 }
            let whereInstead = elsewhere.isEmpty ? "not replaced" : "replaced in " + elsewhere.map { label($0)! }.joined(separator: ", ")
            let missing = facts.quantity - inPeriod
            add(PlanIssue(.lock, organisation: organisationName(ofRow: row), period: label(locked), amount: Double(missing),
                          message: "device \(device(row)): \(missing) locked \(units(missing)) not replaced in \(label(locked)!) (\(whereInstead))",
                          file: file, line: lastLine[row]))
        }
    }

    /// Rule 6: a site's leaders together in one period τ, nothing else at the site before τ,
    /// nothing at all at the site if the leaders are never replaced.
    mutating func checkRecordersFirst() {
        let T = periodCount
        for site in verifier.sites where !site.leaders.isEmpty {
            let organisation = verifier.organisations[site.organisation].name
            var leadersIn = Array(repeating: 0, count: T)
            var leaderUnits = 0
            for row in site.leaders {
                leaderUnits += verifier.rows[row].quantity
                for t in 0..<T { leadersIn[t] += gone(row, t) }
            }
            let leaderNames = deviceList(site.leaders.map(device))
            let tau = leadersIn.firstIndex { $0 > 0 }
            if let tau {
                for t in (tau + 1)..<max(tau + 1, T) where leadersIn[t] > 0 {
                    add(PlanIssue(.leadersSplit, organisation: organisation, period: label(t), amount: Double(leadersIn[t]),
                                  message: "site \(site.id): \(leadersIn[t]) leader \(units(leadersIn[t])) gone in \(label(t)!), after the site's other leaders in \(label(tau)!); leaders (\(leaderNames)) must all go in one period"))
                }
                let neverReplaced = site.leaders.reduce(0) { $0 + max(0, verifier.rows[$1].quantity - goneTotal($1)) }
                if neverReplaced > 0 {
                    add(PlanIssue(.leadersSplit, organisation: organisation, amount: Double(neverReplaced),
                                  message: "site \(site.id): \(neverReplaced) leader \(units(neverReplaced)) not gone although other leaders are, in \(label(tau)!); leaders (\(leaderNames)) must all go in one period"))
                }
            }
            let before = tau ?? T
            for t in 0..<before {
                var early = 0
                var devices: [String] = []
                for row in site.followers where gone(row, t) > 0 {
                    early += gone(row, t)
                    devices.append(device(row))
                }
                guard early > 0 else { continue }
                let why = tau.map { "before the site's leaders (\(leaderNames)) in \(label($0)!)" }
                    ?? "although the site's leaders (\(leaderNames)) are never gone"
                add(PlanIssue(.recordersFirst, organisation: organisation, period: label(t), amount: Double(early),
                              message: "site \(site.id): \(early) \(units(early)) (\(deviceList(devices))) gone in \(label(t)!) \(why)"))
            }
        }
    }

    /// Warns when a newer unit of a group is first treated before an older one. The reading rule
    /// (SPEC §2.5) treats the oldest untouched units first; after that, an older unit isolated
    /// early may well be gone later than a newer one replaced at once, so gone periods are not
    /// compared.
    mutating func warnNewerBeforeOlder() {
        let never = Int.max
        let rows = verifier.register.rows
        for group in verifier.groups where group.count > 1 {
            // Earliest and latest first-treatment period of each row's units (`never`: untreated).
            var earliest: [Int] = [], latest: [Int] = []
            for row in group {
                let periods = paths[row].firstTreated.keys.sorted()
                earliest.append(periods.first ?? never)
                latest.append(paths[row].neverTreated > 0 ? never : (periods.last ?? never))
            }
            var newest = (period: never, position: -1)   // the earliest replacement among newer rows
            for position in group.indices.reversed() {
                if newest.period != never && latest[position] > newest.period {
                    let older = group[position], newer = group[newest.position]
                    let olderWhen = latest[position] == never ? "is not replaced" : "is replaced in \(label(latest[position])!)"
                    add(PlanIssue(.newerBeforeOlder, organisation: organisationName(ofRow: older), period: label(newest.period),
                                  amount: 1,
                                  message: "device \(device(newer))\(rows[newer].installed.map { " (installed \($0))" } ?? "") is replaced in \(label(newest.period)!) while older device \(device(older))\(rows[older].installed.map { " (installed \($0))" } ?? "") of the same group \(olderWhen)",
                                  file: file, line: lastLine[newer]))
                }
                if earliest[position] < newest.period { newest = (earliest[position], position) }
            }
        }
    }
}
