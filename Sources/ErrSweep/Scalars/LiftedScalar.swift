/// A number system that carries a number of an underlying one (`value`) with more beside it — a
/// dual number's tangent, a chunk's tangents, a Taylor series' coefficients — and is ordered,
/// rounded and read as that number is: a literal, a constant or an integer enters as the value
/// with nothing beside it, and comparisons and signs are the value's.
///
/// The shared half of `Numeric` and `Scalar` for such systems, written once, as swift-numerics
/// writes `Real`'s defaults once for every conforming type.
public protocol LiftedScalar: Scalar {
    /// The underlying number system.
    associatedtype Value: Scalar

    /// `value` with nothing beside it (zero tangents, a series of degree 0).
    init(lifting value: Value)

    /// The number the system carries.
    var value: Value { get }
}

extension LiftedScalar {
    @inlinable
    public init?<Source: BinaryInteger>(exactly source: Source) {
        guard let value = Value(exactly: source) else { return nil }
        self.init(lifting: value)
    }

    /// The magnitude of the value: the system has no ordering of its own.
    @inlinable
    public var magnitude: Value.Magnitude { value.magnitude }

    @inlinable
    public init(decimalSignificand significand: Int, exponent: Int) {
        self.init(lifting: Value(decimalSignificand: significand, exponent: exponent))
    }

    @inlinable @inline(__always)
    public init(double value: Double) { self.init(lifting: Value(double: value)) }

    @inlinable
    public init(constant: MathematicalConstant) { self.init(lifting: Value(constant: constant)) }

    /// The value's sign.
    @inlinable
    public static func isNegative(_ x: Self) -> Bool { Value.isNegative(x.value) }

    /// The values' order.
    @inlinable
    public static func isLess(_ a: Self, _ b: Self) -> Bool { Value.isLess(a.value, b.value) }
}
