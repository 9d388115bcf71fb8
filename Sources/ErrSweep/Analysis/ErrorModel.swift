import Foundation

/// The textbook model of one method's error at one point: the Taylor terms of the truncation, a
/// first-order bound on the rounding, and the step that balances them — for f′, or for the K-th
/// derivative a sweep measures.
public struct ErrorModel: Sendable, Equatable {
    /// One term C·hᵏ of the truncation series, C = cₖ·f⁽ᴷ⁺ᵏ⁾(x).
    public struct Term: Sendable, Equatable {
        public var order: Int
        public var coefficient: Double
    }

    public let method: DerivativeMethod
    /// K: the model is of the estimate of f⁽ᴷ⁾.
    public let derivative: Int
    /// The power of h the rounding is divided by: K for a formula that differences values of f
    /// (a stencil, the complex step's f″), 0 for one that subtracts nothing (the complex step's
    /// f′, AD), whose rounding does not grow as h shrinks.
    public let roundingPower: Int
    /// The nonzero terms through f⁽⁷⁾, lowest order first. The first is the classical leading
    /// term; the later ones matter where it (nearly) vanishes: the forward difference of the
    /// sigmoid at 0 has f″ = 0 exactly and starts at h²; Runge's function at the double nearest
    /// 0.2 has f‴ ≈ 1e−13 (it is 0 at exactly 0.2), so central differences there follow h⁴ at
    /// every step a sweep can see. Empty for AD, and where no term is nonzero (central
    /// differences of an even function at 0 have no truncation at all).
    public let terms: [Term]
    /// The rounding model's variance, as a quadratic in h (see `make`): the rounding's standard
    /// deviation is u·√(a₀ + a₁h + a₂h²)/(√3·d·hᴷ) for a stencil, and u·√a₀/√3 for the complex
    /// step's f′ and AD.
    public let roundingVariance: (a0: Double, a1: Double, a2: Double)
    /// u/(√3·d) for a stencil, u/√3 otherwise.
    let roundingScale: Double

    public static func == (a: ErrorModel, b: ErrorModel) -> Bool {
        a.method == b.method && a.derivative == b.derivative && a.roundingPower == b.roundingPower && a.terms == b.terms && a.roundingVariance == b.roundingVariance
            && a.roundingScale == b.roundingScale
    }

    /// The truncation series at h, signed (0 for AD).
    public func truncation(at h: Double) -> Double {
        terms.map { $0.coefficient * Foundation.pow(h, Double($0.order)) }.reduce(0, +)
    }

    /// The typical size (standard deviation) of the rounding error at h.
    public func rounding(at h: Double) -> Double {
        let v = roundingVariance
        if roundingPower == 0 { return roundingScale * v.a0.squareRoot() }
        // √(a₀ + a₁h + a₂h²)/hᴷ written so that no term underflows for tiny h.
        let root = (v.a0 / (h * h) + v.a1 / h + v.a2).squareRoot()
        return roundingScale * root / Foundation.pow(h, Double(roundingPower - 1))
    }

    /// The order of the term largest at h: the slope a sweep should see there.
    public func order(at h: Double) -> Int? {
        terms.max { abs($0.coefficient) * Foundation.pow(h, Double($0.order)) < abs($1.coefficient) * Foundation.pow(h, Double($1.order)) }?.order
    }

    /// Whether one term is at least ten times the others together at h, and the series is
    /// converging there (its last term a tenth of the largest or less, so the terms left out are
    /// smaller still): where the truncation follows a single order (`order(at:)`), not a blend
    /// of two, nor a series past its radius of convergence (√x at 0.01 with steps near 0.01).
    public func hasOneOrder(at h: Double) -> Bool {
        let sizes = terms.map { abs($0.coefficient) * Foundation.pow(h, Double($0.order)) }
        guard let largest = sizes.max(), let last = sizes.last else { return true }
        return largest >= 10 * (sizes.reduce(0, +) - largest) && (sizes.count == 1 || last <= largest / 10)
    }

