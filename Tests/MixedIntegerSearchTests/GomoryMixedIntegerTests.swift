import Foundation
import LPSolve
import PhaseoutGenerator
import Testing
@testable import MixedIntegerSearch
import LinearProgramming

@Suite("Gomory mixed-integer cuts")
struct GomoryMixedIntegerTests {
    /// Rows of B⁻¹ from the dense factorisation satisfy Bᵀ·u = e_k on seeded random matrices,
    /// and a singular matrix is refused.
    @Test func denseFactorisationGivesRowsOfTheInverse() throws {
        var random = SplitMix64(seed: 11)
        for size in [1, 2, 5, 12, 30] {
            var matrix = (0..<(size * size)).map { _ in Double(Int.random(in: -9...9, using: &random)) }
            for i in 0..<size { matrix[i * size + i] += 40 * (Bool.random(using: &random) ? 1 : -1) }
            let factors = try #require(DenseLU(size: size, rowMajor: matrix))
            for k in 0..<size {
                let u = factors.rowOfInverse(k)
                for j in 0..<size {
                    // (Bᵀ·u)_j = Σ_i B[i][j]·u_i
                    let entry = (0..<size).reduce(0.0) { $0 + matrix[$1 * size + j] * u[$1] }
                    #expect(abs(entry - (j == k ? 1 : 0)) < 1e-9)
                }
            }
        }
        #expect(DenseLU(size: 2, rowMajor: [1, 2, 2, 4]) == nil)
    }

    /// The textbook case: max y with 3x + 2y ≤ 6 and −3x + 2y ≤ 0 has its LP optimum at
    /// (1, 1.5) and its integer optimum at y = 1; one round of cuts must cut the point off and
    /// bring the bound down to the integer optimum without passing it.
    @Test func cutsTheTextbookCorner() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", upperBound: 10, isInteger: true)
        let y = model.addVariable(name: "y", upperBound: 10, isInteger: true)
        model.addConstraint(3 * x + 2 * y, .lessOrEqual, 6)
        model.addConstraint(-3 * x + 2 * y, .lessOrEqual, 0)
        model.objective = LinearObjective(.maximize, LinearExpression(y))
        let first = try LPSolveSolver().solve(model.relaxed(), parameters: SolverParameters())
        #expect(abs((first.objectiveValue ?? 0) - 1.5) < 1e-9)
        let cuts = GomoryMixedInteger().cuts(for: model, values: first.values, basis: try #require(first.basis))
        #expect(!cuts.isEmpty)
        for cut in cuts {
            #expect(cut.expression.value(at: first.values) > cut.upper)
            for xv in 0...2 { for yv in 0...1 { #expect(cut.expression.value(at: [Double(xv), Double(yv)]) <= cut.upper + 1e-9) } }
            model.addConstraint(cut.expression, .lessOrEqual, cut.upper)
        }
        let second = try LPSolveSolver().solve(model.relaxed(), parameters: SolverParameters())
        let bound = try #require(second.objectiveValue)
        #expect(bound < 1.5 - 1e-3)
        #expect(bound >= 1 - 1e-9)
    }

    /// 300 seeded small mixed models (bounded integers, one bounded continuous variable, `≤`,
    /// `≥` and whole rows, each with a known whole point): three rounds of cuts, each cut
    /// violated by its LP point and kept by every mixed point of the model (checked at every
    /// whole assignment and both ends of the continuous variable's interval), and the final LP
    /// bound never above the brute-force optimum.
    @Test func cutsNeverRemoveAMixedIntegerPoint() throws {
        var random = SplitMix64(seed: 2027)
        var found = 0, raised = 0
        for _ in 0..<300 {
            let problem = RandomMixedModel(random: &random)
            var model = problem.model
            let optimum = problem.bruteForce { _ in }.minimum
            var firstBound: Double?
            var bound = -Double.infinity
            for _ in 0..<3 {
                let relaxation = try LPSolveSolver().solve(model.relaxed(), parameters: SolverParameters())
                guard let value = relaxation.objectiveValue, let basis = relaxation.basis else { break }
                firstBound = firstBound ?? value
                bound = value
                let cuts = GomoryMixedInteger().cuts(for: model, values: relaxation.values, basis: basis)
                if cuts.isEmpty { break }
                for cut in cuts {
                    found += 1
                    #expect(cut.expression.value(at: relaxation.values) > cut.upper)
                    _ = problem.bruteForce { point in
                        #expect(cut.expression.value(at: point) <= cut.upper + 1e-7 * max(1, abs(cut.upper)),
                                "cut removes \(point)")
                    }
                    model.addConstraint(cut.expression, .lessOrEqual, cut.upper)
                }
            }
            if let last = try? LPSolveSolver().solve(model.relaxed(), parameters: SolverParameters()).objectiveValue {
                bound = last
            }
            #expect(bound <= optimum + 1e-6 * max(1, abs(optimum)))
            if let firstBound, bound > firstBound + 1e-6 { raised += 1 }
        }
        #expect(found > 300, "only \(found) cuts: the test would prove little")
        #expect(raised > 50, "the cuts raised only \(raised) bounds")
    }
}

/// A small mixed model with a known whole point, and its brute force.
private struct RandomMixedModel {
    var model = LinearModel()
    var uppers: [Int] = []
    var cap: Double
    var rows: [(integers: [Double], continuous: Double, lower: Double, upper: Double)] = []
    var objective: [Double] = []

