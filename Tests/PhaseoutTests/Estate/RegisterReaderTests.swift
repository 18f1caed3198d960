import Foundation
import Testing
@testable import Phaseout

@Suite struct RegisterReaderTests {
    let header = "device_id,council,site_id,kind,vendor"

    @Test func readsBOMCRLFAndQuotedFields() throws {
        let csv = "\u{FEFF}Device_ID , Council,site_id,KIND,vendor,notes,quantity\r\n"
            + "D1,Fife,S1,camera,\"Hik, Vision\",\"said \"\"hi\"\"\",2\r\n"
            + "D2,Fife,S1,camera,Dahua,\"two\r\nlines\",1\r\n"
            + ",,,,,,\r\n"
            + "\r\n"
            + "D3,Fife,S2,camera,\u{00A0}Axis\u{00A0},x,3"
        let register = try RegisterReader.parse(csv, fileName: "r.csv")
        #expect(register.rows.count == 3)
        #expect(register.columns == ["Device_ID", "Council", "site_id", "KIND", "vendor", "notes", "quantity"])
        #expect(register.extraColumns == ["notes"])
        #expect(register.rows[0].vendor == "Hik, Vision")
        #expect(register.rows[0].extra.map(\.value) == [#"said "hi""#])
        #expect(register.rows[0].quantity == 2)
        #expect(register.rows[1].extra.first?.value == "two\r\nlines")
        #expect(register.rows[1].line == 3)
        #expect(register.rows[2].line == 7)
        #expect(register.rows[2].vendor == "Axis")
        #expect(register.rows[2].sensitivity == "standard")
        #expect(register.rows[2].siteCategory == "default")
    }

    @Test func headerOnlyIsValidAndEmpty() throws {
        let register = try RegisterReader.parse(header + "\n", fileName: "r.csv")
        #expect(register.rows.isEmpty)
        let scenario = try ScenarioReader.parse(scenarioJSON(), fileName: "s.json")
        let estate = try Estate.build(register: register, scenario: scenario)
        #expect(estate.organisations.isEmpty)
        #expect(estate.summary.atRiskUnits == 0)
    }

