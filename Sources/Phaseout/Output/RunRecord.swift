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
public struct RunRecord: Sendable, Equatable, Codable {
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
    /// A goal run's target (`--target`), e.g. `deadlines`.
    public var target: String?
    /// A frontier point's budget scale.
    public var budgetScale: Double?

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
    /// - Throws: ``InputError`` listing every problem in either file, or between them: inputs with
    ///   errors are read again by ``Estate/load(registerPath:scenarioPath:)``, which lists them all.
    public static func load(registerPath: String, scenarioPath: String, timeLimit: Double? = nil,
                            gap: Double? = nil) throws(InputError) -> (estate: Estate, run: RunRecord) {
        do {
            let registerBytes = try FileAccess.readInput(registerPath, fileName: registerPath, what: "register")
            let scenarioBytes = try FileAccess.readInput(scenarioPath, fileName: scenarioPath, what: "scenario")
            let scenario = try ScenarioReader.parse(scenarioBytes, fileName: scenarioPath)
            let estate = try Estate.build(register: try RegisterReader.parse(registerBytes, fileName: registerPath),
                                          scenario: scenario)
            return (estate, RunRecord(registerSHA256: SHA256.hex(registerBytes), scenarioSHA256: SHA256.hex(scenarioBytes),
                                      scenarioName: scenario.name, timeLimit: timeLimit, gap: gap))
        } catch {
            _ = try Estate.load(registerPath: registerPath, scenarioPath: scenarioPath)
            throw error
        }
    }

    private enum CodingKeys: String, CodingKey {
        case version, registerSHA256, scenarioSHA256, scenarioName, timeLimit, gap, target, budgetScale
    }

    /// Reads a record as summary.json (or a shard's shard.json) states it.
    /// - Parameter decoder: The decoder to read from.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(version: try container.decode(String.self, forKey: .version),
                  registerSHA256: try container.decodeIfPresent(String.self, forKey: .registerSHA256),
                  scenarioSHA256: try container.decodeIfPresent(String.self, forKey: .scenarioSHA256),
                  scenarioName: try container.decode(String.self, forKey: .scenarioName),
                  timeLimit: try container.decodeIfPresent(Double.self, forKey: .timeLimit),
                  gap: try container.decodeIfPresent(Double.self, forKey: .gap))
    }

    /// Writes the record, leaving out what the run did not have.
    /// - Parameter encoder: The encoder to write to.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(registerSHA256, forKey: .registerSHA256)
        try container.encodeIfPresent(scenarioSHA256, forKey: .scenarioSHA256)
        try container.encode(scenarioName, forKey: .scenarioName)
        try container.encodeIfPresent(timeLimit, forKey: .timeLimit)
        try container.encodeIfPresent(gap, forKey: .gap)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encodeIfPresent(budgetScale, forKey: .budgetScale)
    }
}
