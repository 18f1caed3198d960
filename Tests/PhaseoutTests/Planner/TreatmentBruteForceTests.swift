import Foundation
import Testing
@testable import Phaseout

/// The planner against an enumeration of every unit path on tiny v2 estates.
@Suite("Planner against brute force over unit paths (SPEC v2 treatments)")
struct TreatmentBruteForceTests {
    /// Small enough for paths: each unit has up to 16 (T = 3, isolate and remove), so five units of one class have 15,504 multisets.
    static var shape: TinyShape {
        var shape = TinyShape()
        shape.maxUnits = 5
        shape.maxQuantity = 2
        shape.sitesPerOrganisation = 1...2
        shape.deadlineChance = 0.6
        return shape
    }

    static func disagreements(seed: UInt64, tiny: TinyEstate, tally: inout [String: Int]) -> [String] {
        let estate: Estate
        do { estate = try tiny.estate() } catch { return ["seed \(seed): the readers rejected the estate: \(error)"] }
        let plan = Planner(options: exactOptions()).planSynchronously(estate)
        // The plain monolithic formulation (no pooling, no strengthening) agrees at gap 0.
        let plain = Planner(options: exactOptions(aggregate: false)).planSynchronously(estate)
        var problems: [String] = []
        for organisation in estate.organisations {
            let problem = OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
            let model = OrganisationModel(problem: problem)
            tally["pooledTreatmentClasses", default: 0] += model.classes.count { $0.flows != nil && $0.members.count > 1 }
        }
        // The independent verifier (which reads the treatments with its own reading rule) agrees:
        // no violation but the deadlines of infeasible organisations, and the same figures.
        let report = PlanVerifier(estate: estate).verify(plan: plan)
        let infeasible = Set(plan.organisations.filter { $0.status == .infeasible }.map(\.name))
        let bestEffortOnly = report.violations.allSatisfy { $0.kind.isMissedDeadline && infeasible.contains($0.organisation ?? "") }
        let untouchedLocks = tiny.organisations.indices.contains { o in
            infeasible.contains(tiny.organisations[o]) && BrutePaths(estate: tiny, org: o).solve().bestEffort == nil
        }
        if !bestEffortOnly && !untouchedLocks {
            problems.append("seed \(seed): the verifier finds \(report.violations.map { "\($0.kind): \($0.message)" })")
        }
        if abs(report.exposure - plan.exposure) > 1e-6 * max(1, plan.exposure)
            || abs(report.presentValueCost - plan.presentValueCost) > 1e-6 * max(1, plan.presentValueCost) {
            problems.append("seed \(seed): the verifier gives E \(report.exposure) PV \(report.presentValueCost), "
                + "the planner E \(plan.exposure) PV \(plan.presentValueCost)")
        }
        for o in tiny.organisations.indices {
            let brute = BrutePaths(estate: tiny, org: o)
            let name = tiny.organisations[o], tag = "seed \(seed) \(name)"
            guard let planned = plan.organisations.first(where: { $0.name == name }) else {
                if !brute.classes.isEmpty { problems.append("\(tag): missing from the plan") }
                continue
            }
            if let other = plain.organisations.first(where: { $0.name == name }),
               other.status != planned.status || abs(other.exposure - planned.exposure) > 1e-6 * max(1, planned.exposure)
                || abs(other.presentValueCost - planned.presentValueCost) > 1e-6 * max(1, planned.presentValueCost) && tiny.objectiveIsCost {
                problems.append("\(tag): monolithic \(other.status) E \(other.exposure) PV \(other.presentValueCost), "
                    + "production \(planned.status) E \(planned.exposure) PV \(planned.presentValueCost)")
            }
            let result = brute.solve()
            tally["plans", default: 0] += result.plans
            let value = tiny.objectiveIsCost ? planned.presentValueCost : planned.exposure
            guard let rows = brute.plan(of: plan.rows, register: estate.register) else {
                problems.append("\(tag): plan rows do not read back into paths")
                continue
            }
            if abs(rows.value - value) > 1e-6 * max(1, abs(value)) {
                problems.append("\(tag): rows give \(rows.value), planner reports \(value)")
            }
            // Only when no plan keeps the locks and ordering within the money do the units stand
            // untouched (SPEC §2.5), which may then break a lock.
            if result.bestEffort != nil, !brute.fits(rows) {
                problems.append("\(tag): rows spend \(rows.spend) / hours \(rows.hours) exceed budgets")
            }
            if let best = result.best {
                tally["optimal", default: 0] += 1
                if planned.status != .optimal { problems.append("\(tag): planner \(planned.status), brute force optimal \(best)") }
                if abs(value - best) > 1e-6 * max(1, abs(best)) { problems.append("\(tag): planner \(value), brute force \(best)") }
                if abs(planned.bound - best) > 1e-6 * max(1, abs(best)) { problems.append("\(tag): bound \(planned.bound), optimum \(best)") }
                if !rows.keepsRules { problems.append("\(tag): the plan's rows break a rule") }
            } else {
                tally[result.structurallyPossible ? "infeasible" : "structural", default: 0] += 1
                if planned.status != .infeasible { problems.append("\(tag): planner \(planned.status), brute force infeasible") }
                if result.structurallyPossible {
                    tally["shortfall", default: 0] += 1
                    if let shortfall = planned.shortfall, shortfall.structuralReason == nil {
                        if (shortfall.totalMoney, shortfall.totalHours) != result.shortfall {
                            problems.append("\(tag): shortfall £\(shortfall.totalMoney) \(shortfall.totalHours) h, brute force "
                                + "£\(result.shortfall.money) \(result.shortfall.hours) h")
                        }
                    } else {
                        problems.append("\(tag): no shortfall or a structural one; brute force £\(result.shortfall.money)")
                    }
                }
                if result.bestEffort != nil, !rows.keepsRulesButDeadlines { problems.append("\(tag): the best-effort rows break a rule besides deadlines") }
                if result.bestEffort == nil, abs(value - brute.evaluate(untouched: ()).value) > 1e-6 * max(1, abs(value)) {
                    problems.append("\(tag): no best-effort plan exists, but the plan is not the untouched one")
                }
                if let best = result.bestEffort {
                    tally["bestEffort", default: 0] += 1
                    if abs(planned.lateRiskYears - best.late) > 1e-6 * max(1, best.late) {
                        problems.append("\(tag): best-effort L \(planned.lateRiskYears), brute force \(best.late)")
                    }
                    if abs(value - best.value) > 1e-6 * max(1, abs(best.value)) {
                        problems.append("\(tag): best-effort value \(value), brute force \(best.value)")
                    }
                    if abs(rows.late - planned.lateRiskYears) > 1e-6 * max(1, best.late) {
                        problems.append("\(tag): rows give L \(rows.late), planner reports \(planned.lateRiskYears)")
                    }
                }
            }
        }
        return problems
    }

