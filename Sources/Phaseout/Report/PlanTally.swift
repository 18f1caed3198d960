/// plan.csv lines counted for the report: units gone by kind and period, what is left in place
/// after each period, deadlines kept and missed.
///
/// A unit isolated and never gone has only its `isolate` line (it was treated, so it has no line
/// without a period), yet it is still in place: it counts as not replaced, and as late when it
/// has a `by` deadline. Per register row, the units isolated and never gone are taken as
/// `isolated − gone` (at least 0), exact when a row holds one unit, as registers listing each
/// device do; plan.csv alone cannot tell more.
struct PlanTally {
    /// Kinds in order of first appearance.
    private(set) var kinds: [String] = []
    /// Per kind, units gone in each period and, last, units never treated.
    private var goneByKind: [String: [Int]] = [:]
    /// Units gone in each period.
    private(set) var replaced: [Int]
    private var untreated = 0
    private var untreatedDeadlineUnits = 0
    private var goneDeadlineUnits = 0
    private var lateGoneOrUntreated = 0
    /// Nominal cost of the units (site visits excluded).
    private(set) var cost = 0.0
    /// Units isolated, over the horizon.
    private(set) var isolated = 0
    /// Per register row (council and device), units isolated and gone, with its kind and deadline.
    private var rows: [String: (kind: String, deadline: Int?, isolated: Int, gone: Int)] = [:]
    private var rowOrder: [String] = []

    init(periodCount: Int) {
        replaced = [Int](repeating: 0, count: periodCount)
    }

    init(_ lines: some Sequence<ReportInput.PlanLine>, periodCount: Int) {
        self.init(periodCount: periodCount)
        for line in lines { add(line) }
    }

    mutating func add(_ line: ReportInput.PlanLine) {
        cost += line.cost
        let key = line.council + "\u{1F}" + line.deviceID
        if rows[key] == nil {
            rows[key] = (line.kind, line.deadline, 0, 0)
            rowOrder.append(key)
        }
        if goneByKind[line.kind] == nil {
            kinds.append(line.kind)
            goneByKind[line.kind] = [Int](repeating: 0, count: replaced.count + 1)
        }
        if line.treatment == .isolate {
            isolated += line.quantity
            rows[key]!.isolated += line.quantity
            return
        }
        goneByKind[line.kind]![line.period ?? replaced.count] += line.quantity
        if let period = line.period {
            replaced[period] += line.quantity
            rows[key]!.gone += line.quantity
        } else {
            untreated += line.quantity
        }
        if line.deadline != nil {
            goneDeadlineUnits += line.quantity
            if !line.meetsDeadline { lateGoneOrUntreated += line.quantity }
        }
    }

    /// Units isolated and never gone, per register row in order of first appearance.
    var stillIsolated: [(kind: String, deadline: Int?, units: Int)] {
        rowOrder.compactMap { key in
            let row = rows[key]!
            let units = row.isolated - row.gone
            return units > 0 ? (row.kind, row.deadline, units) : nil
        }
    }

    /// Per kind, units gone in each period; the last entry counts units left in place.
    var unitsByKind: [String: [Int]] {
        var byKind = goneByKind
        for row in stillIsolated { byKind[row.kind]![replaced.count] += row.units }
        return byKind
    }

    /// Units left in place at the end: never treated, or isolated and never gone.
    var notReplaced: Int { untreated + stillIsolated.reduce(0) { $0 + $1.units } }

    /// Units with a `by` deadline.
    var deadlineUnits: Int { goneDeadlineUnits + stillIsolated.filter { $0.deadline != nil }.reduce(0) { $0 + $1.units } }

    /// Units with a `by` deadline still in place after it.
    var lateUnits: Int { lateGoneOrUntreated + stillIsolated.filter { $0.deadline != nil }.reduce(0) { $0 + $1.units } }

    /// Every unit in the plan, gone or not.
    var total: Int { replacedTotal + notReplaced }

    var replacedTotal: Int { replaced.reduce(0, +) }

    /// Units in place at the start and at the end of each period (count + 1 entries).
    var remaining: [Int] {
        var left = total
        return [left] + replaced.map { left -= $0; return left }
    }
}
