import CMultiprecision

/// The exact derivative f′(x) in one working precision: the analytic derivative evaluated in MPFR
/// and rounded once.
public struct Truth<T: WorkingFloat>: Sendable {
    /// f′(x) to many more bits than T holds.
    public let exact: BigFloat
    /// f′(x) correctly rounded to T; ±inf when f′(x) is finite but beyond T's range.
    public let rounded: T

    /// Why a truth cannot be given.
    public enum Failure: Error, Sendable, Equatable {
        /// f(x) or f′(x) is NaN: x is outside the function's domain. f is checked as well as f′
        /// because a derivative formula can be defined where f is not (1/x for ln x at x = −1),
        /// and AD would then report a "derivative" of an undefined function.
        case domain
        /// f(x) or f′(x) is infinite even in exact arithmetic: a singularity (ln x at 0).
        case pole
        /// Evaluations at increasing precisions never agreed on the rounded value.
        case undecided(bits: [Int])
        /// An intermediate of the exact computation overflowed MPFR's exponent range (about
        /// 2^±(2^30)), so its NaN or infinity says nothing about f or f′: e^(1e308) inside σ′ at
        /// x = −1e308, where σ′ itself merely underflows.
        case outOfRange

        /// Why there is no truth, in a sentence.
        public var reason: String {
            switch self {
            case .domain: "f or f′ is undefined there (NaN): outside the function's domain"
            case .pole: "f or f′ is infinite there: a singularity"
            case .undecided(let bits): "the exact derivative did not settle (MPFR at \(bits.map(String.init).joined(separator: " and ")) bits disagree)"
            case .outOfRange: "the exact computation overflows MPFR's exponent range"
            }
        }
    }

    /// Evaluates f′ at x (taken exactly) at two precisions and keeps the result only when both
    /// round to the same T. When they disagree the precisions grow, up to `maximumBits`, and the
    /// truth is refused if they never agree.
    ///
    /// The first precision has p + 64 bits more than T's p, the second twice as many again: a
    /// derivative formula that loses fewer than 64 bits to cancellation is settled at once.
    ///
    /// With `order` K > 1 the truth is f⁽ᴷ⁾ (`CatalogFunction.derivative(_:order:)`), settled
    /// the same way.
    public static func derivative(
        of function: any CatalogFunction, at x: T, order k: Int = 1, maximumBits: Int = 4096
    ) -> Result<Truth, Failure> {
        let (value, overflowed) = watchingRange { function.exactValue(at: x.exact.withPrecision(2 * T.precision.significandBits + 64)) }
        if !value.isFinite && overflowed { return .failure(.outOfRange) }
        if value.isNaN { return .failure(.domain) }
        if value.isInfinite { return .failure(.pole) }
        return settled(maximumBits: maximumBits) { function.exactDerivative(at: x.exact.withPrecision($0), order: k) }
    }

    /// `evaluate()`, and whether MPFR overflowed its exponent range on the way (its overflow flag,
    /// per thread, cleared first).
    static func watchingRange(_ evaluate: () -> BigFloat) -> (BigFloat, overflowed: Bool) {
        mpfr_clear_overflow()
        let value = evaluate()
        return (value, mpfr_overflow_p() != 0)
    }

    /// Any exact quantity, evaluated by `evaluate(bits)` at p + 64 + p and twice that plus 64
    /// bits, kept when both round to the same T, with the precisions doubling up to
    /// `maximumBits` while they do not.
    public static func settled(maximumBits: Int = 4096, _ evaluate: (Int) -> BigFloat) -> Result<Truth, Failure> {
        var failure = Failure.undecided(bits: [])
        let truth = escalate(maximumBits: maximumBits, { bits in watchingRange { evaluate(bits) } }, decide: { low, high -> Verdict<Truth> in
            let ((low, _), (high, overflowed)) = (low, high)
            if !high.isFinite && overflowed { failure = .outOfRange; return .refused }
            if high.isNaN { failure = .domain; return .refused }
            if high.isInfinite { failure = .pole; return .refused }
            let rounded = T(nearest: high)
            return T(nearest: low) == rounded ? .settled(Truth(exact: high, rounded: rounded)) : .disagree
        }, onGiveUp: { failure = .undecided(bits: $0) })
        return truth.map(Result.success) ?? .failure(failure)
    }

    /// What two evaluations at different precisions say.
    enum Verdict<Settled> {
        case settled(Settled)
        /// Nothing to settle (a domain error): stop.
        case refused
        /// They round differently: try again at higher precisions.
        case disagree
    }

    /// The escalation every settled value shares: evaluate at 2p + 64 and 4p + 192 bits (p = T's
    /// significand bits), and while `decide` finds the two disagreeing, at doubled precisions up
    /// to `maximumBits`.
    static func escalate<Value, Settled>(
        maximumBits: Int, _ evaluate: (Int) -> Value, decide: (Value, Value) -> Verdict<Settled>,
        onGiveUp: ([Int]) -> Void = { _ in }
    ) -> Settled? {
        let p = T.precision.significandBits
        var bits = [2 * p + 64, 4 * p + 192]
        while true {
            switch decide(evaluate(bits[0]), evaluate(bits[1])) {
            case .settled(let value): return value
            case .refused: return nil
            case .disagree:
                guard bits[1] * 2 <= maximumBits else { onGiveUp(bits); return nil }
                bits = [bits[1], bits[1] * 2]
            }
        }
    }
}
