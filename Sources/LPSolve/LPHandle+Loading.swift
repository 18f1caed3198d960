import LinearProgramming
internal import CLPSolve

/// The steps of ``LPHandle/init(loading:)``, each a run of lp_solve calls on one part of the model.
extension LPHandle {
    /// Sets each row's type and right-hand side: equality, `≤ upper`, or `≥ lower` with a range
    /// when the row is bounded on both sides.
    func loadRows(_ constraints: [Constraint], infinity: Double) throws {
        for (index, row) in constraints.enumerated() {
            let r = Int32(index + 1)
            if row.lower == row.upper {
                try check(set_constr_type(lp, r, EQ), "set_constr_type")
                try check(set_rh(lp, r, row.lower), "set_rh")
            } else if row.lower == -.infinity {
                try check(set_constr_type(lp, r, LE), "set_constr_type")
                try check(set_rh(lp, r, Self.clamp(row.upper, infinity)), "set_rh")
            } else {
                try check(set_constr_type(lp, r, GE), "set_constr_type")
                try check(set_rh(lp, r, row.lower), "set_rh")
                if row.upper != .infinity {
                    try check(set_rh_range(lp, r, row.upper - row.lower), "set_rh_range")
                }
            }
        }
    }

    /// Adds every column with its objective and constraint coefficients, one `add_columnex` each.
    func loadColumns(_ model: LinearModel) throws {
        var columns = CompressedColumns(model)
        try columns.forEachColumn { length, values, rows in
            try check(add_columnex(lp, length, values, rows), "add_columnex")
        }
    }

    func loadBoundsAndIntegers(_ variables: [VariableInfo], infinity: Double) throws {
        for (index, info) in variables.enumerated() {
            let c = Int32(index + 1)
            try check(set_bounds(lp, c, Self.clamp(info.lowerBound, infinity), Self.clamp(info.upperBound, infinity)),
                      "set_bounds")
            if info.isInteger { try check(set_int(lp, c, CLPS_TRUE), "set_int") }
        }
    }

    /// Passes the variables' branching priorities, when any is set.
    ///
    /// lp_solve branches on the lowest weight first (weights are 0-based, one per column);
    /// the index breaks ties so that the order is the model's.
    func loadBranchingWeights(_ variables: [VariableInfo]) throws {
        guard variables.contains(where: { $0.branchPriority != 0 }) else { return }
        let count = Double(variables.count)
        var weights = variables.enumerated().map { index, info in -Double(info.branchPriority) * count + Double(index) }
        try check(weights.withUnsafeMutableBufferPointer { set_var_weights(lp, $0.baseAddress) }, "set_var_weights")
    }

    func loadNames(_ model: LinearModel) throws {
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

    /// `value` with ±∞ replaced by lp_solve's own infinity.
    static func clamp(_ value: Double, _ infinity: Double) -> Double {
        value == .infinity ? infinity : value == -.infinity ? -infinity : value
    }
}
