/// A square matrix factorised as `P·B = L·U` with partial pivoting, stored densely: enough for
/// the bases of council-sized models, whose tableau rows the Gomory cuts read.
struct DenseLU {
    private let size: Int
    /// `L` (unit diagonal, below) and `U` (on and above the diagonal), row-major.
    private var factors: [Double]
    /// Row `i` of `P·B` is row `permutation[i]` of `B`.
    private var permutation: [Int]

    /// Factorises the `size × size` row-major `matrix`; `nil` when a pivot is below
    /// `singularity` times the largest entry (the basis is numerically singular).
    init?(size: Int, rowMajor matrix: [Double], singularity: Double = 1e-11) {
        precondition(matrix.count == size * size)
        self.size = size
        factors = matrix
        permutation = Array(0..<size)
        let scale = matrix.reduce(0) { max($0, abs($1)) }
        guard scale > 0 else { return nil }
        let factorised = factors.withUnsafeMutableBufferPointer { a in
            permutation.withUnsafeMutableBufferPointer { p in Self.factorise(a, p, size: size, threshold: singularity * scale) }
        }
        guard factorised else { return nil }
    }

    private static func factorise(_ a: UnsafeMutableBufferPointer<Double>, _ permutation: UnsafeMutableBufferPointer<Int>,
                                  size: Int, threshold: Double) -> Bool {
        for k in 0..<size {
            var pivotRow = k
            var pivot = abs(a[k * size + k])
            for i in (k + 1)..<max(k + 1, size) where abs(a[i * size + k]) > pivot {
                pivot = abs(a[i * size + k])
                pivotRow = i
            }
            guard pivot > threshold else { return false }
            if pivotRow != k {
                for j in 0..<size { a.swapAt(k * size + j, pivotRow * size + j) }
                permutation.swapAt(k, pivotRow)
            }
            let diagonal = a[k * size + k]
            for i in (k + 1)..<max(k + 1, size) {
                let multiplier = a[i * size + k] / diagonal
                guard multiplier != 0 else { continue }
                a[i * size + k] = multiplier
                for j in (k + 1)..<size { a[i * size + j] -= multiplier * a[k * size + j] }
            }
        }
        return true
    }

    /// The solution `u` of `Bᵀ·u = e_k`: row `k` of `B⁻¹`, as a column.
    func rowOfInverse(_ k: Int) -> [Double] {
        // Bᵀ = Uᵀ·Lᵀ·P, so solve Uᵀ·y = e_k, then Lᵀ·w = y, then u = Pᵀ·w; both by rows of the
        // factors, which lie contiguous in memory.
        var y = [Double](repeating: 0, count: size)
        factors.withUnsafeBufferPointer { a in
            y.withUnsafeMutableBufferPointer { y in
                // Uᵀ is lower triangular and e_k starts at k, so y is zero above k.
                y[k] = 1
                for j in k..<size {
                    y[j] /= a[j * size + j]
                    let yj = y[j]
                    guard yj != 0 else { continue }
                    for i in (j + 1)..<max(j + 1, size) { y[i] -= a[j * size + i] * yj }
                }
                for j in stride(from: size - 1, through: 1, by: -1) {
                    let wj = y[j]
                    guard wj != 0 else { continue }
                    for i in 0..<j { y[i] -= a[j * size + i] * wj }
                }
            }
        }
        var u = [Double](repeating: 0, count: size)
        for i in 0..<size { u[permutation[i]] = y[i] }
        return u
    }
}
