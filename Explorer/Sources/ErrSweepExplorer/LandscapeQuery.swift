import ErrSweep
import ErrSweepReports
import Foundation

/// What the explorer's second tab asks for: black-box estimates of f′ with their bounds at a few
/// points (`errsweep estimate`), and one method's error over a range of points and steps as a
/// heat map (`errsweep landscape`). Read with the command line's parsers and held to the same
/// limits as a sweep (`QueryFields`), and at most `maximumCells` cells in the map.
public struct LandscapeQuery: FormQuery {
    public var fn = "sigmoid"
    /// The estimates' points, comma-separated; empty for the function's own.
    public var x = ""
    public var algorithm = "all"
    public var precision = "double"
    /// The map's points: a range A...B of `xCount` points, or a list.
    public var range = "-10...10"
    public var xCount = "101"
    public var method = "forward"
    public var h = StepGrid.standardText
    public var perDecade = String(StepGrid.standardPerDecade)

    public static let maximumXCount = 401
    public static let maximumCells = 40_000

    /// The work the query asks for, checked.
    public struct Work: Sendable {
        public var function: AnyCatalogFunction
        public var points: [Double]
        public var algorithms: [DerivativeEstimator]
        public var precision: Precision
        /// The map's sweep: one method, one precision, every point of the range and step.
        public var landscape: SweepSpec<AnyCatalogFunction>
        public var method: DerivativeMethod
        public var grid: StepGrid
        public var perDecade: Int

        /// The estimates alone, for their download.
        public var withoutLandscape: Work {
            var work = self
            work.landscape.points = []
            return work
        }

        /// The map alone, for its downloads.
        public var withoutEstimates: Work {
            var work = self
            work.points = []
            return work
        }
    }

    /// The default query: the sigmoid's estimates at its own points by every algorithm, and the
    /// forward difference's map over -10…10 and 1e-1…1e-16, in double.
    public init() {}

    public static var fieldPaths: [(name: String, path: WritableKeyPath<LandscapeQuery, String>)] {
        [
            ("fn", \.fn),
            ("x", \.x),
            ("algorithm", \.algorithm),
            ("precision", \.precision),
            ("range", \.range),
            ("x-count", \.xCount),
            ("method", \.method),
            ("h", \.h),
            ("per-decade", \.perDecade),
        ]
    }

    /// The query part of a permalink: the tab and every field, percent-encoded.
    public var queryString: String { "tab=landscape&" + QueryFields.encode(values) }

    /// The work asked for, or every field's problem (each field's first), in form order.
    public func work() throws(QueryProblems) -> Work {
        var fields = try QueryFields(values)
        let function = fields.read("fn") { try AnyCatalogFunction(namedOrParsing: fn.trimmingCharacters(in: .whitespaces)) }
        let points = fields.read("x") { try QueryFields.points(x) }
        let algorithms = fields.read("algorithm") { try SpecParsing.estimators(algorithm) }
        let inPrecision = fields.read("precision") { () throws -> Precision in
            let chosen = try SpecParsing.precisions(precision)
            guard chosen.count == 1 else {
                throw SpecParsingError("\(chosen.count) precisions; valid: one of \(Precision.available.map(\.rawValue).joined(separator: ", ")) here (a map shows one)")
            }
            return chosen[0]
        }
        let count = fields.read("x-count") { try QueryFields.whole(xCount, in: 2...Self.maximumXCount, what: "points in the range") }
        let xs = count.flatMap { count in fields.read("range") { try SpecParsing.pointRange(range, count: count) } }
        if let xs, xs.count > Self.maximumXCount {
            fields.add("range", "\(xs.count) points; valid: at most \(Self.maximumXCount) here")
        }
        let chosenMethod = fields.read("method") { () throws -> DerivativeMethod in
            let chosen = try SpecParsing.methods(method)
            guard chosen.count == 1 else {
                throw SpecParsingError("\(chosen.count) methods; valid: one of \(DerivativeMethod.all(derivative: 1).map(\.rawValue).joined(separator: ", ")) here (a map shows one)")
            }
            return chosen[0]
        }
        let steps = fields.steps(h, perDecade: perDecade)
        try fields.check()
        guard let function, let points, let algorithms, let inPrecision, let xs, let chosenMethod, let steps else {
            throw QueryProblems(problems: fields.problems)
        }
        var landscape = SweepSpec(function: function, points: xs, methods: [chosenMethod], precisions: [inPrecision],
                                  steps: steps.grid.steps(perDecade: steps.perDecade))
        landscape.splitsErrors = false
        guard landscape.measurementCount <= Self.maximumCells else {
            throw QueryProblems(problems: [FieldProblem(field: "x-count", message: "\(landscape.measurementCount) cells (\(xs.count) points × \(landscape.steps.count) steps); valid: at most \(Self.maximumCells) here")])
        }
        return Work(function: function, points: points ?? function.defaultPoints, algorithms: algorithms, precision: inPrecision,
                    landscape: landscape, method: chosenMethod, grid: steps.grid, perDecade: steps.perDecade)
    }
}
