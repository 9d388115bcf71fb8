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
    /// D_exact is computed at a precision P grown with the step: a stencil of order p for the
    /// K-th derivative cancels about K·log2(1/h) bits in its differences and its truncation is
    /// about hᵖ, so P starts at 2p′ + 64 + (p + K)·log2(1/h), p′ the working precision's bits. It is computed again at P + 64 bits; the two must agree on
    /// both parts to 2^−40 relative, else P doubles (up to `maximumBits`), and the split is
    /// refused if they never do.
    ///
    /// A part can be exactly zero: central5 on softplus at x = 0 has no truncation at all, since
    /// softplus(x) − x/2 is even. Computed at P bits such a part is noise at the quotient's
    /// resolution, ν(P) = 2^(8−P)·(S·|f(x)|/hᴷ + |f⁽ᴷ⁾(x)|) with S = Σ|wᵢ|/d, and two noises never
    /// agree; a part below ν at both precisions is therefore reported as 0 — it is at least
    /// 2^(P−8−p) times smaller than an ulp of the derivative in the working precision.
    ///
    /// `anchor` carries f(x) and f⁽ᴷ⁾(x) computed once for all the steps at x; without one (or
    /// when a step needs more bits than it holds) they are computed here.
    public static func measure<T: WorkingFloat>(
        method: DerivativeMethod, derivative k: Int = 1, of f: any CatalogFunction, at x: T, step h: T, estimate: T,
        anchor: Anchor? = nil, maximumBits: Int = 1 << 15
    ) -> ErrorSplit {
        guard estimate.isFinite, h != 0 else { return .unavailable }
        let stencil = method.stencil(derivative: k)
        var bits = startingBits(order: stencil?.order ?? 2, derivative: k, step: h)
        let exactX = x.exact, exactH = h.exact, exactEstimate = estimate.exact
        let anchor = anchor.flatMap { $0.derivative.precision >= bits + 64 && $0.order == k ? $0 : nil }
            ?? Anchor(of: f, at: exactX, order: k, precision: bits + 64)
        // The complex step for f″ differences f(x) and Re f(x + ih), with weights 2 and −2; the
        // multicomplex step, like the complex step's f′, differences nothing.
        let sampleWeight = stencil.map { Double($0.weights.map(abs).reduce(0, +)) / Double($0.denominator) }
            ?? (method == .complex && k == 2 ? 4 : 0)
        let scale = sampleWeight * abs(anchor.value) / Foundation.pow(Double(h), Double(k)) + abs(anchor.derivative.doubleValue)
        func split(at precision: Int) -> (truncation: BigFloat, rounding: BigFloat) {
            let exact = if let stencil {
                stencil.exactValue(of: f, at: exactX, step: exactH, precision: precision)
            } else if method == .multicomplex {
                MulticomplexStep.exactValue(k, of: f, at: exactX, step: exactH, precision: precision)
            } else if k == 2 {
                ComplexStep.exactSecondDerivative(of: f, at: exactX, step: exactH, precision: precision)
            } else {
                ComplexStep.exactValue(of: f, at: exactX, step: exactH, precision: precision)
            }
            let derivative = anchor.derivative.precision >= precision
                ? anchor.derivative.withPrecision(precision)
                : f.exactDerivative(at: exactX.withPrecision(precision), order: k)
            return (exact - derivative, exactEstimate.withPrecision(precision) - exact)
        }
        while bits <= maximumBits {
            let noise = BigFloat(scale) * BigFloat.pow(BigFloat(2), 8 - bits)
            let low = split(at: bits), high = split(at: bits + 64)
            if let truncation = settled(low.truncation, high.truncation, noise: noise),
               let rounding = settled(low.rounding, high.rounding, noise: noise) {
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

    /// f(x), for the noise floor, and f⁽ᴷ⁾(x) to `precision` bits: what every step at x shares.
    public struct Anchor: Sendable {
        public let value: Double
        public let derivative: BigFloat
        /// K: which derivative `derivative` is.
        public let order: Int

        /// The anchor of `f` at `x`: f(x) and the exact f⁽ᴷ⁾(x) the split needs, at `precision`
        /// bits.
        public init(of f: any CatalogFunction, at x: BigFloat, order k: Int = 1, precision: Int) {
            value = f.exactValue(at: x.withPrecision(precision)).doubleValue
            derivative = f.exactDerivative(at: x.withPrecision(precision), order: k)
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
            self.init(of: f, at: x.exact, order: k, precision: bits + 64)
        }
    }

    /// The part's value if the two precisions agree to 2^−40 relative, 0 if both are below the
    /// noise floor, nil if neither.
    static func settled(_ a: BigFloat, _ b: BigFloat, noise: BigFloat) -> Double? {
        guard a.isFinite, b.isFinite else { return nil }
        if a.magnitude <= noise && b.magnitude <= noise { return 0 }
        if (a - b).magnitude <= b.magnitude * BigFloat.pow(BigFloat(2), -40) { return b.doubleValue }
        return nil
    }

    /// AD: no truncation; the rounding is the whole signed error.
    public static func automatic<T: WorkingFloat>(estimate: T, truth: Truth<T>) -> ErrorSplit {
        guard estimate.isFinite else { return .unavailable }
        let error = estimate.exact.withPrecision(truth.exact.precision) - truth.exact
        return ErrorSplit(truncation: 0, rounding: error.doubleValue)
    }
}
