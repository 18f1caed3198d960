import Foundation
import LinearProgramming
import LPSolve
import MixedIntegerSearch

/// Writes each organisation's exact planning MILP (SPEC §2) in lp_solve's LP dialect or free
/// MPS, so that another solver can check or beat the planner on the very model it solves.
///
/// The model is the planner's monolithic one — one integer variable per group and period, no
/// pooling — with the primary objective the planner minimises first: exposure (risk-years)
/// for `exposure`, present-value cost for `cost`. Neither format holds the objective's
/// constant (the exposure no plan can remove, contracted works' cost), so each file says it in
/// a leading comment: the model's optimum plus that constant is the organisation's value.
///
/// ```swift
/// let estate = try Estate.load(registerPath: "register.csv", scenarioPath: "scenario.json")
/// let exporter = ModelExporter(estate: estate)
/// for model in try exporter.export(format: .mps) { print(model.organisation, model.objectiveConstant) }
/// ```
public struct ModelExporter: Sendable {
    /// A model file format.
    public enum Format: String, Sendable, CaseIterable {
        /// lp_solve's LP dialect.
        case lp
        /// Free MPS, which most solvers read.
        case mps

        /// The usual file name extension, without the dot.
        public var fileExtension: String { rawValue }
    }

    /// One organisation's model as text.
    public struct ExportedModel: Sendable {
        public let organisation: String
        public let format: Format
        /// The file's text: a comment naming the model and its objective constant, then the model.
        public let text: String
        /// What the solver's optimum leaves out: value = optimum + constant.
        public let objectiveConstant: Double
        public let rows: Int
        public let columns: Int
        /// Set when no plan can exist whatever the budget (the planner reports it as structural).
        public let structuralConflict: String?
    }

    public let estate: Estate

    public init(estate: Estate) { self.estate = estate }

    /// The organisations' names, in estate order.
    public var organisationNames: [String] { estate.organisations.map(\.name) }

    /// The planning model of one organisation (names as the planner gives them).
    /// - Returns: `nil` when the estate has no such organisation.
    public func model(organisation name: String) -> LinearModel? {
        guard let organisation = organisation(named: name) else { return nil }
        return planningModel(problem(organisation)).model
    }

    /// Exports the organisations' models.
    /// - Parameters:
    ///   - name: one organisation's name (case-insensitive), or `nil` for all.
    ///   - format: LP or free MPS.
    /// - Throws: ``ModelExportError`` for an unknown organisation or a model lp_solve cannot write.
    public func export(organisation name: String? = nil, format: Format) throws(ModelExportError) -> [ExportedModel] {
        let organisations: [Organisation]
        if let name {
            guard let organisation = organisation(named: name) else {
                throw ModelExportError(message: "no organisation \"\(name)\" in the register; it has \(listed(organisationNames))")
            }
            organisations = [organisation]
        } else {
            organisations = estate.organisations
        }
        return try organisations.map { organisation throws(ModelExportError) in try export(organisation, format: format) }
    }

