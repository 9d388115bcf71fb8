/// The textbook rule: one central difference at h = ∛ε·max(|x|, 1), the step where its
/// truncation h²|f‴|/6 meets its rounding ε|f|/h when f and its derivatives are of the size of 1
/// (Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1), divided by the step
/// (x + h) − (x − h) the arithmetic actually takes. The rule comes with no error estimate of its
/// own; the bound it is given here is the balance it assumes, with f‴ of the size of
/// f/max(|x|, 1)³: rounding plus truncation ≈ ∛ε²·max(|f(x ± h)|, 1)/max(|x|, 1) — a bound that
/// holds only where f is as tame as the rule supposes.
enum CentralCubeRoot {
    static func estimate<T: WorkingFloat>(_ f: @escaping (T) -> T, at x: T) -> DerivativeEstimate<T> {
        var f = CountedFunction(f)
        let h = T.root(T.ulpOfOne, 3) * max(abs(x), 1)
        let up = x + h, down = x - h
        let fUp = f(up), fDown = f(down)
        let value = (fUp - fDown) / (up - down)
        guard value.isFinite else {
            return .none(fUp.isFinite && fDown.isFinite ? .noConvergence : .outOfDomain, evaluations: f.evaluations)
        }
        let scale = max(abs(fUp), abs(fDown), 1) / max(abs(x), 1)
        let bound = T.pow(T.ulpOfOne, T(2) / 3) * scale
        return DerivativeEstimate(value: value, bound: bound, evaluations: f.evaluations, status: .ok)
    }
}
