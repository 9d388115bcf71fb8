import CMultiprecision

/// A binary floating-point number of any precision, backed by MPFR.
///
/// The ground truth of errsweep: a derivative evaluated here at a few hundred bits and rounded
/// once is correct in every working precision. Each value carries its own precision; an operation
/// rounds its exact result to the larger of its operands' precisions (round to nearest, ties to
/// even), so constants written as integer literals (exact at 64 bits) never lower the precision of
/// a computation.
///
/// Value semantics: the MPFR number lives in a final class that clears it in `deinit`, and a
/// value's storage is never written after the value is created, so copies may share it.
public struct BigFloat: @unchecked Sendable {
    /// Owns one initialised `mpfr_t`.
    final class Storage {
        let pointer: UnsafeMutablePointer<__mpfr_struct>

        init(precision: Int) {
            pointer = .allocate(capacity: 1)
            mpfr_init2(pointer, mpfr_prec_t(precision))
        }

        deinit {
            mpfr_clear(pointer)
            pointer.deallocate()
        }
    }

    let storage: Storage

    /// A new number of the given precision, set by `initialise`.
    init(precision: Int, _ initialise: (UnsafeMutablePointer<__mpfr_struct>) -> Void) {
        precondition(precision >= 2 && precision <= 1 << 20, "MPFR precision out of range: \(precision)")
        storage = Storage(precision: precision)
        initialise(storage.pointer)
    }

    var pointer: UnsafeMutablePointer<__mpfr_struct> { storage.pointer }

    /// The number of bits in the significand.
    public var precision: Int { Int(mpfr_get_prec(pointer)) }

