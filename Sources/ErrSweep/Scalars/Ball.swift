import CMultiprecision

/// A real ball [m ± r], backed by Arb: a midpoint and a radius that provably enclose the exact
/// value of the computation that made it.
///
/// The proved truth of errsweep. Every operation, elementary functions included, returns a ball
/// that contains the exact result for every point of its arguments' balls (Johansson, "Arb: efficient
/// arbitrary-precision midpoint-radius interval arithmetic", IEEE Trans. Computers 66(8), 2017), so
/// a derivative evaluated here, however much it cancels, either comes back narrow enough to round
/// to one working-precision value — and that value is then proved — or wide, and is evaluated
/// again at more bits (`Truth.proved`). Agreement of two rounded evaluations proves nothing: both
/// can round a cancelled part away alike.
///
/// Each ball carries the working precision its operations use; an operation works at the larger of
/// its operands'. Integer literals are exact; decimal literals and π, e enter at the literal
/// precision of the evaluation (`BigFloat.withLiteralPrecision`) as balls around the real number
/// written.
///
/// Where an argument leaves a function's domain, or a ball straddles its edge, Arb returns an
/// indeterminate ball (not finite), which can never round to a value: the truth is then refused or
/// evaluated again, never invented.
///
/// Value semantics, as `BigFloat`: the Arb ball lives in a final class that clears it in `deinit`,
/// and is never written after the value is made.
public struct Ball: @unchecked Sendable {
    /// Owns one initialised `arb_t`.
    final class Storage {
        let pointer: UnsafeMutablePointer<arb_struct>

        init() {
            pointer = .allocate(capacity: 1)
            arb_init(pointer)
        }

        deinit {
            arb_clear(pointer)
            pointer.deallocate()
        }
    }

    let storage: Storage
    /// The working precision, in bits, of operations on this ball.
    public let precision: Int

    /// A new ball at `precision` bits, set by `initialise`.
    init(precision: Int, _ initialise: (UnsafeMutablePointer<arb_struct>) -> Void) {
        storage = Storage()
        self.precision = max(precision, 2)
        initialise(storage.pointer)
    }

    var pointer: UnsafeMutablePointer<arb_struct> { storage.pointer }

    /// `value` exactly (radius 0), at `precision` bits of working precision (`value`'s own when
    /// nil).
    public init(_ value: BigFloat, precision: Int? = nil) {
        self.init(precision: precision ?? value.precision) { arf_set_mpfr(carb_midpoint($0), value.pointer) }
    }

    /// The working precision literals and constants carry into an evaluation: MPFR's default
    /// precision, as `BigFloat.withLiteralPrecision` sets it. Unlike `BigFloat`'s, it has no
    /// 64-bit floor: a ball holds any integer exactly whatever its working precision, so an
    /// evaluation at 53 bits stays at 53 bits — rounding, and adding to the radius, as a Double
    /// evaluation rounds.
    public static var literalPrecision: Int { max(2, Int(mpfr_get_default_prec())) }

    /// `value` exactly.
    public init(_ value: Int, precision: Int = Ball.literalPrecision) {
        self.init(precision: precision) { arb_set_si($0, value) }
    }

    /// `value` exactly.
    public init(_ value: Double, precision: Int = Ball.literalPrecision) {
        self.init(precision: precision) { arb_set_d($0, value) }
    }

    /// Whether the ball is a finite interval: false where Arb could not bound the result (an
    /// argument outside a function's domain, or straddling its edge).
    public var isFinite: Bool { arb_is_finite(pointer) != 0 }

    /// Whether 0 lies in the ball.
    public var containsZero: Bool { arb_contains_zero(pointer) != 0 }

    /// The bits to which the radius is small against the midpoint: −log2(r/|m|), Arb's
    /// `arb_rel_accuracy_bits` (large for an exact ball, negative when the ball is wider than its
    /// midpoint).
    public var relativeAccuracyBits: Int { Int(arb_rel_accuracy_bits(pointer)) }

    /// The midpoint, exactly, as an MPFR number; nil when it is not finite or its exponent lies
    /// beyond MPFR's range (|m| ≥ 2^(2^30)).
    public var midpoint: BigFloat? {
        BigFloat(exactly: carb_midpoint(pointer))
    }

    /// An upper bound on the radius as a Double (Arb's `mag_get_d`, rounded up; ∞ when it does
    /// not fit).
    public var radius: Double { mag_get_d(carb_radius(pointer)) }

