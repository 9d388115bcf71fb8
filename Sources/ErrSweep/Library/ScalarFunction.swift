/// A function of one variable written once, generically, for every number system errsweep
/// measures in: all another package must write to have its own function swept or its derivative
/// checked. Name and formula are optional.
///
///     struct Softsign: ScalarFunction {
///         func callAsFunction<T: Scalar>(_ x: T) -> T { x / (1 + (T.isNegative(x) ? -x : x)) }
///     }
///
/// The exact derivative errsweep measures against is forward AD evaluated in ball arithmetic —
/// `Dual` of `Ball` — kept only when the whole ball rounds to one working value (`Truth`),
/// so no derivative needs to be written by hand. One that is written (`derivative`) is checked
/// against that truth by `sweep(_:at:steps:methods:precisions:derivative:)`.
///
/// It refines `GenericFunction` — f over any `Scalar`, all that AD and the complex step need —
/// with a name and a written derivative, as `CatalogFunction` refines it with the catalog's texts
/// and points.
public protocol ScalarFunction: GenericFunction, Sendable {
    /// What reports call the function; "f" unless given.
    var name: String { get }
    /// f(x) as a formula, for reports; the name unless given.
    var formula: String { get }
    /// f′(x) written by hand, if the function has one; nil (the default) if not. The truth stays
    /// forward AD in MPFR; a written derivative is checked against it, point by point.
    func derivative<T: Scalar>(_ x: T) -> T?
}

extension ScalarFunction {
    public var name: String { "f" }
    public var formula: String { name }
    public func derivative<T: Scalar>(_ x: T) -> T? { nil }
}

/// A `ScalarFunction` as errsweep's engine takes a function: its derivative by forward AD, which
/// in `BigFloat` is the truth.
struct AutomaticallyDifferentiated<Function: ScalarFunction>: CatalogFunction {
    let function: Function

    var name: String { function.name }
    var formula: String { function.formula }
    var derivativeFormula: String { "forward AD of \(function.formula), in MPFR" }
    var defaultPoints: [Double] { [0, 1] }
    var lesson: String { "" }

    func callAsFunction<T: Scalar>(_ x: T) -> T { function(x) }
    func derivative<T: Scalar>(_ x: T) -> T { AutomaticDerivative.forward(of: { function($0) }, at: x) }
}
