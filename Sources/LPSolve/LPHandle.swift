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
        try loadRows(model.constraints, infinity: infinity)
        try loadColumns(model)
        try loadBoundsAndIntegers(model.variables, infinity: infinity)
        try loadBranchingWeights(model.variables)
        if model.objective.sense == .maximize { set_maxim(lp) } else { set_minim(lp) }
        try loadNames(model)
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
