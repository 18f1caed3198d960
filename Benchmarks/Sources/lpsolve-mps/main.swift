// lpsolve-mps: the monolithic lp_solve peer. Reads every DIR/*.mps (one organisation's full
// SPEC §2 stage-1 model each, as written by `highs_monolithic.py --write-mps DIR`), solves each
// with lp_solve through LPSolveSolver — no aggregation, no decomposition — and prints a JSON
// summary. Organisations run one after another in name order; each gets an equal share of the
// time still left (as the HiGHS peer does).
//
//   lpsolve-mps DIR [--time-limit S] [--gap G]
//
// The model's objective constant (Y·Σ w·T·n, the MPS objective row's RHS, negated) is added
// to each value. An organisation with no integer solution in its share leaves its units
// unreplaced: its exposure is that constant (the baseline), status "unknown".
import Foundation
import LinearProgramming
import LPSolve

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lpsolve-mps: \(message)\n".utf8))
    exit(2)
}

/// The model's objective constant, and the MPS text rewritten so that lp_solve adds it.
///
/// By the usual MPS convention (HiGHS writes it so) the objective row's RHS is the *negated*
/// constant; lp_solve 5.5's reader adds the RHS as it stands (measured: a model whose constant
/// is 360, written as RHS -360, came back 720 too low). The entry is negated here so that
/// lp_solve's values, bounds and its relative-gap test all see the true objective.
func withObjectiveConstant(_ text: String) -> (text: String, constant: Double) {
    var section = ""
    var objectiveRow: String?
    var constant = 0.0
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if line.hasPrefix("*") || fields.isEmpty { lines.append(line); continue }
        if !(line.first == " " || line.first == "\t") { section = fields[0]; lines.append(line); continue }
        if section == "ROWS", fields.count >= 2, fields[0] == "N", objectiveRow == nil { objectiveRow = fields[1] }
        if section == "RHS", let objectiveRow, fields.contains(objectiveRow) {
            var rewritten = fields
            var index = fields.count % 2 == 1 ? 1 : 0   // with or without the RHS set's name
            while index + 1 < fields.count {
                if fields[index] == objectiveRow, let value = Double(fields[index + 1]) {
                    constant = -value
                    rewritten[index + 1] = String(constant)
                }
                index += 2
            }
            lines.append(Substring("    " + rewritten.joined(separator: "  ")))
            continue
        }
        lines.append(line)
    }
    return (lines.joined(separator: "\n"), constant)
}

var positional: [String] = []
var named: [String: String] = [:]
var iterator = CommandLine.arguments.dropFirst().makeIterator()
while let argument = iterator.next() {
    if argument.hasPrefix("--") { named[String(argument.dropFirst(2))] = iterator.next() ?? "" } else { positional.append(argument) }
}
guard positional.count == 1 else { fail("usage: lpsolve-mps DIR [--time-limit S] [--gap G]") }
let directory = URL(fileURLWithPath: positional[0])
let timeLimit = Double(named["time-limit"] ?? "60") ?? 60
let gap = Double(named["gap"] ?? "1e-4") ?? 1e-4
let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
    .filter { $0.hasSuffix(".mps") }.sorted()
guard !files.isEmpty else { fail("no .mps files in \(directory.path)") }

let start = ContinuousClock.now
var organisations: [[String: Any]] = []
var exposure = 0.0, bound = 0.0, boundKnown = true
var counts: [String: Int] = [:]
var readSeconds = 0.0, solveSeconds = 0.0
for (index, file) in files.enumerated() {
    let left = timeLimit - seconds(ContinuousClock.now - start)
    let share = max(0.01, left / Double(files.count - index))
    let readStart = ContinuousClock.now
    guard let original = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { fail("cannot read \(file)") }
    let (text, offset) = withObjectiveConstant(original)
    readSeconds += seconds(ContinuousClock.now - readStart)
    var parameters = SolverParameters()
    parameters.timeLimit = .milliseconds(Int(share * 1000))
    parameters.relativeGap = gap
    let solveStart = ContinuousClock.now
    let solution: Solution
    do { solution = try LPSolveSolver().solve(text: text, format: .mps, parameters: parameters) } catch { fail("\(file): \(error)") }
    let elapsed = seconds(ContinuousClock.now - solveStart)
    solveSeconds += elapsed
    // Values include the objective constant (see withObjectiveConstant); `offset` alone is the
    // baseline (every unit unreplaced) of organisations without a plan.
    let status: String
    var value: Double
    switch (solution.termination.reason, solution.hasSolution) {
    case (.optimal, _): status = "optimal"; value = solution.objectiveValue ?? offset
    case (.limitReached, true), (.failed, true): status = "feasible"; value = solution.objectiveValue ?? offset
    case (.infeasible, _): status = "infeasible"; value = offset
    default: status = "unknown"; value = offset
    }
    counts[status, default: 0] += 1
    exposure += value
    // SPEC §2.5: an infeasible organisation's bound is its baseline.
    if status == "infeasible" { bound += offset } else if let b = solution.bestBound, b.isFinite { bound += b }
    else if status == "optimal" { bound += value } else { boundKnown = false }
    organisations.append([
        "name": String(file.dropLast(4)), "status": status, "termination": "\(solution.termination)",
        "exposure": value, "baseline": offset, "bound": solution.bestBound ?? NSNull(),
        "gap": solution.relativeGap ?? NSNull(), "seconds": elapsed, "share": share,
    ])
}
var usage = rusage()
getrusage(0, &usage)  // RUSAGE_SELF (0 on Linux and macOS)
let worst = ["optimal", "feasible", "infeasible", "unknown"].last { counts[$0, default: 0] > 0 } ?? "unknown"
let overallGap = boundKnown ? abs(exposure - bound) / max(abs(exposure), 1e-10) : Double.nan
let summary: [String: Any] = [
    "status": worst, "statusCounts": counts, "exposure": exposure,
    "bound": boundKnown ? bound : NSNull(), "gap": overallGap.isFinite ? overallGap : NSNull(),
    "wallSeconds": seconds(ContinuousClock.now - start), "readSeconds": readSeconds, "solveSeconds": solveSeconds,
    "peakRssMB": Double(usage.ru_maxrss) / 1024, "organisations": organisations,
]
let data = try! JSONSerialization.data(withJSONObject: summary, options: [.prettyPrinted, .sortedKeys])
FileHandle.standardOutput.write(data)
FileHandle.standardOutput.write(Data("\n".utf8))
