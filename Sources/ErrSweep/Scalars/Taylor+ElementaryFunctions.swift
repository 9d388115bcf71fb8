import RealModule

/// The elementary functions of a series, each by the recurrence that follows from its
/// differential equation (Griewank & Walther, *Evaluating Derivatives*, 2nd ed., 2008, §13.2 and
/// Table 13.2). For w = f(u) with w′ = q·u′, matching coefficients of tᵏ⁻¹ gives
///
///     w_k = (1/k)·Σⱼ₌₁ᵏ j·uⱼ·q_(k−j),
///
/// where q is either a series of u alone (log: 1/u; atan: 1/(1 + u²)) — computed first, with the
/// arithmetic of `Taylor` — or built from w as it grows (exp: q = w; tan: q = 1 + w²), which the
/// sum allows since it reads q only below k.
extension Taylor: ElementaryFunctions {
    /// w_k = (1/k)·Σⱼ₌₁ᵏ j·uⱼ·q_(k−j), with w₀ given and q read as the sum needs it.
    @inlinable
    static func integrate(_ u: Taylor, value: Value, _ q: (Int, [Value]) -> Value) -> Taylor {
        var w = [value]
        for k in stride(from: 1, through: u.degree, by: 1) {
            var sum: Value = 0
            for j in 1...k { sum += Value(exactly: j)! * u[j] * q(k - j, w) }
            w.append(sum / Value(exactly: k)!)
        }
        return Taylor(coefficients: w)
    }

    /// w′ = q·u′ with q a series of u already known.
    @inlinable
    static func integrate(_ u: Taylor, value: Value, derivative q: Taylor) -> Taylor {
        integrate(u, value: value) { m, _ in q[m] }
    }

    /// exp′ = exp.
    @inlinable
    public static func exp(_ x: Taylor) -> Taylor { integrate(x, value: .exp(x.value)) { m, w in w[m] } }

    /// (eᵘ − 1)′ = eᵘ: the recurrence of exp on w + 1, whose constant term is eᵘ⁰ itself.
    @inlinable
    public static func expMinusOne(_ x: Taylor) -> Taylor {
        let e0 = Value.exp(x.value)
        return integrate(x, value: .expMinusOne(x.value)) { m, w in m == 0 ? e0 : w[m] }
    }

    /// sin and cos together: s′ = c·u′, c′ = −s·u′.
    @inlinable
    static func sineAndCosine(_ x: Taylor, hyperbolic: Bool) -> (sin: Taylor, cos: Taylor) {
        var s = [hyperbolic ? Value.sinh(x.value) : Value.sin(x.value)]
        var c = [hyperbolic ? Value.cosh(x.value) : Value.cos(x.value)]
        for k in stride(from: 1, through: x.degree, by: 1) {
            var ds: Value = 0, dc: Value = 0
            for j in 1...k {
                let ju = Value(exactly: j)! * x[j]
                ds += ju * c[k - j]
                dc += ju * s[k - j]
            }
            let n = Value(exactly: k)!
            s.append(ds / n)
            c.append(hyperbolic ? dc / n : -dc / n)
        }
        return (Taylor(coefficients: s), Taylor(coefficients: c))
    }

    @inlinable
    public static func sin(_ x: Taylor) -> Taylor { sineAndCosine(x, hyperbolic: false).sin }
    @inlinable
    public static func cos(_ x: Taylor) -> Taylor { sineAndCosine(x, hyperbolic: false).cos }
    @inlinable
    public static func sinh(_ x: Taylor) -> Taylor { sineAndCosine(x, hyperbolic: true).sin }
    @inlinable
    public static func cosh(_ x: Taylor) -> Taylor { sineAndCosine(x, hyperbolic: true).cos }

    /// tan′ = 1 + tan²: q_m = Σᵢ wᵢ·w_(m−i), plus 1 at m = 0.
    @inlinable
    public static func tan(_ x: Taylor) -> Taylor {
        integrate(x, value: .tan(x.value)) { m, w in
            var square: Value = 0
            for i in 0...m { square += w[i] * w[m - i] }
            return m == 0 ? 1 + square : square
        }
    }

    /// tanh′ = 1/cosh²u, not 1 − tanh²u, which cancels where tanh is near ±1 (at 10 it keeps
    /// about 8 of 16 digits) — the same choice as the dual rule (`DerivativeRules.tanh`).
    @inlinable
    public static func tanh(_ x: Taylor) -> Taylor {
        let c = sineAndCosine(x, hyperbolic: true).cos
        return integrate(x, value: .tanh(x.value), derivative: 1 / (c * c))
    }

