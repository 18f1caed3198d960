import Foundation
import PhaseoutGenerator
import Testing
import TestSupport
@testable import MixedIntegerSearch
import LinearProgramming

@Suite("Mixed-integer rounding cuts")
struct MixedIntegerRoundingTests {
    /// The textbook case: `2x ≤ 3` with x integer at the LP point 1.5 rounds to `x ≤ 1`.
    @Test func roundsTheTextbookRow() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", upperBound: 10, isInteger: true)
        model.addConstraint(2 * x, .lessOrEqual, 3)
        let cut = try #require(MixedIntegerRounding().cut(from: model.constraints[0], of: model, at: [1.5]))
        #expect(cut.expression.variables == [x])
        let coefficient = cut.expression.coefficients[0]
        #expect(coefficient > 0)
        #expect(abs(cut.upper / coefficient - 1) < 1e-6)
    }

    /// An integer variable with fractional bounds is rounded on whole bounds: x ∈ [0.5, 9],
    /// x ≤ 2.2 keeps x = 2 (shifting by 0.5 would give x ≤ 1.5).
    @Test func wholeBoundsForIntegers() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", lowerBound: 0.5, upperBound: 9, isInteger: true)
        model.addConstraint(LinearExpression(x), .lessOrEqual, 2.2)
        if let cut = MixedIntegerRounding().cut(from: model.constraints[0], of: model, at: [2.2]) {
            #expect(cut.expression.value(at: [2]) <= cut.upper)
        }
    }

    /// A budget row with a continuous carry-in: `3x + 5y − c ≤ 7` at x = 2/3, y = 1, c = 0.
    /// Whole points with c = 0 allow 3x + 5y ≤ 7; the cut must cut the point and keep them all.
    @Test func keepsTheCarryInTheCut() throws {
        var model = LinearModel()
        let x = model.addVariable(name: "x", upperBound: 4, isInteger: true)
        let y = model.addVariable(name: "y", upperBound: 1, isInteger: true)
        let c = model.addVariable(name: "c", upperBound: 100)
        model.addConstraint(3 * x + 5 * y - LinearExpression(c), .lessOrEqual, 7)
        let point = [2.0 / 3, 1, 0]
        let cut = try #require(MixedIntegerRounding().cut(from: model.constraints[0], of: model, at: point))
        #expect(cut.expression.value(at: point) > cut.upper + 1e-3)
        #expect(cut.expression.variables.contains(c), "the cut must let carried money buy more")
        for xv in 0...4 {
            for yv in 0...1 {
                let least = max(0, Double(3 * xv + 5 * yv) - 7)
                for cv in [least, least + 0.5, 100] where cv <= 100 {
                    #expect(cut.expression.value(at: [Double(xv), Double(yv), cv]) <= cut.upper + 1e-9)
                }
            }
        }
    }

    /// 2,000 seeded rows over bounded integers and up to two continuous variables (one on each
    /// side): every cut returned is violated by its point and holds at every mixed point of the
    /// row, checked at every whole assignment and every vertex of the continuous part.
    @Test func cutsNeverRemoveAMixedIntegerPoint() {
        var random = SplitMix64(seed: 2026)
        var found = 0
        for _ in 0..<2_000 {
            var model = LinearModel()
            let integers = Int.random(in: 1...4, using: &random)
            var expression = LinearExpression()
            var bounds: [(Double, Double)] = []
            for k in 0..<integers {
                let lower = Double(Int.random(in: -1...1, using: &random))
                let upper = lower + Double(Int.random(in: 1...4, using: &random))
                let variable = model.addVariable(name: "x\(k)", lowerBound: lower, upperBound: upper, isInteger: true)
                bounds.append((lower, upper))
                let magnitude = Double(Int.random(in: 50...5_000, using: &random)) * (Bool.random(using: &random) ? 1.03 : 1)
                expression.add(Bool.random(using: &random) || k == 0 ? magnitude : -magnitude / 3, variable)
            }
            let uses = (positive: Bool.random(using: &random), negative: Bool.random(using: &random))
            let pCap = Double(Int.random(in: 1...3_000, using: &random))
            let nCap = Double(Int.random(in: 1...3_000, using: &random))
            let pCoefficient = Double(Int.random(in: 1...4, using: &random))
            let nCoefficient = Double(Int.random(in: 1...4, using: &random))
            let p = model.addVariable(name: "p", upperBound: pCap)
            let n = model.addVariable(name: "n", upperBound: nCap)
            if uses.positive { expression.add(pCoefficient, p) }
            if uses.negative { expression.add(-nCoefficient, n) }
            let capacity = bounds.enumerated().reduce(0.0) { sum, item in
                let a = expression.coefficients[item.offset]
                return sum + a * (a > 0 ? item.element.1 : item.element.0)
            }
            let rhs = (capacity * Double.random(in: 0.2...0.8, using: &random)).rounded()
            let row = model.addConstraint(expression, .lessOrEqual, rhs)

            // A fractional point of the row's LP: integers inside their bounds, continuous free.
            var point = bounds.map { Double.random(in: $0.0...$0.1, using: &random) } + [0, 0]
            let activity = zip(expression.coefficients.prefix(integers), point).reduce(0) { $0 + $1.0 * $1.1 }
            if activity > rhs {
                guard uses.negative, (activity - rhs) / nCoefficient <= nCap else { continue }
                point[integers + 1] = (activity - rhs) / nCoefficient
            }
            guard let cut = MixedIntegerRounding().cut(from: model.constraints[row.index], of: model, at: point) else { continue }
            found += 1
            #expect(cut.expression.value(at: point) > cut.upper)

            // Every whole assignment, then every vertex of {p, n in their boxes, row holds}.
            var whole = bounds.map(\.0)
            while true {
                let residual = rhs - zip(expression.coefficients.prefix(integers), whole).reduce(0) { $0 + $1.0 * $1.1 }
                let a = uses.positive ? pCoefficient : 0, b = uses.negative ? nCoefficient : 0
                var candidates: [(Double, Double)] = [(0, 0), (pCap, 0), (0, nCap), (pCap, nCap)]
                if b > 0 { candidates += [(0, -residual / b), (pCap, (a * pCap - residual) / b)] }
                if a > 0 { candidates += [(residual / a, 0), ((residual + b * nCap) / a, nCap)] }
                for (pv, nv) in candidates where pv >= -1e-9 && pv <= pCap + 1e-9 && nv >= -1e-9 && nv <= nCap + 1e-9 {
                    guard a * pv - b * nv <= residual + 1e-9 else { continue }
                    var values = whole
                    values.append(pv)
                    values.append(nv)
                    let lhs = cut.expression.value(at: values)
                    #expect(lhs <= cut.upper + 1e-7 * max(1, abs(cut.upper)), "cut removes \(values)")
                }
                var k = 0
                while k < integers, whole[k] == bounds[k].1 { whole[k] = bounds[k].0; k += 1 }
                if k == integers { break }
                whole[k] += 1
            }
        }
        #expect(found > 300, "only \(found) cuts: the test would prove little")
    }

    /// 1,500 seeded fixed-charge rows `Σ c·x + Σ V·y (− n) ≤ b` with `x ≤ u·y` (y binary), at
    /// points where the visits are paid fractionally (y = x/u): every cut measured from the
    /// variable upper bounds is violated by its point and holds at every whole assignment that
    /// keeps the row and the bounds (and every vertex of the continuous part); and the bounds
    /// cut deeper than the plain rounding where both cut.
    @Test func variableUpperBoundsGiveValidDeeperCuts() {
        var random = SplitMix64(seed: 77)
        var found = 0, deeper = 0
        for _ in 0..<1_500 {
            var model = LinearModel()
            let groups = Int.random(in: 1...3, using: &random)
            var expression = LinearExpression()
            var xs: [Variable] = [], ys: [Variable] = [], caps: [Double] = [], costs: [Double] = [], charges: [Double] = []
            for k in 0..<groups {
                let cap = Double(Int.random(in: 1...4, using: &random))
                let x = model.addVariable(name: "x\(k)", lowerBound: 0, upperBound: cap, isInteger: true)
                let y = model.addVariable(name: "y\(k)", lowerBound: 0, upperBound: 1, isInteger: true)
                let cost = Double(Int.random(in: 300...3_000, using: &random))
                let charge = Double(Int.random(in: 0...1_500, using: &random))
                expression.add(cost, x)
                if charge > 0 { expression.add(charge, y) }
                model.addConstraint(x - cap * y, .lessOrEqual, 0)
                xs.append(x); ys.append(y); caps.append(cap); costs.append(cost); charges.append(charge)
            }
            let nCap = Double(Int.random(in: 1...2_000, using: &random))
            let useCarry = Bool.random(using: &random)
            let n = model.addVariable(name: "n", upperBound: nCap)
            if useCarry { expression.add(-1, n) }
            let full = (0..<groups).reduce(0.0) { $0 + costs[$1] * caps[$1] + charges[$1] }
            let rhs = (full * Double.random(in: 0.2...0.8, using: &random)).rounded()
            let row = model.addConstraint(expression, .lessOrEqual, rhs)

            // A point of the row's LP with every visit paid in proportion to its units.
            var point = [Double](repeating: 0, count: model.variables.count)
            var activity = 0.0
            for k in 0..<groups {
                let x = Double.random(in: 0...caps[k], using: &random)
                point[xs[k].index] = x
                point[ys[k].index] = x / caps[k]
                activity += costs[k] * x + charges[k] * x / caps[k]
            }
            if activity > rhs {
                guard useCarry, activity - rhs <= nCap else { continue }
                point[n.index] = activity - rhs
            }
            let bounds = MixedIntegerRounding.variableUpperBounds(in: model)
            #expect(bounds.count == groups)
            guard let cut = MixedIntegerRounding().cut(from: model.constraints[row.index], of: model, at: point,
                                                       variableUpperBounds: bounds) else { continue }
            found += 1
            #expect(cut.expression.value(at: point) > cut.upper)
            if let plain = MixedIntegerRounding().cut(from: model.constraints[row.index], of: model, at: point),
               cut.efficacy > plain.efficacy + 1e-9 { deeper += 1 }

            // Every whole (x, y) keeping the bounds, with the carry at 0 or at its cap.
            var whole = [Double](repeating: 0, count: 2 * groups)
            while true {
                var values = [Double](repeating: 0, count: model.variables.count)
                var spend = 0.0
                var keeps = true
                for k in 0..<groups {
                    values[xs[k].index] = whole[2 * k]
                    values[ys[k].index] = whole[2 * k + 1]
                    if whole[2 * k] > caps[k] * whole[2 * k + 1] { keeps = false }
                    spend += costs[k] * whole[2 * k] + charges[k] * whole[2 * k + 1]
                }
                for carry in useCarry ? [0, nCap, max(0, min(nCap, spend - rhs))] : [0] where keeps && spend - carry <= rhs + 1e-9 {
                    values[n.index] = carry
                    #expect(cut.expression.value(at: values) <= cut.upper + 1e-7 * max(1, abs(cut.upper)), "cut removes \(values)")
                }
                var k = 0
                while k < 2 * groups, whole[k] == (k.isMultiple(of: 2) ? caps[k / 2] : 1) { whole[k] = 0; k += 1 }
                if k == 2 * groups { break }
                whole[k] += 1
            }
        }
        #expect(found > 300, "only \(found) cuts: the test would prove little")
        #expect(deeper > 50, "only \(deeper) cuts deeper than the plain rounding")
    }
}
