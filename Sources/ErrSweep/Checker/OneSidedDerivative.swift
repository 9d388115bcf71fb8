/// f′(x⁺) or f′(x⁻) from f's values on one side of x only, with an error bound: what a checker
/// needs where a central difference cannot serve — at a kink (|x|, max(0, x) at 0), whose two
/// one-sided derivatives differ, and at a domain edge, across which f is undefined.
///
/// A Richardson tableau of one-sided differences D(h) = (f(x ± h) − f(x))/h at h, h/2, …, h/2⁹
/// (Richardson 1911; the one-sided rows of Fornberg's and Ridders' tableaus): D(h) = f′ + c₁h +
/// c₂h² + …, so entry j of a row removes the hʲ term with weights 2ʲ/(2ʲ − 1) and −1/(2ʲ − 1),
/// and amplifies the differences' rounding by Π (2ᵏ + 1)/(2ᵏ − 1), k = 1…j. As in errsweep's
/// central estimator, an entry's bound is twice its largest difference from the two entries it
/// came from plus its amplified rounding, each value of f taken to be off by max(2ε|f|, ε|x·f′|,
/// 3σ), σ f's noise measured on that side (`NoiseLevel`); the answer is the entry of least bound.
/// Steps are those the arithmetic took, (x ± h) − x. The first h is 2⁻⁴·max(|x|, 1), a tenth
/// of it while f is undefined there (a domain edge nearer than h), eight times at most.
enum OneSidedDerivative {
    /// The right (`side` = 1) or left (`side` = −1) derivative of f at x.
    static func estimate<T: WorkingFloat>(_ f: (T) -> T, at x: T, side: Int) -> DerivativeEstimate<T> {
        let fx = f(x)
        var evaluations = 1
        guard fx.isFinite else { return .none(.outOfDomain, evaluations: evaluations) }
        let direction = T(side)
        var h = max(abs(x), 1) / 16, first: T?
        for _ in 0..<8 {
            let value = f(x + direction * h)
            evaluations += 1
            if value.isFinite && (x + direction * h) != x { first = value; break }
            h /= 10
        }
        guard let first else { return .none(.outOfDomain, evaluations: evaluations) }
        let noise = NoiseLevel.measure(f, at: x, side: side)
        evaluations += noise.evaluations
        let epsilon = T.ulpOfOne
        // Each value off by max(2ε|f|, ε|x·f′|, 3σ): its own rounding, the rounding of x inside
        // f (the central estimator's rule: where f cancels near a root, x³ − x at 1 in Float16,
        // its values move on the grid of x³, not of f), and its measured noise.
        let slope = (first - fx) / ((x + direction * h) - x)
        func uncertainty(_ value: T) -> T { max(2 * epsilon * abs(value), epsilon * abs(x * slope), 3 * (noise.sigma ?? 0)) }

        var best: (value: T, bound: T)?
        var previous: [T] = [], differences: [T] = [], roundings: [T] = []
        var amplifications: [T] = [1]
        for row in 0..<10 {
            let step = h / T(1 << row)
            let point = x + direction * step
            let value = row == 0 ? first : f(point)
            if row > 0 { evaluations += 1 }
            let taken = point - x
            guard value.isFinite, taken != 0 else { break }
            let difference = (value - fx) / taken
            let rounding = (uncertainty(value) + uncertainty(fx)) / abs(taken)
            differences.append(difference)
            roundings.append(rounding)
            var current = [difference]
            if row > 0 {
                for j in 1...row {
                    let power = T(1 << j)
                    current.append((power * current[j - 1] - previous[j - 1]) / (power - 1))
                    if amplifications.count <= j { amplifications.append(amplifications[j - 1] * (power + 1) / (power - 1)) }
                }
                for j in current.indices {
                    let truncation = j == 0 ? abs(current[0] - previous[0]) : max(abs(current[j] - current[j - 1]), abs(current[j] - previous[j - 1]))
                    let bound = 2 * truncation + amplifications[j] * rounding
                    if bound.isFinite, best == nil || bound < best!.bound { best = (current[j], bound) }
                }
            }
            previous = current
        }
        // The tableau assumes D(h) − f′ runs in whole powers of h. Where the differences shrink
        // at another rate (x·√x at its edge 0: D(h) = √h, a ratio √2 per halving, not 2), its
        // entries agree with each other and not with the limit; Aitken's Δ² process (Aitken
        // 1926) extrapolates the observed geometric rate r instead, the tail it removes,
        // |D(h) − D(h/2)|/(r − 1), being the error's size.
        if differences.count >= 3 {
            let n = differences.count
            let older = differences[n - 3] - differences[n - 2], newer = differences[n - 2] - differences[n - 1]
            let ratio = older / newer
            if newer != 0, ratio > 1, abs(T.log2(ratio) - 1) > T(0.25) {
                let tail = newer / (ratio - 1)
                let bound = 2 * abs(tail) + (ratio + 1) / (ratio - 1) * roundings[n - 1]
                if bound.isFinite { best = (differences[n - 1] - tail, bound) }
            }
        }
        guard let best else { return .none(.noConvergence, evaluations: evaluations) }
        return DerivativeEstimate(value: best.value, bound: best.bound, evaluations: evaluations, status: .ok)
    }
}
