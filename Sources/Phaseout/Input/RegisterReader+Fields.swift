import Foundation

/// The register's optional columns and the facts a site's rows must agree on (SPEC §1.1).
extension RegisterReader.Builder {
    /// `quantity`: a positive whole number in digits (default 1).
    mutating func readQuantity(line: Int, fields: CSVRecord, log: inout DiagnosticLog, ok: inout Bool) -> Int {
        guard quantity >= 0, !fields.isEmpty(quantity) else { return 1 }
        if let q = Self.digits(fields[quantity]), q > 0, q <= InputRanges.maxQuantity { return q }
        if fields[quantity].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), fields[quantity].contains(where: { $0 != 0x30 }) {
            log.error(line: line, column: quantity + 1, field: columns[quantity],
                      "quantity \"\(fields.string(quantity))\" is more than \(InputRanges.maxQuantity) units in one row")
        } else {
            log.error(line: line, column: quantity + 1, field: columns[quantity],
                      "quantity \"\(fields.string(quantity))\" is not a positive whole number")
        }
        ok = false
        return 1
    }

    /// `installed`: a whole year, if given.
    mutating func readInstalled(line: Int, fields: CSVRecord, log: inout DiagnosticLog, ok: inout Bool) -> Int? {
        guard installed >= 0, !fields.isEmpty(installed) else { return nil }
        if let year = Self.digits(fields[installed]), fields[installed].count <= 4 { return year }
        log.error(line: line, column: installed + 1, field: columns[installed],
                  "installed \"\(fields.string(installed))\" is not a whole year")
        ok = false
        return nil
    }

    /// `removable`: yes, no, true, false, 1 or 0 in any case; empty means no.
    mutating func readRemovable(line: Int, fields: CSVRecord, log: inout DiagnosticLog, ok: inout Bool) -> Bool {
        guard removable >= 0, !fields.isEmpty(removable) else { return false }
        if let flag = Self.flag(fields[removable]) { return flag }
        log.error(line: line, column: removable + 1, field: columns[removable],
                  "removable \"\(fields.string(removable))\" is not one of yes, no, true, false, 1, 0")
        ok = false
        return false
    }

    /// Whether this row of a site agrees with the site's first row on sensitivity and category
    /// (compared after defaults apply); the first row of a site records them.
    mutating func checkSiteFacts(
        line: Int, council councilID: Int, site siteIDIndex: Int, sensitivityID: Int?, categoryID: Int?,
        log: inout DiagnosticLog
    ) -> Bool {
        let sensitivityValue = sensitivityID.map { foldedSensitivities[$0] } ?? "standard"
        let categoryValue = categoryID.map { categories.strings[$0] } ?? "default"
        let site = siteTable.id(of: councilKeys[councilID], siteKeys[siteIDIndex])
        let sensitivityKey = sensitivityID.map { sensitivityKeys[$0] } ?? keys.key(of: "standard")
        let categoryKey = categoryID.map { categoryKeys[$0] } ?? keys.key(of: "default")
        guard site < siteFacts.count else {
            siteFacts.append(SiteFacts(sensitivity: sensitivityValue, sensitivityKey: sensitivityKey,
                                       category: categoryValue, categoryKey: categoryKey, line: line))
            return true
        }
        let facts = siteFacts[site]
        var ok = true
        if facts.sensitivityKey != sensitivityKey {
            log.error(line: line, column: sensitivity >= 0 ? sensitivity + 1 : nil, field: "sensitivity",
                      "site \"\(sites.strings[siteIDIndex])\" of \(councils.strings[councilID]) has sensitivity \"\(sensitivityValue)\" here but \"\(facts.sensitivity)\" on line \(facts.line)")
            ok = false
        }
        if facts.categoryKey != categoryKey {
            log.error(line: line, column: siteCategory >= 0 ? siteCategory + 1 : nil, field: "site_category",
                      "site \"\(sites.strings[siteIDIndex])\" of \(councils.strings[councilID]) has site_category \"\(categoryValue)\" here but \"\(facts.category)\" on line \(facts.line)")
            ok = false
        }
        return ok
    }
}
