import ErrSweep
import ErrSweepReports
import Foundation

/// What the explorer's form asks for, as the URL's query holds it (so a link reproduces the view),
/// read with the command line's own parsers and messages, and held to the limits that keep a
/// server safe to leave running: no field longer than `maximumFieldLength`, at most
/// `maximumPoints` points and `maximumSteps` steps, at most `maximumMeasurements` in all.
public struct ExplorerQuery: FormQuery {
    public var fn = "sigmoid"
    /// Points, comma-separated; empty for the function's own.
    public var x = ""
    public var h = StepGrid.standardText
    public var perDecade = String(StepGrid.standardPerDecade)
    public var method = "all"
    public var precision = "double"
    public var derivative = "1"

    public static let maximumFieldLength = QueryFields.maximumFieldLength
    public static let maximumPoints = QueryFields.maximumPoints
    public static let maximumSteps = QueryFields.maximumSteps
    public static let maximumMeasurements = 40_000

    /// A sweep the query asks for, checked.
    public struct Sweep: Sendable {
        public var spec: SweepSpec<AnyCatalogFunction>
        public var grid: StepGrid
        public var perDecade: Int
    }

    /// The default query: the sigmoid over 1e-1 … 1e-16, every method, in double.
    public init() {}

    public static var fieldPaths: [(name: String, path: WritableKeyPath<ExplorerQuery, String>)] {
        [
            ("fn", \.fn),
            ("x", \.x),
            ("h", \.h),
            ("per-decade", \.perDecade),
            ("method", \.method),
            ("precision", \.precision),
            ("derivative", \.derivative),
        ]
    }

    /// The query part of a permalink: every field, percent-encoded.
    public var queryString: String { QueryFields.encode(values) }

    /// The sweep asked for, or every field's problem (each field's first), in form order.
    public func sweep() throws(QueryProblems) -> Sweep {
        var fields = try QueryFields(values)
        let function = fields.read("fn") { try AnyCatalogFunction(namedOrParsing: fn.trimmingCharacters(in: .whitespaces)) }
        let points = fields.read("x") { try QueryFields.points(x) }
        let k = fields.read("derivative") { () throws -> Int in
            guard let k = Int(derivative.trimmingCharacters(in: .whitespaces)) else {
                throw SpecParsingError("'\(derivative)' is not a whole number; valid: 1 (f′) to \(DerivativeMethod.highestDerivative)")
            }
            return try SpecParsing.derivative(k, option: "derivative")
        }
        let methods = k.flatMap { k in fields.read("method") { try SpecParsing.methods(method, derivative: k) } }
        let precisions = fields.read("precision") { try SpecParsing.precisions(precision) }
        let steps = fields.steps(h, perDecade: perDecade)
        try fields.check()
        guard let function, let points, let k, let methods, let precisions, let steps else { throw QueryProblems(problems: fields.problems) }
        let spec = SweepSpec(function: function, points: points, methods: methods, precisions: precisions,
                             steps: steps.grid.steps(perDecade: steps.perDecade), derivative: k)
        guard spec.measurementCount <= Self.maximumMeasurements else {
            throw QueryProblems(problems: [FieldProblem(field: "h", message: "\(spec.measurementCount) measurements (\(spec.points.count) points × \(methods.count) methods × \(precisions.count) precisions × \(spec.steps.count) steps); valid: at most \(Self.maximumMeasurements) here")])
        }
        return Sweep(spec: spec, grid: steps.grid, perDecade: steps.perDecade)
    }
}
