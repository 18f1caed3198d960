import Foundation
import Testing
@testable import Phaseout

// Numbers beyond docs/input-ranges.md are input errors naming the file, line and field, found
// before any solving. Each case below is an input that once trapped (issue #24) or one at the
// edge of a range.

/// The one-row register of issue #24's examples.
private let oneRow = """
    device_id,council,site_id,kind,vendor
    A1,Fife,S1,camera,Hikvision
    """

/// The errors of building an estate from `register` and `scenario`, readers' errors included.
private func estateErrors(register: String = oneRow, scenario: String) -> [Diagnostic] {
    do {
        let r = try RegisterReader.parse(register, fileName: "r.csv")
        let s = try ScenarioReader.parse(scenario, fileName: "s.json")
        _ = try Estate.build(register: r, scenario: s)
        return []
    } catch {
        return error.errors
    }
}

/// A scenario case: the JSON, the key path the error names, and a phrase of its message.
struct RangeCase: CustomTestStringConvertible, Sendable {
    var json: String
    var field: String
    var phrase: String
    var testDescription: String { field + ": " + phrase }
}

private let scenarioCases: [RangeCase] = [
    RangeCase(json: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1000}},"budgets":{"default":[1e17]}}"#,
              field: "budgets.default[0]", phrase: "must be at most 1000000000000"),
    RangeCase(json: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1e-16}},"budgets":{"default":[1200]}}"#,
              field: "kinds.camera.replaceCost", phrase: "must be 0 or at least 0.01"),
    RangeCase(json: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1,"labourHours":1e-16}},"budgets":{"default":[1200]},"labourHours":{"default":[5]}}"#,
              field: "kinds.camera.labourHours", phrase: "must be 0 or at least 0.01 hours"),
    RangeCase(json: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1e19}},"budgets":{"default":[0]},"deadlines":[{"by":"P1"}]}"#,
              field: "kinds.camera.replaceCost", phrase: "must be at most 1000000000000"),
    RangeCase(json: #"{"periods":["P1","P2"],"inflation":1e16,"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[0,0]}}"#,
              field: "inflation", phrase: "must be at most 1"),
    RangeCase(json: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1,"risk":1e308}},"budgets":{"default":[10]}}"#,
              field: "kinds.camera.risk", phrase: "must be at most 1000000"),
    RangeCase(json: #"{"periods":["P1","P2"],"periodYears":1e308,"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[10,10]}}"#,
              field: "periodYears", phrase: "must be at most 100"),
    RangeCase(json: #"{"periods":["P1"],"vendors":{"hikvision":1e7},"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[10]}}"#,
              field: "vendors.hikvision", phrase: "must be at most 1000000"),
    RangeCase(json: #"{"periods":["P1"],"sensitivity":{"standard":1e7},"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[10]}}"#,
              field: "sensitivity.standard", phrase: "must be at most 1000000"),
    RangeCase(json: #"{"periods":["P1"],"siteVisitCost":{"default":0.001},"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[10]}}"#,
              field: "siteVisitCost.default", phrase: "must be 0 or at least 0.01"),
    RangeCase(json: #"{"periods":["P1"],"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[10]},"labourHours":{"default":[2e9]}}"#,
              field: "labourHours.default[0]", phrase: "must be at most 1000000000"),
    RangeCase(json: #"{"periods":["P1"],"discountRate":1.5,"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[10]}}"#,
              field: "discountRate", phrase: "must be at most 1"),
    RangeCase(json: #"{"periods":["P1","P2","P3"],"periodYears":100,"inflation":0.5,"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[1,1,1]}}"#,
              field: "inflation", phrase: "prices may change at most 1000-fold"),
    RangeCase(json: #"{"periods":["P1","P2"],"periodYears":100,"inflation":-0.9,"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[1,1]}}"#,
              field: "inflation", phrase: "prices may change at most 1000-fold"),
    RangeCase(json: #"{"periods":["P1","P2"],"periodYears":100,"discountRate":0.9,"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[1,1]}}"#,
              field: "discountRate", phrase: "between 1e-6 and 1e6"),
    RangeCase(json: #"{"periods":["P1","P2","P3","P4","P5","P6","P7","P8","P9","P10","P11"],"kinds":{"camera":{"replaceCost":1}},"budgets":{"default":[1e12,1e12,1e12,1e12,1e12,1e12,1e12,1e12,1e12,1e12,1e12]}}"#,
              field: "budgets.default", phrase: "may total at most £1e13"),
]

@Test(arguments: scenarioCases)
func scenarioNumberBeyondItsRangeIsAnInputError(_ c: RangeCase) {
    let errors = scenarioErrors(c.json)
    #expect(errors.count == 1, "\(errors)")
    #expect(errors.first?.field == c.field, "\(errors)")
    #expect(errors.first?.message.contains(c.phrase) == true, "\(errors)")
    #expect(errors.first?.line == 1 && errors.first?.column != nil)
}