    /// log′ = 1/u.
    @inlinable
    public static func log(_ x: Taylor) -> Taylor { integrate(x, value: .log(x.value), derivative: 1 / x) }

    /// log(1 + u)′ = 1/(1 + u).
    @inlinable
    public static func log(onePlus x: Taylor) -> Taylor {
        integrate(x, value: .log(onePlus: x.value), derivative: 1 / (1 + x))
    }

    /// acosh′ = 1/√((u − 1)(u + 1)).
    @inlinable
    public static func acosh(_ x: Taylor) -> Taylor {
        integrate(x, value: .acosh(x.value), derivative: 1 / sqrt((x - 1) * (x + 1)))
    }

    /// asinh′ = 1/√(1 + u²).
    @inlinable
    public static func asinh(_ x: Taylor) -> Taylor {
        integrate(x, value: .asinh(x.value), derivative: 1 / sqrt(1 + x * x))
    }

    /// atanh′ = 1/((1 − u)(1 + u)).
    @inlinable
    public static func atanh(_ x: Taylor) -> Taylor {
        integrate(x, value: .atanh(x.value), derivative: 1 / ((1 - x) * (1 + x)))
    }

    /// acos′ = −1/√((1 − u)(1 + u)).
    @inlinable
    public static func acos(_ x: Taylor) -> Taylor {
        integrate(x, value: .acos(x.value), derivative: -1 / sqrt((1 - x) * (1 + x)))
    }

    /// asin′ = 1/√((1 − u)(1 + u)).
    @inlinable
    public static func asin(_ x: Taylor) -> Taylor {
        integrate(x, value: .asin(x.value), derivative: 1 / sqrt((1 - x) * (1 + x)))
    }

    /// atan′ = 1/(1 + u²).
    @inlinable
    public static func atan(_ x: Taylor) -> Taylor { integrate(x, value: .atan(x.value), derivative: 1 / (1 + x * x)) }

    /// w = √u from w² = u: w_k = (u_k − Σⱼ₌₁ᵏ⁻¹ wⱼ·w_(k−j))/(2w₀).
    @inlinable
    public static func sqrt(_ x: Taylor) -> Taylor {
        var w = [Value.sqrt(x.value)]
        for k in stride(from: 1, through: x.degree, by: 1) {
            var sum = x[k]
            for j in stride(from: 1, to: k, by: 1) { sum -= w[j] * w[k - j] }
            w.append(sum / (2 * w[0]))
        }
        return Taylor(coefficients: w)
    }

    /// w = u^r from u·w′ = r·w·u′: w_k = Σⱼ₌₁ᵏ (r·j − (k − j))·uⱼ·w_(k−j)/(k·u₀), with w₀ given
    /// (u₀ ≠ 0).
    @inlinable
    static func power(_ x: Taylor, _ r: Value, value: Value) -> Taylor {
        var w = [value]
        for k in stride(from: 1, through: x.degree, by: 1) {
            var sum: Value = 0
            for j in 1...k { sum += (r * Value(exactly: j)! - Value(exactly: k - j)!) * x[j] * w[k - j] }
            w.append(sum / (Value(exactly: k)! * x.value))
        }
        return Taylor(coefficients: w)
    }

    /// xⁿ by repeated squaring: exact products, and no division by x₀ (0ⁿ is fine).
    @inlinable
    public static func pow(_ x: Taylor, _ n: Int) -> Taylor { binaryPower(x, n) }

    /// The n-th root: u^(1/n), real for negative u when n is odd.
    @inlinable
    public static func root(_ x: Taylor, _ n: Int) -> Taylor {
        power(x, 1 / Value(exactly: n)!, value: .root(x.value, n))
    }

    /// x^y: a constant y by the power recurrence, a varying one as exp(y·log x).
    @inlinable
    public static func pow(_ x: Taylor, _ y: Taylor) -> Taylor {
        guard y.degree == 0 || (1...y.degree).allSatisfy({ y[$0] == 0 }) else { return exp(y * log(x)) }
        let value = Value.pow(x.value, y.value)
        return x.value == 0 ? exp(y * log(x)) : power(x, y.value, value: value)
    }
}
