import Foundation

extension OrganisationProblem {
    var unitCount: Int { sites.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.count } } }
}

/// A lock-protected array written by worker threads at distinct indices.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    init(count: Int) { slots = [Value?](repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) { lock.lock(); slots[index] = value; lock.unlock() }
    func optionalValues() -> [Value?] { lock.lock(); defer { lock.unlock() }; return slots }
}

/// Shares the run's time among organisations: each one, when it starts, gets the remaining
/// time in proportion to its size among those not finished, times the number of workers
/// (never past the run's deadline). Time an organisation does not use goes to the others.
///
/// Weights may be raised for some organisations (``Planner/unplannedWeight``); the plain weights
/// then give the deadline of what an organisation does at its plain share
/// (``startPlain(weight:)``).
final class TimeShare: @unchecked Sendable {
    private let lock = NSLock()
    private let deadline: ContinuousClock.Instant
    private var remainingWeight: Double
    private var remainingPlainWeight: Double
    private let workers: Int

    init(deadline: ContinuousClock.Instant, totalWeight: Double, totalPlainWeight: Double? = nil, workers: Int) {
        self.deadline = deadline
        self.remainingWeight = totalWeight
        self.remainingPlainWeight = totalPlainWeight ?? totalWeight
        self.workers = workers
    }

    /// The deadline of an organisation of this weight starting now.
    func start(weight: Double) -> ContinuousClock.Instant {
        lock.lock(); defer { lock.unlock() }
        return Self.share(of: weight, among: remainingWeight, workers: workers, until: deadline)
    }

    /// The deadline of an organisation of this plain weight starting now, among the plain weights.
    func startPlain(weight: Double) -> ContinuousClock.Instant {
        lock.lock(); defer { lock.unlock() }
        return Self.share(of: weight, among: remainingPlainWeight, workers: workers, until: deadline)
    }

    func finish(weight: Double, plainWeight: Double? = nil) {
        lock.lock()
        remainingWeight -= weight
        remainingPlainWeight -= plainWeight ?? weight
        lock.unlock()
    }

    private static func share(of weight: Double, among remaining: Double, workers: Int,
                              until deadline: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        let left = deadline - now
        guard left > .zero, remaining > 0 else { return deadline }
        return now + left * min(1, Double(workers) * weight / remaining)
    }
}

/// A lock-protected counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ start: Int = 0) { count = start }
    /// Adds one and returns the new value.
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
    /// The current value.
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
