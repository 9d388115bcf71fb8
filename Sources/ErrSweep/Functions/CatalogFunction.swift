/// A function of one variable that errsweep knows by name, with its derivative derived by hand.
///
/// `callAsFunction` is written once, generically, and evaluated in every method's number system;
/// `derivative` is the analytic derivative, evaluated in `BigFloat` for the truth. Derivatives are
/// written in forms that do not cancel (e^(−x)/(1+e^(−x))² rather than σ(1−σ)), because a truth
/// that cancels to zero at every precision would pass the two-precision check and still be wrong.
public protocol CatalogFunction: Sendable {
    /// The name used on the command line.
    var name: String { get }
    /// f(x) as a formula.
    var formula: String { get }
    /// f′(x) as a formula.
    var derivativeFormula: String { get }
    /// The points swept when none are given.
    var defaultPoints: [Double] { get }
    /// Why this function is worth sweeping.
    var lesson: String { get }

    /// The parsed expression, when the function is one (`ExpressionFunction`); nil for a function
    /// written in Swift.
    var asExpression: ExpressionFunction? { get }

    /// f(x), written once and evaluated in every number system.
    func callAsFunction<T: Scalar>(_ x: T) -> T
    /// f′(x), the analytic derivative, evaluated in `BigFloat` for the truth.
    func derivative<T: Scalar>(_ x: T) -> T
}

extension CatalogFunction {
    public var asExpression: ExpressionFunction? { nil }
}

extension CatalogFunction {
    /// What the function is called in a formula: its name, or `f` for an expression.
    public var symbol: String { asExpression != nil ? "f" : name }

    /// What titles call it: its name, or its formula for an expression (shortened past 60
    /// characters).
    public var title: String {
        guard asExpression != nil else { return name }
        return formula.count <= 60 ? formula : String(formula.prefix(57)) + "…"
    }
}

extension CatalogFunction {
    /// f(x) in MPFR, rounded to x's precision, with every literal and constant entering at that
    /// precision too (`BigFloat.withLiteralPrecision`).
    public func exactValue(at x: BigFloat) -> BigFloat {
        BigFloat.withLiteralPrecision(x.precision) { self(x) }
    }

    /// f′(x) in MPFR, rounded to x's precision, literals and constants at that precision.
    public func exactDerivative(at x: BigFloat) -> BigFloat {
        BigFloat.withLiteralPrecision(x.precision) { derivative(x) }
    }
}
