import CMultiprecision
import RealModule

typealias ArbBinary = (arb_ptr?, arb_srcptr?, arb_srcptr?, Int) -> Void
typealias ArbUnary = (arb_ptr?, arb_srcptr?, Int) -> Void

extension Ball {
    /// op(a, b) at the larger of the two working precisions.
    static func apply(_ op: ArbBinary, _ a: Ball, _ b: Ball) -> Ball {
        let precision = max(a.precision, b.precision)
        return Ball(precision: precision) { op($0, a.pointer, b.pointer, precision) }
    }

    /// op(x) at x's working precision.
    static func apply(_ op: ArbUnary, _ x: Ball) -> Ball {
        Ball(precision: x.precision) { op($0, x.pointer, x.precision) }
    }

    /// The smallest ball Arb forms around both a and b.
    public static func union(_ a: Ball, _ b: Ball) -> Ball { apply(arb_union, a, b) }
}

extension Ball: Equatable, Comparable {
    /// The same ball: equal midpoints and radii. (Whether two balls' exact values are equal is
    /// not decidable from the balls; nothing here needs it.)
    public static func == (a: Ball, b: Ball) -> Bool { arb_equal(a.pointer, b.pointer) != 0 }
    /// Whether every point of a lies below every point of b (`isLess`).
    public static func < (a: Ball, b: Ball) -> Bool { arb_lt(a.pointer, b.pointer) != 0 }
}

extension Ball: ExpressibleByIntegerLiteral {
    /// Exact, with the literal precision (`Ball.literalPrecision`) as working precision.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Ball: AdditiveArithmetic {
    public static var zero: Ball { Ball(0) }
    public static func + (a: Ball, b: Ball) -> Ball { apply(arb_add, a, b) }
    public static func - (a: Ball, b: Ball) -> Ball { apply(arb_sub, a, b) }
}

extension Ball: Numeric, SignedNumeric {
    public init?<Source: BinaryInteger>(exactly source: Source) {
        guard let value = Int(exactly: source) else { return nil }
        self.init(value)
    }

    public var magnitude: Ball { Ball(precision: precision) { arb_abs($0, pointer) } }
    public static func * (a: Ball, b: Ball) -> Ball { apply(arb_mul, a, b) }
    public static func *= (a: inout Ball, b: Ball) { a = a * b }
    public static prefix func - (x: Ball) -> Ball { Ball(precision: x.precision) { arb_neg($0, x.pointer) } }
}

extension Ball: AlgebraicField {
    public static func / (a: Ball, b: Ball) -> Ball { apply(arb_div, a, b) }
    public static func /= (a: inout Ball, b: Ball) { a = a / b }
    public var reciprocal: Ball? { arb_is_zero(pointer) != 0 ? nil : 1 / self }
}

/// Arb's functions, each enclosing the exact function over the whole argument ball. Outside a
/// function's real domain (log of a negative ball, asin beyond ±1), or across its edge, the result
/// is indeterminate.
extension Ball: ElementaryFunctions {
    public static func exp(_ x: Ball) -> Ball { apply(arb_exp, x) }
    public static func expMinusOne(_ x: Ball) -> Ball { apply(arb_expm1, x) }
    public static func cosh(_ x: Ball) -> Ball { apply(arb_cosh, x) }
    public static func sinh(_ x: Ball) -> Ball { apply(arb_sinh, x) }
    public static func tanh(_ x: Ball) -> Ball { apply(arb_tanh, x) }
    public static func cos(_ x: Ball) -> Ball { apply(arb_cos, x) }
    public static func sin(_ x: Ball) -> Ball { apply(arb_sin, x) }
    public static func tan(_ x: Ball) -> Ball { apply(arb_tan, x) }
    public static func log(_ x: Ball) -> Ball { apply(arb_log, x) }
    public static func log(onePlus x: Ball) -> Ball { apply(arb_log1p, x) }
    public static func acosh(_ x: Ball) -> Ball { apply(arb_acosh, x) }
    public static func asinh(_ x: Ball) -> Ball { apply(arb_asinh, x) }
    public static func atanh(_ x: Ball) -> Ball { apply(arb_atanh, x) }
    public static func acos(_ x: Ball) -> Ball { apply(arb_acos, x) }
    public static func asin(_ x: Ball) -> Ball { apply(arb_asin, x) }
    public static func atan(_ x: Ball) -> Ball { apply(arb_atan, x) }
    public static func sqrt(_ x: Ball) -> Ball { apply(arb_sqrt, x) }
    public static func hypot(_ x: Ball, _ y: Ball) -> Ball { apply(arb_hypot, x, y) }

