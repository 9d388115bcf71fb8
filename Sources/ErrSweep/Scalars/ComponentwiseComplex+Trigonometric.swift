import RealModule

/// sin, cos, tan and the hyperbolic functions, each part a product or quotient of real functions.
extension ComponentwiseComplex {
    /// sin x·cosh y + i·cos x·sinh y.
    @inlinable
    public static func sin(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.sin(x), y * Part.cos(x)) }
        return ComponentwiseComplex(Part.sin(x) * Part.cosh(y), Part.cos(x) * Part.sinh(y))
    }

    /// cos x·cosh y − i·sin x·sinh y.
    @inlinable
    public static func cos(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.cos(x), -y * Part.sin(x)) }
        return ComponentwiseComplex(Part.cos(x) * Part.cosh(y), -(Part.sin(x) * Part.sinh(y)))
    }

    /// sinh x·cos y + i·cosh x·sin y.
    @inlinable
    public static func sinh(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.sinh(x), y) }
        return ComponentwiseComplex(Part.sinh(x) * Part.cos(y), Part.cosh(x) * Part.sin(y))
    }

    /// cosh x·cos y + i·sinh x·sin y.
    @inlinable
    public static func cosh(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.cosh(x), y * Part.sinh(x)) }
        return ComponentwiseComplex(Part.cosh(x) * Part.cos(y), Part.sinh(x) * Part.sin(y))
    }

    /// tanh(x + iy) with t = tan y, τ = tanh x (Kahan 1987, "tanh"):
    ///
    ///     Re = τ·(1 + t²) / (1 + t²τ²),   Im = t·sech²x / (1 + t²τ²)
    ///
    /// Nothing cancels: the textbook sinh z / cosh z is accurate only in norm, and as x grows its
    /// tiny imaginary part is lost (swift-numerics' tanh at 20 + 1e−20i: 1e16 ulps). sech²x is
    /// 4w/(1 + w)² with w = e^(−2|x|) ≤ 1: no overflow, and w's rounding reaches it damped by
    /// (1 − w)/(1 + w), where 1/cosh²x doubles cosh's.
    /// Products, sums and quotients are double words, rounded once at the end: in single words
    /// their six roundings cost tan's complex step 3 ulps at −1.3 (tan z is −i·tanh(iz), so its
    /// derivative lives in τ·(1 + t²)). Where t² overflows (t = tan y near a pole, in a narrow
    /// format) numerator and denominator are divided by t².
    @inlinable
    public static func tanh(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.tanh(x), y) }
        let tau = Part.tanh(x)
        let t = Part.tan(y)
        let w = Part.exp(-2 * x.magnitude)
        let onePlusW = DoubleWord.fastSum(1, w)
        let sechSquared = DoubleWord(4 * w) / (onePlusW * onePlusW)
        let tSquared = DoubleWord(product: t, t)
        if tSquared.hi.isFinite {
            let denominator = tSquared * tau * tau + 1
            let real = (tSquared + 1) * tau / denominator
            return ComponentwiseComplex(real.rounded, (sechSquared * t / denominator).rounded)
        }
        let s = 1 / t
        let denominator = (s * s).addingProduct(tau, tau)
        return ComponentwiseComplex(tau * (1 as Part).addingProduct(s, s) / denominator, sechSquared.rounded * s / denominator)
    }

    /// tan z = −i·tanh(iz): with iz = −y + ix and tanh(iz) = a + ib, tan z = b − ia.
    @inlinable
    public static func tan(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let w = tanh(ComponentwiseComplex(-z.imaginary, z.real))
        return ComponentwiseComplex(w.imaginary, -w.real)
    }
}
