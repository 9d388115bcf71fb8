import RealModule

/// The elementary functions of a + ιb, each part from functions of a and b (Lantoine, Russell &
/// Dargent 2012, §3; the addition theorems of the trigonometric and hyperbolic functions with
/// cos ιb = cosh b, sin ιb = ι·sinh b). The multicomplex step evaluates them where b is of the
/// order of the step, so ι's part must come out as b times something, not as the difference of
/// two numbers of a's size. Where b is exactly 0 — the seed's inner parts, and constants — each is
/// its function of a alone (cosh 0 = 1, sinh 0 = 0), which spares the nested levels three calls
/// each.
extension Multicomplex: ElementaryFunctions {
    @inlinable
    public static func exp(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.exp(z.real)) }
        let e = Base.exp(z.real)
        return Multicomplex(e * Base.cos(z.imaginary), e * Base.sin(z.imaginary))
    }

    /// eᵃ cos b − 1 = (eᵃ − 1)cos b − 2sin²(b/2): no 1 subtracted from a number near 1.
    @inlinable
    public static func expMinusOne(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.expMinusOne(z.real)) }
        let half = Base.sin(z.imaginary / 2)
        return Multicomplex(Base.expMinusOne(z.real) * Base.cos(z.imaginary) - 2 * half * half,
                            Base.exp(z.real) * Base.sin(z.imaginary))
    }

    @inlinable
    public static func sin(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.sin(z.real)) }
        return Multicomplex(Base.sin(z.real) * Base.cosh(z.imaginary), Base.cos(z.real) * Base.sinh(z.imaginary))
    }

    @inlinable
    public static func cos(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.cos(z.real)) }
        return Multicomplex(Base.cos(z.real) * Base.cosh(z.imaginary), -(Base.sin(z.real) * Base.sinh(z.imaginary)))
    }

    @inlinable
    public static func sinh(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.sinh(z.real)) }
        return Multicomplex(Base.sinh(z.real) * Base.cos(z.imaginary), Base.cosh(z.real) * Base.sin(z.imaginary))
    }

    @inlinable
    public static func cosh(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.cosh(z.real)) }
        return Multicomplex(Base.cosh(z.real) * Base.cos(z.imaginary), Base.sinh(z.real) * Base.sin(z.imaginary))
    }

    /// tan(a + ιb) = (tan a + ι tanh b)/(1 − ι tan a tanh b) = (t·sech²b + ι s(1 + t²))/(1 + t²s²)
    /// with t = tan a, s = tanh b: 1 − s² is formed as 1/cosh²b, not by subtraction.
    @inlinable
    public static func tan(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.tan(z.real)) }
        let t = Base.tan(z.real), s = Base.tanh(z.imaginary), c = Base.cosh(z.imaginary)
        let scale = 1 + t * t * s * s
        return Multicomplex(t / (c * c) / scale, s * (1 + t * t) / scale)
    }

    /// tanh(a + ιb) = (tanh a + ι tan b)/(1 + ι tanh a tan b)
    ///              = t + t·s²·sech²a/(1 + t²s²) + ι·s·sech²a/(1 + t²s²)
    /// with t = tanh a, s = tan b. Both parts carry sech²a = 1/cosh²a, which where tanh a is near
    /// ±1 (a = 24: 1e−20) would be lost as 1 − t², and so would the real part's small terms if
    /// written t(1 + s²)/(1 + t²s²); finite where cosh a overflows (sech²a is then 0).
    @inlinable
    public static func tanh(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.tanh(z.real)) }
        let t = Base.tanh(z.real), s = Base.tan(z.imaginary), c = Base.cosh(z.real)
        let damped = s / (c * c) / (1 + t * t * s * s)
        return Multicomplex(t + t * s * damped, damped)
    }

    /// log(a + ιb) = log a + ½·log1p((b/a)²) + ι·atan(b/a), on the principal branch where a's
    /// real part is positive (where the real log is defined).
    @inlinable
    public static func log(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.log(z.real)) }
        let ratio = z.imaginary / z.real
        return Multicomplex(Base.log(z.real) + Base.log(onePlus: ratio * ratio) / 2, Base.atan(ratio))
    }

    /// log(1 + a + ιb) = log1p(a) + ½·log1p((b/(1 + a))²) + ι·atan(b/(1 + a)).
    @inlinable
    public static func log(onePlus z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.log(onePlus: z.real)) }
        let ratio = z.imaginary / (1 + z.real)
        return Multicomplex(Base.log(onePlus: z.real) + Base.log(onePlus: ratio * ratio) / 2, Base.atan(ratio))
    }

    /// √(a + ιb) = s + ιb/(2s), s = √((m + a)/2), m = a·√(1 + (b/a)²) (m² = a² + b²): m + a adds
    /// two numbers of one sign.
    @inlinable
    public static func sqrt(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.sqrt(z.real)) }
        let ratio = z.imaginary / z.real
        let m = z.real * Base.sqrt(1 + ratio * ratio)
        let s = Base.sqrt((m + z.real) / 2)
        return Multicomplex(s, z.imaginary / (2 * s))
    }

    /// atan(a + ιb) = ½(atan(a/(1 + b)) + atan(a/(1 − b))) + ι·¼·log1p(4b/((1 − b)² + a²)), from
    /// atan z = (ι/2)(log(1 − ιz) − log(1 + ιz)) with the two logarithms' difference formed as one
    /// log1p; on the branch |b| < 1, where the step lives.
    @inlinable
    public static func atan(_ z: Multicomplex) -> Multicomplex {
        if z.imaginary == 0 { return Multicomplex(Base.atan(z.real)) }
        let a = z.real, b = z.imaginary
        let real = (Base.atan(a / (1 + b)) + Base.atan(a / (1 - b))) / 2
        return Multicomplex(real, Base.log(onePlus: 4 * b / ((1 - b) * (1 - b) + a * a)) / 4)
    }

    /// asin z = atan(z/√((1 − z)(1 + z))) on (−1, 1).
    @inlinable
    public static func asin(_ z: Multicomplex) -> Multicomplex { atan(z / sqrt((1 - z) * (1 + z))) }

    /// acos z = 2·atan(√((1 − z)/(1 + z))) on (−1, 1]: no π/2 − asin z to cancel near 1.
    @inlinable
    public static func acos(_ z: Multicomplex) -> Multicomplex { 2 * atan(sqrt((1 - z) / (1 + z))) }

    /// asinh z = log1p(z + z²/(1 + √(1 + z²))), odd: computed for z ≥ 0 and reflected.
    @inlinable
    public static func asinh(_ z: Multicomplex) -> Multicomplex {
        if isNegative(z) { return -asinh(-z) }
        return log(onePlus: z + z * z / (1 + sqrt(1 + z * z)))
    }

    /// acosh z = log1p((z − 1) + √((z − 1)(z + 1))) for z ≥ 1.
    @inlinable
    public static func acosh(_ z: Multicomplex) -> Multicomplex {
        log(onePlus: (z - 1) + sqrt((z - 1) * (z + 1)))
    }

    /// atanh z = ½·log1p(2z/(1 − z)).
    @inlinable
    public static func atanh(_ z: Multicomplex) -> Multicomplex { log(onePlus: 2 * z / (1 - z)) / 2 }

    /// zⁿ by repeated squaring.
    @inlinable
    public static func pow(_ z: Multicomplex, _ n: Int) -> Multicomplex { binaryPower(z, n) }

    /// z^w = exp(w·log z).
    @inlinable
    public static func pow(_ z: Multicomplex, _ w: Multicomplex) -> Multicomplex { exp(w * log(z)) }

    /// The n-th root, exp(log(z)/n); for odd n and z < 0, the real root −(−z)^(1/n).
    @inlinable
    public static func root(_ z: Multicomplex, _ n: Int) -> Multicomplex {
        if isNegative(z), n % 2 == 1 { return -root(-z, n) }
        return exp(log(z) / Multicomplex(Base(exactly: n)!))
    }
}
