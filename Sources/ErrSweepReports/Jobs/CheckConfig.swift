import ErrSweep
import Foundation

/// What `errsweep check` measures, read from a JSON file (`--config errsweep.json`):
///
///     {
///       "baseline": "Reports/baseline.json",
///       "tolerance": 2,
///       "orderTolerance": 0.25,
///       "steps": "1e-1...1e-16",
///       "perDecade": 10,
///       "referenceSteps": [1e-2, 1e-5, 1e-8],
///       "functions": [
///         { "name": "sigmoid", "points": [0, 2], "methods": ["central", "forward-ad"], "precisions": ["double"] },
///         { "name": "sigmoid", "derivative": 2 }
///       ]
///     }
///
/// Every key is optional; a function (a catalog name or an expression in one variable) has its
/// points, methods, precisions and derivative default to its catalog points (0.5, 1, 2 for an
/// expression), every method, double and f′. With no file, the whole catalog is checked, and the
/// seed figure's f″ (the sigmoid at its own points).
public struct CheckConfig: Codable, Equatable, Sendable {
    public var baseline: String?
    public var tolerance: Double?
    public var orderTolerance: Double?
    public var steps: String?
    public var perDecade: Int?
    public var referenceSteps: [Double]?
    public var functions: [FunctionEntry]?
    /// Whether the number-system audit is checked too; by default when the whole catalog is.
    public var numberSystems: Bool?
    /// Whether errsweep's black-box estimator is scored too; by default when the whole catalog is.
    public var estimators: Bool?

    /// One function to check, with the points, methods and precisions to check it at (each
    /// defaulting as a sweep does).
    public struct FunctionEntry: Codable, Equatable, Sendable {
        public var name: String
        public var points: [Double]?
        public var methods: [String]?
        public var precisions: [String]?
        /// K: which derivative, 1 to 4 (f′ when absent).
        public var derivative: Int?

        /// A function by catalog name or expression; nil fields take the sweep's defaults.
        public init(name: String, points: [Double]? = nil, methods: [String]? = nil, precisions: [String]? = nil, derivative: Int? = nil) {
            self.name = name
            self.points = points
            self.methods = methods
            self.precisions = precisions
            self.derivative = derivative
        }
    }

    /// The default check: the whole catalog at its own points, every method, in Double.
    public init() {}

    /// A configuration that cannot be used, and why, in one line.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads a JSON configuration; a file that is missing, is not JSON or has a key of the wrong
    /// type is refused in one line naming the file.
    public static func read(_ url: URL) throws -> CheckConfig {
        try JSONFile.read(CheckConfig.self, from: url, what: "config", shape: "an errsweep check config",
                          fix: "see docs/accuracy-check.md for its keys")
    }

    /// The baseline's path: the config's `baseline` key; else, for a config file NAME.json, the file
    /// NAME.baseline.json beside it — never the catalog's Reports/baseline.json, which a config's
    /// `--update` would otherwise overwrite with other functions; without a config, the catalog's.
    public func baselinePath(config: String?) -> String {
        if let baseline { return baseline }
        guard let config else { return "Reports/baseline.json" }
        let url = URL(fileURLWithPath: config)
        return url.deletingPathExtension().appendingPathExtension("baseline.json").path
    }
    public var toleranceFactor: Double { tolerance ?? 2 }
    public var orderToleranceValue: Double { orderTolerance ?? 0.25 }
    public var referenceStepValues: [Double] { referenceSteps ?? AccuracyBaseline.defaultReferenceSteps }

    /// The sweeps to run, checked: unknown names and bad values are one-line errors.
    public func specs() throws -> [SweepSpec<AnyCatalogFunction>] {
        guard toleranceFactor > 1, toleranceFactor.isFinite else {
            throw Invalid(description: "tolerance \(toleranceFactor) must be a finite factor > 1 (2 is one bit)")
        }
        guard orderToleranceValue > 0, orderToleranceValue.isFinite else {
            throw Invalid(description: "orderTolerance \(orderToleranceValue) must be a finite number > 0")
        }
        let perDecade: Int
        do { perDecade = try SpecParsing.perDecade(self.perDecade ?? StepGrid.standardPerDecade, limit: 1000, option: "perDecade") } catch let error as SpecParsingError {
            throw Invalid(description: error.description)
        }
        let grid: StepGrid
        do { grid = try steps.map { try StepGrid(parsing: $0) } ?? StepGrid.standard } catch { throw Invalid(description: "steps: \(error)") }
        let entries = functions ?? Catalog.names.map { FunctionEntry(name: $0) } + [FunctionEntry(name: "sigmoid", derivative: 2)]
        guard !entries.isEmpty else { throw Invalid(description: "functions is empty; name at least one, or leave it out to check the catalog") }
        return try entries.map { entry in
            let function: any CatalogFunction
            do { function = try Catalog.function(namedOrParsing: entry.name) } catch {
                throw Invalid(description: "\(error)".replacingOccurrences(of: "\n", with: " "))
            }
            if let points = entry.points, points.isEmpty || points.contains(where: { !$0.isFinite }) {
                throw Invalid(description: "\(entry.name): points must be a non-empty list of finite numbers")
            }
            do {
                let k = try SpecParsing.derivative(entry.derivative ?? 1, option: "derivative")
                let methods = try SpecParsing.methods(entry.methods?.joined(separator: ",") ?? "all", derivative: k, option: "derivative")
                let precisions = try entry.precisions.map { try SpecParsing.precisions($0.joined(separator: ",")) } ?? [.double]
                return SweepSpec(function: function, points: entry.points, methods: methods, precisions: precisions,
                                 steps: grid.steps(perDecade: perDecade), derivative: k)
            } catch let error as SpecParsingError {
                throw Invalid(description: "\(entry.name): \(error.description)")
            }
        }
    }

    /// The baseline the configured sweeps give now.
    public func measure() throws -> AccuracyBaseline {
        let sweeps = try specs().map { spec in
            let rows = SweepRunner.run(spec)
            return (function: spec.function.name, rows: rows, analysis: SweepAnalysis(spec: spec, rows: rows))
        }
        let audit = (numberSystems ?? (functions == nil)) ? NumberSystemAudit.summaries(NumberSystemAudit.run()) : nil
        let estimators = (self.estimators ?? (functions == nil)) ? AccuracyBaseline.EstimatorEntry.measure() : nil
        return AccuracyBaseline(analyses: sweeps, referenceSteps: referenceStepValues, numberSystems: audit, estimators: estimators)
    }
}
