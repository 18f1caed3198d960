@testable import Phaseout

extension TinyEstate {
    /// Each organisation's problem of the seeded estate, as the planner builds them.
    static func problems(seed: UInt64, shape: TinyShape = TinyShape()) throws -> [OrganisationProblem] {
        let estate = try random(seed: seed, shape: shape).estate()
        return estate.organisations.map {
            OrganisationProblem(organisation: $0, scenario: estate.scenario, register: estate.register)
        }
    }
}
