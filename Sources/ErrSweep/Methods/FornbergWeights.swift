/// Finite-difference weights for any derivative on any integer grid, as exact rationals, by
/// Fornberg's recurrence ("Generation of finite difference formulas on arbitrarily spaced
/// grids", Math. Comp. 51(184), 1988, 699–706, §2): the weights of the m-th derivative at 0 from
/// the first n + 1 grid points follow from those of n points and of the (m − 1)-th derivative,
/// so no linear system is solved and nothing is rounded.
public enum FornbergWeights {
    /// The weights cᵢ with f⁽ᵐ⁾(0) ≈ Σ cᵢ f(oᵢ·h) / hᵐ for the derivative order m, on `offsets`
    /// (distinct integers), exactly. Traps on an Int overflow rather than rounding, which no
    /// stencil of up to 16 points within ±16 comes near.
    public static func weights(derivative m: Int, offsets: [Int]) -> [Rational] {
        precondition(m >= 0 && offsets.count > m && Set(offsets).count == offsets.count,
                     "the \(m)-th derivative needs more than \(m) distinct points")
        let n = offsets.count - 1
        // delta[k][j]: weights of the k-th derivative on the points used so far, at point j.
        var delta = Array(repeating: Array(repeating: Rational.zero, count: n + 1), count: m + 1)
        delta[0][0] = 1
        var c1 = Rational(1)
        for i in stride(from: 1, through: n, by: 1) {
            var c2 = Rational(1)
            let previous = delta
            for j in 0..<i {
                let c3 = Rational(offsets[i] - offsets[j])
                c2 = c2 * c3
                for k in stride(from: min(i, m), through: 0, by: -1) {
                    let lower = k > 0 ? Rational(k) * previous[k - 1][j] : .zero
                    delta[k][j] = (Rational(offsets[i]) * previous[k][j] - lower) / c3
                }
            }
            for k in stride(from: min(i, m), through: 0, by: -1) {
                let lower = k > 0 ? Rational(k) * previous[k - 1][i - 1] : .zero
                delta[k][i] = c1 / c2 * (lower - Rational(offsets[i - 1]) * previous[k][i - 1])
            }
            c1 = c2
        }
        return delta[m]
    }
}

/// A fraction of two integers in lowest terms, the denominator positive: exact weights.
public struct Rational: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let numerator: Int
    public let denominator: Int

    /// p/q reduced; q ≠ 0.
    public init(_ p: Int, _ q: Int = 1) {
        precondition(q != 0, "a zero denominator")
        let divisor = Rational.gcd(abs(p), abs(q))
        let sign = q < 0 ? -1 : 1
        numerator = sign * p / max(divisor, 1)
        denominator = sign * q / max(divisor, 1)
    }

    /// A whole number.
    public init(integerLiteral value: Int) { self.init(value) }

    /// 0/1.
    public static let zero = Rational(0)

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// The exact sum.
    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    /// The exact difference.
    public static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    /// The exact product.
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    /// The exact quotient; b ≠ 0.
    public static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }

    /// `3/4`, or `-2` when whole.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}
