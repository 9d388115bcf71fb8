/// How a method's estimate departs from f′(x) in real arithmetic, as a power series in h:
///
///     D(h) − f′(x) = Σₖ cₖ · f⁽ᵏ⁺¹⁾(x) · hᵏ,   k ≥ 1.
///
/// For a stencil, Taylor-expanding each sample f(x + oᵢh) = Σⱼ f⁽ʲ⁾(x)(oᵢh)ʲ/j! gives
/// cₖ = Σᵢ wᵢ·oᵢ^(k+1) / (d·(k+1)!) exactly (Fornberg 1988, §2): forward c₁ = 1/2, central c₂ = 1/6,
/// central5 c₄ = −1/30. For the complex step, Im f(x + ih)/h = Σⱼ (−1)ʲ f⁽²ʲ⁺¹⁾(x) h²ʲ/(2j+1)!
/// gives c₂ = −1/6, c₄ = 1/120, c₆ = −1/5040 and zero odd terms (Squire & Trapp 1998).
public enum TruncationSeries {
    /// c₁ … c₆ (index k − 1), nil for AD (no truncation).
    public static func coefficients(of method: DerivativeMethod) -> [Double]? {
        let orders = 1...(HigherDerivatives.highestOrder - 1)
        if let stencil = method.stencil {
            return orders.map { k in
                let moment = zip(stencil.weights, stencil.offsets).map { w, o in w * power(o, k + 1) }.reduce(0, +)
                return Double(moment) / (Double(stencil.denominator) * Double(factorial(k + 1)))
            }
        }
        if method == .complex {
            return orders.map { k in k % 2 == 1 ? 0 : (k % 4 == 2 ? -1 : 1) / Double(factorial(k + 1)) }
        }
        return nil
    }

    static func power(_ base: Int, _ exponent: Int) -> Int { (0..<exponent).reduce(1) { acc, _ in acc * base } }
    static func factorial(_ n: Int) -> Int { (1...max(n, 1)).reduce(1, *) }
}
