/// What produced a plan (summary.json `run`, SPEC §3): the program's version, the SHA-256 of the
/// register and scenario files, the scenario's name, and the options that change the result.
///
/// Nothing in it changes between two runs of the same inputs and options (no clock, host or
/// path), so equal runs still write equal bytes.
///
/// ```swift
/// let (estate, run) = try RunRecord.load(registerPath: "register.csv", scenarioPath: "scenario.json",
///                                        timeLimit: 60, gap: 1e-4)
/// try PlanWriter(estate: estate, run: run).write(verified, to: URL(fileURLWithPath: "out"))
/// ```
public struct RunRecord: Sendable, Equatable, Encodable {
    /// ``PhaseoutInfo/version``.
    public var version: String
    /// SHA-256 of the register file's bytes (hex), when the run read it from a file.
    public var registerSHA256: String?
    /// SHA-256 of the scenario file's bytes (hex), when the run read it from a file.
    public var scenarioSHA256: String?
    /// The scenario's `name`.
    public var scenarioName: String
    /// The time limit in seconds (`--time-limit`), if the run had one.
    public var timeLimit: Double?
    /// The relative gap tolerance (`--gap`).
    public var gap: Double?

    /// Creates a record.
    public init(version: String = PhaseoutInfo.version, registerSHA256: String? = nil, scenarioSHA256: String? = nil,
                scenarioName: String, timeLimit: Double? = nil, gap: Double? = nil) {
        self.version = version
        self.registerSHA256 = registerSHA256
        self.scenarioSHA256 = scenarioSHA256
        self.scenarioName = scenarioName
        self.timeLimit = timeLimit
        self.gap = gap
    }

    /// Reads the register and scenario files once, builds their estate as
    /// ``Estate/load(registerPath:scenarioPath:)`` does, and records the digests of the very
    /// bytes that were read (a file replaced meanwhile cannot give a digest of other bytes).
    ///
    /// - Throws: ``InputError`` listing every problem in either file, or between them.
    public static func load(registerPath: String, scenarioPath: String, timeLimit: Double? = nil,
                            gap: Double? = nil) throws(InputError) -> (estate: Estate, run: RunRecord) {
        var problems: [Diagnostic] = []
        var omitted = 0
        var register: (Register, String)?
        var scenario: (Scenario, String)?
        do {
            let bytes = try FileAccess.readInput(registerPath, fileName: registerPath, what: "register")
            register = (try RegisterReader.parse(bytes, fileName: registerPath), SHA256.hex(bytes))
        } catch {
            problems += error.diagnostics
            omitted += error.omitted
        }
        do {
            let bytes = try FileAccess.readInput(scenarioPath, fileName: scenarioPath, what: "scenario")
            scenario = (try ScenarioReader.parse(bytes, fileName: scenarioPath), SHA256.hex(bytes))
        } catch {
            problems += error.diagnostics
            omitted += error.omitted
        }
        guard let register, let scenario else { throw InputError(diagnostics: problems, omitted: omitted) }
        let estate = try Estate.build(register: register.0, scenario: scenario.0)
        return (estate, RunRecord(registerSHA256: register.1, scenarioSHA256: scenario.1,
                                  scenarioName: scenario.0.name, timeLimit: timeLimit, gap: gap))
    }

    private enum CodingKeys: String, CodingKey {
        case version, registerSHA256, scenarioSHA256, scenarioName, timeLimit, gap
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(registerSHA256, forKey: .registerSHA256)
        try container.encodeIfPresent(scenarioSHA256, forKey: .scenarioSHA256)
        try container.encode(scenarioName, forKey: .scenarioName)
        try container.encodeIfPresent(timeLimit, forKey: .timeLimit)
        try container.encodeIfPresent(gap, forKey: .gap)
    }
}
