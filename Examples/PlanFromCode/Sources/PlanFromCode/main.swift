// Loads Examples/ScottishCouncils, plans it with a 20 s limit, has the independent verifier check
// the plan, and prints each council's yearly schedule: units replaced and spend per year, exposure
// before and after, status.
//
//   swift run --package-path Examples/PlanFromCode [EXAMPLE_DIR] [SECONDS]
import Foundation
import Phaseout

let arguments = CommandLine.arguments.dropFirst()
let exampleDirectory = arguments.first.map { URL(fileURLWithPath: $0) }
    ?? URL(fileURLWithPath: #filePath)   // …/Examples/PlanFromCode/Sources/PlanFromCode/main.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ScottishCouncils")
let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 20

// 1. Load: read and check the register and the scenario together.
let estate: Estate
do {
    estate = try Estate.load(registerPath: exampleDirectory.appendingPathComponent("register.csv").path,
                             scenarioPath: exampleDirectory.appendingPathComponent("scenario.json").path)
} catch {
    for diagnostic in error.diagnostics { print("\(diagnostic.severity.rawValue): \(diagnostic)") }
    exit(2)
}
for warning in estate.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }

// 2. Plan: every organisation on its own, within one wall-clock limit for the whole run.
var options = PlanOptions()
options.timeLimit = .milliseconds(Int64(seconds * 1000))
let plan = try await Planner(options: options).plan(estate)

// 3. Verify: recompute every figure from the inputs alone — the plan of every optimal or feasible
//    council, and the funded plan of every infeasible one with its shortfall added to its budgets.
do {
    _ = try plan.verified(against: estate)
} catch {
    print("error: \(error)")
    exit(1)
}

// 4. The yearly schedule per council.
func pounds(_ x: Double) -> String {
    let whole = Int(x.rounded())
    var digits = String(whole), grouped = ""
    while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits.removeLast(3) }
    return "£" + digits + grouped
}
func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

print("\(estate.scenario.name)")
print("\(plan.organisations.count) councils, \(plan.periods.count) periods, objective \(plan.objective.rawValue)\n")
for council in plan.organisations {
    print("\(council.name) — \(council.status.rawValue)"
        + String(format: ", exposure %.2f → %.2f risk-years, gap %.2f %%",
                 council.baselineExposure, council.exposure, council.gap * 100))
    print("  period     units       spend      budget")
    for year in council.periods {
        print("  \(year.period)  \(pad(String(year.units), 6))  \(pad(pounds(year.spend), 10))  \(pad(pounds(year.budget), 10))")
    }
    if let shortfall = council.shortfall {
        if let reason = shortfall.structuralReason {
            print("  infeasible whatever the money: \(reason)")
        } else {
            print("  short of \(pounds(Double(shortfall.totalMoney))) (per period: \(shortfall.money.map { pounds(Double($0)) }.joined(separator: ", ")))"
                + (shortfall.totalHours > 0 ? " and \(shortfall.totalHours) h" : ""))
        }
    }
    print()
}
print("Estate: \(plan.status.rawValue)"
    + String(format: ", exposure %.2f → %.2f risk-years, nominal %@, present value %@, gap %.2f %%",
             plan.baselineExposure, plan.exposure, pounds(plan.nominalCost), pounds(plan.presentValueCost), plan.gap * 100))
