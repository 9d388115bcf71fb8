import ErrSweep

/// The softsign activation x/(1 + |x|), written once for every number system errsweep uses.
public struct Softsign: ScalarFunction {
    public init() {}
    public var name: String { "softsign" }
    public var formula: String { "x/(1 + |x|)" }

    public func callAsFunction<T: Scalar>(_ x: T) -> T {
        let magnitude = T.isNegative(x) ? -x : x
        return x / (1 + magnitude)
    }

    /// Its derivative, by hand: 1/(1 + |x|)². `ErrSweep.sweep` checks it against forward AD in
    /// MPFR at every point it sweeps.
    public func derivative<T: Scalar>(_ x: T) -> T? {
        let onePlusMagnitude = 1 + (T.isNegative(x) ? -x : x)
        return 1 / (onePlusMagnitude * onePlusMagnitude)
    }
}
