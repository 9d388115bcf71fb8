/// A function the user typed, swept like a catalog function: f is the expression, the truth is its
/// symbolic derivative, both evaluated in whatever number system a method needs.
public struct ExpressionFunction: CatalogFunction {
    public let expression: MathExpression
    public let derivativeExpression: MathExpression
    /// The variable swept.
    public let variable: String
    /// The name the user gave it (`--name`), for its files and its rows; nil for the hash.
    public var label: String?

    public var asExpression: ExpressionFunction? { self }

    /// An expression that cannot be swept, and why.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Parses `text`; a sweep needs at most one variable (none: a constant, in x).
    public init(parsing text: String) throws {
        let expression = try ExpressionParser.parse(text)
        let variables = expression.variables
        guard variables.count <= 1 else {
            throw Invalid(description: "'\(text)' has the variables \(variables.joined(separator: ", ")); a sweep differentiates in one variable")
        }
        self.init(expression, variable: variables.first ?? "x")
    }

    /// `expression` as a function of `variable`, its truth the symbolic derivative in that
    /// variable.
    public init(_ expression: MathExpression, variable: String) {
        self.expression = expression
        self.variable = variable
        derivativeExpression = expression.derivative(withRespectTo: variable)
    }

    /// A name for files: the user's label, else `expr-` and a hash of the printed expression
    /// (stable across runs).
    public var name: String {
        if let label { return label }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in expression.description.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "expr-" + String(hash >> 32, radix: 16)
    }

    /// The same function under the name `label`.
    public func named(_ label: String) -> ExpressionFunction {
        var named = self
        named.label = label
        return named
    }

    public var formula: String { expression.description }
    public var derivativeFormula: String { derivativeExpression.description }
    public var defaultPoints: [Double] { [0.5, 1, 2] }
    public var lesson: String {
        "An expression given on the command line, in \(variable); its truth is its symbolic derivative, \(derivativeFormula), evaluated in MPFR."
    }

    public func callAsFunction<T: Scalar>(_ x: T) -> T { expression.evaluate(at: x, variable: variable) }
    public func derivative<T: Scalar>(_ x: T) -> T { derivativeExpression.evaluate(at: x, variable: variable) }
    public func derivative<T: Scalar>(_ x: T, order k: Int) -> T {
        derivativeExpression(order: k).evaluate(at: x, variable: variable)
    }

    /// The K-th symbolic derivative (K ≥ 1), simplified at each step.
    public func derivativeExpression(order k: Int) -> MathExpression {
        (1..<max(k, 1)).reduce(derivativeExpression) { d, _ in d.derivative(withRespectTo: variable) }
    }
}

extension Catalog {
    /// A catalog function by name, or else the expression `text` parsed.
    public static func function(namedOrParsing text: String) throws -> any CatalogFunction {
        if let function = function(named: text) { return function }
        // A bare word that is not a catalog name is more likely a misspelt name than a variable.
        if text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), text.count > 1, text != "pi" {
            let nearest = names.min { ExpressionParser.editDistance($0, text) < ExpressionParser.editDistance($1, text) }!
            throw ExpressionFunction.Invalid(description: "unknown function '\(text)' (did you mean '\(nearest)'?); valid: \(names.joined(separator: ", ")), or an expression in one variable such as 'exp(x)/sqrt(x)'")
        }
        return try ExpressionFunction(parsing: text)
    }
}
