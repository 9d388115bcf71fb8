import CMultiprecision
import RealModule

typealias MPFRBinary = (mpfr_ptr?, mpfr_srcptr?, mpfr_srcptr?, mpfr_rnd_t) -> Int32
typealias MPFRUnary = (mpfr_ptr?, mpfr_srcptr?, mpfr_rnd_t) -> Int32

extension BigFloat {
    /// op(a, b) rounded to the larger of the two precisions.
    static func apply(_ op: MPFRBinary, _ a: BigFloat, _ b: BigFloat) -> BigFloat {
        BigFloat(precision: max(a.precision, b.precision)) { _ = op($0, a.pointer, b.pointer, MPFR_RNDN) }
    }

    /// op(x) rounded to x's precision.
    static func apply(_ op: MPFRUnary, _ x: BigFloat) -> BigFloat {
        BigFloat(precision: x.precision) { _ = op($0, x.pointer, MPFR_RNDN) }
    }
}

extension BigFloat: Equatable, Comparable {
    /// IEEE equality: NaN equals nothing, −0 equals +0.
    public static func == (a: BigFloat, b: BigFloat) -> Bool { mpfr_equal_p(a.pointer, b.pointer) != 0 }
    public static func < (a: BigFloat, b: BigFloat) -> Bool { mpfr_less_p(a.pointer, b.pointer) != 0 }
}

extension BigFloat: ExpressibleByIntegerLiteral {
    /// Exact, at the literal precision (`literalPrecision`).
    public init(integerLiteral value: Int) {
        self.init(precision: BigFloat.literalPrecision) { mpfr_set_si($0, value, MPFR_RNDN) }
    }
}

extension BigFloat: AdditiveArithmetic {
    public static var zero: BigFloat { BigFloat(0) }
    public static func + (a: BigFloat, b: BigFloat) -> BigFloat { apply(mpfr_add, a, b) }
    public static func - (a: BigFloat, b: BigFloat) -> BigFloat { apply(mpfr_sub, a, b) }
}

extension BigFloat: Numeric, SignedNumeric {
    public init?<Source: BinaryInteger>(exactly source: Source) {
        guard let value = Int(exactly: source) else { return nil }
        self.init(value)
    }

    public var magnitude: BigFloat { BigFloat.apply(mpfr_abs, self) }
    public static func * (a: BigFloat, b: BigFloat) -> BigFloat { apply(mpfr_mul, a, b) }
    public static func *= (a: inout BigFloat, b: BigFloat) { a = a * b }
    public static prefix func - (x: BigFloat) -> BigFloat { apply(mpfr_neg, x) }
}

extension BigFloat: AlgebraicField {
    public static func / (a: BigFloat, b: BigFloat) -> BigFloat { apply(mpfr_div, a, b) }
    public static func /= (a: inout BigFloat, b: BigFloat) { a = a / b }
    public var reciprocal: BigFloat? { isZero ? nil : 1 / self }
}
