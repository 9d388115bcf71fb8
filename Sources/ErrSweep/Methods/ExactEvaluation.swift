/// The difference methods evaluated without rounding error: what each would give in real
/// arithmetic for the x and h a floating-point run actually used. The gap between this and
/// f′(x) is the method's truncation error; the gap between the floating-point estimate and this
/// is its rounding error.
extension Stencil {
    /// Σ wᵢ·f(x + oᵢ·h) / (d·hᵏ) with every point x + oᵢ·h formed exactly (never rounded to the
    /// working precision), f evaluated at `precision` bits or more, and the weighted sum formed
    /// exactly, so that samples which cancel in real arithmetic (an even f at x = 0 under a
    /// central stencil) cancel here too. The one rounding is the final division.
    public func exactValue(of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> BigFloat {
        var sum = BigFloat(0)
        for (offset, weight) in zip(offsets, weights) {
            let point = offset == 0 ? x : BigFloat.exactSum(x, BigFloat.exactProduct(BigFloat(offset), h))
            let sample = f.exactValue(at: point.withPrecision(max(point.precision, precision)))
            sum = BigFloat.exactSum(sum, BigFloat.exactProduct(BigFloat(weight), sample))
        }
        var scale = BigFloat.exactProduct(BigFloat(denominator), h)
        for _ in 1..<max(derivative, 1) { scale = BigFloat.exactProduct(scale, h) }
        return sum.withPrecision(max(sum.precision, precision)) / scale
    }
}

extension ComplexStep {
    /// Im f(x + ih) / h evaluated in MPC at `precision` bits, each part of every operation
    /// correctly rounded.
    public static func exactValue(of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> BigFloat {
        let z = BigComplex(x, h, precision: precision)
        return BigFloat.withLiteralPrecision(z.precision) { f(z) }.imaginary / h
    }

    /// 2(f(x) − Re f(x + ih))/h² evaluated in MPC at `precision` bits (`secondDerivative`).
    public static func exactSecondDerivative(of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> BigFloat {
        let z = BigComplex(x, h, precision: precision)
        let real = BigFloat.withLiteralPrecision(precision) { f(x.withPrecision(precision)) - f(z).real }
        return 2 * real / BigFloat.exactProduct(h, h)
    }
}