@Test func tooManyPeriodsIsAnInputError() {
    let labels = (1...1001).map { "\"P\($0)\"" }.joined(separator: ",")
    let errors = scenarioErrors(#"{"periods":[\#(labels)],"kinds":{"camera":{"replaceCost":1}},"budgets":{}}"#)
    #expect(errors.count == 1 && errors.first?.field == "periods", "\(errors)")
    #expect(errors.first?.message.contains("at most 1000") == true)
}

@Test func numbersAtTheEdgesOfTheirRangesAreAccepted() throws {
    let json = #"""
        {"periods":["P1","P2"],"periodYears":100,"inflation":0.07,"discountRate":-0.06,
         "vendors":{"hikvision":1e6},"sensitivity":{"standard":1e6},
         "kinds":{"camera":{"replaceCost":0.01,"labourHours":0.01,"risk":1e6},"recorder":{"replaceCost":1e12,"labourHours":1e9}},
         "siteVisitCost":{"default":0},"budgets":{"default":[1e12,0]},"labourHours":{"default":[1e9,0]}}
        """#
    #expect(scenarioErrors(json).isEmpty, "\(scenarioErrors(json))")
}

@Test(arguments: ["1000000000000000000", "4611686018427387904", "99999999999999999999999", "1000000001"])
func registerQuantityBeyondOneBillionIsAnInputError(_ quantity: String) {
    let errors = registerErrors("""
        device_id,council,site_id,kind,vendor,quantity
        A1,Fife,S1,camera,Hikvision,\(quantity)
        A2,Fife,S1,camera,Hikvision,\(quantity)
        """)
    #expect(errors.count == 2, "\(errors)")
    #expect(errors.allSatisfy { $0.field == "quantity" && $0.column == 6 && $0.message.contains("more than 1000000000 units") })
    #expect(errors.map(\.line) == [2, 3])
    #expect(registerErrors("device_id,council,site_id,kind,vendor,quantity\nA1,Fife,S1,camera,Hikvision,1000000000").isEmpty)
}

@Test func organisationWithMoreThanOneBillionUnitsIsAnInputError() {
    let register = """
        device_id,council,site_id,kind,vendor,quantity
        A1,Fife,S1,camera,Hikvision,600000000
        A2,Fife,S2,camera,Hikvision,600000000
        B1,Angus,S1,camera,Hikvision,600000000
        """
    let errors = estateErrors(register: register, scenario: scenarioJSON(kinds: #""camera": {"replaceCost": 0}"#))
    #expect(errors.count == 1, "\(errors)")
    #expect(errors.first?.line == 2 && errors.first?.field == "council")
    #expect(errors.first?.message.contains("council \"Fife\" has 1200000000 units to plan") == true, "\(errors)")
}

@Test func organisationWhoseEstateCostsTooMuchIsAnInputError() {
    let register = "device_id,council,site_id,kind,vendor,quantity\nA1,Fife,S1,camera,Hikvision,1000000000\n"
    let errors = estateErrors(register: register, scenario: scenarioJSON(kinds: #""camera": {"replaceCost": 1e6}"#))
    #expect(errors.count == 1, "\(errors)")
    #expect(errors.first?.message.contains("costs £1e+15 at the highest period's prices") == true, "\(errors)")
    let hours = estateErrors(register: register, scenario: scenarioJSON(kinds: #""camera": {"replaceCost": 1, "labourHours": 1e4}"#))
    #expect(hours.count == 1 && hours.first?.message.contains("needs 10000000000000 labour hours") == true, "\(hours)")
}

@Test(arguments: [["9223372036854775807"], ["4611686018427387904", "4611686018427387904"], ["-99999999999999999999"]])
func planQuantityBeyondOneBillionIsAnInputError(_ quantities: [String]) throws {
    let verifier = try inlineVerifier(register: oneRow, scenario: scenarioJSON())
    let csv = "device_id,period,quantity\n" + quantities.map { "A1,P1,\($0)\n" }.joined()
    #expect {
        _ = try verifier.verify(planCSV: csv, fileName: "plan.csv")
    } throws: { error in
        let errors = (error as? InputError)?.errors ?? []
        return errors.count == quantities.count
            && errors.allSatisfy { $0.field == "quantity" && $0.column == 3 && $0.message.contains("more than 1000000000") }
    }
}

@Test(arguments: [(1650.0, "1,650"), (-832.3199, "-832.32"), (1e17, "100,000,000,000,000,000"), (0.004, "0"),
                  (-0.004, "0"), (9.2e18, "9,200,000,000,000,000,000")])
func poundsTextNeverTraps(_ value: Double, _ text: String) {
    #expect(PoundsText.grouped(value) == text)
}
