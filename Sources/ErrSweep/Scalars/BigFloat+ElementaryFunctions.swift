import CMultiprecision
import RealModule

/// Each function is MPFR's, correctly rounded to the argument's precision (MPFR's guarantee).
extension BigFloat: ElementaryFunctions {
    public static func exp(_ x: BigFloat) -> BigFloat { apply(mpfr_exp, x) }
    public static func expMinusOne(_ x: BigFloat) -> BigFloat { apply(mpfr_expm1, x) }
    public static func cosh(_ x: BigFloat) -> BigFloat { apply(mpfr_cosh, x) }
    public static func sinh(_ x: BigFloat) -> BigFloat { apply(mpfr_sinh, x) }
    public static func tanh(_ x: BigFloat) -> BigFloat { apply(mpfr_tanh, x) }
    public static func cos(_ x: BigFloat) -> BigFloat { apply(mpfr_cos, x) }
    public static func sin(_ x: BigFloat) -> BigFloat { apply(mpfr_sin, x) }
    public static func tan(_ x: BigFloat) -> BigFloat { apply(mpfr_tan, x) }
    public static func log(_ x: BigFloat) -> BigFloat { apply(mpfr_log, x) }
    public static func log(onePlus x: BigFloat) -> BigFloat { apply(mpfr_log1p, x) }
    public static func acosh(_ x: BigFloat) -> BigFloat { apply(mpfr_acosh, x) }
    public static func asinh(_ x: BigFloat) -> BigFloat { apply(mpfr_asinh, x) }
    public static func atanh(_ x: BigFloat) -> BigFloat { apply(mpfr_atanh, x) }
    public static func acos(_ x: BigFloat) -> BigFloat { apply(mpfr_acos, x) }
    public static func asin(_ x: BigFloat) -> BigFloat { apply(mpfr_asin, x) }
    public static func atan(_ x: BigFloat) -> BigFloat { apply(mpfr_atan, x) }
    public static func pow(_ x: BigFloat, _ y: BigFloat) -> BigFloat { apply(mpfr_pow, x, y) }
    public static func sqrt(_ x: BigFloat) -> BigFloat { apply(mpfr_sqrt, x) }
    public static func hypot(_ x: BigFloat, _ y: BigFloat) -> BigFloat { apply(mpfr_hypot, x, y) }

    public static func pow(_ x: BigFloat, _ n: Int) -> BigFloat {
        BigFloat(precision: x.precision) { _ = mpfr_pow_si($0, x.pointer, n, MPFR_RNDN) }
    }

    public static func root(_ x: BigFloat, _ n: Int) -> BigFloat {
        precondition(n > 0, "root index must be positive")
        return BigFloat(precision: x.precision) { _ = mpfr_rootn_ui($0, x.pointer, UInt(n), MPFR_RNDN) }
    }
}
