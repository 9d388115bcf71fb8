import RealModule

/// exp, expm1, log, log1p, powers and roots, each part from real functions with no cancellation
/// the true part does not have.
extension ComponentwiseComplex {
    @usableFromInline typealias Part = RealType

    /// e^x·(cos y + i sin y). Where e^x overflows but a part need not (a tiny sin y), e^(x/2) is
    /// applied twice.
    @inlinable
    public static func exp(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.exp(x), y) }
        let e = Part.exp(x)
        if e.isInfinite && x.isFinite {
            let half = Part.exp(x / 2)
            return ComponentwiseComplex(half * Part.cos(y) * half, half * Part.sin(y) * half)
        }
        return ComponentwiseComplex(e * Part.cos(y), e * Part.sin(y))
    }

    /// Re = e^x·cos y − 1 = expm1(x)·cos y − 2·sin²(y/2), which keeps the digits of both terms
    /// near 0; Im = e^x·sin y.
    @inlinable
    public static func expMinusOne(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.expMinusOne(x), y) }
        let s = Part.sin(y / 2)
        let real = Part.expMinusOne(x) * Part.cos(y) - 2 * s * s
        return ComponentwiseComplex(real, exp(ComponentwiseComplex(x, y)).imaginary)
    }

    /// σ(x + iy), each branch times the conjugate of its denominator. With w = e^(−|x|):
    ///
    ///     D  = |1 + w·e^(±iy)|² = (1 + w)² − 4w·sin²(y/2)
    ///     Im = w·sin y / D
    ///     Re = (1 + w·cos y) / D  for x ≥ 0,  w·(cos y + w) / D  below
    ///
    /// (1/(1 + e^(−z)) for x ≥ 0, e^z/(1 + e^z) below, as for the reals). The complex step reads
    /// y·σ′(x) from Im, and σ′ near ¼ is where an ulp is smallest relative to the value: through
    /// exp, an addition and a complex quotient it was off by 3 ulps (x = 3). Here D and both
    /// quotients are double words, so each part is rounded once, after w's and sin y's own
    /// roundings.
    @inlinable
    public static func sigmoid(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.sigmoid(x), y) }
        let w = Part.exp(-x.magnitude)
        let onePlusW = DoubleWord.fastSum(1, w)
        let halfSine = Part.sin(y / 2)
        let d = onePlusW * onePlusW - DoubleWord(product: halfSine, halfSine) * (4 * w)
        let imaginary = DoubleWord(product: w, Part.sin(y)) / d
        let c = Part.cos(y)
        let real = x >= 0 ? (DoubleWord(product: w, c) + 1) / d : DoubleWord(sum: c, w) * w / d
        return ComponentwiseComplex(real.rounded, imaginary.rounded)
    }

    /// softplus(x + iy) = log(1 + e^z), with w = e^(−|x|), c = cos y, s = sin y:
    ///
    ///     Re = max(x, 0) + ½·log1p(w·(2c + w))        (½ log|1 + w·e^(±iy)|²)
    ///     Im = arg(1 + e^z) = atan2(s, w + c) for x ≥ 0,  atan2(w·s, 1 + w·c) below
    ///
    /// Im is one angle, not y minus the angle of log1p(e^(−z)) (the default's branch for x ≥ 0,
    /// which cancels by up to half and was 3 ulps off in the complex step). For the complex step's
    /// tiny y the angle is its tangent, formed as a double-word quotient and rounded once.
    @inlinable
    public static func softplus(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if y == 0 { return ComponentwiseComplex(Part.softplus(x), y) }
        let w = Part.exp(-x.magnitude)
        let s = Part.sin(y), c = Part.cos(y)
        let real = Swift.max(x, 0) + Part.log(onePlus: w * (2 * c + w)) / 2
        let (numerator, denominator) = x >= 0
            ? (DoubleWord(s), DoubleWord(sum: w, c))
            : (DoubleWord(product: w, s), DoubleWord(product: w, c) + 1)
        let tangent = numerator / denominator
        let smallAngle = tangent.hi.magnitude < Part.ulpOfOne.squareRoot()
        let imaginary = smallAngle ? tangent.rounded : Part.atan2(y: numerator.rounded, x: denominator.rounded)
        return ComponentwiseComplex(real, imaginary)
    }

    /// log|z| + i·atan2(y, x). log|z| is formed three ways: where one part is negligible beside the
    /// other, log of the larger plus a correction; near |z| = 1, ½·log1p(a² − 1 + b²) with a² − 1
    /// from one fused multiply-add (Kahan 1987, §"log"); elsewhere log of hypot, which is well
    /// conditioned away from 1.
    @inlinable
    public static func log(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        return ComponentwiseComplex(logMagnitude(x, y), Part.atan2(y: y, x: x))
    }

    /// log √(a² + b²) without overflow and accurate near 1.
    @inlinable
    static func logMagnitude(_ a: Part, _ b: Part) -> Part {
        let big = Swift.max(a.magnitude, b.magnitude), small = Swift.min(a.magnitude, b.magnitude)
        guard big.isFinite, big > 0 else { return big == 0 ? -.infinity : (big.isNaN ? .nan : .infinity) }
        let ratio = small / big
        if ratio < Part.ulpOfOne.squareRoot() {
            return Part.log(big) + Part.log(onePlus: ratio * ratio) / 2
        }
        if big > 0.5 && big < 2 {
            return Part.log(onePlus: fusedSquareMinusOne(big) + small * small) / 2
        }
        return Part.log(Part.hypot(a, b))
    }

    /// a² − 1 rounded once: a·a − 1 with the product exact (a fused multiply-add).
    @inlinable
    static func fusedSquareMinusOne(_ a: Part) -> Part { (-1 as Part).addingProduct(a, a) }

    /// log(1 + z): Re = log|1 + z|, Im = atan2(y, 1 + x). For x ≥ 0, log|1 + z| = log1p(x) +
    /// ½·log1p((y/(1+x))²), two positive terms; for −½ < x < 0, ½·log1p(x(2 + x) + y²); below, log
    /// of hypot(1 + x, y), where 1 + x is exact (Sterbenz) or far from 1.
    @inlinable
    public static func log(onePlus z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        let imaginary = Part.atan2(y: y, x: 1 + x)
        let real: Part
        if x >= 0 {
            let q = y / (1 + x)
            real = Part.log(onePlus: x) + Part.log(onePlus: q * q) / 2
        } else if x > -0.5 {
            real = Part.log(onePlus: (y * y).addingProduct(x, 2 + x)) / 2
        } else {
            real = logMagnitude(1 + x, y)
        }
        return ComponentwiseComplex(real, imaginary)
    }

    /// √(a² + b²) directly — three roundings in the imaginary part, where the scaled form takes
    /// six — unless a part is large enough for a square to overflow.
    @inlinable
    public static func hypot(_ a: ComponentwiseComplex, _ b: ComponentwiseComplex) -> ComponentwiseComplex {
        let limit = Part.greatestFiniteMagnitude.squareRoot() / 2
        if Swift.max(a.magnitude, b.magnitude) < limit { return sqrt(a * a + b * b) }
        return scaledHypot(a, b)
    }

    /// The principal square root (Kahan 1987): t = √((|x| + |z|)/2), then the other part as
    /// y/(2t), a quotient rather than a difference.
    @inlinable
    public static func sqrt(_ z: ComponentwiseComplex) -> ComponentwiseComplex {
        let x = z.real, y = z.imaginary
        if x == 0 && y == 0 { return ComponentwiseComplex(0, y) }
        if y == 0 {
            return x > 0 ? ComponentwiseComplex(Part.sqrt(x), y) : ComponentwiseComplex(0, Part(signOf: y, magnitudeOf: Part.sqrt(-x)))
        }
        let r = Part.hypot(x, y)
        let sum = x.magnitude + r
        let t = sum.isFinite ? Part.sqrt(sum / 2) : Part.sqrt(x.magnitude / 2 + r / 2)
        if x >= 0 { return ComponentwiseComplex(t, y / (2 * t)) }
        return ComponentwiseComplex(y.magnitude / (2 * t), Part(signOf: y, magnitudeOf: t))
    }

    /// z^(1/n). For odd n and Re z < 0 it is −(−z)^(1/n): the analytic continuation of the real
    /// root (∛−8 = −2), which the complex step differentiates; the principal complex root there
    /// is another function. Otherwise |z|^(1/n)·(cos(θ/n) + i sin(θ/n)), θ = atan2(y, x), with the
    /// real root of |z| (no exp(log)).
    @inlinable
    public static func root(_ z: ComponentwiseComplex, _ n: Int) -> ComponentwiseComplex {
        precondition(n > 0, "root index must be positive")
        if n == 1 { return z }
        if n % 2 == 1 && z.real < 0 { return -root(-z, n) }
        if z.imaginary == 0 && z.real >= 0 { return ComponentwiseComplex(Part.root(z.real, n), z.imaginary) }
        let modulus = Part.hypot(z.real, z.imaginary)
        let root = refinedRoot(Part.root(modulus, n), of: modulus, n)
        if isSmallAngle(z, 1) {
            // sin(θ/n) = θ/n to within ε: Im = ρ·y/(n·x), formed as (ρ/x)·y/n because θ = y/x may
            // be subnormal where the result is not. libm's root is off by up to an ulp and the
            // three operations add three roundings (the cube root's complex step was 3 ulps off),
            // so ρ is refined by one Newton step on ρⁿ = |z| in double words and the quotient
            // kept in double words: one rounding per part.
            let imaginary = root / z.real * z.imaginary / Part(n)
            return ComponentwiseComplex(root.rounded, imaginary.rounded)
        }
        let angle = Part.atan2(y: z.imaginary, x: z.real) / Part(n)
        return ComponentwiseComplex((root * Part.cos(angle)).rounded, (root * Part.sin(angle)).rounded)
    }

    /// r^(1/n) to about twice the working precision: one Newton step ρ − (ρⁿ − r)/(n·ρ^(n−1)) from
    /// libm's ρ, with ρⁿ − r in double words (Newton doubles the correct digits; the residual
    /// must be exact to well below ε·r for that). Subnormal ρ or r, and n above 16 (ρⁿ by n − 1
    /// products), keep libm's root.
    @inlinable
    static func refinedRoot(_ rho: Part, of r: Part, _ n: Int) -> DoubleWord<Part> {
        guard rho.isNormal, r.isNormal, n <= 16 else { return DoubleWord(rho) }
        var power = DoubleWord(rho)
        for _ in 1..<n { power = power * rho }
        guard power.hi.isNormal else { return DoubleWord(rho) }
        let residual = (power - DoubleWord(r)).rounded
        // ρⁿ⁻¹·n = ρⁿ·n/ρ; the correction needs only a few correct bits.
        let correction = residual / (power.hi / rho * Part(n))
        return DoubleWord.fastSum(rho, -correction)
    }

    /// Whether z = x + iy lies so near the positive real axis that sin(wθ) = wθ and cos(wθ) = 1
    /// to within ε (|wθ| < √ε, θ ≈ y/x): the complex step's case.
    @inlinable
    static func isSmallAngle(_ z: ComponentwiseComplex, _ w: Part) -> Bool {
        let bound = Part.ulpOfOne.squareRoot() * z.real
        return z.real > 0 && z.imaginary.magnitude < bound && (w * z.imaginary).magnitude < bound
    }

    /// zⁿ by binary powering: no logarithm, so right for Re z < 0.
    @inlinable
    public static func pow(_ z: ComponentwiseComplex, _ n: Int) -> ComponentwiseComplex { binaryPower(z, n) }

    /// z^w = exp(w·log z), formed so no part passes through a large exponent: the modulus as
    /// |z|^Re w · e^(−Im w·θ) with the real pow, the argument as Re w·θ + Im w·log|z|
    /// (θ = atan2(y, x)). An integer-valued real w (x^(1/0.5)) uses repeated multiplication, like
    /// an integer literal: exp(log z) loses the tiny imaginary part when Re z < 0.
    @inlinable
    public static func pow(_ z: ComponentwiseComplex, _ w: ComponentwiseComplex) -> ComponentwiseComplex {
        if w.imaginary == 0, w.real == w.real.rounded(), w.real.magnitude <= Part(1 << 20) {
            return pow(z, Int(w.real))
        }
        if z.imaginary == 0 && w.imaginary == 0 && z.real >= 0 {
            return ComponentwiseComplex(Part.pow(z.real, w.real), 0)
        }
        let theta = Part.atan2(y: z.imaginary, x: z.real)
        let radius = Part.hypot(z.real, z.imaginary)
        if w.imaginary == 0 && isSmallAngle(z, w.real) {
            // z^w = r^w·(1 + i·wθ) to within ε, with θ = y/x (possibly subnormal) kept out of the
            // product, and r^w split in two halves where it overflows but Im z^w does not.
            let modulus = Part.pow(radius, w.real)
            if modulus.isFinite { return ComponentwiseComplex(modulus, modulus / z.real * (w.real * z.imaginary)) }
            let half = Part.pow(radius, w.real / 2)
            return ComponentwiseComplex(modulus, half / z.real * (w.real * z.imaginary) * half)
        }
        var modulus = Part.pow(radius, w.real)
        var argument = w.real * theta
        if w.imaginary != 0 {
            modulus = modulus * Part.exp(-w.imaginary * theta)
            argument = argument + w.imaginary * logMagnitude(z.real, z.imaginary)
        }
        return ComponentwiseComplex(modulus * Part.cos(argument), modulus * Part.sin(argument))
    }
}
