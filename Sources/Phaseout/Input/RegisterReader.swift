import Foundation

/// Reads a device register from CSV (SPEC §1.1), collecting every problem before it throws.
///
/// ```swift
/// let register = try RegisterReader.read(path: "estate/register.csv")
/// ```
///
/// The reader works on bytes and interns the columns whose values repeat; 100 000 rows
/// (about 8 MB) take about 50 ms of CPU in a release build.
public enum RegisterReader {
    /// The columns every register must have.
    public static let requiredColumns = ["device_id", "council", "site_id", "kind", "vendor"]
    /// The optional columns of the register format; any other column is kept as an extra.
    public static let optionalColumns = ["sensitivity", "site_category", "model", "installed", "quantity", "locked_period", "removable"]

    /// Reads and checks the register at `path`.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - fileName: The name diagnostics use; defaults to `path`.
    /// - Returns: The register.
    /// - Throws: ``InputError`` listing every problem found.
    public static func read(path: String, fileName: String? = nil) throws(InputError) -> Register {
        let name = fileName ?? path
        let bytes = try FileAccess.readInput(path, fileName: name, what: "register")
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) in try parse(buffer: buffer, fileName: name) }
        }
        return try result.get()
    }

    /// Parses register text.
    /// - Throws: ``InputError`` listing every problem found.
    public static func parse(_ text: String, fileName: String) throws(InputError) -> Register {
        try parse(Array(text.utf8), fileName: fileName)
    }

    /// Parses register bytes (UTF-8 CSV).
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - fileName: The name diagnostics use.
    /// - Returns: The register.
    /// - Throws: ``InputError`` listing every problem found.
    /// - Complexity: O(*n*) in the number of bytes.
    public static func parse(_ bytes: [UInt8], fileName: String) throws(InputError) -> Register {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) in try parse(buffer: buffer, fileName: fileName) }
        }
        return try result.get()
    }

    /// Parses register bytes in place, without copying them; see the public `parse`.
    static func parse(buffer: UnsafeBufferPointer<UInt8>, fileName: String) throws(InputError) -> Register {
        let (register, log) = readPartially(buffer: buffer, fileName: fileName)
        try log.throwIfErrors()
        return register!
    }

    /// Reads the register at `path` as far as it can be read, for checks against the scenario
    /// that should run even when the register has errors.
    ///
    /// - Returns: The rows that could be read (rows with errors are left out), or nil when the
    ///   file or its header cannot be read; and every problem found.
    static func readPartially(path: String, fileName: String) -> (register: Register?, log: DiagnosticLog) {
        let bytes: [UInt8]
        do { bytes = try FileAccess.readInput(path, fileName: fileName, what: "register") } catch {
            var log = DiagnosticLog(file: fileName)
            log.merge(error)
            return (nil, log)
        }
        return bytes.withUnsafeBufferPointer { readPartially(buffer: $0, fileName: fileName) }
    }

    /// Reads register bytes as far as they can be read; see ``readPartially(path:fileName:)``.
    static func readPartially(buffer: UnsafeBufferPointer<UInt8>, fileName: String)
        -> (register: Register?, log: DiagnosticLog) {
        var log = DiagnosticLog(file: fileName)
        guard TextBytes.check(buffer, log: &log) else { return (nil, log) }
        var builder = Builder(fileName: fileName)
        builder.reserve(rows: lineCount(buffer))
        CSVScanner.scan(
            buffer,
            record: { (line: Int, fields: CSVRecord) in builder.take(line: line, fields: fields, log: &log) },
            problem: { p in log.error(line: p.line, column: p.column, p.message) }
        )
        if !builder.sawHeader {
            log.error(line: 1, "the register is empty: it needs a header row")
        }
        guard builder.headerUsable else { return (nil, log) }
        return (Register(fileName: fileName, columns: builder.columns, rows: builder.rows,
                         extraColumns: builder.extraIndices.map { builder.columns[$0] }), log)
    }

    /// The number of line feeds: about the number of rows, to size tables with.
    private static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        var i = 0
        // Eight bytes at a time: a byte of `x` is zero exactly where the word has a line feed.
        while i + 8 <= bytes.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ (ones &* 0x0A)
            let nonZero = ((x & low7) &+ low7) | x
            count += (~nonZero & ~low7).nonzeroBitCount
            i += 8
        }
        while i < bytes.count {
            if bytes[i] == 0x0A { count += 1 }
            i += 1
        }
        return count
    }
}

