import CMultiprecision
import RealModule

/// A complex number of any precision, backed by GNU MPC: the exact reference for the complex step.
///
/// MPC rounds the real and imaginary parts of every result correctly and separately. That is what
/// the complex step needs: its answer lives in an imaginary part some 1/h times smaller than the
/// real part, and a library accurate only in norm (|error| ≤ ε·|z|) would drown it.
///
/// Like `BigFloat`, each value carries its precision and an operation rounds to the larger of its
/// operands'.
public struct BigComplex: @unchecked Sendable {
    final class Storage {
        let pointer: UnsafeMutablePointer<__mpc_struct>

        init(precision: Int) {
            pointer = .allocate(capacity: 1)
            mpc_init2(pointer, mpfr_prec_t(precision))
        }

        deinit {
            mpc_clear(pointer)
            pointer.deallocate()
        }
    }

    let storage: Storage

    init(precision: Int, _ initialise: (UnsafeMutablePointer<__mpc_struct>) -> Void) {
        storage = Storage(precision: precision)
        initialise(storage.pointer)
    }

    var pointer: UnsafeMutablePointer<__mpc_struct> { storage.pointer }

    /// The larger of the two parts' precisions.
    public var precision: Int {
        Int(max(mpfr_get_prec(cmpc_real(pointer)), mpfr_get_prec(cmpc_imaginary(pointer))))
    }

    /// real + i·imaginary, exactly, at `precision` bits or more if a part needs more.
    public init(_ real: BigFloat, _ imaginary: BigFloat, precision: Int = 0) {
        let bits = max(precision, real.precision, imaginary.precision)
        self.init(precision: bits) { _ = mpc_set_fr_fr($0, real.pointer, imaginary.pointer, cmpc_nearest()) }
    }

    /// The integer `value`, exactly, with a zero imaginary part.
    public init(_ value: Int) {
        self.init(precision: 64) { _ = mpc_set_si($0, value, cmpc_nearest()) }
    }

    public var real: BigFloat {
        BigFloat(precision: Int(mpfr_get_prec(cmpc_real(pointer)))) { mpfr_set($0, cmpc_real(pointer), MPFR_RNDN) }
    }

    public var imaginary: BigFloat {
        BigFloat(precision: Int(mpfr_get_prec(cmpc_imaginary(pointer)))) { mpfr_set($0, cmpc_imaginary(pointer), MPFR_RNDN) }
    }

    typealias Binary = (mpc_ptr?, mpc_srcptr?, mpc_srcptr?, mpc_rnd_t) -> Int32
    typealias Unary = (mpc_ptr?, mpc_srcptr?, mpc_rnd_t) -> Int32

    static func apply(_ op: Binary, _ a: BigComplex, _ b: BigComplex) -> BigComplex {
        BigComplex(precision: max(a.precision, b.precision)) { _ = op($0, a.pointer, b.pointer, cmpc_nearest()) }
    }

    static func apply(_ op: Unary, _ z: BigComplex) -> BigComplex {
        BigComplex(precision: z.precision) { _ = op($0, z.pointer, cmpc_nearest()) }
    }
}

extension BigComplex: Equatable {
    public static func == (a: BigComplex, b: BigComplex) -> Bool { mpc_cmp(a.pointer, b.pointer) == 0 }
}

extension BigComplex: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigComplex: AdditiveArithmetic {
    public static var zero: BigComplex { BigComplex(0) }
    public static func + (a: BigComplex, b: BigComplex) -> BigComplex { apply(mpc_add, a, b) }
    public static func - (a: BigComplex, b: BigComplex) -> BigComplex { apply(mpc_sub, a, b) }
}

extension BigComplex: Numeric, SignedNumeric {
    public init?<Source: BinaryInteger>(exactly source: Source) {
        guard let value = Int(exactly: source) else { return nil }
        self.init(value)
    }

    /// |z|, correctly rounded.
    public var magnitude: BigFloat {
        BigFloat(precision: precision) { _ = mpc_abs($0, pointer, MPFR_RNDN) }
    }

    public static func * (a: BigComplex, b: BigComplex) -> BigComplex { apply(mpc_mul, a, b) }
    public static func *= (a: inout BigComplex, b: BigComplex) { a = a * b }
    public static prefix func - (z: BigComplex) -> BigComplex { apply(mpc_neg, z) }
}

extension BigComplex: AlgebraicField {
    public static func / (a: BigComplex, b: BigComplex) -> BigComplex { apply(mpc_div, a, b) }
    public static func /= (a: inout BigComplex, b: BigComplex) { a = a / b }
    public var reciprocal: BigComplex? { self == 0 ? nil : 1 / self }
}

/// MPC's functions, each correctly rounded in both parts. MPC has no expm1 or log1p; they are
/// formed from exp and log, which cancel near 0 (the proved values use `ComplexBall` instead).
extension BigComplex: ElementaryFunctions {
    public static func exp(_ z: BigComplex) -> BigComplex { apply(mpc_exp, z) }
    public static func expMinusOne(_ z: BigComplex) -> BigComplex { exp(z) - 1 }
    public static func cosh(_ z: BigComplex) -> BigComplex { apply(mpc_cosh, z) }
    public static func sinh(_ z: BigComplex) -> BigComplex { apply(mpc_sinh, z) }
    public static func tanh(_ z: BigComplex) -> BigComplex { apply(mpc_tanh, z) }
    public static func cos(_ z: BigComplex) -> BigComplex { apply(mpc_cos, z) }
    public static func sin(_ z: BigComplex) -> BigComplex { apply(mpc_sin, z) }
    public static func tan(_ z: BigComplex) -> BigComplex { apply(mpc_tan, z) }
    public static func log(_ z: BigComplex) -> BigComplex { apply(mpc_log, z) }
    public static func log(onePlus z: BigComplex) -> BigComplex { log(1 + z) }
    public static func acosh(_ z: BigComplex) -> BigComplex { apply(mpc_acosh, z) }
    public static func asinh(_ z: BigComplex) -> BigComplex { apply(mpc_asinh, z) }
    public static func atanh(_ z: BigComplex) -> BigComplex { apply(mpc_atanh, z) }
    public static func acos(_ z: BigComplex) -> BigComplex { apply(mpc_acos, z) }
    public static func asin(_ z: BigComplex) -> BigComplex { apply(mpc_asin, z) }
    public static func atan(_ z: BigComplex) -> BigComplex { apply(mpc_atan, z) }
    public static func pow(_ z: BigComplex, _ w: BigComplex) -> BigComplex { apply(mpc_pow, z, w) }
    public static func sqrt(_ z: BigComplex) -> BigComplex { apply(mpc_sqrt, z) }

    /// √(a² + b²): MPC's exponent range holds every square.
    public static func hypot(_ a: BigComplex, _ b: BigComplex) -> BigComplex { sqrt(a * a + b * b) }

    /// zⁿ by MPC's integer power (binary powering, no logarithm: right for Re z < 0 too).
    public static func pow(_ z: BigComplex, _ n: Int) -> BigComplex {
        BigComplex(precision: z.precision) { _ = mpc_pow_si($0, z.pointer, n, cmpc_nearest()) }
    }

    /// z^(1/n), continuing the real root: for odd n and Re z < 0 it is −(−z)^(1/n), so ∛(−8) =
    /// −2 as in the working precisions (`ComponentwiseComplex.root`), not MPC's principal root.
    public static func root(_ z: BigComplex, _ n: Int) -> BigComplex {
        if n % 2 == 1 && z.real.signum < 0 { return -root(-z, n) }
        return pow(z, 1 / BigComplex(n))
    }
}
