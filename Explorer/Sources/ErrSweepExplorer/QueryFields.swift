import ErrSweep
import ErrSweepReports
import Foundation

/// One field's problem with a query, in the command line's words.
public struct FieldProblem: Error, Sendable, Equatable, Codable {
    public var field: String
    public var message: String

    /// `message` about `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Every field's problem with a query.
public struct QueryProblems: Error, Sendable, Codable, CustomStringConvertible {
    public var problems: [FieldProblem]
    public var description: String { problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }
}

/// A form's query as the URL holds it: its fields by name, in form order, each the text typed.
public protocol FormQuery: Sendable, Equatable {
    /// The form's defaults.
    init()
    /// Each field's name in the query, and where the query keeps it.
    static var fieldPaths: [(name: String, path: WritableKeyPath<Self, String>)] { get }
}

extension FormQuery {
    /// The form's fields in order, as the query names them.
    public static var fields: [String] { fieldPaths.map(\.name) }

    /// The query from the URL's parameters; fields not named keep their defaults, unknown
    /// parameters are ignored.
    public init(parameters: [String: String]) {
        self.init()
        for (name, path) in Self.fieldPaths {
            if let value = parameters[name] { self[keyPath: path] = value }
        }
    }

    /// The fields by name, in form order.
    public var values: [(field: String, value: String)] { Self.fieldPaths.map { ($0.name, self[keyPath: $0.path]) } }
}

/// Reads a form's fields with the command line's parsers, keeping each field's first problem,
/// and the rules both of the explorer's forms share: the length of a field, the points, the
/// steps and their density.
struct QueryFields {
    static let maximumFieldLength = 200
    static let maximumPoints = 4
    static let maximumSteps = 400

    private(set) var problems: [FieldProblem] = []

    /// `field=value&…`, each value percent-encoded, as a permalink holds them.
    static func encode(_ values: [(field: String, value: String)]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#;")
        return values.map { "\($0.field)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// Starts reading `values`, refusing at once any field longer than `maximumFieldLength`.
    init(_ values: [(field: String, value: String)]) throws(QueryProblems) {
        for (field, value) in values where value.count > Self.maximumFieldLength {
            problems.append(FieldProblem(field: field, message: "\(value.count) characters, over the limit of \(Self.maximumFieldLength)"))
        }
        guard problems.isEmpty else { throw QueryProblems(problems: problems) }
    }

    /// `read()`'s value, or nil with its error kept as `field`'s problem.
    mutating func read<T>(_ field: String, _ read: () throws -> T) -> T? {
        do { return try read() } catch {
            problems.append(FieldProblem(field: field, message: "\(error)"))
            return nil
        }
    }

    mutating func add(_ field: String, _ message: String) {
        problems.append(FieldProblem(field: field, message: message))
    }

    /// The problems so far, thrown, if there are any.
    func check() throws(QueryProblems) {
        guard problems.isEmpty else { throw QueryProblems(problems: problems) }
    }

    /// Points, comma-separated, at most `maximumPoints`; nil for an empty field (the function's own).
    static func points(_ text: String) throws -> [Double]? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        let points = try SpecParsing.points(text)
        guard points.count <= maximumPoints else {
            throw SpecParsingError("\(points.count) points; valid: at most \(maximumPoints) here (the command line takes any number)")
        }
        return points
    }

    /// A whole number in `range`, described as `what` in the message.
    static func whole(_ text: String, in range: ClosedRange<Int>, what: String) throws -> Int {
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
            throw SpecParsingError("'\(text)' \(what); valid: a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// The steps of `h` at `perDecade`, kept as a problem of `h` beyond `maximumSteps`.
    mutating func steps(_ h: String, perDecade: String) -> (grid: StepGrid, perDecade: Int)? {
        let density = read("per-decade") { try Self.whole(perDecade, in: 1...100, what: "steps per decade") }
        let grid = read("h") { try StepGrid(parsing: h) }
        guard let grid, let density else { return nil }
        let count = grid.count(perDecade: density)
        guard count <= Self.maximumSteps else {
            add("h", "\(count) steps; valid: at most \(Self.maximumSteps) here: a shorter range or fewer per decade")
            return nil
        }
        return (grid, density)
    }
}
