/// Some units of one register row, in a group's replacement order.
public struct UnitSlice: Sendable, Hashable {
    /// The row's index in ``Register/rows``.
    public var rowIndex: Int
    /// How many of the row's units.
    public var quantity: Int

    /// Creates a slice.
    public init(rowIndex: Int, quantity: Int) {
        self.rowIndex = rowIndex
        self.quantity = quantity
    }
}
