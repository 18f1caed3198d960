import Foundation

/// The constraint checks of SPEC §2.3 and the plan-shape checks of §3.
extension PlanCheck {
    /// One organisation's recomputed periods, before the report's shape.
    struct Account {
        var unitSpend: [Double]
        var visitSpend: [Double]
        var units: [Int]
        var hours: [Double]
        var carryIn: [Double]
        var carryOut: [Double]
        /// Whether the organisation has at-risk or contracted units, or units in the plan.
        var inReport = false
    }

    /// Rule 1: no register row with more units in the plan than it holds.
    mutating func checkQuantities() {
        for row in verifier.rows.indices {
            let quantity = verifier.rows[row].quantity
            let done = replacedTotal(row)
            let listed = done + listedUnreplaced[row]
            if done > quantity {
                add(PlanIssue(.overQuantity, organisation: organisationName(ofRow: row), amount: Double(done - quantity),
                              message: "device \(device(row)): \(done) units replaced, but the register row holds \(quantity)",
                              file: file, line: lastLine[row]))
            } else if listed > quantity {
                add(PlanIssue(.overQuantity, organisation: organisationName(ofRow: row), amount: Double(listed - quantity),
                              message: "device \(device(row)): the plan lists \(listed) units, but the register row holds \(quantity)",
                              file: file, line: lastLine[row]))
            }
        }
    }

    /// Unit and visit spend, units and hours per organisation and period.
    mutating func accountsPerOrganisation() -> [Account] {
        let T = periodCount
        let zeros = Array(repeating: 0.0, count: T)
        var accounts = Array(repeating: Account(unitSpend: zeros, visitSpend: zeros, units: Array(repeating: 0, count: T),
                                                hours: zeros, carryIn: zeros, carryOut: zeros),
                             count: verifier.organisations.count)
        var siteWork = Array(repeating: false, count: verifier.sites.count * T)
        let factors = (0..<T).map { scenario.costFactor(period: $0) }
        for (row, facts) in verifier.rows.enumerated() {
            if facts.inScope { accounts[facts.organisation].inReport = true }
            var total = 0
            for t in 0..<T {
                let n = replaced[row * T + t]
                guard n > 0 else { continue }
                total += n
                accounts[facts.organisation].unitSpend[t] += Double(n) * facts.unitCost * factors[t]
                accounts[facts.organisation].units[t] += n
                accounts[facts.organisation].hours[t] += Double(n) * facts.labourHours
                siteWork[facts.site * T + t] = true
            }
            if total > 0 {
                accounts[facts.organisation].inReport = true
                if !facts.inScope {
                    add(PlanIssue(.notAtRisk, organisation: organisationName(ofRow: row), amount: Double(total),
                                  message: "device \(device(row)) is not at risk and not locked; replacing \(total) \(units(total)) is spend the plan need not make",
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

    /// Rule 4: every at-risk unit with a deadline replaced in or before it.
    mutating func checkDeadlines() {
        struct Key: Hashable { var organisation: Int; var by: Int }
        var late: [Key: (units: Int, devices: [String])] = [:]
        for (row, facts) in verifier.rows.enumerated() {
            guard let by = facts.deadline else { continue }
            let onTime = min(facts.quantity, replaced(row, through: by))
            guard onTime < facts.quantity else { continue }
            let key = Key(organisation: facts.organisation, by: by)
            late[key, default: (0, [])].units += facts.quantity - onTime
            late[key]!.devices.append(device(row))
        }
        for key in late.keys.sorted(by: { ($0.organisation, $0.by) < ($1.organisation, $1.by) }) {
            let (count, devices) = late[key]!
            add(PlanIssue(.deadline, organisation: verifier.organisations[key.organisation].name, period: label(key.by),
                          amount: Double(count),
                          message: "\(count) \(units(count)) due by \(label(key.by)!) \(count == 1 ? "is" : "are") replaced later or not at all (\(deviceList(devices)))"))
        }
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
                for t in 0..<T { leadersIn[t] += replaced[row * T + t] }
            }
            let leaderNames = deviceList(site.leaders.map(device))
            let tau = leadersIn.firstIndex { $0 > 0 }
            if let tau {
                for t in (tau + 1)..<max(tau + 1, T) where leadersIn[t] > 0 {
                    add(PlanIssue(.leadersSplit, organisation: organisation, period: label(t), amount: Double(leadersIn[t]),
                                  message: "site \(site.id): \(leadersIn[t]) leader \(units(leadersIn[t])) replaced in \(label(t)!), after the site's other leaders in \(label(tau)!); leaders (\(leaderNames)) must all go in one period"))
                }
                let neverReplaced = site.leaders.reduce(0) { $0 + max(0, verifier.rows[$1].quantity - replacedTotal($1)) }
                if neverReplaced > 0 {
                    add(PlanIssue(.leadersSplit, organisation: organisation, amount: Double(neverReplaced),
                                  message: "site \(site.id): \(neverReplaced) leader \(units(neverReplaced)) not replaced although other leaders are, in \(label(tau)!); leaders (\(leaderNames)) must all go in one period"))
                }
            }
            let before = tau ?? T
            for t in 0..<before {
                var early = 0
                var devices: [String] = []
                for row in site.followers where replaced[row * T + t] > 0 {
                    early += replaced[row * T + t]
                    devices.append(device(row))
                }
                guard early > 0 else { continue }
                let why = tau.map { "before the site's leaders (\(leaderNames)) in \(label($0)!)" }
                    ?? "although the site's leaders (\(leaderNames)) are never replaced"
                add(PlanIssue(.recordersFirst, organisation: organisation, period: label(t), amount: Double(early),
                              message: "site \(site.id): \(early) \(units(early)) (\(deviceList(devices))) replaced in \(label(t)!) \(why)"))
            }
        }
    }

    /// The `cost` objective: every at-risk unit replaced within the horizon.
    mutating func checkEverythingReplaced() {
        var missing = Array(repeating: 0, count: verifier.organisations.count)
        var devices = Array(repeating: [String](), count: verifier.organisations.count)
        for (row, facts) in verifier.rows.enumerated() where facts.weight > 0 {
            let left = facts.quantity - min(facts.quantity, replacedTotal(row))
            guard left > 0 else { continue }
            missing[facts.organisation] += left
            devices[facts.organisation].append(device(row))
        }
        for o in verifier.organisationOrder where missing[o] > 0 {
            add(PlanIssue(.notReplaced, organisation: verifier.organisations[o].name, amount: Double(missing[o]),
                          message: "\(missing[o]) at-risk \(units(missing[o])) not replaced within the horizon, which the cost objective requires (\(deviceList(devices[o])))"))
        }
    }

    /// Warns when a newer unit of a group is replaced before an older one.
    mutating func warnNewerBeforeOlder() {
        let never = Int.max
        let rows = verifier.register.rows
        for group in verifier.groups where group.count > 1 {
            // Earliest and latest period of each row's units (`never` for units not replaced).
            var earliest: [Int] = [], latest: [Int] = []
            for row in group {
                let periods = (0..<periodCount).filter { replaced[row * periodCount + $0] > 0 }
                earliest.append(periods.first ?? never)
                latest.append(replacedTotal(row) < verifier.rows[row].quantity ? never : (periods.last ?? never))
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
