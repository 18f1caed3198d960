/// Collects the diagnostics of one reading pass, capping the number of errors kept.
struct DiagnosticLog: Sendable {
    /// The file every diagnostic of this log is about.
    var file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0
    private(set) var omitted = 0

    init(file: String) { self.file = file }

    /// Whether any error was recorded.
    var hasErrors: Bool { errorCount > 0 }

    /// The warnings kept so far.
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Records an error; beyond ``InputError/limit`` errors only counts it.
    mutating func error(line: Int?, column: Int? = nil, field: String? = nil, _ message: String) {
        errorCount += 1
        if errorCount > InputError.limit { omitted += 1; return }
        diagnostics.append(Diagnostic(.error, file: file, line: line, column: column, field: field, message: message))
    }

    /// Records a warning.
    mutating func warning(line: Int?, column: Int? = nil, field: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, column: column, field: field, message: message))
    }

    /// Appends the diagnostics of another log (for another file).
    mutating func merge(_ other: DiagnosticLog) {
        for d in other.diagnostics where d.severity == .warning { diagnostics.append(d) }
        for d in other.diagnostics where d.severity == .error {
            errorCount += 1
            if errorCount > InputError.limit { omitted += 1 } else { diagnostics.append(d) }
        }
        errorCount += other.omitted
        omitted += other.omitted
    }

    /// Appends the diagnostics of a rejection (for this log's file or another).
    mutating func merge(_ error: InputError) {
        for d in error.diagnostics where d.severity == .warning { diagnostics.append(d) }
        for d in error.diagnostics where d.severity == .error {
            errorCount += 1
            if errorCount > InputError.limit { omitted += 1 } else { diagnostics.append(d) }
        }
        errorCount += error.omitted
        omitted += error.omitted
    }

    /// Orders the diagnostics by line and column (stable; those without a line first).
    mutating func sortByPosition() {
        diagnostics = diagnostics.enumerated().sorted { a, b in
            let ka = (a.element.line ?? 0, a.element.column ?? 0), kb = (b.element.line ?? 0, b.element.column ?? 0)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    /// Puts the errors about `field` before every other diagnostic, keeping their order: a
    /// vendor near-miss silently drops a vendor from the plan, so it is the first thing a reader
    /// must see, however many other problems the files have.
    mutating func moveErrorsToFront(field: String) {
        let first = diagnostics.filter { $0.severity == .error && $0.field == field }
        guard !first.isEmpty else { return }
        diagnostics = first + diagnostics.filter { !($0.severity == .error && $0.field == field) }
    }

    /// Throws an ``InputError`` holding everything recorded if there was any error.
    func throwIfErrors() throws(InputError) {
        if hasErrors { throw inputError }
    }

    /// Everything recorded, as an error value.
    var inputError: InputError {
        InputError(diagnostics: diagnostics.filter { $0.severity == .error }, omitted: omitted)
    }
}
