import RealModule

/// A dual number v + t·ε with ε² = 0: forward-mode automatic differentiation.
///
/// Evaluating f at `Dual(x, tangent: 1)` gives f(x) in `value` and f′(x) in `tangent`, in one pass
/// and with no truncation error: each operation applies the chain rule to the tangent exactly
/// (`DerivativeRules`), so the only error is the working precision's rounding. Duals nest:
/// `Dual<Dual<T>>` carries second derivatives.
public struct Dual<Value: Scalar> {
    public var value: Value
    public var tangent: Value

    /// The value with its tangent: 1 seeds the variable differentiated in, 0 a constant.
    @inlinable
    public init(_ value: Value, tangent: Value = 0) {
        self.value = value
        self.tangent = tangent
    }

    /// Applies a local rule's result: its value, and its derivative times the incoming tangent.
    @inlinable @inline(__always)
    func chained(_ local: DerivativeRules.Local<Value>) -> Dual {
        Dual(local.value, tangent: local.derivative * tangent)
    }

    /// Applies a rule whose derivative is a reciprocal: the tangent divided by its divisor.
    @inlinable @inline(__always)
    func chained(_ local: DerivativeRules.Quotient<Value>) -> Dual {
        Dual(local.value, tangent: tangent / local.divisor)
    }
}

extension Dual: Equatable {}
extension Dual: Sendable where Value: Sendable {}

extension Dual: ExpressibleByIntegerLiteral {
    /// Through Double: exact for every literal up to 2⁵³, and a concrete conversion where
    /// `Value(exactly:)` is a generic one that costs more than the arithmetic around it.
    @inlinable
    public init(integerLiteral literal: Int) { self.init(Value(double: Double(literal))) }
}

extension Dual: AdditiveArithmetic {
    @inlinable
    public static var zero: Dual { Dual(0) }

    @inlinable
    public static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, tangent: a.tangent + b.tangent) }
    @inlinable
    public static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, tangent: a.tangent - b.tangent) }
}

extension Dual: Numeric, SignedNumeric {
    @inlinable
    public static func * (a: Dual, b: Dual) -> Dual {
        Dual(a.value * b.value, tangent: a.tangent * b.value + a.value * b.tangent)
    }

    @inlinable
    public static func *= (a: inout Dual, b: Dual) { a = a * b }
    @inlinable
    public static prefix func - (x: Dual) -> Dual { Dual(-x.value, tangent: -x.tangent) }
}

extension Dual: AlgebraicField {
    /// (a/b)′ = (a′ − q·b′)/b with q = a/b: reuses the quotient, one division fewer than the
    /// textbook (a′b − ab′)/b².
    ///
    /// When a is constant (1/u, as in the sigmoid) the tangent is −a·(b′/b)/b instead: two
    /// roundings rather than three, and no b² to overflow. Measured for 1/(1+e^(−x)) at 8001 points
    /// of [−20, 20] against MPFR: mean error 0.56 ulp, versus 0.60 for the general form and 0.59
    /// for −b′/b²; more than 1 ulp at 6.8% of the points (7.7%). No form stays within 1 ulp
    /// everywhere: the rounding of u itself already costs up to one.
    @inlinable
    public static func / (a: Dual, b: Dual) -> Dual {
        let q = a.value / b.value
        if a.tangent == 0 {
            return Dual(q, tangent: -(a.value * (b.tangent / b.value)) / b.value)
        }
        return Dual(q, tangent: (a.tangent - q * b.tangent) / b.value)
    }

    @inlinable
    public static func /= (a: inout Dual, b: Dual) { a = a / b }

    @inlinable
    public var reciprocal: Dual? {
        guard let r = value.reciprocal else { return nil }
        return Dual(r, tangent: -(tangent * r) * r)
    }
}

extension Dual: ElementaryFunctions {
    @inlinable
    public static func exp(_ x: Dual) -> Dual { x.chained(DerivativeRules.exp(x.value)) }
    @inlinable
    public static func expMinusOne(_ x: Dual) -> Dual { x.chained(DerivativeRules.expMinusOne(x.value)) }
    @inlinable
    public static func cosh(_ x: Dual) -> Dual { x.chained(DerivativeRules.cosh(x.value)) }
    @inlinable
    public static func sinh(_ x: Dual) -> Dual { x.chained(DerivativeRules.sinh(x.value)) }
    @inlinable
    public static func tanh(_ x: Dual) -> Dual { x.chained(DerivativeRules.tanh(x.value)) }
    @inlinable
    public static func sigmoid(_ x: Dual) -> Dual { x.chained(DerivativeRules.sigmoid(x.value)) }
    @inlinable
    public static func softplus(_ x: Dual) -> Dual { x.chained(DerivativeRules.softplus(x.value)) }
    @inlinable
    public static func cos(_ x: Dual) -> Dual { x.chained(DerivativeRules.cos(x.value)) }
    @inlinable
    public static func sin(_ x: Dual) -> Dual { x.chained(DerivativeRules.sin(x.value)) }
    @inlinable
    public static func tan(_ x: Dual) -> Dual { x.chained(DerivativeRules.tan(x.value)) }
    @inlinable
    public static func log(_ x: Dual) -> Dual { x.chained(DerivativeRules.log(x.value)) }
    @inlinable
    public static func log(onePlus x: Dual) -> Dual { x.chained(DerivativeRules.logOnePlus(x.value)) }
    @inlinable
    public static func acosh(_ x: Dual) -> Dual { x.chained(DerivativeRules.acosh(x.value)) }
    @inlinable
    public static func asinh(_ x: Dual) -> Dual { x.chained(DerivativeRules.asinh(x.value)) }
    @inlinable
    public static func atanh(_ x: Dual) -> Dual { x.chained(DerivativeRules.atanh(x.value)) }
    @inlinable
    public static func acos(_ x: Dual) -> Dual { x.chained(DerivativeRules.acos(x.value)) }
    @inlinable
    public static func asin(_ x: Dual) -> Dual { x.chained(DerivativeRules.asin(x.value)) }
    @inlinable
    public static func atan(_ x: Dual) -> Dual { x.chained(DerivativeRules.atan(x.value)) }
    @inlinable
    public static func sqrt(_ x: Dual) -> Dual { x.chained(DerivativeRules.sqrt(x.value)) }
    @inlinable
    public static func pow(_ x: Dual, _ n: Int) -> Dual { x.chained(DerivativeRules.pow(x.value, n)) }
    @inlinable
    public static func root(_ x: Dual, _ n: Int) -> Dual { x.chained(DerivativeRules.root(x.value, n)) }

    @inlinable
    public static func hypot(_ a: Dual, _ b: Dual) -> Dual {
        let local = DerivativeRules.hypot(a.value, b.value)
        return Dual(local.value, tangent: local.da * a.tangent + local.db * b.tangent)
    }

    @inlinable
    public static func pow(_ x: Dual, _ y: Dual) -> Dual {
        let local = DerivativeRules.pow(x.value, y.value, yVaries: y.tangent != 0)
        return Dual(local.value, tangent: local.dx * x.tangent + local.dy * y.tangent)
    }
}
