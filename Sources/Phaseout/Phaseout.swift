import LinearProgramming

/// Phaseout plans the phased replacement of high-risk surveillance devices.
public enum PhaseoutInfo {
    /// The version of `SPEC.md` whose model the planner implements.
    public static let specVersion = "v2"
    /// The program's version, recorded in summary.json's `run` object.
    public static let version = "0.2.0"
}

/// A thread-safe flag that stops a planning run when set (``PlanOptions/cancellation``), so that
/// `import Phaseout` alone is enough to plan from code.
public typealias CancellationFlag = LinearProgramming.CancellationFlag