    @Test func emptyFileIsRejected() {
        let errors = registerErrors("")
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("header") == true)
    }

    @Test func missingRequiredColumn() {
        let errors = registerErrors("device_id,council,site_id,kind\nD1,Fife,S1,camera\n")
        #expect(errors.count == 1)
        #expect(errors[0].message == #"missing required column "vendor""#)
        #expect(errors[0].line == 1)
    }

    @Test func duplicateHeader() {
        let errors = registerErrors(header + ",Vendor\nD1,Fife,S1,camera,Axis,Axis\n")
        #expect(errors.count == 1)
        #expect(errors[0].message.contains(#"duplicate column "Vendor""#))
        #expect(errors[0].line == 1 && errors[0].column == 6)
    }

    @Test func emptyRequiredValue() {
        let errors = registerErrors(header + "\nD1,Fife,,camera,Axis\n")
        #expect(errors.count == 1)
        #expect(errors[0].message.contains(#"empty value in required column "site_id""#))
        #expect(errors[0].line == 2 && errors[0].column == 3)
        #expect(errors[0].description == #"r.csv:2:3: empty value in required column "site_id""#)
    }

    @Test func wrongFieldCount() {
        let errors = registerErrors(header + "\nD1,Fife,S1,camera\nD2,Fife,S1,camera,Axis,extra\n")
        #expect(errors.count == 2)
        #expect(errors[0].line == 2 && errors[0].message.contains("4 fields but the header has 5"))
        #expect(errors[1].line == 3 && errors[1].message.contains("6 fields but the header has 5"))
    }

    @Test(arguments: ["0", "-1", "1.5", "abc", "1e3", "+2", "00"])
    func quantityNotPositiveDigits(_ value: String) {
        let errors = registerErrors(header + ",quantity\nD1,Fife,S1,camera,Axis,\(value)\n")
        #expect(errors.count == 1)
        #expect(errors.first?.message == "quantity \"\(value)\" is not a positive whole number")
        #expect(errors.first?.line == 2 && errors.first?.column == 6)
    }

    @Test(arguments: ["2015.0", "twenty", "-2015", "12345"])
    func installedNotAYear(_ value: String) {
        let errors = registerErrors(header + ",installed\nD1,Fife,S1,camera,Axis,\(value)\n")
        #expect(errors.count == 1)
        #expect(errors.first?.message == "installed \"\(value)\" is not a whole year")
        #expect(errors.first?.line == 2)
    }

    @Test func duplicateDeviceID() {
        let errors = registerErrors(header + "\nD1,Fife,S1,camera,Axis\nD2,Fife,S1,camera,Axis\nD1,Fife,S2,camera,Axis\n")
        #expect(errors.count == 1)
        #expect(errors[0].message == #"duplicate device_id "D1" (first on line 2)"#)
        #expect(errors[0].line == 4 && errors[0].column == 1)
    }

    @Test func deviceIDsCompareExactly() throws {
        let register = try RegisterReader.parse(header + "\nd1,Fife,S1,camera,Axis\nD1,Fife,S1,camera,Axis\n", fileName: "r.csv")
        #expect(register.rows.count == 2)
    }

    @Test func siteRowsDisagree() {
        let csv = header + ",sensitivity,site_category\n"
            + "D1,Fife,S1,camera,Axis,high,school\n"
            + "D2,fife,S1,camera,Axis,HIGH,School\n"     // same site, same after folding
            + "D3,Fife,S1,camera,Axis,,school\n"         // standard ≠ high
            + "D4,Fife,S1,camera,Axis,high,\n"           // default ≠ school
            + "D5,Perth,S1,camera,Axis,low,\n"           // another council's S1: fine
            + "D6,Fife,s1,camera,Axis,low,\n"            // site ids are exact: another site
        let errors = registerErrors(csv)
        #expect(errors.count == 2)
        #expect(errors[0].line == 4 && errors[0].message.contains(#"sensitivity "standard" here but "high" on line 2"#))
        #expect(errors[0].column == 6)
        #expect(errors[1].line == 5 && errors[1].message.contains(#"site_category "default" here but "school" on line 2"#))
    }

    @Test func unclosedQuoteAndTextAfterQuote() {
        let a = registerErrors(header + "\nD1,Fife,S1,camera,\"Axis\n")
        #expect(a.count == 1 && a[0].message.contains("never closed") && a[0].line == 2 && a[0].column == 5)
        let b = registerErrors(header + "\nD1,Fife,S1,camera,\"Axis\"x\n")
        #expect(b.count == 1 && b[0].message.contains("after a closing quote") && b[0].line == 2)
    }

    @Test func recordLineIsWhereItStarts() {
        let csv = header + ",notes\nD1,Fife,S1,camera,Axis,\"a\nb\nc\"\nD2,Fife,,camera,Axis,x\n"
        let errors = registerErrors(csv)
        #expect(errors.count == 1 && errors[0].line == 5)
    }

    @Test func collectsEveryProblemWithACap() {
        var csv = header + ",quantity\n"
        for k in 0..<250 { csv += "D\(k),Fife,S1,camera,Axis,0\n" }
        do {
            _ = try RegisterReader.parse(csv, fileName: "r.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == InputError.limit)
            #expect(error.omitted == 50)
            #expect(error.description.hasSuffix("and 50 more errors"))
        }
    }

    @Test func optionalColumnsAndExtras() throws {
        let csv = "Locked_Period,vendor,kind,site_id,council,device_id,model,installed,quantity,Owner\n"
            + "2027/28,Axis,camera,S1,Fife,D1,M-9,2014,3,Bob\n"
        let row = try #require(RegisterReader.parse(csv, fileName: "r.csv").rows.first)
        #expect(row.lockedPeriod == "2027/28")
        #expect(row.model == "M-9" && row.installed == 2014 && row.quantity == 3)
        #expect(row.extra.count == 1 && row.extra[0].column == "Owner" && row.extra[0].value == "Bob")
    }

    @Test func deviceIDsCompareAsStringsOnceOneIsNotASCII() {
        // "D1" is recorded while every id is ASCII; the non-ASCII ids that follow switch the
        // check to string comparison, where precomposed and decomposed "é" are the same id.
        let csv = header + "\nD1,Fife,S1,camera,Axis\nCaf\u{E9},Fife,S1,camera,Axis\n"
            + "Cafe\u{301},Fife,S1,camera,Axis\nD1,Fife,S2,camera,Axis\n"
        let errors = registerErrors(csv)
        #expect(errors.map(\.line) == [4, 5])
        #expect(errors.last?.message == #"duplicate device_id "D1" (first on line 2)"#)
    }

    @Test func manyDistinctValuesAndLongFields() throws {
        // More distinct councils, sites and models than the tables start with; fields longer
        // than eight bytes with separators at every offset.
        var csv = header + ",model,Notes\n"
        for k in 0..<3000 {
            let pad = String(repeating: "x", count: k % 19)
            csv += "device-\(k),Council \(k % 1500)\(pad),Site-\(k),camera,Vendor\(pad),M\(k),\"n,\(pad)\"\n"
        }
        let register = try RegisterReader.parse(csv, fileName: "r.csv")
        #expect(register.rows.count == 3000)
        for (k, row) in register.rows.enumerated() {
            let pad = String(repeating: "x", count: k % 19)
            #expect(row.deviceID == "device-\(k)" && row.council == "Council \(k % 1500)\(pad)")
            #expect(row.siteID == "Site-\(k)" && row.vendor == "Vendor\(pad)" && row.model == "M\(k)")
            #expect(row.extra.first?.value == "n,\(pad)")
        }
    }

    @Test(arguments: [
        ("yes", true), ("YES", true), ("True", true), ("1", true), (" yes\u{00A0}", true),
        ("no", false), ("No", false), ("FALSE", false), ("0", false), ("", false),
    ])
    func removableWords(_ value: String, _ expected: Bool) throws {
        let register = try RegisterReader.parse(header + ",removable\nD1,Fife,S1,camera,Axis,\(value)\n", fileName: "r.csv")
        #expect(register.rows[0].removable == expected)
        #expect(register.extraColumns.isEmpty)
    }

    @Test func removableAbsentMeansNo() throws {
        let register = try RegisterReader.parse(header + "\nD1,Fife,S1,camera,Axis\n", fileName: "r.csv")
        #expect(!register.rows[0].removable)
    }

    @Test(arguments: ["maybe", "y", "2", "yess", "oui"])
    func removableOtherWordsAreErrors(_ value: String) {
        let errors = registerErrors("Removable," + header + "\n\(value),D1,Fife,S1,camera,Axis\n")
        #expect(errors.count == 1)
        #expect(errors.first?.message == "removable \"\(value)\" is not one of yes, no, true, false, 1, 0")
        #expect(errors.first?.line == 2 && errors.first?.column == 1 && errors.first?.field == "Removable")
        #expect(errors.first?.file == "r.csv")
    }
}
