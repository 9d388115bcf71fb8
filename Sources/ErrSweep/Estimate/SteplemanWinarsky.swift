/// Stepleman & Winarsky, "Adaptive numerical differentiation", Math. Comp. 33(148), 1979,
/// 1257–1264: central differences D(hᵢ) at steps shrinking by β, hᵢ₊₁ = hᵢ/β, stopped at the
/// first i where |D(hᵢ₊₁) − D(hᵢ)| no longer decreases (in exact arithmetic the differences
/// shrink monotonically once h is small enough, so the first increase is rounding taking over)
/// or is 0; the answer is D(hᵢ), and its bound |D(hᵢ) − D(hᵢ₋₁)|, the last difference that still
/// shrank. β = 4 and the first step h₀ = β·ε^⅓·|x| (their (3.9); β·ε^⅓ at x = 0) as the
/// paper's examples use; each difference is taken at the step h′ = (x+h) − x the arithmetic can
/// represent and divided by (x+h′) − (x−h′), as their (3.4) does; at most 53 reductions.
enum SteplemanWinarsky {
    static let beta = 4.0, maximumIterations = 53

    static func estimate<T: WorkingFloat>(_ f: @escaping (T) -> T, at x: T, initialStep: T? = nil) -> DerivativeEstimate<T> {
        var f = CountedFunction(f)
        func difference(_ h: T) -> T {
            let step = (x + h) - x, up = x + step, down = x - step
            return (f(up) - f(down)) / (up - down)
        }
        let beta = T(Self.beta)
        var h = initialStep ?? beta * T.root(T.ulpOfOne, 3) * (x == 0 ? 1 : abs(x))
        var previous = difference(h)
        var lastChange = T.infinity
        for _ in 0..<maximumIterations {
            h /= beta
            let current = difference(h)
            let change = abs(current - previous)
            if change == 0 || lastChange < change {
                guard previous.isFinite else { return .none(.outOfDomain, evaluations: f.evaluations) }
                return DerivativeEstimate(value: previous, bound: lastChange == .infinity ? change : lastChange,
                                          evaluations: f.evaluations, status: .ok)
            }
            previous = current
            lastChange = change
        }
        return .none(previous.isFinite ? .noConvergence : .outOfDomain, evaluations: f.evaluations)
    }
}
