/// Why a model cannot be handed to a solver. Found before any C call.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension LinearModel {
    /// Checks that every number is usable and every variable belongs to this model.
    /// - Throws: ``ModelError`` naming the first offending variable, row or term.
    public func validate() throws(ModelError) {
        for (index, info) in variables.enumerated() {
            if info.lowerBound.isNaN || info.upperBound.isNaN {
                throw ModelError(message: "variable \(info.name) (#\(index)) has a NaN bound")
            }
            if info.lowerBound > info.upperBound {
                throw ModelError(message: "variable \(info.name) (#\(index)) has lower bound \(info.lowerBound) above upper bound \(info.upperBound)")
            }
            if info.lowerBound == .infinity || info.upperBound == -.infinity {
                throw ModelError(message: "variable \(info.name) (#\(index)) has an empty domain")
            }
        }
        for row in constraints {
            if row.lower.isNaN || row.upper.isNaN {
                throw ModelError(message: "constraint \(row.name) has a NaN bound")
            }
            if row.lower > row.upper {
                throw ModelError(message: "constraint \(row.name) has lower bound \(row.lower) above upper bound \(row.upper)")
            }
            try checkTerms(row.variables, row.coefficients, owner: "constraint \(row.name)")
        }
        try checkTerms(objective.expression.variables, objective.expression.coefficients, owner: "the objective")
        if !objective.expression.constant.isFinite {
            throw ModelError(message: "the objective has a non-finite constant \(objective.expression.constant)")
        }
    }

    private func checkTerms(_ vars: [Variable], _ coefficients: [Double], owner: String) throws(ModelError) {
        for k in vars.indices {
            let variable = vars[k]
            guard variable.modelIdentity == identity, variable.index < variables.count else {
                throw ModelError(message: "\(owner) uses variable #\(variable.index) of another model")
            }
            guard coefficients[k].isFinite else {
                throw ModelError(message: "\(owner) has coefficient \(coefficients[k]) on variable \(variables[variable.index].name)")
            }
        }
    }
}