extension RegisterReader {
    /// Turns scanned records into rows, checking each as it comes.
    ///
    /// Columns whose values repeat (council, site, kind, vendor, sensitivity, category, model,
    /// locked period) are interned: a row shares the `String` of each value, and the value's
    /// folded form and key are worked out once per distinct spelling. `quantity` and
    /// `installed` are read straight from the bytes.
    struct Builder {
        let fileName: String
        var sawHeader = false
        var headerUsable = false
        var columns: [String] = []
        var rows: [RegisterRow] = []
        var extraIndices: [Int] = []

        // Column positions (0-based) of the format's columns; -1 when absent.
        var deviceID = -1, council = -1, siteID = -1, kind = -1, vendor = -1
        var sensitivity = -1, siteCategory = -1, model = -1, installed = -1, quantity = -1, lockedPeriod = -1
        var removable = -1

        var deviceLines = DeviceLines()
        /// Sites by (folded council key, site key), and what their first row says.
        var siteTable = ByteKeyTable(capacity: 1024)
        var siteFacts: [SiteFacts] = []

        // The interned columns, and what is derived from each distinct value.
        var councils = ByteInterner(capacity: 1024)
        var councilKeys: [Int] = []             // by council id: key of the folded name
        var sites = ByteInterner(capacity: 16384)
        var siteKeys: [Int] = []                // by site id: key of the exact name
        var kinds = ByteInterner()
        var vendors = ByteInterner()
        var sensitivities = ByteInterner()
        var foldedSensitivities: [String] = []  // by sensitivity id
        var sensitivityKeys: [Int] = []         // by sensitivity id: key of the folded level
        var categories = ByteInterner()
        var categoryKeys: [Int] = []            // by category id: key of the folded category
        var models = ByteInterner(capacity: 1024)
        var lockedPeriods = ByteInterner()
        /// Keys of names as Swift compares strings, so that ids agree with `String` equality.
        var keys = NameKeys()

        struct SiteFacts {
            var sensitivity: String
            var sensitivityKey: Int
            var category: String
            var categoryKey: Int
            var line: Int
        }

        init(fileName: String) { self.fileName = fileName }

        /// Sizes the tables for about `rows` rows, so that they never rehash.
        mutating func reserve(rows count: Int) {
            rows.reserveCapacity(count)
            deviceLines = DeviceLines(capacity: count)
        }

        mutating func take(line: Int, fields: CSVRecord, log: inout DiagnosticLog) {
            if !sawHeader {
                sawHeader = true
                readHeader(line: line, fields: (0..<fields.count).map { fields.string($0) }, log: &log)
                return
            }
            guard headerUsable else { return }
            readRow(line: line, fields: fields, log: &log)
        }

        private mutating func readHeader(line: Int, fields: [String], log: inout DiagnosticLog) {
            columns = fields
            var seen: [String: Int] = [:]
            var ok = true
            for (index, name) in fields.enumerated() {
                let key = name.foldedCase
                if key.isEmpty {
                    log.error(line: line, column: index + 1, "column \(index + 1) of the header has no name")
                    ok = false
                    continue
                }
                if let first = seen[key] {
                    log.error(line: line, column: index + 1, field: name,
                              "duplicate column \"\(name)\" (also column \(first + 1))")
                    ok = false
                    continue
                }
                seen[key] = index
                switch key {
                case "device_id": deviceID = index
                case "council": council = index
                case "site_id": siteID = index
                case "kind": kind = index
                case "vendor": vendor = index
                case "sensitivity": sensitivity = index
                case "site_category": siteCategory = index
                case "model": model = index
                case "installed": installed = index
                case "quantity": quantity = index
                case "locked_period": lockedPeriod = index
                case "removable": removable = index
                default: extraIndices.append(index)
                }
            }
            for required in RegisterReader.requiredColumns where seen[required] == nil {
                log.error(line: line, field: required, "missing required column \"\(required)\"")
                ok = false
            }
            headerUsable = ok
        }

