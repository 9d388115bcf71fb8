import RealModule

/// The local derivative of every elementary function, written once and used by both AD modes:
/// `Dual` multiplies it by the incoming tangent (forward mode), `Tracked` records it on the tape
/// for the backward pass (reverse mode). Each rule returns the function's value and its derivative
/// at `x`, so a value computed for one (tanh, exp, sqrt) is reused by the other.
///
/// Where a rule departs from the textbook form it says why: the aim is a derivative as accurate as
/// the working precision allows, since AD's whole error is rounding (Griewank & Walther,
/// *Evaluating Derivatives*, 2nd ed., §3.1 and Table 4.3).
///
/// A derivative that is a reciprocal, 1/d, is returned as its divisor d (`Quotient`), and the
/// chain rule divides by it — tangent/d, adjoint/d — as autograd's vector–Jacobian products do
/// (g/x for log, not g·(1/x)): one rounding fewer than multiplying by a rounded 1/d. On
/// log(1 + x)/x at 10⁻³ that rounding, in a term 2000 times the result, was 2048 ulps of it.
public enum DerivativeRules {
    /// f(x) and f′(x) together.
    public typealias Local<T> = (value: T, derivative: T)
    /// A local rule whose derivative is 1/divisor.
    public typealias Quotient<T> = (value: T, divisor: T)

    /// eˣ, and its derivative eˣ: the same value, computed once.
    @inlinable
    public static func exp<T: Scalar>(_ x: T) -> Local<T> {
        let e = T.exp(x)
        return (e, e)
    }

    /// eˣ − 1, and its derivative eˣ.
    @inlinable
    public static func expMinusOne<T: Scalar>(_ x: T) -> Local<T> { (T.expMinusOne(x), T.exp(x)) }
    /// cosh x, and its derivative sinh x.
    @inlinable
    public static func cosh<T: Scalar>(_ x: T) -> Local<T> { (T.cosh(x), T.sinh(x)) }
    /// sinh x, and its derivative cosh x.
    @inlinable
    public static func sinh<T: Scalar>(_ x: T) -> Local<T> { (T.sinh(x), T.cosh(x)) }

    /// 1/cosh² x, not the textbook 1 − tanh² x: as tanh x → 1 the subtraction cancels every
    /// correct digit (at x = 10 in Double, 1 − tanh² is off by 4.5e7 ulps), while cosh has no
    /// cancellation. Where cosh overflows the true derivative has underflowed anyway.
    @inlinable
    public static func tanh<T: Scalar>(_ x: T) -> Quotient<T> {
        let c = T.cosh(x)
        return (T.tanh(x), c * c)
    }

    /// cos x, and its derivative −sin x.
    @inlinable
    public static func cos<T: Scalar>(_ x: T) -> Local<T> { (T.cos(x), -T.sin(x)) }
    /// sin x, and its derivative cos x.
    @inlinable
    public static func sin<T: Scalar>(_ x: T) -> Local<T> { (T.sin(x), T.cos(x)) }

    /// tan x, and its derivative 1 + tan² x.
    @inlinable
    public static func tan<T: Scalar>(_ x: T) -> Local<T> {
        let t = T.tan(x)
        return (t, 1 + t * t)
    }

    /// log x, and the divisor of its derivative 1/x.
    @inlinable
    public static func log<T: Scalar>(_ x: T) -> Quotient<T> { (T.log(x), x) }
    /// log(1 + x), and the divisor of its derivative 1/(1 + x).
    @inlinable
    public static func logOnePlus<T: Scalar>(_ x: T) -> Quotient<T> { (T.log(onePlus: x), 1 + x) }

    /// d/dx acosh x = 1/√((x−1)(x+1)); the factored radicand keeps accuracy near x = 1. Where
    /// the radicand overflows (x > 1.3e154 in Double) the divisor is +inf though x is not: there
    /// it is x·√((1−r)(1+r)) with r = 1/x.
    @inlinable
    public static func acosh<T: Scalar>(_ x: T) -> Quotient<T> {
        let divisor = T.sqrt((x - 1) * (x + 1))
        guard 1 / divisor == 0 else { return (T.acosh(x), divisor) }
        let r = 1 / x
        return (T.acosh(x), x * T.sqrt((1 - r) * (1 + r)))
    }

