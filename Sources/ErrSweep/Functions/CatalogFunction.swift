/// A function of one variable that errsweep knows by name, with its derivative derived by hand.
///
/// `callAsFunction` is written once, generically, and evaluated in every method's number system;
/// `derivative` is the analytic derivative, evaluated in `Ball` for the proved truth. Derivatives are
/// written in forms that do not cancel (e^(−x)/(1+e^(−x))² rather than σ(1−σ)), because a truth
/// that cancels to zero needs far more bits to prove than one that does not.
///
/// It refines `ScalarFunction` — a function written once over the scalar, with a name and perhaps
/// a written derivative — with the catalog's texts and points and a derivative it always has.
public protocol CatalogFunction: ScalarFunction {
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

    /// f′(x), the analytic derivative, evaluated in `BigFloat` for the truth.
    func derivative<T: Scalar>(_ x: T) -> T
    /// f⁽ᴷ⁾(x), K = 1…4, for the truth of `--derivative K`. By default the hand-written f′
    /// differentiated K − 1 more times in nested duals; an expression differentiates itself
    /// symbolically K times.
    func derivative<T: Scalar>(_ x: T, order k: Int) -> T
}

extension CatalogFunction {
    public func derivative<T: Scalar>(_ x: T, order k: Int) -> T {
        k == 1 ? derivative(x) : AutomaticDerivative.forward(derivative: k - 1, of: FirstDerivative(function: self), at: x)
    }
}

/// f′ as a function in its own right, to be differentiated again.
struct FirstDerivative<Function: CatalogFunction>: GenericFunction {
    let function: Function
    func callAsFunction<T: Scalar>(_ x: T) -> T { function.derivative(x) }
}

extension CatalogFunction {
    public var asExpression: ExpressionFunction? { nil }

    /// A catalog function's derivative is always written: seen as a `ScalarFunction`, it has one.
    public func derivative<T: Scalar>(_ x: T) -> T? { derivative(x) as T }
}

extension CatalogFunction {
    /// What the function is called in a formula: its name, or `f` for an expression.
    public var symbol: String { asExpression != nil ? "f" : name }

    /// f⁽ᴷ⁾ as a line of a report: the formula of the truth a sweep of the K-th derivative
    /// measures against — the symbolic K-th derivative of an expression, and for a catalog
    /// function its hand-written f′ differentiated again.
    public func derivativeLine(order k: Int) -> String {
        let d = NumberFormat.derivative(k)
        if k == 1 { return "\(d)(x) = \(derivativeFormula)" }
        if let expression = asExpression {
            let formula = expression.derivativeExpression(order: k).description
            return "\(d)(x) = " + (formula.count <= 300 ? formula : String(formula.prefix(297)) + "…")
        }
        return "\(d)(x): the hand-written f′(x) = \(derivativeFormula), differentiated \(k == 2 ? "once" : k == 3 ? "twice" : "\(k - 1) times") more in dual numbers"
    }

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

    /// f⁽ᴷ⁾(x) in MPFR (`derivative(_:order:)`), literals and constants at x's precision.
    public func exactDerivative(at x: BigFloat, order k: Int) -> BigFloat {
        BigFloat.withLiteralPrecision(x.precision) { derivative(x, order: k) }
    }
}

extension CatalogFunction {
    /// f(x) enclosed in a ball, x exact, the arithmetic and every literal and constant at
    /// `precision` bits.
    public func valueBall(at x: BigFloat, precision: Int) -> Ball {
        BigFloat.withLiteralPrecision(precision) { self(Ball(x, precision: precision)) }
    }

    /// f⁽ᴷ⁾(x) enclosed in a ball (`derivative(_:order:)` evaluated in `Ball`), x exact, at
    /// `precision` bits.
    public func derivativeBall(at x: BigFloat, order k: Int = 1, precision: Int) -> Ball {
        BigFloat.withLiteralPrecision(precision) { derivative(Ball(x, precision: precision), order: k) }
    }
}
