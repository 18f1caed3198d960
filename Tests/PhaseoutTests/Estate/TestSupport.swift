import Foundation
import Testing
import TestSupport
@testable import Phaseout

/// The directory of the spec's worked examples.
let fixturesDirectory = Fixtures.specDirectory

func fixture(_ name: String) throws -> Estate {
    let paths = Fixtures.spec(name)
    return try Estate.load(registerPath: paths.register, scenarioPath: paths.scenario)
}

/// The errors reading `csv` produces (empty when it is accepted).
func registerErrors(_ csv: String) -> [Diagnostic] {
    do {
        _ = try RegisterReader.parse(csv, fileName: "r.csv")
        return []
    } catch {
        return error.diagnostics
    }
}

/// The errors reading `json` produces (empty when it is accepted).
func scenarioErrors(_ json: String) -> [Diagnostic] {
    do {
        _ = try ScenarioReader.parse(json, fileName: "s.json")
        return []
    } catch {
        return error.diagnostics
    }
}

/// A minimal valid scenario with `extra` members added at the top level.
func scenarioJSON(_ extra: String = "", kinds: String = #""camera": {"replaceCost": 100}"#,
                  budgets: String = #""default": [1000, 1000]"#) -> String {
    """
    {
      "periods": ["P1", "P2"],
      "kinds": { \(kinds) },
      "budgets": { \(budgets) }\(extra.isEmpty ? "" : ",\n  " + extra)
    }
    """
}

func rowsBy(_ estate: Estate) -> [String: UnitGroup] {
    var out: [String: UnitGroup] = [:]
    for o in estate.organisations {
        for s in o.sites {
            for g in s.groups {
                for u in g.units { out[estate.register.rows[u.rowIndex].deviceID] = g }
            }
        }
    }
    return out
}
