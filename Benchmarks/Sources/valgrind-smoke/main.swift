// valgrind-smoke: a handful of small LP and MILP solves through LPSolveSolver (load, solve,
// export, read back, time limit, cancellation), then exit. For leak checks:
//
//   valgrind --leak-check=full .build/debug/valgrind-smoke
//   valgrind --tool=helgrind .build/debug/valgrind-smoke --concurrent
//
// `--concurrent` solves independent models on several threads at once instead (for helgrind).
import Foundation
import LinearProgramming
import LPSolve

func knapsack(items: Int, seed: Int) -> LinearModel {
    var model = LinearModel(name: "knapsack\(items)")
    var weight = LinearExpression()
    var value = LinearExpression()
    for i in 0..<items {
        let x = model.addVariable(name: "x\(i)", upperBound: Double(1 + (i + seed) % 3), isInteger: true)
        weight.add(Double(3 + (i * 7 + seed) % 11), x)
        value.add(-Double(2 + (i * 5 + seed) % 13), x)
    }
    model.addConstraint(weight, .lessOrEqual, Double(items * 4), name: "capacity")
    model.objective = LinearObjective(.minimize, value + 100)
    return model
}

let solver = LPSolveSolver()
var failures = 0

if CommandLine.arguments.contains("--concurrent") {
    let models = (0..<6).map { knapsack(items: 30 + 5 * $0, seed: $0) }
    let sequential = models.map { try? solver.solve($0).objectiveValue }
    final class Slots: @unchecked Sendable {
        let lock = NSLock()
        var values: [Double?]
        init(_ count: Int) { values = [Double?](repeating: nil, count: count) }
    }
    let slots = Slots(models.count)
    DispatchQueue.concurrentPerform(iterations: models.count) { index in
        let value = try? solver.solve(models[index]).objectiveValue
        slots.lock.lock(); slots.values[index] = value ?? nil; slots.lock.unlock()
    }
    let concurrent = slots.values
    let same = zip(sequential, concurrent).allSatisfy { $0 == $1 }
    print(same ? "valgrind-smoke --concurrent: ok (\(models.count) models, same answers)" : "valgrind-smoke --concurrent: answers differ")
    exit(same ? 0 : 1)
}
for seed in 0..<5 {
    let model = knapsack(items: 20 + 10 * seed, seed: seed)
    var parameters = SolverParameters()
    parameters.timeLimit = .seconds(5)
    do {
        let mip = try solver.solve(model, parameters: parameters)
        let lp = try solver.solve(model.relaxed(), parameters: parameters)
        let text = try solver.export(model, format: .mps)
        let again = try solver.solve(text: text, format: .mps, parameters: parameters)
        print("seed \(seed): MILP \(mip.termination) \(mip.objectiveValue ?? .nan), LP \(lp.objectiveValue ?? .nan), from MPS \(again.objectiveValue ?? .nan)")
        if mip.termination != .optimal { failures += 1 }
    } catch {
        print("seed \(seed): error \(error)")
        failures += 1
    }
}
// A cancelled and a time-limited solve, so that the abort paths are exercised too.
do {
    var parameters = SolverParameters()
    let flag = CancellationFlag()
    flag.cancel()
    parameters.cancellation = flag
    let cancelled = try solver.solve(knapsack(items: 200, seed: 9), parameters: parameters)
    parameters = SolverParameters()
    parameters.timeLimit = .milliseconds(50)
    parameters.relativeGap = 0
    let limited = try solver.solve(knapsack(items: 400, seed: 3), parameters: parameters)
    print("cancelled: \(cancelled.termination); 50 ms limit: \(limited.termination)")
} catch {
    print("error \(error)")
    failures += 1
}
print(failures == 0 ? "valgrind-smoke: ok" : "valgrind-smoke: \(failures) failures")
