/// Joins the folders of `phaseout plan … --shard K/N` runs into the plan one run over every
/// organisation would make (`phaseout merge`).
///
/// Each shard folder's shard.json carries its organisations' outcomes unrounded; the merge puts
/// them back in estate order and assembles the plan exactly as a single run does (the same sums,
/// in the same order), so the writer writes the same bytes whenever every organisation's answer
/// did not depend on its share of time. Nothing partial is ever merged: every shard 1…N must be
/// there once, finished, planned from these inputs with the same version and options.
///
/// ```swift
/// let (estate, inputs) = try RunRecord.load(registerPath: "register.csv", scenarioPath: "scenario.json")
/// let (plan, run) = try ShardMerge(estate: estate, inputs: inputs).merge(folders: ["s1", "s2"])
/// try PlanWriter(estate: estate, run: run).write(try plan.verified(against: estate), to: URL(fileURLWithPath: "out"))
/// ```
public struct ShardMerge: Sendable {
    /// The estate the shards planned.
    public let estate: Estate
    /// The version and input digests the shards must have been planned with.
    public let inputs: RunRecord

    /// A merge of shards of `estate`.
    /// - Parameters:
    ///   - estate: The estate, from the same register and scenario the shards read.
    ///   - inputs: Their digests, as ``RunRecord/load(registerPath:scenarioPath:timeLimit:gap:)`` records them.
    public init(estate: Estate, inputs: RunRecord) {
        self.estate = estate
        self.inputs = inputs
    }

    /// Reads the shard folders and joins them.
    /// - Parameter folders: The shard folders, in any order.
    /// - Returns: The whole plan (not yet verified) and the shards' run record, for ``PlanWriter``.
    /// - Throws: ``ShardError`` naming the folder at fault: missing, unfinished, duplicated, of
    ///   other inputs, version or options, or a shard missing from the set.
    /// - Complexity: one pass over every organisation's outcome, as a single run's assembly.
    public func merge(folders: [String]) throws(ShardError) -> (plan: Plan, run: RunRecord) {
        guard !folders.isEmpty else { throw ShardError("no shard folders given") }
        var shards: [ShardFolder] = []
        for folder in folders { shards.append(try ShardFolder.read(folder)) }
        try checkAlike(shards)
        let ordered = try completeSet(shards)
        try checkInputs(ordered[0])
        let problems = estate.organisations.map {
            OrganisationProblem(organisation: $0, scenario: estate.scenario, register: estate.register)
        }
        var outcomes = [OrganisationOutcome?](repeating: nil, count: problems.count)
        var margins = [OrganisationMargins?](repeating: nil, count: problems.count)
        for shard in ordered {
            let slice = Shard(index: shard.record.shard.index, count: shard.record.shard.count)!.organisationIndices(in: estate)
            guard slice.map({ estate.organisations[$0].name }) == shard.record.shard.organisations else {
                throw ShardError("lists other organisations than slice \(shard.record.shard.index)/\(shard.record.shard.count)"
                                 + " of these inputs", folder: shard.path)
            }
            for (carried, o) in zip(shard.record.outcomes, slice) {
                guard Self.fits(carried, problems[o]) else {
                    throw ShardError("shard.json's plan for \(carried.organisation) does not fit its sites, groups and periods",
                                     folder: shard.path)
                }
                outcomes[o] = carried.outcome
                margins[o] = carried.margins(objective: problems[o].objective)
            }
        }
        let plan = PlanAssembler(estate: estate, problems: problems, outcomes: outcomes.map { $0! },
                                 margins: margins.map { $0! }).plan()
        return (plan, ordered[0].record.run)
    }

    /// Every shard against the first: the same N, run record and options.
    private func checkAlike(_ shards: [ShardFolder]) throws(ShardError) {
        let first = shards[0]
        for shard in shards.dropFirst() {
            if shard.record.shard.count != first.record.shard.count {
                throw ShardError("is shard \(shard.record.shard.index)/\(shard.record.shard.count), but \(first.path) is "
                                 + "\(first.record.shard.index)/\(first.record.shard.count): shards of one plan share N",
                                 folder: shard.path)
            }
            let runs = Self.differences(shard.record.run, first.record.run)
            let options = Self.differences(shard.record.options, first.record.options)
            if let difference = (runs + options).first {
                throw ShardError("was planned with other inputs or options than \(first.path): \(difference)", folder: shard.path)
            }
        }
    }

    /// The shards in order 1…N, each there once.
    private func completeSet(_ shards: [ShardFolder]) throws(ShardError) -> [ShardFolder] {
        let count = shards[0].record.shard.count
        var byIndex = [ShardFolder?](repeating: nil, count: count)
        for shard in shards {
            let index = shard.record.shard.index
            if let other = byIndex[index - 1] {
                throw ShardError("is shard \(index)/\(count) again: \(other.path) is that shard too", folder: shard.path)
            }
            byIndex[index - 1] = shard
        }
        let missing = byIndex.indices.filter { byIndex[$0] == nil }.map { "\($0 + 1)/\(count)" }
        guard missing.isEmpty else {
            throw ShardError("shard\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) missing: "
                             + "a plan needs every shard of the \(count), each finished")
        }
        return byIndex.map { $0! }
    }

    /// The shards' version and input digests against those given to the merge.
    private func checkInputs(_ shard: ShardFolder) throws(ShardError) {
        let run = shard.record.run
        if run.version != inputs.version {
            throw ShardError("was planned by phaseout \(run.version); this is \(inputs.version): merge with the version that planned",
                             folder: shard.path)
        }
        for (what, theirs, ours) in [("register", run.registerSHA256, inputs.registerSHA256),
                                     ("scenario", run.scenarioSHA256, inputs.scenarioSHA256)] where theirs != ours {
            throw ShardError("was planned from another \(what) (SHA-256 \(theirs ?? "none")) than the one given "
                             + "(SHA-256 \(ours ?? "none"))", folder: shard.path)
        }
    }

    /// Whether an outcome's plans and per-period figures have the organisation's shape.
    static func fits(_ carried: ShardOutcome, _ problem: OrganisationProblem) -> Bool {
        let periods = problem.periodCount
        func fits(_ plan: PlanCounts) -> Bool {
            [plan.counts, plan.removed, plan.isolated, plan.replacedFromIsolation, plan.removedFromIsolation].allSatisfy { flows in
                flows.count == problem.sites.count && zip(flows, problem.sites).allSatisfy { site, shape in
                    site.count == shape.groups.count && site.allSatisfy { $0.count == periods }
                }
            }
        }
        let lengths = [carried.shortfall?.money.count, carried.shortfall?.hours.count, carried.whatIf?.count,
                       carried.shadowPrices?.perThousandPounds.count, carried.shadowPrices?.perLabourHour?.count]
        return carried.organisation == problem.name && fits(carried.counts) && (carried.fundedCounts.map(fits) ?? true)
            && lengths.allSatisfy { $0 == nil || $0 == periods }
    }

    /// `name (A against B)` for each stored property in which two records differ.
    static func differences<Record>(_ a: Record, _ b: Record) -> [String] {
        zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children).compactMap { ours, theirs in
            let (mine, other) = (text(ours.value), text(theirs.value))
            return mine == other ? nil : "\(ours.label ?? "?") (\(mine) against \(other))"
        }
    }

    /// A value as a person reads it: an optional's value, or `none`.
    private static func text(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return String(describing: value) }
        return mirror.children.first.map { text($0.value) } ?? "none"
    }
}