    /// d/dx asinh x = 1/√(x² + 1), or 1/(|x|·√(1 + r²)) with r = 1/x where x² overflows.
    @inlinable
    public static func asinh<T: Scalar>(_ x: T) -> Quotient<T> {
        let divisor = T.sqrt(x * x + 1)
        guard 1 / divisor == 0 else { return (T.asinh(x), divisor) }
        let r = 1 / x, magnitude = T.absolute(x)
        return (T.asinh(x), magnitude * T.sqrt(1 + r * r))
    }
    /// atanh x, and the divisor of its derivative 1/((1 − x)(1 + x)).
    @inlinable
    public static func atanh<T: Scalar>(_ x: T) -> Quotient<T> { (T.atanh(x), (1 - x) * (1 + x)) }
    /// acos x, and the divisor of its derivative −1/√((1 − x)(1 + x)).
    @inlinable
    public static func acos<T: Scalar>(_ x: T) -> Quotient<T> { (T.acos(x), -T.sqrt((1 - x) * (1 + x))) }
    /// asin x, and the divisor of its derivative 1/√((1 − x)(1 + x)).
    @inlinable
    public static func asin<T: Scalar>(_ x: T) -> Quotient<T> { (T.asin(x), T.sqrt((1 - x) * (1 + x))) }
    /// atan x, and the divisor of its derivative 1/(1 + x²).
    @inlinable
    public static func atan<T: Scalar>(_ x: T) -> Quotient<T> { (T.atan(x), 1 + x * x) }

    /// σ′ = σ(x)·σ(−x), formed by the number system (`Scalar.sigmoidDerivative`).
    @inlinable
    public static func sigmoid<T: Scalar>(_ x: T) -> Local<T> { (T.sigmoid(x), T.sigmoidDerivative(x)) }
    /// softplus x, and its derivative σ(x).
    @inlinable
    public static func softplus<T: Scalar>(_ x: T) -> Local<T> { (T.softplus(x), T.sigmoid(x)) }

    /// √x, and the divisor of its derivative 1/(2√x).
    @inlinable
    public static func sqrt<T: Scalar>(_ x: T) -> Quotient<T> {
        let r = T.sqrt(x)
        return (r, 2 * r)
    }

    /// x^n for an integer n: n·x^(n−1), with x^(n−1) from `pow(_:_: Int)` so no logarithm is taken
    /// (a logarithm would make the rule fail at x ≤ 0, where x^n is perfectly defined).
    @inlinable
    public static func pow<T: Scalar>(_ x: T, _ n: Int) -> Local<T> {
        if n == 0 { return (1, 0) }
        return (T.pow(x, n), T(exactly: n)! * T.pow(x, n - 1))
    }

    /// x^(1/n): its derivative is x^(1/n) / (n·x).
    @inlinable
    public static func root<T: Scalar>(_ x: T, _ n: Int) -> Local<T> {
        let r = T.root(x, n)
        return (r, r / (T(exactly: n)! * x))
    }

    /// hypot(a, b) with ∂/∂a = a/h and ∂/∂b = b/h (h = hypot(a, b)): autograd's rule, quotients
    /// of the value rather than anything squared.
    @inlinable
    public static func hypot<T: Scalar>(_ a: T, _ b: T) -> (value: T, da: T, db: T) {
        let h = T.hypot(a, b)
        return (h, a / h, b / h)
    }

    /// x^y as a function of both: ∂/∂x = y·x^(y−1), ∂/∂y = x^y·log x.
    /// The y-partial is only formed when y varies: log x is NaN for x < 0, where x^y with a
    /// constant integer-valued y is still defined.
    @inlinable
    public static func pow<T: Scalar>(_ x: T, _ y: T, yVaries: Bool) -> (value: T, dx: T, dy: T) {
        let z = T.pow(x, y)
        return (z, y * T.pow(x, y - 1), yVaries ? z * T.log(x) : 0)
    }
}
