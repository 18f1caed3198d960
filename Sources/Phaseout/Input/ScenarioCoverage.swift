/// What a scenario says for certain about the names a register uses, even when the scenario
/// could not be read completely (SPEC §1.2: a malformed key does not hide the checks that need
/// the other file).
///
/// A set is nil when a part of the scenario it depends on could not be read: the register is
/// then not checked against it, since the missing part might have defined the name. A name in a
/// set may still be missing from the ``Scenario`` when its own entry was broken; that entry's
/// error is reported already.
struct ScenarioCoverage: Sendable {
    /// Every kind the scenario names (folded), read or not.
    var kindNames: Set<String>?
    /// Every sensitivity level (folded), the standard ones included.
    var levelNames: Set<String>?
    /// Whether the periods were read, so that an unknown period label is one.
    var periodsKnown: Bool
    /// Every organisation with a `budgets` entry (folded), read or not, `default` included.
    var budgetNames: Set<String>?
    /// Every spelling `vendorAliases` names (normalised), read or not.
    var aliasSpellings: Set<String>?
    /// Whether the vendor table was read, so that a near-miss is one.
    var vendorsKnown: Bool

    /// The coverage of a scenario read without errors: everything it names.
    init(complete scenario: Scenario) {
        kindNames = Set(scenario.kinds.keys)
        levelNames = Set(scenario.sensitivityWeights.keys)
        periodsKnown = true
        budgetNames = Set(scenario.budgets.keys)
        aliasSpellings = Set(scenario.vendorAliases.keys)
        vendorsKnown = true
    }

    /// Coverage of nothing: the scenario could not be read at all.
    init() {
        periodsKnown = false
        vendorsKnown = false
    }
}
