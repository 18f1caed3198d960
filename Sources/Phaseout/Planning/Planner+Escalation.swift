import LPSolve

extension Planner {
    /// An organisation's first-round solve. Most organisations get a share of a second or less,
    /// in which lp_solve's depth-first search proves them or nothing would. An organisation with
    /// a long share (a few councils of 400 or more units in a run of a minute) gets the
    /// depth-first search for only ``depthFirstShare`` of it: when that neither proves it nor
    /// proves it infeasible, the best-first search (``OrganisationSolver/PrimarySearch/bestFirst``)
    /// runs on from its plan, if any, to the end of the share, and the better answer of the two
    /// is kept. Left the whole share, lp_solve's search, which proves no bound beyond the root
    /// until it ends, took it all on such councils, and the second round, whose shares are what
    /// the others leave, came too late for them.
    static func solveFirst(_ solver: OrganisationSolver, gap: Double) -> OrganisationOutcome {
        let now = ContinuousClock.now
        let share = solver.deadline - now
        guard share >= escalationShare, !solver.hurried, solver.primarySearch == .depthFirst,
              !solver.isTooLargeForOneModel else { return solver.solve() }
        var depthFirst = solver
        depthFirst.primaryDeadline = now + share * depthFirstShare
        let first = depthFirst.solve()
        guard first.status == .feasible || first.status == .unknown,
              solver.deadline - ContinuousClock.now >= leastRetry else { return first }
        var bestFirst = solver
        bestFirst.primarySearch = .bestFirst
        bestFirst.solver = Round.second.lpSolve
        if first.status == .feasible { bestFirst.startingPlan = first.counts }
        return better(first, bestFirst.solve(), gap: gap)
    }

    /// The least first-round share that is split between the two searches.
    static let escalationShare: Duration = .seconds(4)
    /// The depth-first search's part of a split share. On the Scottish example it still proves
    /// the councils that the whole share proved, and the best-first search then proves South
    /// Lanarkshire (Benchmarks/README.md, "Split shares").
    static let depthFirstShare = 0.3
}
