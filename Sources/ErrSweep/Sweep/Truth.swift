import CMultiprecision

/// The exact derivative f′(x) in one working precision: the analytic derivative enclosed in an
/// Arb ball and proved to round to one value.
///
/// A truth is proved, not sampled: the derivative is evaluated in ball arithmetic (`Ball`), whose
/// every operation encloses the exact result, and the ball is kept only when its two ends round to
/// the same T. Otherwise the precision doubles, up to a cap; a ball still too wide at the cap is
/// refused as `unresolved`, its enclosure printed, and no error is ever measured against it. Two
/// evaluations that agree prove nothing: where an expression cancels more bits than both hold
/// (sin(x + 10⁻²⁰⁰) − sin(x)), both round the difference to the same wrong 0.
public struct Truth<T: WorkingFloat>: Sendable {
    /// The enclosure's midpoint, at least as precise as the precision that proved it; exactly 0
    /// when the ball proved to round to 0 contains 0, so that an exact zero (an expression that
    /// cancels to nothing) has no spurious relative error. A midpoint beyond MPFR's exponent
    /// range (e^(10³⁰⁸)) is replaced by `rounded` itself, ±∞ or ±0 in every working precision.
    public let exact: BigFloat
    /// f′(x) correctly rounded to T; ±inf when f′(x) is finite but beyond T's range.
    public let rounded: T
    /// The ball that proves `rounded`: every point of it rounds to `rounded`.
    public let enclosure: Ball
    /// The precision of the ball arithmetic, in bits, at which the enclosure first rounded to one
    /// value (not T's: the proof's).
    public let bits: Int

    /// The default cap on the precision of the proof: cancellation of up to about 2000 bits
    /// resolves below it (the ladder from 2p + 64 reaches 2720 bits).
    public static var defaultMaximumBits: Int { 4096 }

    /// The first precision tried (`Precision.firstTruthBits`).
    public static var startingBits: Int { T.precision.firstTruthBits }

    /// The most bits the old two-precision agreement used (`Precision.twoPrecisionBits`).
    public static var twoPrecisionBits: Int { T.precision.twoPrecisionBits }

    /// The truth proved by `enclosure`, which rounds to `rounded`, at `bits`.
    init(enclosure: Ball, rounded: T, bits: Int) {
        self.enclosure = enclosure
        self.rounded = rounded
        self.bits = bits
        if rounded == 0 && enclosure.containsZero {
            exact = BigFloat(0.0, precision: bits)
        } else {
            let middle = enclosure.midpoint ?? BigFloat(Double(rounded), precision: bits)
            exact = middle.withPrecision(max(bits, middle.precision))
        }
    }

    /// Why a truth cannot be given.
    public enum Failure: Error, Sendable, Equatable {
        /// f(x) or f′(x) is NaN: x is outside the function's domain. f is checked as well as f′
        /// because a derivative formula can be defined where f is not (1/x for ln x at x = −1),
        /// and AD would then report a "derivative" of an undefined function.
        case domain
        /// f(x) or f′(x) is infinite even in exact arithmetic: a singularity (ln x at 0).
        case pole
        /// At the cap of `bits`, the ball `enclosure` (Arb's "[m +/- r]") still spans more than
        /// one value of T: the derivative cancels more than the cap holds, or sits on a kink.
        case unresolved(enclosure: String, bits: Int)

        /// Why there is no truth, in a sentence.
        public var reason: String {
            switch self {
            case .domain: "f or f′ is undefined there (NaN): outside the function's domain"
            case .pole: "f or f′ is infinite there: a singularity"
            case .unresolved(let enclosure, let bits): "the exact derivative is not resolved at \(bits) bits: it lies in \(enclosure), which spans more than one value"
            }
        }
    }

    /// Encloses f⁽ᴷ⁾ at x (taken exactly) in a ball and proves the value it rounds to
    /// (`proved`), raising the precision up to `maximumBits`. f(x) is checked first: where it is
    /// undefined or infinite there is no derivative to prove.
    public static func derivative(
        of function: any CatalogFunction, at x: T, order k: Int = 1, maximumBits: Int = defaultMaximumBits
    ) -> Result<Truth, Failure> {
        let exactX = x.exact
        if let failure = undefined(function.valueBall(at: exactX, precision: startingBits),
                                   mpfr: { function.exactValue(at: exactX.withPrecision(startingBits)) }) {
            return .failure(failure)
        }
        return proved(maximumBits: maximumBits, { function.derivativeBall(at: exactX, order: k, precision: $0) }, classify: { bits in
            classification { function.exactDerivative(at: exactX.withPrecision(bits), order: k) }
        })
    }

    /// Why a value with this ball has none: nil when the ball is finite (the value exists), else
    /// what MPFR's value, `mpfr()`, says (`classification`).
    public static func undefined(_ ball: Ball, mpfr: () -> BigFloat) -> Failure? {
        ball.isFinite ? nil : classification(mpfr)
    }

    /// What MPFR's `evaluate()` says of a value whose ball is not finite: NaN a domain error, ±∞ a
    /// pole; a number, or anything computed past MPFR's exponent range (its overflow flag, per
    /// thread, cleared first), which says nothing of the exact value, nil.
    static func classification(_ evaluate: () -> BigFloat) -> Failure? {
        mpfr_clear_overflow()
        let value = evaluate()
        if mpfr_overflow_p() != 0 { return nil }
        return value.isNaN ? .domain : value.isInfinite ? .pole : nil
    }

    /// Any exact quantity, enclosed by `evaluate(bits)` at 2p + 64 bits and, while its ball does
    /// not round to one T, at doubled precisions up to `maximumBits`. At the cap an enclosure that
    /// is not even finite is asked of `classify(bits)` (MPFR's value there: a NaN is a domain
    /// error, an ∞ a pole); anything else is `unresolved`.
    ///
    /// This is errsweep's one path to an exact value: f′ and f⁽ᴷ⁾, gradients and Hessians, the
    /// checker's reference, the estimators' corpus and the audit's values all come through here.
    public static func proved(
        maximumBits: Int = defaultMaximumBits, _ evaluate: (Int) -> Ball, classify: (Int) -> Failure? = { _ in nil }
    ) -> Result<Truth, Failure> {
        var bits = min(startingBits, maximumBits)
        while true {
            let ball = evaluate(bits)
            if let rounded = ball.rounded(to: T.self) {
                return .success(Truth(enclosure: ball, rounded: rounded, bits: bits))
            }
            if bits >= maximumBits {
                if !ball.isFinite, let failure = classify(bits) { return .failure(failure) }
                var enclosure = ball.decimal(digits: 20)
                if let (lower, upper) = ball.roundedEnds(to: T.self), lower.nextUp == upper {
                    // A ball this narrow across the one midpoint of two neighbours: most likely an
                    // exact tie (160x needing 56 bits), which no inexact ball can round.
                    enclosure += ", across the midpoint of \(lower) and \(upper) (an exact tie, or within about 2^−\(bits) of one, relatively)"
                }
                return .failure(.unresolved(enclosure: enclosure, bits: bits))
            }
            bits = min(bits * 2, maximumBits)
        }
    }
}
