import Foundation

/// Which slice a shard folder holds: summary.json's `shard` and part of shard.json.
struct ShardMarker: Codable, Equatable, Sendable {
    /// The slice, 1-based.
    var index: Int
    /// How many slices there are.
    var count: Int
    /// The slice's organisations, as the register first spells them, in estate order.
    var organisations: [String]
}

/// The planner options that change a plan, beside the run record's time limit and gap: shards
/// planned with different ones cannot be merged.
struct ShardOptions: Codable, Equatable, Sendable {
    var timeLimit: Double
    var gap: Double
    var whatIfAmount: Double?
    var whatIfTimeLimit: Double?
    var shadowPrices: Bool
    var aggregate: Bool
    var monolithicLimit: Int

    init(_ options: PlanOptions) {
        timeLimit = Self.seconds(options.timeLimit)
        gap = options.relativeGap
        whatIfAmount = options.whatIfAmount
        whatIfTimeLimit = options.whatIfTimeLimit.map(Self.seconds)
        shadowPrices = options.shadowPrices
        aggregate = options.aggregate
        monolithicLimit = options.monolithicLimit
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// One organisation's answer as a shard carries it to `merge`: exactly what ``PlanAssembler``
/// needs, unrounded, so that the merged files are those a single run writes.
struct ShardOutcome: Codable, Equatable, Sendable {
    var organisation: String
    var status: PlanStatus
    var value: Double
    var bound: Double
    var counts: PlanCounts
    var fundedCounts: PlanCounts?
    var shortfall: Shortfall?
    var lateRiskYears: Double
    var lateRiskYearsBound: Double
    var untouchedReason: String?
    var shadowPrices: ShadowPrices.Prices?
    var shadowPriceNote: String?
    var whatIf: [WhatIf]?

    init(name: String, outcome: OrganisationOutcome, margins: OrganisationMargins?) {
        organisation = name
        status = outcome.status
        value = outcome.value
        bound = outcome.bound
        counts = outcome.counts
        fundedCounts = outcome.fundedCounts
        shortfall = outcome.shortfall
        lateRiskYears = outcome.lateRiskYears
        lateRiskYearsBound = outcome.lateRiskYearsBound
        untouchedReason = outcome.untouchedReason
        shadowPrices = margins?.prices
        shadowPriceNote = margins?.shadowPriceNote
        whatIf = margins?.whatIf
    }

    /// The planner's outcome again (solver statistics, which no output holds, are zero).
    var outcome: OrganisationOutcome {
        var outcome = OrganisationOutcome(status: status, counts: counts, value: value, bound: bound,
                                          shortfall: shortfall, fundedCounts: fundedCounts)
        outcome.lateRiskYears = lateRiskYears
        outcome.lateRiskYearsBound = lateRiskYearsBound
        outcome.untouchedReason = untouchedReason
        return outcome
    }

    /// The shadow prices and what-if figures again, for an organisation of `objective`.
    func margins(objective: Objective) -> OrganisationMargins {
        var margins = OrganisationMargins(objective: objective, planned: WhatIfAnalysis.isPlanned(outcome))
        margins.prices = shadowPrices
        margins.shadowPriceNote = shadowPriceNote
        margins.whatIf = whatIf
        return margins
    }
}

/// What a shard run adds to its plan: its slice, options and per-organisation outcomes.
struct ShardPart: Sendable {
    var marker: ShardMarker
    var options: ShardOptions
    var outcomes: [ShardOutcome]
}

/// shard.json: the machine-readable half of a shard folder, which `merge` reads.
///
/// Written in the same set as the shard's plan.csv and summary.json, so a folder holding it
/// holds a whole shard. Compact JSON with sorted keys: equal runs write equal bytes.
struct ShardRecord: Codable, Sendable {
    /// Bumped when the record's meaning changes; `merge` reads only its own format.
    static let currentFormat = 1

    var format: Int
    var shard: ShardMarker
    var run: RunRecord
    var options: ShardOptions
    var outcomes: [ShardOutcome]

    init(_ part: ShardPart, run: RunRecord) {
        format = Self.currentFormat
        shard = part.marker
        self.run = run
        options = part.options
        outcomes = part.outcomes
    }

    /// The file's bytes: every number as Swift prints it, which reads back to the same double.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = Self.nonFinite
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads shard.json's bytes.
    /// - Throws: `DecodingError` when they are not a shard record.
    static func read(_ data: Data) throws -> ShardRecord {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = Self.nonFiniteDecoding
        return try decoder.decode(ShardRecord.self, from: data)
    }

    private static let nonFinite = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
        positiveInfinity: "+Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    private static let nonFiniteDecoding = JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(
        positiveInfinity: "+Infinity", negativeInfinity: "-Infinity", nan: "NaN")
}
