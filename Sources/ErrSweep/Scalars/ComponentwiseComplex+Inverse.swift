import RealModule

/// The inverse trigonometric and hyperbolic functions, on the principal branches of C99 (Annex G).
extension ComponentwiseComplex {
    /// asin z, from `inverseSine`: the real part takes Re z's sign, the imaginary part Im z's.
    @inlinable
    public static func asin(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let parts = inverseSine(z.real.magnitude, z.imaginary.magnitude)
        return ComponentwiseComplex(Part(signOf: z.real, magnitudeOf: parts.asinReal), Part(signOf: z.imaginary, magnitudeOf: parts.imaginary))
    }

    /// acos z = π/2 − asin z, from the same parts without that subtraction: acos's own real part,
    /// reflected to π − it for Re z < 0, and the imaginary part with the sign opposite to Im z's.
    @inlinable
    public static func acos(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let parts = inverseSine(z.real.magnitude, z.imaginary.magnitude)
        let real = z.real.sign == .minus ? Part(constant: .pi) - parts.acosReal : parts.acosReal
        return ComponentwiseComplex(real, Part(signOf: -z.imaginary, magnitudeOf: parts.imaginary))
    }

    /// The parts of asin and acos at x + iy with x, y ≥ 0 (Hull, Fairgrieve & Tang, "Implementing
    /// the complex arcsine and arccosine functions using exception handling", ACM TOMS 23(3),
    /// 1997). With r = |z + 1|, s = |z − 1|, A = (r + s)/2 ≥ 1 and B = x/A:
    ///
    ///     asin z = asin B + i·log(A + √(A² − 1)),   acos z = acos B − i·log(A + √(A² − 1))
    ///
    /// computed as they prescribe where the direct forms lose digits: through atan when B is near
    /// 1, and through log1p of A − 1 (itself formed with no subtraction) when A is near 1.
    ///
    /// Where the complex step lives, y below √ε·|1 − x|/2, the series is used instead: A − 1 ∝ y²
    /// underflows for y ≈ 1e−200, and the general forms take six roundings for what is one
    /// quotient. For x < 1, asin z = asin x + i·y/√(1 − x²); for x > 1, asin z = π/2 − q +
    /// i·acosh x and acos z = q − i·acosh x with q = y/√(x² − 1); each to within ε relative, with
    /// 1 − x² or x² − 1 from one fused multiply-add.
    @inlinable
    static func inverseSine(_ x: Part, _ y: Part) -> (asinReal: Part, acosReal: Part, imaginary: Part) {
        if x < 1 && y < Part.ulpOfOne.squareRoot() * (1 - x) / 2 {
            let imaginary = y == 0 ? 0 : y / Part.sqrt((1 as Part).addingProduct(-x, x))
            return (Part.asin(x), Part.acos(x), imaginary)
        }
        if x > 1 && y < Part.ulpOfOne.squareRoot() * (x - 1) / 2 {
            let radicand = fusedSquareMinusOne(x)
            let q = radicand.isFinite ? y / Part.sqrt(radicand) : y / x
            return (Part(constant: .pi) / 2 - q, q, Part.acosh(x))
        }
        let r = Part.hypot(x + 1, y), s = Part.hypot(x - 1, y)
        let a = (r + s) / 2, b = x / a
        let aPlusX = a + x
        let asinReal: Part, acosReal: Part
        if b <= 0.6417 {
            asinReal = Part.asin(b)
            acosReal = Part.acos(b)
        } else if x <= 1 {
            let ySquaredTerm: Part = y * y / (r + (x + 1))
            let sum: Part = ySquaredTerm + (s + (1 - x))
            let d = Part.sqrt(aPlusX / 2 * sum)
            asinReal = Part.atan(x / d)
            acosReal = Part.atan(d / x)
        } else {
            let sum: Part = 1 / (r + (x + 1)) + 1 / (s + (x - 1))
            let d = y * Part.sqrt(aPlusX / 2 * sum)
            asinReal = Part.atan(x / d)
            acosReal = Part.atan(d / x)
        }
        let imaginary: Part
        if a <= 1.5 {
            let first: Part = y * y / (r + (x + 1))
            let second: Part = x < 1 ? y * y / (s + (1 - x)) : s + (x - 1)
            let aMinusOne = (first + second) / 2
            imaginary = Part.log(onePlus: aMinusOne + Part.sqrt(aMinusOne * (a + 1)))
        } else if a < 1 / Part.ulpOfOne {
            imaginary = Part.log(a + Part.sqrt((a - 1) * (a + 1)))
        } else {
            imaginary = Part.log(a) + Part.log(2)
        }
        return (asinReal, acosReal, imaginary)
    }

    /// atan z = (i/2)·log((i + z)/(i − z)) in Kahan's real form (1987, "atanh"):
    ///
    ///     Re = ½·atan2(2x, (1 − y)(1 + y) − x²),   Im = ¼·log1p(4y / (x² + (1 − y)²))
    ///
    /// with x² fused into each denominator. For y small enough that y² and the log1p's curvature
    /// are below ε, Im = y/(1 + x²) in two roundings (the complex step's case; swift-numerics
    /// returns −0 at 0.5 + 1e−20i).
    @inlinable
    public static func atan(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.atan(x), y) }
        let big = Swift.max(x.magnitude, y.magnitude)
        if big > Part.greatestFiniteMagnitude.squareRoot() / 4 {
            let xs = x / big, ys = y / big
            let halfPi = Part(constant: .pi) / 2
            return ComponentwiseComplex(Part(signOf: x, magnitudeOf: halfPi), ys / (ys * ys).addingProduct(xs, xs) / big)
        }
        if y.magnitude < Part.ulpOfOne * (1 as Part).addingProduct(x, x) / 4 {
            return ComponentwiseComplex(Part.atan(x), y / (1 as Part).addingProduct(x, x))
        }
        let real = Part.atan2(y: 2 * x, x: ((1 - y) * (1 + y)).addingProduct(-x, x)) / 2
        // ¼·log(N/D), N = x² + (1 + y)², D = x² + (1 − y)²; as log1p(4y/D) while 4y/D is small,
        // else as log(N/D): near y = ±1 the log1p's argument nears −1, where it is ill conditioned
        // (atanh(−0.9875 + 1e−20i) was 761 ulps off), and N or D is small but exact.
        let d = ((1 - y) * (1 - y)).addingProduct(x, x)
        let u = 4 * y / d
        let imaginary = u.magnitude <= 0.5
            ? Part.log(onePlus: u) / 4
            : Part.log(((1 + y) * (1 + y)).addingProduct(x, x) / d) / 4
        return ComponentwiseComplex(real, imaginary)
    }

    /// asinh z = −i·asin(iz).
    @inlinable
    public static func asinh(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let w = asin(ComponentwiseComplex(-z.imaginary, z.real))
        return ComponentwiseComplex(w.imaginary, -w.real)
    }

    /// atanh z = −i·atan(iz).
    @inlinable
    public static func atanh(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let w = atan(ComponentwiseComplex(-z.imaginary, z.real))
        return ComponentwiseComplex(w.imaginary, -w.real)
    }

    /// acosh z = ±i·acos z, the sign making the real part ≥ 0 (C99 Annex G): with acos z = a + ib,
    /// acosh z = −b + ia where b ≤ 0, else b − ia.
    @inlinable
    public static func acosh(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let w = acos(z)
        return w.imaginary.sign == .minus ? ComponentwiseComplex(-w.imaginary, w.real) : ComponentwiseComplex(w.imaginary, -w.real)
    }
}
