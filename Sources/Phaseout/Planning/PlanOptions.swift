import Foundation
import LinearProgramming

/// How the planner works.
public struct PlanOptions: Sendable {
    /// Wall-clock limit for the whole run (SPEC §4 default 60 s), counted from ``startedAt``.
    /// The solve stops early enough for the shadow prices, the verifier and the writing to fit.
    public var timeLimit: Duration = .seconds(60)
    /// When the run's clock started: the CLI sets it before reading the inputs, so that the
    /// limit covers the whole run. `nil`: when ``Planner/plan(_:)`` is called.
    public var startedAt: ContinuousClock.Instant?
    /// Relative gap tolerance (SPEC §2.5 default 1e-4).
    public var relativeGap: Double = 1e-4
    /// Organisations solved at once. The plan does not depend on it.
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Pool interchangeable units of uncoupled sites (off only to check the pooling).
    public var aggregate: Bool = true
    /// Organisations needing more decisions (groups × periods at coupled sites) than this are
    /// planned by decomposition (Lagrangian bound and repaired greedy plans) instead of one
    /// lp_solve model.
    public var monolithicLimit: Int = PlanOptions.defaultMonolithicLimit
    public static let defaultMonolithicLimit = 25_000
    /// Compute each planned organisation's shadow prices: the duals of its budget (and labour)
    /// rows in the LP with the plan's visits and recorder blocks fixed (see `ShadowPrices`).
    public var shadowPrices: Bool = true
    /// When set, re-plan every planned organisation once per period with this many more nominal
    /// pounds in that period's budget, and report what it buys (see ``WhatIf``).
    public var whatIfAmount: Double?
    /// Wall-clock limit shared by all what-if re-plans (split among them by size, as a run's
    /// time is split among organisations); `nil` means ``timeLimit`` again.
    public var whatIfTimeLimit: Duration?
    /// Called after each organisation, from a worker thread.
    public var progress: (@Sendable (PlanProgress) -> Void)?
    /// Stops the run early (remaining organisations end `unknown`).
    public var cancellation: CancellationFlag?
    /// Plan only this slice of the organisations, for `phaseout merge` to join with the others
    /// (see ``Shard``); `nil`: every organisation.
    public var shard: Shard?

    public init() {}
}

/// Progress of a planning run.
public struct PlanProgress: Sendable {
    public let organisationsDone: Int
    public let organisationCount: Int
    public let organisation: String
    /// The organisation's status; `nil` while it is still being solved.
    public let status: PlanStatus?
    public let gap: Double
    /// While an organisation is being solved: its best plan's value and the bound proven so
    /// far (reported on each improvement, for long solves).
    public var value: Double? = nil
    public var bound: Double? = nil

    /// Whether this reports a finished organisation (rather than progress inside one).
    public var isFinished: Bool { status != nil }
}
