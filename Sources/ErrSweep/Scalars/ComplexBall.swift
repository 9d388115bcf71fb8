import CMultiprecision
import RealModule

/// A complex ball: a real and an imaginary `Ball`, backed by Arb's `acb_t`, enclosing the exact
/// value of the complex computation that made it.
///
/// The proved truth of the complex step (Im f(x + ih)/h in exact arithmetic) and of the audit's
/// complex parts. Each elementary function is Arb's, on the principal branch, enclosing the exact
/// result over the whole argument box; a box that straddles a branch cut gives a part too wide to
/// round, which is evaluated again at more bits or refused, never settled by a side picked at
/// random.
public struct ComplexBall: @unchecked Sendable {
    /// Owns one initialised `acb_t`.
    final class Storage {
        let pointer: UnsafeMutablePointer<acb_struct>

        init() {
            pointer = .allocate(capacity: 1)
            acb_init(pointer)
        }

        deinit {
            acb_clear(pointer)
            pointer.deallocate()
        }
    }

    let storage: Storage
    /// The working precision, in bits, of operations on this ball.
    public let precision: Int

    init(precision: Int, _ initialise: (UnsafeMutablePointer<acb_struct>) -> Void) {
        storage = Storage()
        self.precision = max(precision, 2)
        initialise(storage.pointer)
    }

    var pointer: UnsafeMutablePointer<acb_struct> { storage.pointer }

    /// real + i·imaginary.
    public init(_ real: Ball, _ imaginary: Ball) {
        self.init(precision: max(real.precision, imaginary.precision)) { acb_set_arb_arb($0, real.pointer, imaginary.pointer) }
    }

    /// x + iy with both parts exact, at `precision` bits.
    public init(_ x: BigFloat, _ y: BigFloat, precision: Int) {
        self.init(Ball(x, precision: precision), Ball(y, precision: precision))
    }

    /// `value` exactly.
    public init(_ value: Int) {
        self.init(Ball(value), Ball(0))
    }

    /// The real part's ball.
    public var real: Ball { Ball(precision: precision) { arb_set($0, cacb_real(pointer)) } }
    /// The imaginary part's ball.
    public var imaginary: Ball { Ball(precision: precision) { arb_set($0, cacb_imaginary(pointer)) } }

    typealias Binary = (acb_ptr?, acb_srcptr?, acb_srcptr?, Int) -> Void
    typealias Unary = (acb_ptr?, acb_srcptr?, Int) -> Void

    static func apply(_ op: Binary, _ a: ComplexBall, _ b: ComplexBall) -> ComplexBall {
        let precision = max(a.precision, b.precision)
        return ComplexBall(precision: precision) { op($0, a.pointer, b.pointer, precision) }
    }

    static func apply(_ op: Unary, _ z: ComplexBall) -> ComplexBall {
        ComplexBall(precision: z.precision) { op($0, z.pointer, z.precision) }
    }

    /// The smallest box Arb forms around both a and b.
    public static func union(_ a: ComplexBall, _ b: ComplexBall) -> ComplexBall { apply(acb_union, a, b) }
}

extension ComplexBall: Equatable {
    /// The same box: equal midpoints and radii in both parts.
    public static func == (a: ComplexBall, b: ComplexBall) -> Bool { acb_equal(a.pointer, b.pointer) != 0 }
}

extension ComplexBall: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension ComplexBall: AdditiveArithmetic {
    public static var zero: ComplexBall { ComplexBall(0) }
    public static func + (a: ComplexBall, b: ComplexBall) -> ComplexBall { apply(acb_add, a, b) }
    public static func - (a: ComplexBall, b: ComplexBall) -> ComplexBall { apply(acb_sub, a, b) }
}

extension ComplexBall: Numeric, SignedNumeric {
    public init?<Source: BinaryInteger>(exactly source: Source) {
        guard let value = Int(exactly: source) else { return nil }
        self.init(value)
    }

    public var magnitude: Ball { Ball(precision: precision) { acb_abs($0, pointer, precision) } }
    public static func * (a: ComplexBall, b: ComplexBall) -> ComplexBall { apply(acb_mul, a, b) }
    public static func *= (a: inout ComplexBall, b: ComplexBall) { a = a * b }
    public static prefix func - (z: ComplexBall) -> ComplexBall { ComplexBall(precision: z.precision) { acb_neg($0, z.pointer) } }
}

extension ComplexBall: AlgebraicField {
    public static func / (a: ComplexBall, b: ComplexBall) -> ComplexBall { apply(acb_div, a, b) }
    public static func /= (a: inout ComplexBall, b: ComplexBall) { a = a / b }
    public var reciprocal: ComplexBall? { acb_is_zero(pointer) != 0 ? nil : 1 / self }
}