        private mutating func readRow(line: Int, fields: CSVRecord, log: inout DiagnosticLog) {
            guard fields.count == columns.count else {
                log.error(line: line, column: min(fields.count, columns.count) + 1,
                          "the row has \(fields.count) fields but the header has \(columns.count)")
                return
            }
            var ok = true
            let columns = self.columns
            func required(_ index: Int) -> Bool {
                if fields.isEmpty(index) {
                    log.error(line: line, column: index + 1, field: columns[index],
                              "empty value in required column \"\(columns[index])\"")
                    ok = false
                    return false
                }
                return true
            }
            let hasDeviceID = required(deviceID)
            let hasCouncil = required(council)
            let hasSiteID = required(siteID)
            _ = required(kind)
            _ = required(vendor)

            func given(_ index: Int) -> Bool { index >= 0 && !fields.isEmpty(index) }
            let sensitivityID = given(sensitivity) ? internSensitivity(fields[sensitivity]) : nil
            let categoryID = given(siteCategory) ? internCategory(fields[siteCategory]) : nil

            let quantityValue = readQuantity(line: line, fields: fields, log: &log, ok: &ok)
            let installedValue = readInstalled(line: line, fields: fields, log: &log, ok: &ok)
            let removableValue = readRemovable(line: line, fields: fields, log: &log, ok: &ok)

            let deviceIDValue = hasDeviceID ? fields.string(deviceID) : ""
            if hasDeviceID, let first = deviceLines.firstLine(of: fields[deviceID], string: deviceIDValue, line: line) {
                log.error(line: line, column: deviceID + 1, field: columns[deviceID],
                          "duplicate device_id \"\(deviceIDValue)\" (first on line \(first))")
                ok = false
            }

            let sensitivityValue = sensitivityID.map { foldedSensitivities[$0] } ?? "standard"
            let categoryValue = categoryID.map { categories.strings[$0] } ?? "default"
            var councilID = -1, siteIDIndex = -1
            if hasCouncil && hasSiteID {
                councilID = internCouncil(fields[council])
                siteIDIndex = internSite(fields[siteID])
                ok = checkSiteFacts(line: line, council: councilID, site: siteIDIndex, sensitivityID: sensitivityID,
                                    categoryID: categoryID, log: &log) && ok
            }

            guard ok else { return }
            var extra: [(column: String, value: String)] = []
            if !extraIndices.isEmpty {
                extra.reserveCapacity(extraIndices.count)
                for index in extraIndices { extra.append((columns[index], fields.string(index))) }
            }
            let kindID = kinds.intern(fields[kind])
            let vendorID = vendors.intern(fields[vendor])
            let modelID = given(model) ? models.intern(fields[model]) : nil
            let lockedID = given(lockedPeriod) ? lockedPeriods.intern(fields[lockedPeriod]) : nil
            var row = RegisterRow(
                deviceID: deviceIDValue, council: councils.strings[councilID], siteID: sites.strings[siteIDIndex],
                kind: kinds.strings[kindID], vendor: vendors.strings[vendorID],
                sensitivity: sensitivityValue, siteCategory: categoryValue,
                model: modelID.map { models.strings[$0] } ?? "",
                installed: installedValue, quantity: quantityValue,
                lockedPeriod: lockedID.map { lockedPeriods.strings[$0] },
                extra: extra, line: line)
            row.removable = removableValue
            rows.append(row)
        }

        /// The id of a council spelling; a new one gets the key of its folded name.
        mutating func internCouncil(_ value: UnsafeBufferPointer<UInt8>) -> Int {
            let id = councils.intern(value)
            if id == councilKeys.count { councilKeys.append(keys.key(of: councils.strings[id].foldedCase)) }
            return id
        }

        /// The id of a site spelling; a new one gets the key of its exact name.
        mutating func internSite(_ value: UnsafeBufferPointer<UInt8>) -> Int {
            let id = sites.intern(value)
            if id == siteKeys.count { siteKeys.append(keys.key(of: sites.strings[id])) }
            return id
        }

        /// The id of a sensitivity spelling; a new one gets its folded level and that level's key.
        mutating func internSensitivity(_ value: UnsafeBufferPointer<UInt8>) -> Int {
            let id = sensitivities.intern(value)
            if id == sensitivityKeys.count {
                let folded = sensitivities.strings[id].foldedCase
                foldedSensitivities.append(folded)
                sensitivityKeys.append(keys.key(of: folded))
            }
            return id
        }

        /// The id of a category spelling; a new one gets the key of its folded name.
        mutating func internCategory(_ value: UnsafeBufferPointer<UInt8>) -> Int {
            let id = categories.intern(value)
            if id == categoryKeys.count { categoryKeys.append(keys.key(of: categories.strings[id].foldedCase)) }
            return id
        }

        /// A `removable` value: yes/true/1 or no/false/0 in any case, else nil. Empty values
        /// never get here (they mean no).
        static func flag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
            guard bytes.count <= 5 else { return nil }
            // ASCII letters lower-cased; other bytes stay as they are and match no word.
            var word: [UInt8] = []
            for b in bytes { word.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
            switch word {
            case Array("yes".utf8), Array("true".utf8), Array("1".utf8): return true
            case Array("no".utf8), Array("false".utf8), Array("0".utf8): return false
            default: return nil
            }
        }

        /// The value of ASCII digits, or nil if there is anything else or it overflows.
        static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            var value = 0
            for b in bytes {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int(b - 0x30))
                if o1 || o2 { return nil }
                value = s
            }
            return bytes.isEmpty ? nil : value
        }
    }
}