    /// The leading order, the method's classical one unless f's derivative in it vanishes.
    public var leadingOrder: Int? { terms.first?.order }

    /// Σ|Cₖ|hᵏ: the truncation with no help from terms of opposite sign cancelling.
    func truncationBound(at h: Double) -> Double {
        terms.map { abs($0.coefficient) * Foundation.pow(h, Double($0.order)) }.reduce(0, +)
    }

    /// The predicted best step. Where the error has a V it minimises Σ|Cₖ|hᵏ + rounding(h); with one term
    /// and f(x) ≠ 0 that is close to the classical h* = (A/(k|C|))^(1/(k+1)) with A = h·rounding(h)
    /// (Press et al., *Numerical Recipes*, 3rd ed., §5.7). The complex step has no minimum — its
    /// error falls to its floor and stays there — and neither has a stencil where f(x) = 0, so
    /// there this is the largest step on the floor, where Σ|Cₖ|hᵏ equals the rounding. Nil for AD
    /// and where there is no truncation.
    public var optimalStep: Double? {
        guard !terms.isEmpty, rounding(at: 1) > 0 else { return nil }
        // With f(x) = 0 (and no rounding of x + h) a stencil's rounding does not grow as h
        // shrinks either: like the complex step it has no V, only a floor.
        if roundingPower == 0 || !hasV {
            // Σ|Cₖ|hᵏ increases with h: bisect log h for the point where it reaches the floor.
            // 60 halvings take the 310-decade bracket below 10⁻¹⁵ of a decade.
            var low = -300.0, high = 10.0
            for _ in 0..<60 {
                let middle = (low + high) / 2
                let h = Foundation.pow(10, middle)
                if truncationBound(at: h) < rounding(at: h) { low = middle } else { high = middle }
            }
            return Foundation.pow(10, low)
        }
        // Σ|Cₖ|hᵏ + rounding(h) has one minimum in log h (a sum of terms monotone in h, one
        // falling and the rest rising): golden-section search.
        let total = { (logH: Double) -> Double in
            let h = Foundation.pow(10, logH)
            return self.truncationBound(at: h) + self.rounding(at: h)
        }
        var a = -300.0, b = 10.0
        let ratio = (5.0.squareRoot() - 1) / 2
        // Each step keeps 0.618 of the bracket: 80 take 310 decades below 10⁻¹⁴ of one.
        for _ in 0..<80 {
            let c = b - ratio * (b - a), d = a + ratio * (b - a)
            if total(c) < total(d) { b = d } else { a = c }
        }
        return Foundation.pow(10, (a + b) / 2)
    }

    /// Whether the error has a V: a rounding that grows as h shrinks (a difference stencil where
    /// f(x) ≠ 0 or x + h is rounded, or a stencil of a higher derivative anywhere).
    public var hasV: Bool { roundingPower > 1 || (roundingPower == 1 && roundingVariance.a0 > 0) }

    /// The truncation order theory gives at the model's best step h*; nil where there is no h*
    /// (no V, or no truncation at all).
    public var theoreticalOrder: Int? { optimalStep.flatMap(order(at:)) }

    /// The slope of log|rounding| on log h where rounding dominates: −K where it grows as h
    /// shrinks (the division by hᴷ), 1 − K where f(x) = 0 leaves samples of size h·f′, 0 with no
    /// V at all.
    public var theoreticalRoundingSlope: Int {
        roundingPower == 0 ? 0 : roundingVariance.a0 > 0 ? -roundingPower : 1 - roundingPower
    }

    /// The predicted error at the best step: Σ|Cₖ|h*ᵏ + rounding(h*) where there is a V, the
    /// rounding floor where there is not.
    public var optimalError: Double? {
        if roundingPower == 0 { return rounding(at: 1) }
        if !hasV { return optimalStep.map { rounding(at: $0) } }
        guard let h = optimalStep else { return nil }
        return truncationBound(at: h) + rounding(at: h)
    }