/// Arb's complex functions, principal branches, each enclosing the exact function over the box.
extension ComplexBall: ElementaryFunctions {
    public static func exp(_ z: ComplexBall) -> ComplexBall { apply(acb_exp, z) }
    public static func expMinusOne(_ z: ComplexBall) -> ComplexBall { apply(acb_expm1, z) }
    public static func cosh(_ z: ComplexBall) -> ComplexBall { apply(acb_cosh, z) }
    public static func sinh(_ z: ComplexBall) -> ComplexBall { apply(acb_sinh, z) }
    public static func tanh(_ z: ComplexBall) -> ComplexBall { apply(acb_tanh, z) }
    public static func cos(_ z: ComplexBall) -> ComplexBall { apply(acb_cos, z) }
    public static func sin(_ z: ComplexBall) -> ComplexBall { apply(acb_sin, z) }
    public static func tan(_ z: ComplexBall) -> ComplexBall { apply(acb_tan, z) }
    public static func log(_ z: ComplexBall) -> ComplexBall { apply(acb_log, z) }
    public static func log(onePlus z: ComplexBall) -> ComplexBall { apply(acb_log1p, z) }
    public static func acosh(_ z: ComplexBall) -> ComplexBall { apply(acb_acosh, z) }
    public static func asinh(_ z: ComplexBall) -> ComplexBall { apply(acb_asinh, z) }
    public static func atanh(_ z: ComplexBall) -> ComplexBall { apply(acb_atanh, z) }
    public static func acos(_ z: ComplexBall) -> ComplexBall { apply(acb_acos, z) }
    public static func asin(_ z: ComplexBall) -> ComplexBall { apply(acb_asin, z) }
    public static func atan(_ z: ComplexBall) -> ComplexBall { apply(acb_atan, z) }
    public static func pow(_ z: ComplexBall, _ w: ComplexBall) -> ComplexBall { apply(acb_pow, z, w) }
    public static func sqrt(_ z: ComplexBall) -> ComplexBall { apply(acb_sqrt, z) }
    public static func hypot(_ a: ComplexBall, _ b: ComplexBall) -> ComplexBall { sqrt(a * a + b * b) }

    public static func pow(_ z: ComplexBall, _ n: Int) -> ComplexBall {
        precondition(Swift.abs(n) < 1 << 62, "exponent beyond FLINT's small integers")
        var exponent = fmpz(n)
        return ComplexBall(precision: z.precision) { acb_pow_fmpz($0, z.pointer, &exponent, z.precision) }
    }

    /// The principal n-th root, and for odd n left of the imaginary axis −root(−z), the real root
    /// continued, as `BigComplex` and `ComponentwiseComplex` take it.
    public static func root(_ z: ComplexBall, _ n: Int) -> ComplexBall {
        precondition(n > 0, "root index must be positive")
        let principal = { (z: ComplexBall) in ComplexBall(precision: z.precision) { acb_root_ui($0, z.pointer, UInt(n), z.precision) } }
        guard n % 2 == 1 else { return principal(z) }
        return select(z, isLessThan: 0, { -principal(-z) }, otherwise: { principal(z) })
    }
}

extension ComplexBall: Scalar {
    public init(decimalSignificand significand: Int, exponent: Int) {
        self.init(Ball(decimalSignificand: significand, exponent: exponent), Ball(0))
    }

    public init(constant: MathematicalConstant) { self.init(Ball(constant: constant), Ball(0)) }
    public init(double value: Double) { self.init(Ball(value), Ball(0)) }

    /// Whether the whole real part lies below 0.
    public static func isNegative(_ z: ComplexBall) -> Bool { Ball.isNegative(z.real) }
    /// Whether a's real part lies wholly below b's.
    public static func isLess(_ a: ComplexBall, _ b: ComplexBall) -> Bool { Ball.isLess(a.real, b.real) }

    /// By the real parts, as `Ball.select`: a box around both branches where they overlap.
    public static func select(
        _ a: ComplexBall, isLessThan b: ComplexBall, _ ifLess: () -> ComplexBall, otherwise: () -> ComplexBall
    ) -> ComplexBall {
        let (x, y) = (a.real, b.real)
        if arb_lt(x.pointer, y.pointer) != 0 { return ifLess() }
        if arb_ge(x.pointer, y.pointer) != 0 { return otherwise() }
        return union(ifLess(), otherwise())
    }
}
