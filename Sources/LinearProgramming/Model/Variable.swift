/// A decision variable of one ``LinearModel``.
///
/// A variable is a typed index: it is only meaningful in the model that created it, and a
/// model rejects variables of another model before any solver is called.
public struct Variable: Hashable, Sendable, CustomStringConvertible {
    /// The variable's position in ``LinearModel/variables`` (0-based).
    public let index: Int
    let modelIdentity: ModelIdentity

    public var description: String { "x\(index)" }
}

/// The identity of a model, so that variables and constraints of another model are caught.
struct ModelIdentity: Hashable, Sendable {
    let rawValue: UInt64
    static func fresh() -> ModelIdentity { ModelIdentity(rawValue: UInt64.random(in: 1 ... .max)) }
}

/// What a model knows about one variable.
public struct VariableInfo: Sendable, Equatable {
    /// A unique, solver-friendly name (used in exports and diagnostics).
    public var name: String
    /// Lower bound; `-Double.infinity` for none.
    public var lowerBound: Double
    /// Upper bound; `Double.infinity` for none.
    public var upperBound: Double
    /// Whether the variable must take an integer value.
    public var isInteger: Bool
    /// Branch-and-bound branches on fractional variables of higher priority first (default 0);
    /// ties go to the lower index. Only meaningful for integer variables.
    public var branchPriority: Int = 0
}
