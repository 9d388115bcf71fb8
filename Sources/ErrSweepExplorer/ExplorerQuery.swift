import ErrSweep
import ErrSweepReports
import Foundation

/// What the explorer's form asks for, as the URL's query holds it (so a link reproduces the view),
/// read with the command line's own parsers and messages, and held to the limits that keep a
/// server safe to leave running: no field longer than `maximumFieldLength`, at most
/// `maximumPoints` points and `maximumSteps` steps, at most `maximumMeasurements` in all.
public struct ExplorerQuery: Sendable, Equatable {
    public var fn = "sigmoid"
    /// Points, comma-separated; empty for the function's own.
    public var x = ""
    public var h = "1e-1...1e-16"
    public var perDecade = "10"
    public var method = "all"
    public var precision = "double"
    public var derivative = "1"

    public static let maximumFieldLength = 200
    public static let maximumPoints = 4
    public static let maximumSteps = 400
    public static let maximumMeasurements = 40_000

    /// The form's fields in order, as the query names them.
    public static let fields = ["fn", "x", "h", "per-decade", "method", "precision", "derivative"]

    /// One field's problem, in the command line's words.
    public struct Problem: Error, Sendable, Equatable, Codable {
        public var field: String
        public var message: String

        /// `message` about `field`.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// A sweep the query asks for, checked.
    public struct Sweep: Sendable {
        public var spec: SweepSpec<AnyCatalogFunction>
        public var grid: StepGrid
        public var perDecade: Int
    }

    /// The default query: the sigmoid over 1e-1 … 1e-16, every method, in double.
    public init() {}

    /// The query from the URL's parameters; fields not named keep their defaults, unknown
    /// parameters are ignored.
    public init(parameters: [String: String]) {
        for (key, value) in parameters {
            switch key {
            case "fn": fn = value
            case "x": x = value
            case "h": h = value
            case "per-decade": perDecade = value
            case "method": method = value
            case "precision": precision = value
            case "derivative": derivative = value
            default: continue
            }
        }
    }

    /// The fields by name, in form order.
    public var values: [(field: String, value: String)] {
        zip(Self.fields, [fn, x, h, perDecade, method, precision, derivative]).map { ($0, $1) }
    }

    /// The query part of a permalink: every field, percent-encoded.
    public var queryString: String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#;")
        return values.map { "\($0.field)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// The sweep asked for, or every field's problem (each field's first), in form order.
    public func sweep() throws(ExplorerQueryProblems) -> Sweep {
        var problems: [Problem] = []
        func check<T>(_ field: String, _ read: () throws -> T) -> T? {
            do { return try read() } catch {
                problems.append(Problem(field: field, message: "\(error)"))
                return nil
            }
        }
        for (field, value) in values where value.count > Self.maximumFieldLength {
            problems.append(Problem(field: field, message: "\(value.count) characters, over the limit of \(Self.maximumFieldLength)"))
        }
        guard problems.isEmpty else { throw ExplorerQueryProblems(problems: problems) }
        let function = check("fn") { try AnyCatalogFunction(namedOrParsing: fn.trimmingCharacters(in: .whitespaces)) }
        let points = check("x") { () throws -> [Double]? in
            if x.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            let points = try SpecParsing.points(x)
            guard points.count <= Self.maximumPoints else {
                throw SpecParsingError("\(points.count) points; valid: at most \(Self.maximumPoints) here (the command line takes any number)")
            }
            return points
        }
        let k = check("derivative") { () throws -> Int in
            guard let k = Int(derivative.trimmingCharacters(in: .whitespaces)) else {
                throw SpecParsingError("'\(derivative)' is not a whole number; valid: 1 to \(HigherDerivatives.highestOrder)")
            }
            return try SpecParsing.derivative(k)
        }
        let methods = k.flatMap { k in check("method") { try SpecParsing.methods(method, derivative: k) } }
        let precisions = check("precision") { try SpecParsing.precisions(precision) }
        let text = self.perDecade
        let density = check("per-decade") { () throws -> Int in
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), (1...100).contains(n) else {
                throw SpecParsingError("'\(text)' steps per decade; valid: a whole number from 1 to 100")
            }
            return n
        }
        let grid = check("h") { try StepGrid(parsing: h) }
        if let grid, let density {
            let count = grid.count(perDecade: density)
            if count > Self.maximumSteps {
                problems.append(Problem(field: "h", message: "\(count) steps; valid: at most \(Self.maximumSteps) here: a shorter range or fewer per decade"))
            }
        }
        guard problems.isEmpty, let function, let k, let methods, let precisions, let density, let grid else {
            throw ExplorerQueryProblems(problems: problems)
        }
        let spec = SweepSpec(function: function, points: points ?? nil, methods: methods, precisions: precisions,
                             steps: grid.steps(perDecade: density), derivative: k)
        guard spec.measurementCount <= Self.maximumMeasurements else {
            throw ExplorerQueryProblems(problems: [Problem(field: "h", message: "\(spec.measurementCount) measurements (\(spec.points.count) points × \(methods.count) methods × \(precisions.count) precisions × \(spec.steps.count) steps); valid: at most \(Self.maximumMeasurements) here")])
        }
        return Sweep(spec: spec, grid: grid, perDecade: density)
    }
}

/// Every field's problem with a query.
public struct ExplorerQueryProblems: Error, Sendable, Codable, CustomStringConvertible {
    public var problems: [ExplorerQuery.Problem]
    public var description: String { problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }
}
