/// A finite-difference formula: f′(x) ≈ Σ wᵢ·f(x + oᵢ·h) / (d·h).
///
/// Offsets oᵢ, weights wᵢ and the denominator d are integers, so the coefficients wᵢ/d are exact
/// rationals: they are never solved for, or rounded, in floating point. The weights are the
/// classical ones (Fornberg, "Generation of finite difference formulas on arbitrarily spaced
/// grids", Math. Comp. 51, 1988, Table 1).
public struct Stencil: Sendable, Equatable {
    /// Multiples of h at which f is sampled, in ascending order.
    public let offsets: [Int]
    /// The integer weight of each sample.
    public let weights: [Int]
    /// The common denominator d of the weights.
    public let denominator: Int
    /// The order of accuracy: the truncation error is O(h^order) for smooth f.
    public let order: Int

    /// (f(x+h) − f(x)) / h.
    public static let forward = Stencil(offsets: [0, 1], weights: [-1, 1], denominator: 1, order: 1)
    /// (f(x) − f(x−h)) / h.
    public static let backward = Stencil(offsets: [-1, 0], weights: [-1, 1], denominator: 1, order: 1)
    /// (f(x+h) − f(x−h)) / 2h.
    public static let central = Stencil(offsets: [-1, 1], weights: [-1, 1], denominator: 2, order: 2)
    /// (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h, the five-point central formula.
    public static let central5 = Stencil(offsets: [-2, -1, 1, 2], weights: [1, -8, 8, -1], denominator: 12, order: 4)

    /// The stencil evaluated in T: each point x + oᵢ·h is rounded to T as it is formed, each sample
    /// and the sum rounded as a program computing in T would. oᵢ·h is exact (|oᵢ| ≤ 2).
    @inlinable
    public func apply<T: WorkingFloat>(_ f: (T) -> T, at x: T, step h: T) -> T {
        var sum: T = 0
        for (offset, weight) in zip(offsets, weights) {
            let sample = f(x + T(offset) * h)
            sum += weight == 1 ? sample : weight == -1 ? -sample : T(weight) * sample
        }
        return sum / (T(denominator) * h)
    }

    /// Whether some sample point x + oᵢ·h (oᵢ ≠ 0) rounds back to x in T: the step is below the
    /// resolution of x, and the stencil then differences f at points that are not where it says.
    @inlinable
    public func stepBelowResolution<T: WorkingFloat>(at x: T, step h: T) -> Bool {
        offsets.contains { $0 != 0 && x + T($0) * h == x }
    }
}
