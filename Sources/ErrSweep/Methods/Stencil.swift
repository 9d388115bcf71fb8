import Foundation

/// A finite-difference formula: f⁽ᵏ⁾(x) ≈ Σ wᵢ·f(x + oᵢ·h) / (d·hᵏ), k = `derivative` (1 for the
/// named ones).
///
/// Offsets oᵢ, weights wᵢ and the denominator d are integers, so the coefficients wᵢ/d are exact
/// rationals: they are never solved for, or rounded, in floating point. The weights are the
/// classical ones (Fornberg, "Generation of finite difference formulas on arbitrarily spaced
/// grids", Math. Comp. 51, 1988, Table 1), and any other comes from his recurrence
/// (`FornbergWeights`, `central(derivative:order:)` and its one-sided kin).
public struct Stencil: Sendable, Equatable {
    /// Multiples of h at which f is sampled, in ascending order.
    public let offsets: [Int]
    /// The integer weight of each sample.
    public let weights: [Int]
    /// The common denominator d of the weights.
    public let denominator: Int
    /// The order of accuracy: the truncation error is O(h^order) for smooth f.
    public let order: Int
    /// Which derivative the formula estimates.
    public let derivative: Int

    /// A formula from its parts; the named ones estimate the first derivative.
    public init(offsets: [Int], weights: [Int], denominator: Int, order: Int, derivative: Int = 1) {
        self.offsets = offsets
        self.weights = weights
        self.denominator = denominator
        self.order = order
        self.derivative = derivative
    }

    /// The formula for the k-th derivative on `offsets` from Fornberg's weights: zero weights
    /// dropped, the rest over their least common denominator, and the order of accuracy found
    /// from the moments Σ wᵢoᵢʲ (zero for every j < k + order but j = k).
    public init(derivative k: Int, offsets: [Int]) {
        let sorted = offsets.sorted()
        let exact = FornbergWeights.weights(derivative: k, offsets: sorted)
        let common = exact.reduce(1) { lcm, w in lcm / Rational.gcd(lcm, w.denominator) * w.denominator }
        let kept = zip(sorted, exact).filter { $0.1 != .zero }
        var order = 0
        var power = kept.map { _ in Rational(1) }
        for j in 0...(k + sorted.count + 1) {
            let moment = zip(kept, power).reduce(Rational.zero) { $0 + $1.0.1 * $1.1 }
            if j > k, moment != .zero { order = j - k; break }
            power = zip(kept, power).map { Rational($0.0.0) * $0.1 }
        }
        self.init(offsets: kept.map(\.0), weights: kept.map { $0.1.numerator * (common / $0.1.denominator) },
                  denominator: common, order: order, derivative: k)
    }

    /// The central formula of the k-th derivative with the given even order of accuracy: 2r + 1
    /// points, r = ⌊(k + 1)/2⌋ − 1 + order/2 (Fornberg's Table 1 rows).
    public static func central(derivative k: Int, order: Int) -> Stencil {
        precondition(order >= 2 && order % 2 == 0, "central formulas have even orders")
        let r = (k + 1) / 2 - 1 + order / 2
        return Stencil(derivative: k, offsets: Array(-r...r))
    }

    /// The one-sided formula on 0, 1, …, k + order − 1.
    public static func forward(derivative k: Int, order: Int) -> Stencil {
        Stencil(derivative: k, offsets: Array(0..<(k + order)))
    }

    /// The one-sided formula on −(k + order − 1), …, 0.
    public static func backward(derivative k: Int, order: Int) -> Stencil {
        Stencil(derivative: k, offsets: Array((1 - k - order)...0))
    }

    /// (f(x+h) − f(x)) / h.
    public static let forward = Stencil(offsets: [0, 1], weights: [-1, 1], denominator: 1, order: 1)
    /// (f(x) − f(x−h)) / h.
    public static let backward = Stencil(offsets: [-1, 0], weights: [-1, 1], denominator: 1, order: 1)
    /// (f(x+h) − f(x−h)) / 2h.
    public static let central = Stencil(offsets: [-1, 1], weights: [-1, 1], denominator: 2, order: 2)
    /// (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h, the five-point central formula.
    public static let central5 = Stencil(offsets: [-2, -1, 1, 2], weights: [1, -8, 8, -1], denominator: 12, order: 4)

    /// The stencil evaluated in T: each point x + oᵢ·h is rounded to T as it is formed, each sample
    /// and the sum rounded as a program computing in T would, then divided by d·hᵏ. oᵢ·h is exact
    /// for the named formulas (|oᵢ| ≤ 2).
    @inlinable
    public func apply<T: WorkingFloat>(_ f: (T) -> T, at x: T, step h: T) -> T {
        var sum: T = 0
        for (offset, weight) in zip(offsets, weights) {
            let sample = f(x + T(offset) * h)
            sum += weight == 1 ? sample : weight == -1 ? -sample : T(weight) * sample
        }
        var scale = T(denominator) * h
        for _ in 1..<max(derivative, 1) { scale *= h }
        return sum / scale
    }

    /// The textbook step ε^(1/(p+1))·max(1, |x|) in Double for this stencil of order p, where its
    /// truncation hᵖ meets its rounding ε/h: √ε forward and backward, ε^(1/3) central (Nocedal &
    /// Wright, *Numerical Optimization*, 2nd ed., §8.1), ε^(1/5) five-point — what a gradient or
    /// Jacobian by differences uses when nothing is known of f.
    public func textbookStep(at x: Double) -> Double {
        Foundation.pow(Double.ulpOfOne, 1 / Double(order + 1)) * max(1, abs(x))
    }

    /// Whether some sample point x + oᵢ·h (oᵢ ≠ 0) rounds back to x in T: the step is below the
    /// resolution of x, and the stencil then differences f at points that are not where it says.
    @inlinable
    public func stepBelowResolution<T: WorkingFloat>(at x: T, step h: T) -> Bool {
        offsets.contains { $0 != 0 && x + T($0) * h == x }
    }
}
