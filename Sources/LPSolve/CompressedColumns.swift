import LinearProgramming

/// A model's coefficient matrix in the compressed-column form `add_columnex` takes.
///
/// Each column lists its objective coefficient (row 0) first, then its constraint rows
/// (`i + 1` for constraint `i`) in increasing order. A variable may appear more than once in
/// an expression; its repeated rows are summed into one entry, so no column names a row twice.
struct CompressedColumns {
    /// Column `j`'s entries start at `starts[j]` in `rows` and `values`.
    private let starts: [Int]
    /// Column `j` has `lengths[j]` entries after merging.
    private var lengths: [Int]
    private var rows: [Int32]
    private var values: [Double]

    /// Lays out `model`'s objective and constraint coefficients column by column.
    ///
    /// - Complexity: O(*c* + *nz*) for *c* columns and *nz* coefficients.
    init(_ model: LinearModel) {
        let columns = model.variables.count
        // counts[j] ends up as the start of column j (a prefix sum of the column sizes).
        var counts = [Int](repeating: 0, count: columns + 1)
        for row in model.constraints { for v in row.variables { counts[v.index + 1] += 1 } }
        for v in model.objective.expression.variables { counts[v.index + 1] += 1 }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var next = counts
        var rowOf = [Int32](repeating: 0, count: counts[columns])
        var valueOf = [Double](repeating: 0, count: counts[columns])
        let objective = model.objective.expression
        for k in objective.variables.indices {
            let j = objective.variables[k].index
            rowOf[next[j]] = 0
            valueOf[next[j]] = objective.coefficients[k]
            next[j] += 1
        }
        for (index, row) in model.constraints.enumerated() {
            for k in row.variables.indices {
                let j = row.variables[k].index
                rowOf[next[j]] = Int32(index + 1)
                valueOf[next[j]] = row.coefficients[k]
                next[j] += 1
            }
        }
        starts = counts
        lengths = []
        rows = rowOf
        values = valueOf
        for j in 0..<columns { lengths.append(mergeRepeatedRows(ofColumn: j)) }
    }

    /// Sums the consecutive entries of column `j` that share a row, in place, and returns the
    /// column's new length (entries are grouped by row already).
    private mutating func mergeRepeatedRows(ofColumn j: Int) -> Int {
        var write = starts[j]
        var read = starts[j]
        while read < starts[j + 1] {
            if write > starts[j], rows[write - 1] == rows[read] {
                values[write - 1] += values[read]
            } else {
                rows[write] = rows[read]
                values[write] = values[read]
                write += 1
            }
            read += 1
        }
        return write - starts[j]
    }

    /// Calls `body` once per column, in column order, with the column's length and pointers to
    /// its values and rows, valid only during the call.
    mutating func forEachColumn(
        _ body: (_ length: Int32, _ values: UnsafeMutablePointer<Double>, _ rows: UnsafeMutablePointer<Int32>) throws -> Void
    ) rethrows {
        let starts = starts, lengths = lengths
        try rows.withUnsafeMutableBufferPointer { rowBuffer in
            try values.withUnsafeMutableBufferPointer { valueBuffer in
                for j in lengths.indices {
                    try body(Int32(lengths[j]), valueBuffer.baseAddress! + starts[j], rowBuffer.baseAddress! + starts[j])
                }
            }
        }
    }
}
