/// PyTorch's "fast mode" for gradients, with the reference exact: instead of all n components,
/// the gradient under test is checked along random directions u — ∇f·u, proved by one forward
/// pass of `Dual` over `Ball` (n times cheaper than the full check) — and, where a direction
/// disagrees, the wrong component is found by bisection, a pass for each half of a shrinking
/// range (2·log₂ n passes for one wrong component).
///
/// Each u has random signs ±1 (Rademacher), so g·u takes the sum of the components' errors with
/// random signs. A direction accepts a gap within τ = `toleranceUlps`·Σ ulp(gⱼ) + 2 ulps of ∇f·u
/// (every component that far off, in the worst alignment). An error e whose largest component
/// exceeds τ is missed by one direction with probability at most ½ — fix every sign but that
/// component's, and its two values of e·u lie 2|eᵢ| > 2τ apart, so at most one falls within τ —
/// and by `directions` independent ones with probability at most 2^−directions. One wrong
/// component is never missed: |e·u| = |eᵢ|.
public func checkGradientFast<Function: MultivariateScalarFunction>(
    of function: Function, gradient: ([Double]) -> [Double], at x: [Double], directions: Int = 10,
    toleranceUlps: Double = 8, seed: UInt64 = 1
) -> DerivativeCheck {
    let g = gradient(x)
    guard g.count == x.count else {
        return DerivativeCheck(mismatches: [], unchecked: [(x, "the gradient has \(g.count) components for \(x.count) variables")],
                               toleranceUlps: toleranceUlps, checked: 0, reference: .exact)
    }
    var random = SplitMix(seed: seed)
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [(point: [Double], reason: String)] = [], checked = 0
    let tolerance = toleranceUlps * g.map(\.ulp).reduce(0, +)
    // ∇f·u proved, and g·u summed with Neumaier's compensation (Neumaier, ZAMM 54, 1974), for u
    // restricted to `range`.
    func gap(_ u: [Double], in range: Range<Int>) -> (actual: Double, expected: Double, bound: Double)? {
        let truth = Truth<Double>.proved { bits in
            BigFloat.withLiteralPrecision(bits) {
                function(x.indices.map { j in
                    Dual(Ball(x[j].exact, precision: bits), tangent: Ball(range.contains(j) ? u[j] : 0, precision: bits))
                }).tangent
            }
        }
        guard case .success(let expected) = truth else { return nil }
        var sum = 0.0, compensation = 0.0
        for j in range where u[j] != 0 {
            let term = g[j] * u[j], next = sum + term
            compensation += abs(sum) >= abs(term) ? (sum - next) + term : (term - next) + sum
            sum = next
        }
        let restricted = toleranceUlps * g[range].map(\.ulp).reduce(0, +)
        return (sum + compensation, expected.rounded, restricted + 2 * expected.rounded.ulp)
    }
    func wrong(_ u: [Double], _ range: Range<Int>) -> Bool {
        guard let found = gap(u, in: range) else { return false }
        return !(abs(found.actual - found.expected) <= found.bound)
    }
    // The components of `range` that hold an error, halving while a half disagrees.
    func locate(_ u: [Double], _ range: Range<Int>, into found: inout [Int]) {
        guard found.count < 5 else { return }
        if range.count == 1 { found.append(range.lowerBound); return }
        let middle = range.lowerBound + range.count / 2
        for half in [range.lowerBound..<middle, middle..<range.upperBound] where wrong(u, half) { locate(u, half, into: &found) }
    }
    for _ in 0..<directions {
        let u = x.map { _ in random.next() & 1 == 0 ? 1.0 : -1.0 }
        guard let direction = gap(u, in: x.indices) else {
            unchecked.append((x, "∇f·u is not resolved along a random direction (f or its derivative undefined, or cancelling beyond the cap)"))
            break
        }
        checked += 1
        guard !(abs(direction.actual - direction.expected) <= direction.bound) else { continue }
        var components: [Int] = []
        locate(u, x.indices, into: &components)
        for i in components {
            let exact = Truth<Double>.proved { bits in
                BigFloat.withLiteralPrecision(bits) {
                    function(x.indices.map { j in Dual(Ball(x[j].exact, precision: bits), tangent: j == i ? 1 : 0) }).tangent
                }
            }
            let expected = (try? exact.get().rounded) ?? .nan
            mismatches.append(.init(point: x, component: i, actual: g[i], expected: expected, ulps: g[i].ulpDistance(to: expected),
                                    referenceBound: expected.ulp / 2, test: .fast))
        }
        if components.isEmpty {
            mismatches.append(.init(point: x, component: nil, actual: direction.actual, expected: direction.expected,
                                    ulps: direction.actual.ulpDistance(to: direction.expected), referenceBound: direction.bound, test: .fast))
        }
        break
    }
    let note = "fast mode: \(checked) random ±1 direction\(checked == 1 ? "" : "s") instead of \(x.count) components; an error above "
        + "\(NumberFormat.scientific(tolerance)) in any one component is missed with probability at most 2^−\(checked)"
    return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked, reference: .exact, notes: [note])
}
