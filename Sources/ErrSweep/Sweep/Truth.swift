/// The exact derivative f′(x) in one working precision: the analytic derivative evaluated in MPFR
/// and rounded once.
public struct Truth<T: WorkingFloat>: Sendable {
    /// f′(x) to many more bits than T holds.
    public let exact: BigFloat
    /// f′(x) correctly rounded to T.
    public let rounded: T

    /// Why a truth cannot be given.
    public enum Failure: Error, Sendable, Equatable {
        /// f′(x) is NaN: x is outside the derivative's domain.
        case domain
        /// |f′(x)| is infinite.
        case overflow
        /// Evaluations at increasing precisions never agreed on the rounded value.
        case undecided(bits: [Int])
    }

    /// Evaluates f′ at x (taken exactly) at two precisions and keeps the result only when both
    /// round to the same T. When they disagree the precisions grow, up to `maximumBits`, and the
    /// truth is refused if they never agree.
    ///
    /// The first precision has p + 64 bits more than T's p, the second twice as many again: a
    /// derivative formula that loses fewer than 64 bits to cancellation is settled at once.
    public static func derivative(
        of function: any CatalogFunction, at x: T, maximumBits: Int = 4096
    ) -> Result<Truth, Failure> {
        let p = T.precision.significandBits
        var bits = [2 * p + 64, 4 * p + 192]
        while true {
            let values = bits.map { function.derivative(x.exact.withPrecision($0)) }
            let low = values[0], high = values[1]
            if high.isNaN { return .failure(.domain) }
            if high.isInfinite { return .failure(.overflow) }
            let roundedLow = T(nearest: low), roundedHigh = T(nearest: high)
            if roundedLow == roundedHigh || (roundedLow.isNaN && roundedHigh.isNaN) {
                return .success(Truth(exact: high, rounded: roundedHigh))
            }
            guard bits[1] * 2 <= maximumBits else { return .failure(.undecided(bits: bits)) }
            bits = [bits[1], bits[1] * 2]
        }
    }
}