    /// Writes the models: with `organisation`, that one model to `path` (or into `path` when it
    /// is an existing directory); without, one file per organisation into the directory `path`
    /// (created if missing) — or, for an estate of one organisation, to the file `path` when it
    /// ends in the format's extension. Each file is written atomically.
    /// - Returns: the files written, in organisation order.
    @discardableResult
    public func write(format: Format, to path: URL, organisation name: String? = nil) throws(ModelExportError) -> [URL] {
        let models = try export(organisation: name, format: format)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory)
        let namesAFile = path.pathExtension.lowercased() == format.fileExtension
        if (exists && isDirectory.boolValue) || (!exists && !namesAFile) || models.count > 1 {
            if models.count > 1 && (exists ? !isDirectory.boolValue : namesAFile) {
                throw ModelExportError(message: "\(path.path) names a file but the estate has \(models.count) organisations; "
                    + "give a directory or --organisation NAME")
            }
            var used: Set<String> = []
            let files = models.map { model in
                var stem = Self.fileStem(model.organisation)
                var n = 2
                while used.contains(stem.lowercased()) { stem = Self.fileStem(model.organisation) + "-\(n)"; n += 1 }
                used.insert(stem.lowercased())
                return (name: "\(stem).\(format.fileExtension)", contents: Data(model.text.utf8))
            }
            try save(files, in: path)
            return files.map { path.appendingPathComponent($0.name) }
        }
        try save([(name: path.lastPathComponent, contents: Data(models[0].text.utf8))], in: path.deletingLastPathComponent())
        return [path]
    }

    // MARK: - Pieces

    private func organisation(named name: String) -> Organisation? {
        estate.organisations.first { $0.name == name } ?? estate.organisations.first { $0.name.folded == name.folded }
    }

    private func problem(_ organisation: Organisation) -> OrganisationProblem {
        OrganisationProblem(organisation: organisation, scenario: estate.scenario, register: estate.register)
    }

    /// The plain form of the model `OrganisationSolver` solves first: unpooled, without the
    /// branching totals (same optimum).
    private func planningModel(_ problem: OrganisationProblem) -> OrganisationModel {
        var model = OrganisationModel(problem: problem, aggregate: false)
        model.setObjective(.minimize, problem.objective == .exposure ? model.exposure : model.presentValue)
        return model
    }

    private func export(_ organisation: Organisation, format: Format) throws(ModelExportError) -> ExportedModel {
        let problem = problem(organisation)
        let planning = planningModel(problem)
        let model = Self.renamed(planning.model)
        let body: String
        do {
            body = try LPSolveSolver().export(model, format: format == .lp ? .lp : .mps)
        } catch {
            throw ModelExportError(message: "could not write the model of \(organisation.name): \(error)")
        }
        let constant = model.objective.expression.constant
        let conflict = structuralConflict(problem)
        let measure = problem.objective == .exposure ? "exposure in risk-years" : "present-value cost in pounds at period-1 prices"
        var lines = [
            "Phaseout \(PhaseoutInfo.specVersion): the planning MILP of organisation \"\(organisation.name)\" (SPEC section 2),",
            "minimising \(measure) over \(problem.periodCount) periods; \(model.constraints.count) rows, \(model.variables.count) columns.",
            "Objective constant \(CSVText.number(constant)): the organisation's value is this model's optimum + \(CSVText.number(constant)).",
        ]
        if let conflict { lines.append("No plan can exist whatever the budget: \(conflict).") }
        lines = lines.map(Self.commentSafe)
        let header: String
        switch format {
        case .lp: header = "/* " + lines.joined(separator: "\n   ") + " */\n\n"
        case .mps: header = lines.map { "* " + $0 }.joined(separator: "\n") + "\n"
        }
        return ExportedModel(organisation: organisation.name, format: format, text: header + body, objectiveConstant: constant,
                             rows: model.constraints.count, columns: model.variables.count, structuralConflict: conflict)
    }

    private func save(_ files: [(name: String, contents: Data)], in directory: URL) throws(ModelExportError) {
        do {
            try AtomicFiles.write(files, to: directory)
        } catch {
            throw ModelExportError(message: "could not write into \(directory.path): \(error.localizedDescription)")
        }
    }

    private func listed(_ names: [String]) -> String {
        let shown = names.prefix(10).map { "\"\($0)\"" }.joined(separator: ", ")
        return names.count > 10 ? shown + " and \(names.count - 10) more" : shown
    }

    /// Text that cannot end or break a comment in either format.
    private static func commentSafe(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 }).replacingOccurrences(of: "*/", with: "* /")
    }

    /// A file name for an organisation: letters, digits, `-` and `_` only.
    static func fileStem(_ name: String) -> String {
        var stem = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" {
                stem.unicodeScalars.append(scalar)
            } else if !stem.hasSuffix("_") {
                stem += "_"
            }
        }
        stem = String(stem.drop { $0 == "_" }.reversed().drop { $0 == "_" }.reversed())
        return stem.isEmpty ? "organisation" : stem
    }

    /// The model with names every LP and MPS reader accepts: a letter first, then letters,
    /// digits and `_[]{}/.&#$%~'@^` (SPEC names hold commas and spaces); unique.
    static func renamed(_ model: LinearModel) -> LinearModel {
        var used: Set<String> = []
        func safe(_ name: String) -> String {
            var text = ""
            for scalar in name.unicodeScalars {
                let allowed = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_[]{}/.&#$%~'@^".unicodeScalars.contains(scalar))
                text.unicodeScalars.append(allowed ? scalar : (scalar == "," ? "." : "_"))
            }
            if let first = text.unicodeScalars.first, !(first.isASCII && CharacterSet.letters.contains(first)) { text = "n" + text }
            if text.isEmpty { text = "n" }
            var unique = text
            var n = 2
            while used.contains(unique) { unique = text + "~\(n)"; n += 1 }
            used.insert(unique)
            return unique
        }
        var copy = LinearModel(name: safe(model.name))
        let variables = model.variables.map {
            copy.addVariable(name: safe($0.name), lowerBound: $0.lowerBound, upperBound: $0.upperBound, isInteger: $0.isInteger)
        }
        func mapped(_ variablesOf: [Variable], _ coefficients: [Double]) -> LinearExpression {
            var expression = LinearExpression()
            for (variable, coefficient) in zip(variablesOf, coefficients) { expression.add(coefficient, variables[variable.index]) }
            return expression
        }
        for row in model.constraints {
            copy.addConstraint(mapped(row.variables, row.coefficients), lower: row.lower, upper: row.upper, name: safe(row.name))
        }
        var objective = mapped(model.objective.expression.variables, model.objective.expression.coefficients)
        objective.constant = model.objective.expression.constant
        copy.objective = LinearObjective(model.objective.sense, objective)
        return copy
    }
}

/// Why a model could not be exported.
public struct ModelExportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
