import Foundation
@testable import Phaseout

/// Fixture 4 of the spec's worked examples (treatments: isolate, remove, `isolatedBy`, recorders
/// first, a visit paid for an isolation), built in code so that the tests do not depend on the
/// scenario reader's v2 keys.
enum TreatmentFixture {
    static let periods = ["2026/27", "2027/28", "2028/29"]

    static var register: Register {
        func row(_ id: String, _ site: String, _ kind: String, sensitivity: String = "standard",
                 category: String = "default", installed: Int, line: Int) -> RegisterRow {
            RegisterRow(deviceID: id, council: "Angus", siteID: site, kind: kind, vendor: "Hikvision",
                        sensitivity: sensitivity, siteCategory: category, installed: installed, line: line)
        }
        var d1 = row("D1", "B", "camera", installed: 2015, line: 4)
        d1.removable = true
        let rows = [
            row("K1", "K", "camera", sensitivity: "critical", installed: 2013, line: 2),
            row("L1", "L", "camera", sensitivity: "low", installed: 2014, line: 3),
            d1,
            row("R1", "A", "recorder", category: "town-centre", installed: 2012, line: 5),
            row("C1", "A", "camera", category: "town-centre", installed: 2016, line: 6),
        ]
        return Register(fileName: "register.csv",
                        columns: ["device_id", "council", "site_id", "kind", "vendor", "sensitivity", "site_category",
                                  "installed", "removable"],
                        rows: rows)
    }

    static var scenario: Scenario {
        Scenario(
            name: "Fixture 4: treatments (isolate, remove), isolatedBy, recorders first, site visit",
            periods: periods, vendors: VendorTable(["hikvision": 1]),
            kinds: [
                "camera": Kind(name: "camera", replaceCost: 200, labourHours: 2, risk: 1,
                               isolate: .init(cost: 20, labourHours: 0.5, residualRisk: 0.25),
                               remove: .init(cost: 30, labourHours: 1)),
                "recorder": Kind(name: "recorder", replaceCost: 600, labourHours: 6, risk: 4, replacedFirst: true),
            ],
            siteVisitCost: ["town-centre": 100], inflation: 0, discountRate: 0.035,
            budgets: ["angus": [50, 550, 800]], carryOver: 0,
            deadlines: [DeadlineRule(sensitivity: "low", isolatedBy: 0)])
    }

    static var verifier: PlanVerifier { PlanVerifier(register: register, scenario: scenario) }

    /// EXPECTED.md's optimal plan as plan.csv, written by hand.
    static let planCSV = """
        device_id,council,site_id,kind,vendor,period,treatment,quantity,cost,sensitivity,site_category,installed,removable,by,isolatedBy
        K1,Angus,K,camera,Hikvision,2026/27,isolate,1,20,critical,default,2013,,,
        K1,Angus,K,camera,Hikvision,2027/28,replace,1,200,critical,default,2013,,,
        L1,Angus,L,camera,Hikvision,2026/27,isolate,1,20,low,default,2014,,,2026/27
        L1,Angus,L,camera,Hikvision,2027/28,replace,1,200,low,default,2014,,,2026/27
        D1,Angus,B,camera,Hikvision,2027/28,remove,1,30,standard,default,2015,yes,,
        R1,Angus,A,recorder,Hikvision,2028/29,replace,1,600,standard,town-centre,2012,,,
        C1,Angus,A,camera,Hikvision,2027/28,isolate,1,20,standard,town-centre,2016,,,

        """

    /// The same plan as entries: (device, period label, treatment).
    static let plan: [(String, String, Treatment)] = [
        ("K1", "2026/27", .isolate), ("K1", "2027/28", .replace),
        ("L1", "2026/27", .isolate), ("L1", "2027/28", .replace),
        ("D1", "2027/28", .remove), ("R1", "2028/29", .replace), ("C1", "2027/28", .isolate),
    ]
}

extension PlanVerifier {
    /// Verifies entries written as (device, period label, treatment), one unit each.
    func verify(_ lines: [(String, String, Treatment)]) -> VerificationReport {
        verify(lines.map { device, label, treatment in
            PlanEntry(device: device, period: scenario.periodIndex(of: label)!, treatment: treatment, quantity: 1)
        })
    }
}
