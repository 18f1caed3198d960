// phaseout-bench: the phase breakdown of one planning run, measured in-process.
//
//   phaseout-bench estate REGISTER SCENARIO --out DIR [--time-limit S] [--gap G] [--threads N]
//   phaseout-bench lpload [--nonzeros N]
//
// Prints one JSON object on stdout. Times are wall-clock (ContinuousClock), peak RSS is
// getrusage(RUSAGE_SELF).ru_maxrss of this process.
import Foundation
import LinearProgramming
import LPSolve
import Phaseout

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let value = try body()
    return (value, seconds(ContinuousClock.now - start))
}

func peakRSSMB() -> Double {
    var usage = rusage()
    getrusage(0, &usage)  // RUSAGE_SELF (0 on Linux and macOS)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("phaseout-bench: \(message)\n".utf8))
    exit(2)
}

func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

/// `--name value` options after the positional arguments.
func options(_ arguments: ArraySlice<String>) -> (positional: [String], named: [String: String]) {
    var positional: [String] = []
    var named: [String: String] = [:]
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
        if argument.hasPrefix("--") {
            guard let value = iterator.next() else { fail("\(argument) needs a value") }
            named[String(argument.dropFirst(2))] = value
        } else {
            positional.append(argument)
        }
    }
    return (positional, named)
}

func finite(_ x: Double) -> Any { x.isFinite ? x : NSNull() }

func benchEstate(_ positional: [String], _ named: [String: String]) {
    guard positional.count == 2, let out = named["out"] else {
        fail("usage: phaseout-bench estate REGISTER SCENARIO --out DIR [--time-limit S] [--gap G] [--threads N]")
    }
    var planOptions = PlanOptions()
    planOptions.timeLimit = .milliseconds(Int((Double(named["time-limit"] ?? "60") ?? 60) * 1000))
    planOptions.relativeGap = Double(named["gap"] ?? "1e-4") ?? 1e-4
    if let threads = named["threads"].flatMap(Int.init) { planOptions.threads = threads }
    let total = ContinuousClock.now
    do {
        let (register, parseRegister) = try timed { try RegisterReader.read(path: positional[0]) }
        let (scenario, parseScenario) = try timed { try ScenarioReader.read(path: positional[1]) }
        let (estate, build) = try timed { try Estate.build(register: register, scenario: scenario) }
        let (plan, solve) = timed { Planner(options: planOptions).planSynchronously(estate) }
        let (_, write) = try timed { try PlanWriter(estate: estate).write(plan.verified(against: estate), to: URL(fileURLWithPath: out)) }
        let (report, verify) = timed { PlanVerifier(estate: estate).verify(plan: plan) }
        let wall = seconds(ContinuousClock.now - total)

        var statusCounts: [String: Int] = [:]
        for organisation in plan.organisations { statusCounts[organisation.status.rawValue, default: 0] += 1 }
        let rows = plan.organisations.reduce(0) { $0 + $1.modelSize.rows }
        let columns = plan.organisations.reduce(0) { $0 + $1.modelSize.columns }
        let nonzeros = plan.organisations.reduce(0) { $0 + $1.modelSize.nonzeros }
        let largest = plan.organisations.max { $0.modelSize.nonzeros < $1.modelSize.nonzeros }
        let worstGap = plan.organisations.filter { $0.status == .optimal || $0.status == .feasible }
            .map(\.gap).max() ?? 0
        emit([
            "registerRows": register.rows.count,
            "organisations": plan.organisations.count,
            "seconds": [
                "parseRegister": parseRegister, "parseScenario": parseScenario, "build": build,
                "solve": solve, "write": write, "verify": verify, "total": wall,
            ],
            "peakRssMB": peakRSSMB(),
            "threads": planOptions.threads,
            "model": [
                "rows": rows, "columns": columns, "nonzeros": nonzeros,
                "largestOrganisation": largest.map {
                    ["name": $0.name, "rows": $0.modelSize.rows, "columns": $0.modelSize.columns,
                     "nonzeros": $0.modelSize.nonzeros] as [String: Any]
                } ?? NSNull(),
            ],
            "status": plan.status.rawValue,
            "statusCounts": statusCounts,
            "exposure": plan.exposure,
            "baselineExposure": plan.baselineExposure,
            "bound": finite(plan.bound),
            "gap": finite(plan.gap),
            "worstOrganisationGap": worstGap,
            "nominalCost": plan.nominalCost,
            "presentValueCost": plan.presentValueCost,
            "verified": report.isValid,
            "violations": report.violations.count,
            "verifiedExposure": report.exposure,
        ])
    } catch {
        fail("\(error)")
    }
}

/// Builds an LP of about `nonzeros` nonzeros (10 per row, 2 rows per column on average) and
/// measures: building the LinearModel in Swift, loading it into lp_solve (a solve that is
/// cancelled before it starts: load + configure + free), and exporting it as free MPS.
func benchLoad(_ named: [String: String]) {
    let target = Int(named["nonzeros"] ?? "1000000") ?? 1_000_000
    let perRow = 10
    let rowCount = target / perRow
    let columnCount = rowCount * perRow / 2
    var generator = SystemRandomNumberGenerator()
    let (model, buildSeconds) = timed { () -> LinearModel in
        var model = LinearModel(name: "load")
        let variables = (0..<columnCount).map { model.addVariable(name: "c\($0)", upperBound: 10, isInteger: $0 % 2 == 0) }
        var objective = LinearExpression()
        objective.reserveCapacity(columnCount)
        for (index, variable) in variables.enumerated() { objective.add(-Double(1 + index % 7), variable) }
        model.objective = LinearObjective(.minimize, objective)
        for row in 0..<rowCount {
            var expression = LinearExpression()
            expression.reserveCapacity(perRow)
            let first = (row * perRow / 2) % columnCount
            for k in 0..<perRow {
                expression.add(Double(1 + (row + k) % 5), variables[(first + k * 7919) % columnCount])
            }
            model.addConstraint(expression, .lessOrEqual, Double(50 + Int.random(in: 0..<50, using: &generator)))
        }
        return model
    }
    var parameters = SolverParameters()
    parameters.timeLimit = .seconds(5)
    let flag = CancellationFlag()
    flag.cancel()
    parameters.cancellation = flag
    let rssBefore = peakRSSMB()
    let (termination, loadSeconds) = timed { (try? LPSolveSolver().solve(model, parameters: parameters))?.termination }
    let (text, exportSeconds) = timed { (try? LPSolveSolver().export(model, format: .mps)) ?? "" }
    emit([
        "rows": rowCount, "columns": columnCount, "nonzeros": model.nonzeroCount,
        "seconds": ["buildLinearModel": buildSeconds, "loadIntoLPSolve": loadSeconds, "loadAndWriteFreeMPS": exportSeconds],
        "loadTermination": termination.map { "\($0)" } ?? "error",
        "mpsBytes": text.utf8.count,
        "peakRssMBBeforeLoad": rssBefore, "peakRssMB": peakRSSMB(),
    ])
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: phaseout-bench estate|lpload …") }
let (positional, named) = options(arguments.dropFirst(2))
switch arguments[1] {
case "estate": benchEstate(positional, named)
case "lpload": benchLoad(named)
default: fail("unknown command \(arguments[1])")
}
