/// An unevaluated sum hi + lo of two floats with |lo| ≤ ulp(hi)/2: about twice the working
/// precision, for the few places where a chain of four or five correctly rounded operations would
/// otherwise cost the complex step or an AD rule its last ulps (σ′ near ¼, the cube root's
/// imaginary part, tan's 1 + t²). Only the final `rounded` rounds to the working precision.
///
/// The algorithms and their error bounds are Joldes, Muller & Popescu, "Tight and rigorous error
/// bounds for basic building blocks of double-word arithmetic", ACM TOMS 44(2), 2017 (numbers
/// below are theirs); the exact sum and product are Knuth's 2Sum and the FMA-based 2Prod.
@usableFromInline
struct DoubleWord<Part: WorkingFloat> {
    @usableFromInline var hi: Part
    @usableFromInline var lo: Part

    @inlinable
    init(_ value: Part) {
        hi = value
        lo = 0
    }

    @inlinable
    init(hi: Part, lo: Part) {
        self.hi = hi
        self.lo = lo
    }

    /// a + b exactly (2Sum, no condition on the magnitudes).
    @inlinable
    init(sum a: Part, _ b: Part) {
        let s = a + b
        let aPrime = s - b
        let bPrime = s - aPrime
        hi = s
        lo = (a - aPrime) + (b - bPrime)
    }

    /// a·b exactly (2Prod: the FMA returns the product's rounding error), unless it underflows.
    @inlinable
    init(product a: Part, _ b: Part) {
        let p = a * b
        hi = p
        lo = (-p).addingProduct(a, b)
    }

    /// Fast2Sum: a + b exactly when |a| ≥ |b|; renormalises a result.
    @inlinable
    static func fastSum(_ a: Part, _ b: Part) -> DoubleWord {
        let s = a + b
        return DoubleWord(hi: s, lo: b - (s - a))
    }

    /// The value rounded to the working precision.
    @inlinable var rounded: Part { hi + lo }

    @inlinable
    static prefix func - (x: DoubleWord) -> DoubleWord { DoubleWord(hi: -x.hi, lo: -x.lo) }

    /// DWPlusFP (Algorithm 4): relative error ≤ 2u².
    @inlinable
    static func + (x: DoubleWord, y: Part) -> DoubleWord {
        let s = DoubleWord(sum: x.hi, y)
        return fastSum(s.hi, x.lo + s.lo)
    }

    /// AccurateDWPlusDW (Algorithm 6): relative error ≤ 3u² + 13u³.
    @inlinable
    static func + (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let s = DoubleWord(sum: x.hi, y.hi)
        let t = DoubleWord(sum: x.lo, y.lo)
        let v = fastSum(s.hi, s.lo + t.hi)
        return fastSum(v.hi, t.lo + v.lo)
    }

    @inlinable
    static func - (x: DoubleWord, y: DoubleWord) -> DoubleWord { x + (-y) }

    /// DWTimesFP3 (Algorithm 9): relative error ≤ 2u².
    @inlinable
    static func * (x: DoubleWord, y: Part) -> DoubleWord {
        let c = DoubleWord(product: x.hi, y)
        return fastSum(c.hi, c.lo.addingProduct(x.lo, y))
    }

    /// DWTimesDW3 (Algorithm 12): relative error ≤ 4u².
    @inlinable
    static func * (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let c = DoubleWord(product: x.hi, y.hi)
        let t = (x.lo * y.lo).addingProduct(x.hi, y.lo)
        return fastSum(c.hi, c.lo + t.addingProduct(x.lo, y.hi))
    }

    /// DWDivFP3 (Algorithm 15): relative error ≤ 3u².
    @inlinable
    static func / (x: DoubleWord, y: Part) -> DoubleWord {
        let th = x.hi / y
        let p = DoubleWord(product: th, y)
        let delta = ((x.hi - p.hi) - p.lo) + x.lo
        return fastSum(th, delta / y)
    }

    /// DWDivDW2 (Algorithm 17): relative error ≤ 15u² + 56u³.
    @inlinable
    static func / (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let th = x.hi / y.hi
        let r = y * th
        let pi = DoubleWord(sum: x.hi, -r.hi)
        let delta = pi.hi + (pi.lo + (x.lo - r.lo))
        return fastSum(th, delta / y.hi)
    }
}
