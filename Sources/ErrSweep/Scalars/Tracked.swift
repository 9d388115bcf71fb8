import RealModule

/// A value whose computation is recorded on a `Tape`: reverse-mode automatic differentiation.
///
/// A constant (an integer literal, or any value not derived from a tape variable) has no tape and
/// index −1; operations on constants alone are not recorded.
public struct Tracked<Value: Scalar> {
    public let value: Value
    /// This value's node on the tape, or −1 for a constant.
    public let index: Int32
    /// The storage of the tape this value was recorded on, not retained: values exist only inside
    /// `Tape.gradient(at:of:)` and `Tape.derivative(at:of:)`, while the tape does.
    @usableFromInline let tape: UnsafeMutablePointer<Tape<Value>.Storage>?

    @usableFromInline
    init(_ value: Value, index: Int32, tape: UnsafeMutablePointer<Tape<Value>.Storage>?) {
        self.value = value
        self.index = index
        self.tape = tape
    }

    /// A constant: recorded nowhere, derivative zero.
    @inlinable
    public init(constant value: Value) { self.init(value, index: -1, tape: nil) }

    /// The result of a one-input operation with local derivative `derivative`.
    @inlinable @inline(__always)
    func recorded(_ local: DerivativeRules.Local<Value>) -> Tracked {
        guard let tape else { return Tracked(constant: local.value) }
        return Tracked(local.value, index: tape.pointee.record(index, local.derivative, -1, 0), tape: tape)
    }

    /// The result of a one-input operation whose derivative is 1/divisor: the backward pass
    /// divides the adjoint by it (`Tape.divisorIndex`).
    @inlinable @inline(__always)
    func recorded(_ local: DerivativeRules.Quotient<Value>) -> Tracked {
        guard let tape, index >= 0 else { return Tracked(constant: local.value) }
        return Tracked(local.value, index: tape.pointee.record(Tape<Value>.divisorIndex(index), local.divisor, -1, 0), tape: tape)
    }

    /// The result of a two-input operation with partials `da` and `db`.
    @inlinable @inline(__always)
    static func recorded(_ value: Value, _ a: Tracked, _ da: Value, _ b: Tracked, _ db: Value) -> Tracked {
        guard let tape = a.tape ?? b.tape else { return Tracked(constant: value) }
        return Tracked(value, index: tape.pointee.record(a.index, da, b.index, db), tape: tape)
    }
}

extension Tracked: Equatable {
    /// Compares values only: two values are equal whatever computations produced them.
    @inlinable
    public static func == (a: Tracked, b: Tracked) -> Bool { a.value == b.value }
}

extension Tracked: ExpressibleByIntegerLiteral {
    /// Through Double, as `Dual`'s literals.
    @inlinable
    public init(integerLiteral literal: Int) { self.init(constant: Value(double: Double(literal))) }
}

extension Tracked: AdditiveArithmetic {
    @inlinable
    public static var zero: Tracked { Tracked(constant: 0) }
    @inlinable
    public static func + (a: Tracked, b: Tracked) -> Tracked { recorded(a.value + b.value, a, 1, b, 1) }
    @inlinable
    public static func - (a: Tracked, b: Tracked) -> Tracked { recorded(a.value - b.value, a, 1, b, -1) }
}

extension Tracked: Numeric, SignedNumeric {
    @inlinable
    public init?<Source: BinaryInteger>(exactly source: Source) {
        guard let value = Value(exactly: source) else { return nil }
        self.init(constant: value)
    }

    @inlinable
    public var magnitude: Value.Magnitude { value.magnitude }
    @inlinable
    public static func * (a: Tracked, b: Tracked) -> Tracked { recorded(a.value * b.value, a, b.value, b, a.value) }
    @inlinable
    public static func *= (a: inout Tracked, b: Tracked) { a = a * b }
    @inlinable
    public static prefix func - (x: Tracked) -> Tracked { x.recorded((value: -x.value, derivative: -1)) }
}

extension Tracked: AlgebraicField {
    /// ∂(a/b)/∂a = 1/b, recorded as the divisor b (the adjoint is divided by it: one rounding);
    /// ∂(a/b)/∂b = −q/b with q = a/b: two roundings, where −q·(1/b) takes three (for the
    /// sigmoid, mean error 0.62 ulp against 0.74 over 8001 points of [−20, 20]).
    @inlinable
    public static func / (a: Tracked, b: Tracked) -> Tracked {
        let q = a.value / b.value
        guard let tape = a.tape ?? b.tape else { return Tracked(constant: q) }
        let first = a.index >= 0 ? Tape<Value>.divisorIndex(a.index) : -1
        return Tracked(q, index: tape.pointee.record(first, b.value, b.index, -(q / b.value)), tape: tape)
    }

    @inlinable
    public static func /= (a: inout Tracked, b: Tracked) { a = a / b }

    @inlinable
    public var reciprocal: Tracked? {
        guard let r = value.reciprocal else { return nil }
        return recorded((value: r, derivative: -r * r))
    }
}

extension Tracked: ElementaryFunctions {
    @inlinable
    public static func exp(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.exp(x.value)) }
    @inlinable
    public static func expMinusOne(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.expMinusOne(x.value)) }
    @inlinable
    public static func cosh(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.cosh(x.value)) }
    @inlinable
    public static func sinh(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.sinh(x.value)) }
    @inlinable
    public static func tanh(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.tanh(x.value)) }
    @inlinable
    public static func sigmoid(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.sigmoid(x.value)) }
    @inlinable
    public static func softplus(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.softplus(x.value)) }
    @inlinable
    public static func cos(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.cos(x.value)) }
    @inlinable
    public static func sin(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.sin(x.value)) }
    @inlinable
    public static func tan(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.tan(x.value)) }
    @inlinable
    public static func log(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.log(x.value)) }
    @inlinable
    public static func log(onePlus x: Tracked) -> Tracked { x.recorded(DerivativeRules.logOnePlus(x.value)) }
    @inlinable
    public static func acosh(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.acosh(x.value)) }
    @inlinable
    public static func asinh(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.asinh(x.value)) }
    @inlinable
    public static func atanh(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.atanh(x.value)) }
    @inlinable
    public static func acos(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.acos(x.value)) }
    @inlinable
    public static func asin(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.asin(x.value)) }
    @inlinable
    public static func atan(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.atan(x.value)) }
    @inlinable
    public static func sqrt(_ x: Tracked) -> Tracked { x.recorded(DerivativeRules.sqrt(x.value)) }
    @inlinable
    public static func pow(_ x: Tracked, _ n: Int) -> Tracked { x.recorded(DerivativeRules.pow(x.value, n)) }
    @inlinable
    public static func root(_ x: Tracked, _ n: Int) -> Tracked { x.recorded(DerivativeRules.root(x.value, n)) }

    @inlinable
    public static func hypot(_ a: Tracked, _ b: Tracked) -> Tracked {
        let local = DerivativeRules.hypot(a.value, b.value)
        return recorded(local.value, a, local.da, b, local.db)
    }

    @inlinable
    public static func pow(_ x: Tracked, _ y: Tracked) -> Tracked {
        let local = DerivativeRules.pow(x.value, y.value, yVaries: y.index >= 0)
        return recorded(local.value, x, local.dx, y, local.dy)
    }
}
