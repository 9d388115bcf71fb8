/// The dot-product test between a forward derivative (u ↦ J u) and a reverse one (w ↦ Jᵀw) of
/// the same map Rⁿ → Rᵐ: ⟨w, J u⟩ = ⟨Jᵀw, u⟩ for every u and w, so two codes written apart —
/// a tangent and an adjoint, the usual pair in adjoint-based optimisation (Claerbout's dot-product
/// test; Naumann, *The Art of Differentiating Computer Programs*, SIAM 2012, §2.3) — are checked
/// against each other with no reference and no step.
///
/// Each trial draws u and w with components uniform in [−1, 1] (`seed`) and accepts a gap within
/// (n + m + 8)·ε·(Σ|wᵢ(Ju)ᵢ| + Σ|(Jᵀw)ⱼuⱼ|): the worst-case rounding of two sums of n and m
/// products, and a few ulps of each product's own.
public struct DotProductTest: Sendable, CustomStringConvertible {
    /// One pair of random vectors: ⟨w, J u⟩, ⟨Jᵀw, u⟩ and the gap allowed between them.
    public struct Trial: Sendable, Equatable {
        public var forward: Double
        public var reverse: Double
        public var tolerance: Double
        public var holds: Bool { abs(forward - reverse) <= tolerance }
    }

    public var trials: [Trial]

    /// Whether every trial's two products agree within its tolerance.
    public var passed: Bool { !trials.isEmpty && trials.allSatisfy(\.holds) }

    public var description: String {
        let failed = trials.filter { !$0.holds }
        guard let worst = failed.max(by: { abs($0.forward - $0.reverse) / $0.tolerance < abs($1.forward - $1.reverse) / $1.tolerance }) else {
            return "dot-product test: ⟨w, J u⟩ = ⟨Jᵀw, u⟩ within rounding in \(trials.count) trials"
        }
        return "dot-product test: ⟨w, J u⟩ = \(NumberFormat.exact(worst.forward)) but ⟨Jᵀw, u⟩ = \(NumberFormat.exact(worst.reverse)), "
            + "\(NumberFormat.scientific(abs(worst.forward - worst.reverse))) apart, more than the \(NumberFormat.scientific(worst.tolerance)) rounding allows "
            + "(\(failed.count) of \(trials.count) trials): the forward and reverse derivatives are not transposes of each other"
    }
}

/// The dot-product test of `forward` (u ↦ J u, n inputs to m outputs) against `reverse`
/// (w ↦ Jᵀw), over `trials` random pairs.
public func dotProductTest<T: WorkingFloat>(
    inputs n: Int, outputs m: Int, forward: ([T]) -> [T], reverse: ([T]) -> [T], trials: Int = 3, seed: UInt64 = 1
) -> DotProductTest {
    var random = SplitMix(seed: seed)
    let epsilon = Double(T.ulpOfOne)
    return DotProductTest(trials: (0..<trials).map { _ in
        let u = (0..<n).map { _ in T(2 * random.unit() - 1) }, w = (0..<m).map { _ in T(2 * random.unit() - 1) }
        let ju = forward(u), jtw = reverse(w)
        precondition(ju.count == m && jtw.count == n, "J u has \(ju.count) components for \(m) outputs, Jᵀw \(jtw.count) for \(n) inputs")
        let left = zip(w, ju).map { Double($0) * Double($1) }, right = zip(jtw, u).map { Double($0) * Double($1) }
        let size = left.map(abs).reduce(0, +) + right.map(abs).reduce(0, +)
        return DotProductTest.Trial(forward: left.reduce(0, +), reverse: right.reduce(0, +), tolerance: Double(n + m + 8) * epsilon * size)
    })
}
