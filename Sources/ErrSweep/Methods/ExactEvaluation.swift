/// The difference methods evaluated without rounding error: what each would give in real
/// arithmetic for the x and h a floating-point run actually used, enclosed in a ball. The gap
/// between this and f′(x) is the method's truncation error; the gap between the floating-point
/// estimate and this is its rounding error.
extension Stencil {
    /// Σ wᵢ·f(x + oᵢ·h) / (d·hᵏ) in ball arithmetic at `precision` bits, every point x + oᵢ·h
    /// formed exactly (never rounded to the working precision). Samples that cancel in real
    /// arithmetic (an even f at x = 0 under a central stencil) leave a ball around 0 whose radius
    /// shrinks with the precision.
    public func exactValue(of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball {
        var sum = Ball(0, precision: precision)
        for (offset, weight) in zip(offsets, weights) {
            let point = offset == 0 ? x : BigFloat.exactSum(x, BigFloat.exactProduct(BigFloat(offset), h))
            sum = sum + Ball(weight, precision: precision) * f.valueBall(at: point, precision: precision)
        }
        var scale = BigFloat.exactProduct(BigFloat(denominator), h)
        for _ in 1..<max(derivative, 1) { scale = BigFloat.exactProduct(scale, h) }
        return sum / Ball(scale, precision: precision)
    }
}

extension ComplexStep {
    /// Im f(x + ih) / h in complex ball arithmetic at `precision` bits.
    public static func exactValue(of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball {
        let z = ComplexBall(x, h, precision: precision)
        return BigFloat.withLiteralPrecision(precision) { f(z) }.imaginary / Ball(h, precision: precision)
    }

    /// 2(f(x) − Re f(x + ih))/h² in complex ball arithmetic at `precision` bits
    /// (`secondDerivative`).
    public static func exactSecondDerivative(of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball {
        let z = ComplexBall(x, h, precision: precision)
        let real = BigFloat.withLiteralPrecision(precision) { f(Ball(x, precision: precision)) - f(z).real }
        return 2 * real / Ball(BigFloat.exactProduct(h, h), precision: precision)
    }
}
