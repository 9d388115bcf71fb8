import RealModule

/// A value whose computation is recorded on a `Tape`: reverse-mode automatic differentiation.
///
/// A constant (an integer literal, or any value not derived from a tape variable) has no tape and
/// index −1; operations on constants alone are not recorded.
///
/// A value that differs from a recorded node by a constant factor or a constant term — c·t,
/// t + c, c − t, −t — is not recorded either: it names that node and carries the factor,
/// ∂value/∂node, in `scale`, which multiplies the partial of the first operation that records it
/// (the affine part of an expression, preaccumulated as CoDiPack's expression templates
/// preaccumulate a statement; Sagebaum, Albring & Gauger, ACM TOMS 45(4), 2019). Rosenbrock's
/// term 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)² takes six nodes so, not eight.
public struct Tracked<Value: Scalar> {
    public let value: Value
    /// The node on the tape this value was computed from, or −1 for a constant.
    public let index: Int32
    /// ∂value/∂node: 1 for a value recorded as a node of its own.
    @usableFromInline let scale: Value
    /// The storage of the tape this value was recorded on, not retained: values exist only inside
    /// `Tape.gradient(at:of:)` and `Tape.derivative(at:of:)`, while the tape does.
    @usableFromInline let tape: UnsafeMutablePointer<Tape<Value>.Storage>?

    @usableFromInline
    init(_ value: Value, index: Int32, tape: UnsafeMutablePointer<Tape<Value>.Storage>?, scale: Value = 1) {
        self.value = value
        self.index = index
        self.scale = scale
        self.tape = tape
    }

    /// A constant: recorded nowhere, derivative zero.
    @inlinable
    public init(constant value: Value) { self.init(value, index: -1, tape: nil) }

    /// The result of a one-input operation with local derivative `derivative`.
    @inlinable @inline(__always)
    func recorded(_ local: DerivativeRules.Local<Value>) -> Tracked {
        guard let tape else { return Tracked(constant: local.value) }
        return Tracked(local.value, index: tape.pointee.record(index, local.derivative * scale), tape: tape)
    }

    /// The result of a one-input operation whose derivative is 1/divisor: the backward pass
    /// divides the adjoint by it (`Tape.divisorIndex`), one rounding; a scaled input's partial
    /// is scale/divisor.
    @inlinable @inline(__always)
    func recorded(_ local: DerivativeRules.Quotient<Value>) -> Tracked {
        guard let tape else { return Tracked(constant: local.value) }
        let index = scale == 1 ? tape.pointee.record(divisor: local.divisor, of: self.index) : tape.pointee.record(self.index, scale / local.divisor)
        return Tracked(local.value, index: index, tape: tape)
    }

    /// The result of a two-input operation with partials `da` and `db` (with respect to a and b):
    /// one input where the other is a constant.
    @inlinable @inline(__always)
    static func recorded(_ value: Value, _ a: Tracked, _ da: Value, _ b: Tracked, _ db: Value) -> Tracked {
        if let tape = a.tape {
            let index = b.tape == nil ? tape.pointee.record(a.index, da * a.scale)
                : tape.pointee.record(a.index, da * a.scale, b.index, db * b.scale)
            return Tracked(value, index: index, tape: tape)
        }
        guard let tape = b.tape else { return Tracked(constant: value) }
        return Tracked(value, index: tape.pointee.record(b.index, db * b.scale), tape: tape)
    }

    /// a + b when `subtracting` is false, a − b when it is true. Two recorded inputs of scale 1
    /// make a node whose ±1 partials are implied (`TapeNodeKind`); other scales make a weighted
    /// node; with a constant on one side nothing is recorded (the value names the other's node).
    @inlinable @inline(__always)
    static func recordedSum(_ value: Value, _ a: Tracked, _ b: Tracked, subtracting: Bool) -> Tracked {
        typealias Kind = TapeNodeKind
        if let tape = a.tape {
            guard b.tape != nil else { return Tracked(value, index: a.index, tape: tape, scale: a.scale) }
            if a.scale == 1 && b.scale == 1 {
                return Tracked(value, index: tape.pointee.record(a.index, b.index, kind: subtracting ? Kind.difference : Kind.sum), tape: tape)
            }
            return Tracked(value, index: tape.pointee.record(a.index, a.scale, b.index, subtracting ? -b.scale : b.scale), tape: tape)
        }
        guard let tape = b.tape else { return Tracked(constant: value) }
        return Tracked(value, index: b.index, tape: tape, scale: subtracting ? -b.scale : b.scale)
    }

