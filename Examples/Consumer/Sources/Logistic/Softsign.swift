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

    /// Its derivative, by hand: 1/(1 + |x|)².
    public static func derivative(_ x: Double) -> Double {
        1 / ((1 + abs(x)) * (1 + abs(x)))
    }
}