    /// The least upper bound Arb gives for |x|, rounded up to `precision` bits.
    public var magnitudeUpperBound: BigFloat? {
        let bound = UnsafeMutablePointer<arf_struct>.allocate(capacity: 1)
        arf_init(bound)
        defer { arf_clear(bound); bound.deallocate() }
        arb_get_abs_ubound_arf(bound, pointer, mpfr_prec_t(max(precision, 64)))
        return BigFloat(exactly: bound)
    }

    /// The ball in Arb's notation, "[m +/- r]", m to `digits` significant digits.
    public func decimal(digits: Int = 20) -> String {
        guard let text = carb_string(pointer, digits) else { return "[nan]" }
        defer { carb_free_string(text) }
        return String(cString: text)
    }

    /// The working-precision value every point of the ball rounds to (to nearest, ties to even),
    /// or nil when its two ends round apart: the proof that `T(nearest:)` of the exact value is
    /// this, whatever the exact value is within the ball.
    ///
    /// Rounding to nearest is monotonic, so when the lower and upper ends round alike so does
    /// every point between them. A ball around 0 narrower than half the smallest subnormal rounds
    /// to 0 at both ends and so is proved 0 (with the midpoint's sign). Ends beyond MPFR's exponent
    /// range are first clamped to ±2^(±2^20), which round as they would (to ±∞ or ±0) in every T.
    public func rounded<T: WorkingFloat>(to _: T.Type = T.self) -> T? {
        guard let (a, b) = roundedEnds(to: T.self), a == b else { return nil }
        // ±0 at the two ends: the sign of the midpoint's.
        if a == 0, let middle = BigFloat(clamping: carb_midpoint(pointer)) { return T(nearest: middle) }
        return a
    }

    /// What the ball's lower and upper ends round to in T; nil when the ball is not finite.
    public func roundedEnds<T: WorkingFloat>(to _: T.Type = T.self) -> (lower: T, upper: T)? {
        guard isFinite else { return nil }
        let lower = UnsafeMutablePointer<arf_struct>.allocate(capacity: 2)
        let upper = lower + 1
        arf_init(lower); arf_init(upper)
        defer { arf_clear(lower); arf_clear(upper); lower.deallocate() }
        // Rounded outward to a precision well above T's, so the ends still enclose the ball.
        let bits = mpfr_prec_t(T.precision.significandBits + 64)
        arb_get_lbound_arf(lower, pointer, bits)
        arb_get_ubound_arf(upper, pointer, bits)
        guard let low = BigFloat(clamping: lower), let high = BigFloat(clamping: upper) else { return nil }
        return (T(nearest: low), T(nearest: high))
    }
}

extension BigFloat {
    /// An Arb floating-point number exactly, at the bits it needs; nil when it is not finite or
    /// outside MPFR's exponent range.
    init?(exactly value: UnsafeMutablePointer<arf_struct>) {
        guard arf_is_finite(value) != 0 else { return nil }
        if arf_is_zero(value) != 0 { self.init(0); return }
        let limit = 1 << 29
        guard arf_cmpabs_2exp_si(value, limit) < 0, arf_cmpabs_2exp_si(value, -limit) >= 0 else { return nil }
        let bits = max(Int(arf_bits(value)), 2)
        guard bits <= 1 << 20 else { return nil }
        self.init(precision: bits) { _ = arf_get_mpfr($0, value, MPFR_RNDN) }
    }

    /// As `init(exactly:)`, but a finite value beyond 2^(±2^20) in magnitude becomes ±2^(±2^20):
    /// beyond every working precision's range, it rounds to the same ±∞ or ±0.
    init?(clamping value: UnsafeMutablePointer<arf_struct>) {
        guard arf_is_finite(value) != 0 else { return nil }
        let limit = 1 << 20
        let sign = arf_sgn(value) < 0 ? -1 : 1
        if arf_is_zero(value) == 0, arf_cmpabs_2exp_si(value, limit) >= 0 {
            self = BigFloat(sign) * BigFloat.pow(BigFloat(2), limit)
        } else if arf_is_zero(value) == 0, arf_cmpabs_2exp_si(value, -limit) < 0 {
            self = BigFloat(sign) * BigFloat.pow(BigFloat(2), -limit)
        } else {
            self.init(exactly: value)
        }
    }
}