    /// xʸ = e^(y·log x) for x > 0; at an exact x = 0, 0 for y > 0 (Arb's rule); otherwise
    /// indeterminate, as MPFR's pow is NaN for a negative x and a non-integer y.
    public static func pow(_ x: Ball, _ y: Ball) -> Ball { apply(arb_pow, x, y) }

    /// xⁿ by Arb's binary powering, exact for an exact x when the precision holds it.
    public static func pow(_ x: Ball, _ n: Int) -> Ball {
        var exponent = fmpz(n)
        precondition(Swift.abs(n) < 1 << 62, "exponent beyond FLINT's small integers")
        return Ball(precision: x.precision) { arb_pow_fmpz($0, x.pointer, &exponent, x.precision) }
    }

    /// The real n-th root; for odd n, negative below 0, as MPFR's `mpfr_rootn_ui`.
    public static func root(_ x: Ball, _ n: Int) -> Ball {
        precondition(n > 0, "root index must be positive")
        let positive = { (x: Ball) in Ball(precision: x.precision) { arb_root_ui($0, x.pointer, UInt(n), x.precision) } }
        guard n % 2 == 1, arb_is_nonnegative(x.pointer) == 0 else { return positive(x) }
        if arb_is_negative(x.pointer) != 0 { return -positive(-x) }
        // Across 0 an odd root is monotonic: the root of |x| and its negation enclose it.
        let magnitude = positive(x.magnitude)
        return union(magnitude, -magnitude)
    }
}

extension Ball: Scalar {
    /// significand × 10^exponent as a ball around the real number written, at the literal
    /// precision: a decimal literal means the number a person wrote, not its nearest double.
    public init(decimalSignificand significand: Int, exponent: Int) {
        let precision = Ball.literalPrecision
        let scale = Ball(precision: precision) { arb_ui_pow_ui($0, 10, UInt(Swift.abs(exponent)), precision) }
        let value = Ball(significand, precision: precision)
        self = exponent >= 0 ? value * scale : value / scale
    }

    /// π or e enclosed at the literal precision.
    public init(constant: MathematicalConstant) {
        let precision = Ball.literalPrecision
        self.init(precision: precision) {
            switch constant {
            case .pi: arb_const_pi($0, precision)
            case .e: arb_const_e($0, precision)
            }
        }
    }

    public init(double value: Double) { self.init(value) }

    /// Whether the whole ball lies below 0. Only the branches of `sigmoid` and `softplus`, which
    /// agree in real arithmetic, ask; a choice between different values goes through `select`.
    public static func isNegative(_ x: Ball) -> Bool { arb_is_negative(x.pointer) != 0 }

    /// Whether every point of a lies below every point of b.
    public static func isLess(_ a: Ball, _ b: Ball) -> Bool { arb_lt(a.pointer, b.pointer) != 0 }

    /// `ifLess` where a < b holds for every point of the balls, `otherwise` where a ≥ b does, and
    /// where the balls overlap (the comparison is undecided at this precision) a ball around both:
    /// whichever branch the exact values take, the result encloses it.
    public static func select(_ a: Ball, isLessThan b: Ball, _ ifLess: () -> Ball, otherwise: () -> Ball) -> Ball {
        if arb_lt(a.pointer, b.pointer) != 0 { return ifLess() }
        if arb_ge(a.pointer, b.pointer) != 0 { return otherwise() }
        return union(ifLess(), otherwise())
    }
}
