import Foundation
import LinearProgramming
internal import CLPSolve

/// Serialises lp_solve calls that touch its process-wide state.
private let globalLock = NSLock()

private func serialised<T>(_ body: () throws -> T) rethrows -> T {
    globalLock.lock()
    defer { globalLock.unlock() }
    return try body()
}

/// Owns one lp_solve model; freed exactly once, in `deinit`. Never shared between threads.
final class LPHandle {
    let lp: UnsafeMutablePointer<lprec>
    let rowCount: Int
    let columnCount: Int

    /// Builds the lp_solve model column by column (`add_columnex`): fast for sparse models.
    init(loading model: LinearModel) throws {
        let rows = model.constraints.count
        let columns = model.variables.count
        guard let lp = serialised({ make_lp(Int32(rows), 0) }) else {
            throw SolverError(call: "make_lp", message: "could not create a model of \(rows) rows")
        }
        self.lp = lp
        rowCount = rows
        columnCount = columns
        silence()
        try check(resize_lp(lp, Int32(rows), Int32(columns)), "resize_lp")
        let infinity = get_infinite(lp)
        func clamp(_ value: Double) -> Double { value == .infinity ? infinity : value == -.infinity ? -infinity : value }

        // Rows: type, right-hand side, range, name.
        for (index, row) in model.constraints.enumerated() {
            let r = Int32(index + 1)
            if row.lower == row.upper {
                try check(set_constr_type(lp, r, EQ), "set_constr_type")
                try check(set_rh(lp, r, row.lower), "set_rh")
            } else if row.lower == -.infinity {
                try check(set_constr_type(lp, r, LE), "set_constr_type")
                try check(set_rh(lp, r, clamp(row.upper)), "set_rh")
            } else {
                try check(set_constr_type(lp, r, GE), "set_constr_type")
                try check(set_rh(lp, r, row.lower), "set_rh")
                if row.upper != .infinity {
                    try check(set_rh_range(lp, r, row.upper - row.lower), "set_rh_range")
                }
            }
        }

        // Columns in compressed form: objective (row 0) first, then rows in increasing order.
        var counts = [Int](repeating: 0, count: columns + 1)
        for row in model.constraints { for v in row.variables { counts[v.index + 1] += 1 } }
        for v in model.objective.expression.variables { counts[v.index + 1] += 1 }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var starts = counts
        var rowOf = [Int32](repeating: 0, count: counts[columns])
        var valueOf = [Double](repeating: 0, count: counts[columns])
        let objective = model.objective.expression
        for k in objective.variables.indices {
            let j = objective.variables[k].index
            rowOf[starts[j]] = 0
            valueOf[starts[j]] = objective.coefficients[k]
            starts[j] += 1
        }
        for (index, row) in model.constraints.enumerated() {
            for k in row.variables.indices {
                let j = row.variables[k].index
                rowOf[starts[j]] = Int32(index + 1)
                valueOf[starts[j]] = row.coefficients[k]
                starts[j] += 1
            }
        }
        try rowOf.withUnsafeMutableBufferPointer { rowBuffer in
            try valueOf.withUnsafeMutableBufferPointer { valueBuffer in
                for j in 0..<columns {
                    // Merge repeated rows of one column (entries are grouped by row already).
                    var write = counts[j]
                    var read = counts[j]
                    while read < counts[j + 1] {
                        if write > counts[j], rowBuffer[write - 1] == rowBuffer[read] {
                            valueBuffer[write - 1] += valueBuffer[read]
                        } else {
                            rowBuffer[write] = rowBuffer[read]
                            valueBuffer[write] = valueBuffer[read]
                            write += 1
                        }
                        read += 1
                    }
                    let length = Int32(write - counts[j])
                    try check(add_columnex(lp, length, valueBuffer.baseAddress! + counts[j],
                                           rowBuffer.baseAddress! + counts[j]), "add_columnex")
                }
            }
        }

        for (index, info) in model.variables.enumerated() {
            let c = Int32(index + 1)
            try check(set_bounds(lp, c, clamp(info.lowerBound), clamp(info.upperBound)), "set_bounds")
            if info.isInteger { try check(set_int(lp, c, CLPS_TRUE), "set_int") }
        }
        // lp_solve branches on the lowest weight first (weights are 0-based, one per column);
        // the index breaks ties so that the order is the model's.
        if model.variables.contains(where: { $0.branchPriority != 0 }) {
            let count = Double(model.variables.count)
            var weights = model.variables.enumerated().map { index, info in -Double(info.branchPriority) * count + Double(index) }
            try check(weights.withUnsafeMutableBufferPointer { set_var_weights(lp, $0.baseAddress) }, "set_var_weights")
        }
        if model.objective.sense == .maximize { set_maxim(lp) } else { set_minim(lp) }
        try setNames(model)
    }

    /// Reads LP or free-MPS text with lp_solve's readers.
    init(reading text: String, format: LPSolveSolver.ExportFormat) throws {
        let path = try temporaryPath(suffix: format == .lp ? ".lp" : ".mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let read: UnsafeMutablePointer<lprec>? = serialised {
            path.withCString { cPath in
                let mutablePath = UnsafeMutablePointer(mutating: cPath)
                switch format {
                case .lp: return read_LP(mutablePath, NEUTRAL, nil)
                case .mps: return read_freeMPS(mutablePath, NEUTRAL)
                }
            }
        }
        guard let lp = read else {
            throw SolverError(call: format == .lp ? "read_LP" : "read_freeMPS", message: "could not read the model text")
        }
        self.lp = lp
        rowCount = Int(get_Nrows(lp))
        columnCount = Int(get_Ncolumns(lp))
        silence()
    }

    deinit {
        serialised { delete_lp(lp) }
    }

    var hasIntegers: Bool {
        (0..<columnCount).contains { is_int(lp, Int32($0 + 1)) != 0 }
    }

    func silence() {
        // An empty file name turns lp_solve's own printing off (it prints to stdout otherwise).
        _ = "".withCString { set_outputfile(lp, UnsafeMutablePointer(mutating: $0)) }
        set_verbose(lp, NEUTRAL)
    }

    private func setNames(_ model: LinearModel) throws {
        for (index, info) in model.variables.enumerated() {
            try info.name.withCString { name in
                try check(set_col_name(lp, Int32(index + 1), UnsafeMutablePointer(mutating: name)), "set_col_name")
            }
        }
        for (index, row) in model.constraints.enumerated() {
            try row.name.withCString { name in
                try check(set_row_name(lp, Int32(index + 1), UnsafeMutablePointer(mutating: name)), "set_row_name")
            }
        }
        try model.name.withCString { name in
            try check(set_lp_name(lp, UnsafeMutablePointer(mutating: name)), "set_lp_name")
        }
    }

    func write(format: LPSolveSolver.ExportFormat) throws -> String {
        let path = try temporaryPath(suffix: format == .lp ? ".lp" : ".mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ok: UInt8 = serialised {
            path.withCString { cPath in
                let mutablePath = UnsafeMutablePointer(mutating: cPath)
                switch format {
                case .lp: return write_lp(lp, mutablePath)
                case .mps: return write_freemps(lp, mutablePath)
                }
            }
        }
        try check(ok, format == .lp ? "write_lp" : "write_freemps")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func check(_ ok: UInt8, _ call: String) throws {
        guard ok != 0 else { throw SolverError(call: call, message: "lp_solve reported failure") }
    }
}