    static func sweep(_ seeds: ClosedRange<UInt64>) -> (failures: [String], tally: [String: Int]) {
        var tally: [String: Int] = [:]
        var failures: [String] = []
        for seed in seeds {
            let tiny = TinyEstate.randomWithTreatments(seed: seed, shape: shape)
            if tiny.hasTreatments { tally["withTreatments", default: 0] += 1 }
            if tiny.deadlines.contains(where: { $0.isolatedBy != nil }) { tally["isolatedBy", default: 0] += 1 }
            if tiny.rows.contains(where: \.removable) { tally["removable", default: 0] += 1 }
            let problems = disagreements(seed: seed, tiny: tiny, tally: &tally)
            if !problems.isEmpty { failures.append(problems.joined(separator: "\n") + "\n" + tiny.description) }
        }
        return (failures, tally)
    }

    @Test("tiny v2 estates agree with the enumeration of unit paths")
    func randomTinyEstates() {
        let (failures, tally) = Self.sweep(20_001...20_500)
        #expect(failures.isEmpty, "\(failures.count) disagreeing estates; first:\n\(failures.first ?? "")")
        if ProcessInfo.processInfo.environment["PHASEOUT_TEST_VERBOSE"] != nil { print(tally) }
        #expect(tally["withTreatments", default: 0] >= 400 && tally["isolatedBy", default: 0] >= 150
                && tally["removable", default: 0] >= 150, "\(tally)")
        #expect(tally["optimal", default: 0] >= 200 && tally["infeasible", default: 0] >= 100 && tally["bestEffort", default: 0] >= 100
                && tally["shortfall", default: 0] >= 100, "\(tally)")
    }

    /// Many uncoupled sites of one organisation, so that groups with treatments pool.
    @Test("tiny v2 estates of uncoupled sites: pooled classes with treatments agree")
    func pooledTinyEstates() {
        var shape = Self.shape
        shape.organisations = 1...1
        shape.sitesPerOrganisation = 3...3
        var tally: [String: Int] = [:]
        var failures: [String] = []
        for seed in UInt64(30_001)...30_300 {
            var tiny = TinyEstate.randomWithTreatments(seed: seed, shape: shape)
            // No visit costs and no recorders: every site is uncoupled.
            tiny.visitCost = tiny.visitCost.mapValues { _ in 0 }
            for k in tiny.kinds.indices { tiny.kinds[k].first = false }
            // One sensitivity, so that more groups share a weight and pool.
            for s in tiny.sites.indices { tiny.sites[s].sensitivity = "" }
            let problems = Self.disagreements(seed: seed, tiny: tiny, tally: &tally)
            if !problems.isEmpty { failures.append(problems.joined(separator: "\n") + "\n" + tiny.description) }
        }
        #expect(failures.isEmpty, "\(failures.count) disagreeing estates; first:\n\(failures.first ?? "")")
        #expect(tally["pooledTreatmentClasses", default: 0] >= 50, "\(tally)")
        if ProcessInfo.processInfo.environment["PHASEOUT_TEST_VERBOSE"] != nil { print(tally) }
    }

    /// The decomposition path (every organisation too large for one model) only replaces: its
    /// plans must be valid and its bounds true, and it must never call a plan-able
    /// organisation infeasible.
    @Test("tiny v2 estates on the decomposition path: valid plans, true bounds")
    func decompositionPath() {
        var options = exactOptions()
        options.monolithicLimit = 0
        var failures: [String] = []
        var decomposed = 0
        for seed in UInt64(20_001)...20_200 {
            let tiny = TinyEstate.randomWithTreatments(seed: seed, shape: Self.shape)
            guard let estate = try? tiny.estate() else { failures.append("seed \(seed): rejected"); continue }
            let plan = Planner(options: options).planSynchronously(estate)
            let report = PlanVerifier(estate: estate).verify(plan: plan)
            for o in tiny.organisations.indices {
                let name = tiny.organisations[o], tag = "seed \(seed) \(name)"
                guard let planned = plan.organisations.first(where: { $0.name == name }) else { continue }
                let result = BrutePaths(estate: tiny, org: o).solve()
                let value = tiny.objectiveIsCost ? planned.presentValueCost : planned.exposure
                if planned.status == .optimal || planned.status == .feasible {
                    decomposed += 1
                    if report.violations.contains(where: { $0.organisation == name }) { failures.append("\(tag): the verifier rejects its plan") }
                    guard let best = result.best else { failures.append("\(tag): planned, but no plan exists"); continue }
                    if value < best - 1e-6 * max(1, best) { failures.append("\(tag): value \(value) below the optimum \(best)") }
                    if planned.bound > best + 1e-6 * max(1, best) { failures.append("\(tag): bound \(planned.bound) above the optimum \(best)") }
                } else if planned.status == .infeasible, result.best != nil {
                    failures.append("\(tag): called infeasible, brute force optimal \(result.best!)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures; first: \(failures.prefix(5))")
        #expect(decomposed >= 100, "only \(decomposed) planned organisations")
    }

    /// The brute force itself reproduces fixture 4's optimum.
    @Test func bruteForceReproducesFixtureFour() {
        let camera = TinyKind(name: "camera", cost: 200, hours: 2, risk: 1, first: false,
                              isolate: (20, 0.5, 0.25), remove: (30, 1))
        let recorder = TinyKind(name: "recorder", cost: 600, hours: 6, risk: 4, first: true)
        let tiny = TinyEstate(
            periods: ["2026/27", "2027/28", "2028/29"], years: 1, objectiveIsCost: false, vendorWeights: ["hikvision": 1],
            vendorDefault: 0, kinds: [camera, recorder], visitCost: ["town-centre": 100, "default": 0], inflation: 0,
            discount: 0.035, organisations: ["Angus"], budgets: [[50, 550, 800]], labour: [nil], carry: 0,
            deadlines: [TinyDeadline(sensitivity: "low", by: 0, hasBy: false, isolatedBy: 0)],
            vendors: [TinyVendor(spelling: "Hikvision", family: "hikvision")],
            sites: [TinySite(org: 0, id: "K", category: "", sensitivity: "critical"),
                    TinySite(org: 0, id: "L", category: "", sensitivity: "low"),
                    TinySite(org: 0, id: "B", category: "", sensitivity: ""),
                    TinySite(org: 0, id: "A", category: "town-centre", sensitivity: "")],
            rows: [TinyRow(id: "K1", site: 0, kind: 0, vendor: 0, quantity: 1, installed: 2013),
                   TinyRow(id: "L1", site: 1, kind: 0, vendor: 0, quantity: 1, installed: 2014),
                   TinyRow(id: "D1", site: 2, kind: 0, vendor: 0, quantity: 1, installed: 2015, removable: true),
                   TinyRow(id: "R1", site: 3, kind: 1, vendor: 0, quantity: 1, installed: 2012),
                   TinyRow(id: "C1", site: 3, kind: 0, vendor: 0, quantity: 1, installed: 2016)])
        let result = BrutePaths(estate: tiny, org: 0).solve()
        #expect(result.best.map { abs($0 - 19.75) < 1e-9 } == true, "\(String(describing: result.best))")
        var tally: [String: Int] = [:]
        #expect(Self.disagreements(seed: 0, tiny: tiny, tally: &tally).isEmpty)
    }
}