    /// `value` exactly; a `Double` needs at most 53 bits.
    /// Frees MPFR's caches and memory pool for the calling thread. MPFR keeps constants (log 2,
    /// π) and scratch memory per thread, and a thread that computed in MPFR must release them
    /// before it exits (MPFR manual, "mpfr_free_cache2"); dispatch's worker threads exit when
    /// idle, so each parallel piece of a sweep ends with this.
    public static func releaseThreadCaches() {
        mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE)
        _ = mpfr_mp_memory_cleanup()
    }

    /// `value` exactly, held in `precision` bits (53 holds every Double).
    public init(_ value: Double, precision: Int = 53) {
        self.init(precision: precision) { mpfr_set_d($0, value, MPFR_RNDN) }
    }

    #if arch(x86_64) || arch(i386)
    /// `value` exactly; a `Float80` needs at most 64 bits.
    public init(_ value: Float80, precision: Int = 64) {
        self.init(precision: precision) { mpfr_set_ld($0, value, MPFR_RNDN) }
    }
    #endif

    /// `value` exactly.
    public init(_ value: Int) {
        self.init(precision: 64) { mpfr_set_si($0, value, MPFR_RNDN) }
    }

    /// π or e correctly rounded to `precision` bits: `mpfr_const_pi`, and exp(1) with the 1
    /// exact, so no step of either has a fixed precision.
    public init(_ constant: MathematicalConstant, precision: Int) {
        switch constant {
        case .pi: self.init(precision: precision) { _ = mpfr_const_pi($0, MPFR_RNDN) }
        case .e:
            let one = BigFloat(1)
            self.init(precision: precision) { _ = mpfr_exp($0, one.pointer, MPFR_RNDN) }
        }
    }

    // MARK: Literal precision

    /// The precision at which literals and named constants enter an evaluation: at least 64 bits
    /// (every `Int` exactly), and inside `withLiteralPrecision(_:_:)` that precision.
    ///
    /// It is MPFR's default precision, which MPFR keeps per thread (a thread-safe build; a test
    /// checks `mpfr_buildopt_tls_p`), so parallel evaluations at different precisions do not meet.
    public static var literalPrecision: Int { max(64, Int(mpfr_get_default_prec())) }

    /// Runs `body` with literals and constants made at `precision` bits, then restores the
    /// previous setting.
    ///
    /// Every evaluation of a function in MPFR goes through here with the precision of its
    /// argument. Otherwise π = 4·atan(1) with a 64-bit 1 would carry 64 bits into a 4096-bit
    /// truth, and two evaluations at different precisions would agree on the same wrong value.
    public static func withLiteralPrecision<R>(_ precision: Int, _ body: () throws -> R) rethrows -> R {
        let saved = mpfr_get_default_prec()
        mpfr_set_default_prec(mpfr_prec_t(max(precision, 2)))
        defer { mpfr_set_default_prec(saved) }
        return try body()
    }

    /// The decimal number `text` rounded to nearest at `precision` bits; nil if it is not one.
    public init?(decimal text: String, precision: Int) {
        var parsed = true
        self.init(precision: precision) { pointer in
            parsed = mpfr_set_str(pointer, text, 10, MPFR_RNDN) == 0
        }
        guard parsed else { return nil }
    }

    /// This number at `precision` bits: rounded to nearest if fewer, exact if more.
    public func withPrecision(_ precision: Int) -> BigFloat {
        BigFloat(precision: precision) { mpfr_set($0, pointer, MPFR_RNDN) }
    }

    /// Nearest `Double` (ties to even).
    public var doubleValue: Double { mpfr_get_d(pointer, MPFR_RNDN) }

    /// Nearest `Float` (ties to even).
    public var floatValue: Float { mpfr_get_flt(pointer, MPFR_RNDN) }

    #if arch(x86_64) || arch(i386)
    /// Nearest `Float80` (ties to even).
    public var float80Value: Float80 { mpfr_get_ld(pointer, MPFR_RNDN) }
    #endif

    public var isNaN: Bool { mpfr_nan_p(pointer) != 0 }
    public var isFinite: Bool { mpfr_number_p(pointer) != 0 }
    public var isInfinite: Bool { mpfr_inf_p(pointer) != 0 }
    public var isZero: Bool { mpfr_zero_p(pointer) != 0 }

    /// −1, 0 or 1; 0 for NaN.
    public var signum: Int { isNaN ? 0 : Int(cmpfr_sign(pointer)) }

    /// The exponent e with 2^(e−1) ≤ |x| < 2^e, for a finite nonzero x.
    public var exponent: Int? {
        guard isFinite, !isZero else { return nil }
        return Int(cmpfr_exponent(pointer))
    }

    /// This number in decimal, `digits` significant digits, correctly rounded.
    public func decimal(digits: Int) -> String {
        var buffer = [CChar](repeating: 0, count: digits + 32)
        let count = cmpfr_decimal(&buffer, buffer.count, Int32(digits), pointer)
        precondition(count >= 0 && Int(count) < buffer.count)
        return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: Exact operations

    /// a + b with no rounding: the precision is grown to hold every bit of the sum.
    ///
    /// The stencil points x + k·h of the exact reference are formed this way, so the exact
    /// difference quotient sees the step that the floating-point one was given, not a rounded one.
    public static func exactSum(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        guard let ea = a.exponent, let eb = b.exponent else {
            // One is zero (or not finite): the sum is the other operand, or NaN/inf.
            let bits = max(a.precision, b.precision)
            return BigFloat(precision: bits) { mpfr_add($0, a.pointer, b.pointer, MPFR_RNDN) }
        }
        // The sum's lowest possible bit is the lower of the operands' lowest bits; its highest is
        // one above the higher operand's (a carry).
        let lowest = min(ea - a.precision, eb - b.precision)
        let highest = max(ea, eb) + 1
        return BigFloat(precision: max(highest - lowest, 2)) {
            mpfr_add($0, a.pointer, b.pointer, MPFR_RNDN)
        }
    }

    /// a · b with no rounding.
    public static func exactProduct(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        BigFloat(precision: a.precision + b.precision) { mpfr_mul($0, a.pointer, b.pointer, MPFR_RNDN) }
    }
}
