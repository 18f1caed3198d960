/// A device register as read from its CSV file.
///
/// ```swift
/// let register = try RegisterReader.read(path: "register.csv")
/// print(register.rows.count, register.extraColumns)
/// ```
public struct Register: Sendable {
    /// The file's name as given, used in diagnostics.
    public var fileName: String
    /// The header's column names in file order, trimmed, as spelled.
    public var columns: [String]
    /// The device rows, in file order.
    public var rows: [RegisterRow]
    /// The columns that are not part of the register format, in file order, as spelled.
    public var extraColumns: [String]

    /// Creates a register.
    public init(fileName: String, columns: [String], rows: [RegisterRow], extraColumns: [String] = []) {
        self.fileName = fileName
        self.columns = columns
        self.rows = rows
        self.extraColumns = extraColumns
    }

    /// The 1-based position of a column, by case-insensitive name, if the header has it.
    public func columnNumber(of name: String) -> Int? {
        let key = name.folded
        return columns.firstIndex { $0.folded == key }.map { $0 + 1 }
    }
}
