/// plan.csv lines counted for the report: units gone by kind and period, what is left to replace
/// after each period, deadlines kept and missed. Isolations count their cost and `isolated`, not
/// as units gone: a unit isolated and never gone has no line without a period, so the units left
/// to replace leave it out.
struct PlanTally {
    /// Kinds in order of first appearance.
    private(set) var kinds: [String] = []
    /// Per kind, units replaced in each period; the last entry counts units not replaced.
    private(set) var unitsByKind: [String: [Int]] = [:]
    /// Units replaced in each period.
    private(set) var replaced: [Int]
    private(set) var notReplaced = 0
    private(set) var deadlineUnits = 0
    private(set) var lateUnits = 0
    /// Nominal cost of the units (site visits excluded).
    private(set) var cost = 0.0
    /// Units isolated, over the horizon.
    private(set) var isolated = 0

    init(periodCount: Int) {
        replaced = [Int](repeating: 0, count: periodCount)
    }

    init(_ lines: some Sequence<ReportInput.PlanLine>, periodCount: Int) {
        self.init(periodCount: periodCount)
        for line in lines { add(line) }
    }

    mutating func add(_ line: ReportInput.PlanLine) {
        if line.treatment == .isolate {
            isolated += line.quantity
            cost += line.cost
            return
        }
        let slot = line.period ?? replaced.count
        if unitsByKind[line.kind] == nil {
            kinds.append(line.kind)
            unitsByKind[line.kind] = [Int](repeating: 0, count: replaced.count + 1)
        }
        unitsByKind[line.kind]![slot] += line.quantity
        if let period = line.period { replaced[period] += line.quantity } else { notReplaced += line.quantity }
        if line.deadline != nil {
            deadlineUnits += line.quantity
            if !line.meetsDeadline { lateUnits += line.quantity }
        }
        cost += line.cost
    }

    /// Every unit in the plan, replaced or not.
    var total: Int { replaced.reduce(0, +) + notReplaced }

    var replacedTotal: Int { replaced.reduce(0, +) }

    /// Units still to replace at the start and at the end of each period (count + 1 entries).
    var remaining: [Int] {
        var left = total
        return [left] + replaced.map { left -= $0; return left }
    }
}
