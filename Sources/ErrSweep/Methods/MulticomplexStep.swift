/// The multicomplex step: f⁽ᴷ⁾(x) ≈ Im₁…ₖ f(x + h(i₁ + … + iₖ))/hᴷ, the coefficient of i₁⋯iₖ read
/// from f evaluated in multicomplex numbers (Lantoine, Russell & Dargent, ACM TOMS 38(3), 2012).
///
/// Expanding f(x + hs), s = i₁ + … + iₖ, the coefficient of i₁⋯iₖ in sⁿ/n! is that of tⁿ in
/// (sin t)ᴷ — each unit must appear an odd number of times, and i^(2m+1) = (−1)ᵐi — so
///
///     Im₁…ₖ f(x + hs)/hᴷ = f⁽ᴷ⁾(x) + Σₖ [t^(K+k)](sin t)ᴷ · f⁽ᴷ⁺ᵏ⁾(x) · hᵏ,
///
/// which for K = 2 is f″ − h²f⁽⁴⁾/3 + 2h⁴f⁽⁶⁾/45: second order, like the complex step, with no
/// difference of values, so no rounding that grows as h shrinks (`TruncationSeries`).
public enum MulticomplexStep {
    /// The estimate of f⁽ᴷ⁾(x), K = 1…4, evaluated in T's components: for K = 1 the complex
    /// step itself.
    @inlinable
    public static func derivative<T: WorkingFloat>(_ k: Int, of f: some GenericFunction, at x: T, step h: T) -> T {
        typealias C = ComponentwiseComplex<T>
        typealias C2 = Multicomplex<C>
        typealias C3 = Multicomplex<C2>
        typealias C4 = Multicomplex<C3>
        // The i₁⋯iₖ part, then divided by h one factor at a time: hᴷ itself may underflow.
        let part: T
        switch k {
        case 1: part = f(C(x, h)).imaginary
        case 2: part = f(C2(C(x, h), C(h))).imaginary.imaginary
        case 3: part = f(C3(C2(C(x, h), C(h)), C2(C(h)))).imaginary.imaginary.imaginary
        case 4: part = f(C4(C3(C2(C(x, h), C(h)), C2(C(h))), C3(C2(C(h))))).imaginary.imaginary.imaginary.imaginary
        default: preconditionFailure("derivatives 1 to 4 only, not \(k)")
        }
        var result = part
        for _ in 0..<k { result /= h }
        return result
    }

    /// The same formula evaluated over complex balls at `precision` bits: every part of every
    /// operation enclosed, for the split.
    public static func exactValue(_ k: Int, of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball {
        typealias C = ComplexBall
        typealias C2 = Multicomplex<C>
        typealias C3 = Multicomplex<C2>
        typealias C4 = Multicomplex<C3>
        let z = C(x, h, precision: precision), step = C(h, 0, precision: precision)
        let part: Ball = BigFloat.withLiteralPrecision(precision) {
            switch k {
            case 1: f(z).imaginary
            case 2: f(C2(z, step)).imaginary.imaginary
            case 3: f(C3(C2(z, step), C2(step))).imaginary.imaginary.imaginary
            case 4: f(C4(C3(C2(z, step), C2(step)), C3(C2(step)))).imaginary.imaginary.imaginary.imaginary
            default: preconditionFailure("derivatives 1 to 4 only, not \(k)")
            }
        }
        var power = h
        for _ in 1..<k { power = BigFloat.exactProduct(power, h) }
        return part / Ball(power, precision: precision)
    }
}
