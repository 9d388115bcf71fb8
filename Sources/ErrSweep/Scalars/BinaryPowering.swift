extension AlgebraicField {
    /// xⁿ by binary powering: ⌈log2 n⌉ squarings and no logarithm, so right for negative x in
    /// every number system, and x itself taken as the first factor rather than multiplied by 1
    /// (which would round it to the literal's precision in MPFR). Negative n divides 1 by x⁻ⁿ.
    @inlinable
    static func binaryPower(_ x: Self, _ n: Int) -> Self {
        if n < 0 { return 1 / binaryPower(x, -n) }
        var result: Self = 1, base = x, k = n
        var first = true
        while k > 0 {
            if k & 1 == 1 { result = first ? base : result * base; first = false }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }
}
