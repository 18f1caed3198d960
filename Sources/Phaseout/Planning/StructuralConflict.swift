/// Conflicts that no money or hours can resolve, with the reason a council can act on.
func structuralConflict(_ problem: OrganisationProblem) -> String? {
    let labels = { (t: Int) in "period \(t + 1)" }
    for site in problem.sites {
        for group in site.groups where group.atRisk {
            if let lock = group.locked, let deadline = group.deadline, lock > deadline {
                return "site \(site.id): units locked in \(labels(lock)) have a deadline of \(labels(deadline))"
            }
        }
        let leaders = site.groups.filter(\.isLeader)
        guard !leaders.isEmpty else { continue }
        let leaderLocks = Set(leaders.compactMap(\.locked))
        if leaderLocks.count > 1 {
            return "site \(site.id): its recorders are locked in different periods but must be replaced together"
        }
        let leaderLock = leaderLocks.first
        let leaderDeadline = leaders.compactMap(\.deadline).min()
        if let lock = leaderLock, let deadline = leaderDeadline, lock > deadline {
            return "site \(site.id): its recorders are locked in \(labels(lock)), after their deadline \(labels(deadline))"
        }
        for follower in site.groups where !follower.isLeader && follower.atRisk {
            let latest = follower.locked ?? follower.deadline
            if let latest, let lock = leaderLock, latest < lock {
                return "site \(site.id): units due by \(labels(latest)) cannot follow recorders locked in \(labels(lock))"
            }
        }
    }
    return nil
}
