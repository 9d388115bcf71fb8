import Foundation

/// The signed error of one estimate, split exactly into its two causes:
///
///     truncation = D_exact(h) − f⁽ᴷ⁾(x)    the method's formula, even in real arithmetic
///     rounding   = D_float(h) − D_exact(h) the working precision's doing
///
/// so estimate − f⁽ᴷ⁾(x) = truncation + rounding (K = 1 unless a sweep asks for another
/// derivative). AD has no truncation: its whole error is rounding.
public struct ErrorSplit: Sendable, Equatable {
    public var truncation: Double
    public var rounding: Double

    public static let unavailable = ErrorSplit(truncation: .nan, rounding: .nan)

    /// The split for a difference method or the complex step at (x, h) — x and h as the working
    /// precision holds them, taken exactly.
    ///
    /// D_exact(h) and f⁽ᴷ⁾(x) are enclosed in balls (`Ball`, `ComplexBall`) at a precision P
    /// grown with the step: a stencil of order p for the K-th derivative cancels about
    /// K·log2(1/h) bits in its differences and its truncation is about hᵖ, so P starts at
    /// 2p′ + 64 + (p + K)·log2(1/h), p′ the working precision's bits. Each part is kept once its
    /// ball is known to 2^−40 relative — proved, not two evaluations agreeing — else P doubles
    /// (up to `maximumBits`), and the split is refused if it never is.
    ///
    /// A part can be exactly zero: central5 on softplus at x = 0 has no truncation at all, since
    /// softplus(x) − x/2 is even. Its ball then surrounds 0 at any P. A part whose whole ball lies
    /// within the quotient's resolution ν(P) = 2^(8−P)·(S·|f(x)|/hᴷ + |f⁽ᴷ⁾(x)|), S = Σ|wᵢ|/d, is
    /// reported as 0: it is proved at least 2^(P−8−p) times smaller than an ulp of the derivative
    /// in the working precision.
    ///
    /// `anchor` carries f(x) and f⁽ᴷ⁾(x) computed once for all the steps at x; without one (or
    /// when a step needs more bits than it holds) they are computed here.
    public static func measure<T: WorkingFloat>(
        method: DerivativeMethod, derivative k: Int = 1, of f: any CatalogFunction, at x: T, step h: T, estimate: T,
        anchor: Anchor? = nil, maximumBits: Int = 1 << 15
    ) -> ErrorSplit {
        guard estimate.isFinite, h != 0 else { return .unavailable }
        let scheme = method.scheme
        var bits = startingBits(order: scheme.stencil(derivative: k)?.order ?? 2, derivative: k, step: h)
        let exactX = x.exact, exactH = h.exact, exactEstimate = estimate.exact
        let anchor = anchor.flatMap { $0.derivative.precision >= bits && $0.order == k ? $0 : nil }
            ?? Anchor(of: f, at: exactX, order: k, precision: bits)
        let sampleWeight = scheme.sampleWeight(derivative: k)
        let derivativeSize = anchor.derivative.midpoint.map { abs($0.doubleValue) } ?? 0
        let scale = sampleWeight * abs(anchor.value) / Foundation.pow(Double(h), Double(k)) + derivativeSize
        func split(at precision: Int) -> (truncation: Ball, rounding: Ball) {
            let exact = scheme.exactValue(derivative: k, of: f, at: exactX, step: exactH, precision: precision)
            let derivative = anchor.derivative.precision >= precision
                ? anchor.derivative
                : f.derivativeBall(at: exactX, order: k, precision: precision)
            return (exact - derivative, Ball(exactEstimate, precision: precision) - exact)
        }
        while bits <= maximumBits {
            let noise = BigFloat(scale) * BigFloat.pow(BigFloat(2), 8 - bits)
            let parts = split(at: bits)
            if let truncation = resolved(parts.truncation, noise: noise),
               let rounding = resolved(parts.rounding, noise: noise) {
                return ErrorSplit(truncation: truncation, rounding: rounding)
            }
            bits *= 2
        }
        return .unavailable
    }

    /// The first precision tried for a formula of `order` for the K-th derivative at step h
    /// (see `measure`).
    static func startingBits<T: WorkingFloat>(order: Int, derivative k: Int = 1, step h: T) -> Int {
        2 * T.precision.significandBits + 64 + (order + k) * max(0, -(h.exact.exponent ?? 0))
    }

    /// f(x), for the noise floor, and f⁽ᴷ⁾(x) enclosed at `precision` bits: what every step at
    /// x shares.
    public struct Anchor: Sendable {
        public let value: Double
        /// f⁽ᴷ⁾(x) in a ball whose working precision is the anchor's.
        public let derivative: Ball
        /// K: which derivative `derivative` is.
        public let order: Int

        /// The anchor of `f` at `x`: f(x) and the enclosure of f⁽ᴷ⁾(x) the split needs, at
        /// `precision` bits.
        public init(of f: any CatalogFunction, at x: BigFloat, order k: Int = 1, precision: Int) {
            value = f.valueBall(at: x, precision: precision).midpoint?.doubleValue ?? .nan
            derivative = f.derivativeBall(at: x, order: k, precision: precision)
            order = k
        }

        /// An anchor good for every one of `methods` computing the K-th derivative at x over
        /// `steps` in the working precision T. The bits needed grow as the step shrinks, so the
        /// smallest nonzero step decides.
        public init<T: WorkingFloat>(
            of f: any CatalogFunction, at x: T, order k: Int = 1, methods: [DerivativeMethod] = DerivativeMethod.allCases,
            steps: some Sequence<T>
        ) {
            let order = methods.compactMap { $0.stencil(derivative: k)?.order }.max() ?? 4
            let smallest = steps.lazy.filter { $0 != 0 }.map(\.magnitude).min()
            let bits = smallest.map { ErrorSplit.startingBits(order: order, derivative: k, step: $0) } ?? 0
            self.init(of: f, at: x.exact, order: k, precision: bits)
        }
    }

    /// A part's value once its ball is known to 2^−40 relative; 0 when the whole ball lies within
    /// the noise floor; nil when neither (the precision must grow).
    static func resolved(_ part: Ball, noise: BigFloat) -> Double? {
        guard part.isFinite else { return nil }
        if let bound = part.magnitudeUpperBound, bound <= noise { return 0 }
        guard part.relativeAccuracyBits >= 40, let middle = part.midpoint else { return nil }
        return middle.doubleValue
    }

    /// AD: no truncation; the rounding is the whole signed error.
    public static func automatic<T: WorkingFloat>(estimate: T, truth: Truth<T>) -> ErrorSplit {
        guard estimate.isFinite else { return .unavailable }
        let error = estimate.exact.withPrecision(truth.exact.precision) - truth.exact
        return ErrorSplit(truncation: 0, rounding: error.doubleValue)
    }
}