    /// The model of the K-th derivative from f and its derivatives at x ([f, f′, …, f⁽⁶⁺ᴷ⁾], from
    /// `HigherDerivatives`; terms past the last derivative given are left out).
    ///
    /// Rounding. In a precision with unit roundoff u = ε/2, a correctly rounded result r is off
    /// by δ·|r| with δ spread evenly over [−u, u]: mean 0, standard deviation u/√3 (the classic
    /// statistical model; Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §2.8).
    /// For a stencil Σwᵢf(x + oᵢh)/(dh), sample i is off by its own rounding, of size
    /// |f(x + oᵢh)| ≈ |f(x)| + |oᵢh·f′(x)|, and — where the point x + oᵢh was itself rounded, by
    /// up to u|x| — by |x·f′(x)| times another such δ. Independent errors add in variance:
    ///
    ///     rounding(h) = u/(√3·d·h) · √( Σᵢ wᵢ² [(|f| + |oᵢh·f′|)² + [oᵢ ≠ 0]·x²f′²] )
    ///                 = u/(√3·d·h) · √(a₀ + a₁h + a₂h²).
    ///
    /// With f(x) ≠ 0 and small h this is the textbook c·ε·|f|/h (Numerical Recipes §5.7) with
    /// c = √(Σwᵢ²)/(2√3·d): forward and backward 0.41, central 0.20, central5 0.48 — against the
    /// worst case Σ|wᵢ|/(2d) of 1, 0.5 and 0.75; a sweep sees the typical size, about 0.4 of the
    /// worst case. Where f(x) = 0 (sin at 0) the a₂ term leaves the rounding constant in h: no
    /// left arm of the V. `--exact-step` removes the x²f′² term. The complex step and AD subtract
    /// nothing, so their rounding is that of f′ itself: u|f′(x)|/√3.
    ///
    /// The K-th derivative. A stencil divides by d·hᴷ, so its rounding grows as ε|f|·√(Σwᵢ²)/hᴷ
    /// while its truncation shrinks as C·hᵖ: the two balance at h* ∝ ε^(1/(K+p)), and the best
    /// error is ∝ ε^(p/(K+p)) — for the second central difference h* ≈ ε^¼ and an error near √ε.
    /// The complex step's f″, 2(f(x) − Re f(x + ih))/h², differences f(x) and Re f(x + ih), each
    /// rounded by about u(|f| + |x·f′|): weights 2 and −2 over h². AD stays u|f⁽ᴷ⁾|/√3.
    public static func make(
        method: DerivativeMethod, derivative K: Int = 1, derivatives: [BigFloat], x: Double, precision: Precision,
        exactStep: Bool = false
    ) -> ErrorModel {
        let point = RoundingPoint(
            value: abs(derivatives[0].doubleValue), slope: abs(derivatives[1].doubleValue), derivative: abs(derivatives[K].doubleValue),
            x: x, unitRoundoff: precision.unitRoundoff, exactStep: exactStep)
        let rounding = method.scheme.roundingModel(derivative: K, at: point)
        // A derivative counts as zero below 2^−100 of the largest: the duals carry a few hundred
        // bits, so an exact zero (σ″(0)) comes out as rounding noise far below that.
        let largest = derivatives.map { abs($0.doubleValue) }.filter(\.isFinite).max() ?? 1
        let threshold = max(largest, 1) * 0x1p-100
        let series = TruncationSeries.coefficients(of: method, derivative: K) ?? []
        let terms = series.enumerated().compactMap { index, c -> Term? in
            guard index + 1 + K < derivatives.count else { return nil }
            let derivative = derivatives[index + 1 + K].doubleValue
            guard c != 0, abs(derivative) > threshold else { return nil }
            return Term(order: index + 1, coefficient: c * derivative)
        }
        return ErrorModel(method: method, derivative: K, roundingPower: rounding.power, terms: terms, roundingVariance: rounding.variance,
                          roundingScale: rounding.scale)
    }
}
