import Foundation

/// Runs `first` and `second` at the same time (on two threads when there are) and returns both
/// results. Used where a run does two independent, large pieces of work: verifying the plan and
/// the funded plan, rendering plan.csv and funded-plan.csv.
func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let a = ResultSlots<A>(count: 1), b = ResultSlots<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { which in
        if which == 0 { a.set(0, first()) } else { b.set(0, second()) }
    }
    return (a.optionalValues()[0]!, b.optionalValues()[0]!)
}
