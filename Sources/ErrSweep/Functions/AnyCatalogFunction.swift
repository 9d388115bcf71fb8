/// Any catalog function behind one type, for the places that hold functions chosen at run time —
/// the catalog, a name or expression from the command line, a check configuration — in one
/// `SweepSpec` type. Each evaluation is forwarded to the function inside, whose own type is
/// opened per call; a function whose type is known where it is swept (`sweep(_:at:)`) is used
/// as itself instead, and specialised.
public struct AnyCatalogFunction: CatalogFunction, CustomStringConvertible {
    /// The function inside.
    public let base: any CatalogFunction

    /// `function`, or the function inside it if it is already erased.
    public init(_ function: any CatalogFunction) {
        base = (function as? AnyCatalogFunction)?.base ?? function
    }

    /// A catalog function by name, or else `text` parsed as an expression in one variable; the
    /// error names the nearest catalog name when `text` looks like a misspelt one.
    public init(namedOrParsing text: String) throws {
        self.init(try Catalog.function(namedOrParsing: text))
    }

    public var name: String { base.name }
    /// What a command line's `--fn` would say: the name, or the expression.
    public var description: String { base.asExpression?.formula ?? base.name }
    public var formula: String { base.formula }
    public var derivativeFormula: String { base.derivativeFormula }
    public var defaultPoints: [Double] { base.defaultPoints }
    public var lesson: String { base.lesson }
    public var asExpression: ExpressionFunction? { base.asExpression }

    public func callAsFunction<T: Scalar>(_ x: T) -> T { base(x) }
    public func derivative<T: Scalar>(_ x: T) -> T { base.derivative(x) }
    public func derivative<T: Scalar>(_ x: T, order k: Int) -> T { base.derivative(x, order: k) }
}
