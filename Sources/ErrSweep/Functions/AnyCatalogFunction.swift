/// Any catalog function behind one type, for the places that hold functions chosen at run time —
/// the catalog, a name or expression from the command line, a check configuration — in one
/// `SweepSpec` type. Each evaluation is forwarded to the function inside, whose own type is
/// opened per call; a function whose type is known where it is swept (`sweep(_:at:)`) is used
/// as itself instead, and specialised.
public struct AnyCatalogFunction: CatalogFunction {
    /// The function inside.
    public let base: any CatalogFunction

    /// `function`, or the function inside it if it is already erased.
    public init(_ function: any CatalogFunction) {
        base = (function as? AnyCatalogFunction)?.base ?? function
    }

    public var name: String { base.name }
    public var formula: String { base.formula }
    public var derivativeFormula: String { base.derivativeFormula }
    public var defaultPoints: [Double] { base.defaultPoints }
    public var lesson: String { base.lesson }
    public var asExpression: ExpressionFunction? { base.asExpression }

    public func callAsFunction<T: Scalar>(_ x: T) -> T { base(x) }
    public func derivative<T: Scalar>(_ x: T) -> T { base.derivative(x) }
}