    /// One statement recorded as one node: its value and its local partials with respect to its
    /// tracked arguments, preaccumulated by hand or in dual numbers, so that its intermediates
    /// never reach the tape (statement-level taping: Adept, Hogan, ACM TOMS 40(4), 2014; CoDiPack).
    /// Constants among the arguments are left out.
    @inlinable
    public static func statement(_ value: Value, _ a: (Tracked, Value), _ b: (Tracked, Value)) -> Tracked {
        recorded(value, a.0, a.1, b.0, b.1)
    }

    /// A statement of one argument (`statement(_:_:_:)`).
    @inlinable
    public static func statement(_ value: Value, _ a: (Tracked, Value)) -> Tracked {
        guard let tape = a.0.tape else { return Tracked(constant: value) }
        return Tracked(value, index: tape.pointee.record(a.0.index, a.1 * a.0.scale), tape: tape)
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
    @inlinable @inline(__always)
    public static func + (a: Tracked, b: Tracked) -> Tracked { recordedSum(a.value + b.value, a, b, subtracting: false) }
    @inlinable @inline(__always)
    public static func - (a: Tracked, b: Tracked) -> Tracked { recordedSum(a.value - b.value, a, b, subtracting: true) }
}

extension Tracked: Numeric, SignedNumeric {
    @inlinable @inline(__always)
    public static func * (a: Tracked, b: Tracked) -> Tracked {
        let product = a.value * b.value
        if let tape = a.tape {
            guard b.tape != nil else { return Tracked(product, index: a.index, tape: tape, scale: a.scale * b.value) }
            // x·x: one input with partial 2x (exact), not the same input twice.
            if a.index == b.index {
                return Tracked(product, index: tape.pointee.record(a.index, b.value * a.scale + a.value * b.scale), tape: tape)
            }
            return recorded(product, a, b.value, b, a.value)
        }
        guard let tape = b.tape else { return Tracked(constant: product) }
        return Tracked(product, index: b.index, tape: tape, scale: a.value * b.scale)
    }
    @inlinable
    public static func *= (a: inout Tracked, b: Tracked) { a = a * b }
    @inlinable
    public static prefix func - (x: Tracked) -> Tracked { recordedSum(-x.value, 0, x, subtracting: true) }
}

extension Tracked: AlgebraicField {
    /// ∂(a/b)/∂a = 1/b, recorded as the divisor b (the adjoint is divided by it: one rounding);
    /// ∂(a/b)/∂b = −q/b with q = a/b: two roundings, where −q·(1/b) takes three (for the
    /// sigmoid, mean error 0.62 ulp against 0.74 over 8001 points of [−20, 20]).
    @inlinable
    public static func / (a: Tracked, b: Tracked) -> Tracked {
        let q = a.value / b.value
        if let tape = a.tape {
            let index: Int32
            if b.tape == nil {
                return a.recorded((value: q, divisor: b.value))
            } else if a.scale == 1 {
                index = tape.pointee.record(a.index, b.value, b.index, -(q / b.value) * b.scale, kind: TapeNodeKind.quotient)
            } else {
                index = tape.pointee.record(a.index, a.scale / b.value, b.index, -(q / b.value) * b.scale)
            }
            return Tracked(q, index: index, tape: tape)
        }
        guard let tape = b.tape else { return Tracked(constant: q) }
        return Tracked(q, index: tape.pointee.record(b.index, -(q / b.value) * b.scale), tape: tape)
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
