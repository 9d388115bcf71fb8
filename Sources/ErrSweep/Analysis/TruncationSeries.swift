/// How a method's estimate of the K-th derivative departs from f⁽ᴷ⁾(x) in real arithmetic, as a
/// power series in h:
///
///     D(h) − f⁽ᴷ⁾(x) = Σₖ cₖ · f⁽ᴷ⁺ᵏ⁾(x) · hᵏ,   k ≥ 1.
///
/// For a stencil, Taylor-expanding each sample f(x + oᵢh) = Σⱼ f⁽ʲ⁾(x)(oᵢh)ʲ/j! gives
/// cₖ = Σᵢ wᵢ·oᵢ^(K+k) / (d·(K+k)!) exactly (Fornberg 1988, §2): for f′ forward c₁ = 1/2,
/// central c₂ = 1/6, central5 c₄ = −1/30; for f″ central c₂ = 1/12. For the complex step,
/// Im f(x + ih)/h = Σⱼ (−1)ʲ f⁽²ʲ⁺¹⁾(x) h²ʲ/(2j+1)! gives c₂ = −1/6, c₄ = 1/120, c₆ = −1/5040
/// (Squire & Trapp 1998), and 2(f(x) − Re f(x + ih))/h² = Σⱼ₌₁ 2(−1)ʲ⁺¹ f⁽²ʲ⁾(x) h²ʲ⁻²/(2j)!
/// gives c₂ = −1/12, c₄ = 1/360; odd terms are zero. The multicomplex step's cₖ is the
/// coefficient of t^(K+k) in (sin t)ᴷ (`MulticomplexStep`): for f″, −1/3 and 2/45.
public enum TruncationSeries {
    /// c₁ … c₆ (index k − 1) for the K-th derivative — through c_(p+2) for a formula of order
    /// p > 4 — nil for AD (no truncation).
    public static func coefficients(of method: DerivativeMethod, derivative K: Int = 1) -> [Double]? {
        method.scheme.truncationCoefficients(derivative: K, count: HigherDerivatives.order(for: K, methods: [method]) - K)
    }
}