    init(random: inout SplitMix64) {
        let count = Int.random(in: 2...4, using: &random)
        cap = Double(Int.random(in: 3...20, using: &random))
        var variables: [Variable] = []
        var known: [Double] = []
        for k in 0..<count {
            let upper = Int.random(in: 1...4, using: &random)
            uppers.append(upper)
            variables.append(model.addVariable(name: "x\(k)", upperBound: Double(upper), isInteger: true))
            known.append(Double(Int.random(in: 0...upper, using: &random)))
        }
        let c = model.addVariable(name: "c", upperBound: cap)
        let knownC = Double.random(in: 0...cap, using: &random)
        for _ in 0..<Int.random(in: 2...4, using: &random) {
            let integers = (0..<count).map { _ in Double(Int.random(in: -6...9, using: &random)) }
            // A whole row (no continuous term, whole right-hand side) now and then.
            let whole = Int.random(in: 0..<3, using: &random) == 0
            let continuous = whole ? 0 : Double(Int.random(in: -3...3, using: &random))
            let activity = zip(integers, known).reduce(continuous * knownC) { $0 + $1.0 * $1.1 }
            let slack = whole ? Double(Int.random(in: 0...3, using: &random)) : Double(Int.random(in: 0...6, using: &random)) + 0.5
            let greater = Int.random(in: 0..<4, using: &random) == 0
            let (lower, upper) = greater ? ((activity - slack).rounded(.down), Double.infinity) : (-Double.infinity, (activity + slack).rounded(.down) + (whole ? 0 : 0.5))
            guard lower <= activity, activity <= upper else { continue }
            var expression = LinearExpression()
            for (variable, a) in zip(variables, integers) where a != 0 { expression.add(a, variable) }
            if continuous != 0 { expression.add(continuous, c) }
            model.addConstraint(expression, lower: lower, upper: upper)
            rows.append((integers, continuous, lower, upper))
        }
        objective = (0...count).map { _ in Double(Int.random(in: -5...5, using: &random)) }
        var expression = LinearExpression()
        for (variable, a) in zip(variables + [c], objective) where a != 0 { expression.add(a, variable) }
        model.objective = LinearObjective(.minimize, expression)
    }

    /// Calls `visit` at every whole assignment's extreme continuous values that keep every row,
    /// and returns the least objective among them.
    func bruteForce(_ visit: ([Double]) -> Void) -> (minimum: Double, Void) {
        var minimum = Double.infinity
        var whole = [Int](repeating: 0, count: uppers.count)
        while true {
            var low = 0.0, high = cap
            for row in rows {
                let sum = zip(row.integers, whole).reduce(0.0) { $0 + $1.0 * Double($1.1) }
                if row.continuous == 0 {
                    if sum < row.lower - 1e-9 || sum > row.upper + 1e-9 { low = 1; high = 0 }
                } else {
                    let a = (row.lower - sum) / row.continuous, b = (row.upper - sum) / row.continuous
                    low = max(low, min(a, b))
                    high = min(high, max(a, b))
                }
            }
            if low <= high + 1e-12 {
                for value in [low, high] {
                    let point = whole.map(Double.init) + [value]
                    visit(point)
                    minimum = min(minimum, zip(objective, point).reduce(0) { $0 + $1.0 * $1.1 })
                }
            }
            var k = 0
            while k < whole.count, whole[k] == uppers[k] { whole[k] = 0; k += 1 }
            if k == whole.count { break }
            whole[k] += 1
        }
        return (minimum, ())
    }
}
