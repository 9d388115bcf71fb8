/// Algorithm FD of Gill, Murray, Saunders & Wright, "Computing forward-difference intervals for
/// numerical optimization", SIAM J. Sci. Stat. Comput. 4(2), 1983, 310–321 (also *Practical
/// Optimization*, 1981, §8.6.2): the forward difference at the interval that balances its
/// truncation h|f″|/2 against its cancellation 2ε_A/h, with f″ estimated by a second central
/// difference at an interval chosen so that its own cancellation error is neither too large nor
/// too small.
///
/// With φ_F(h) = (f(x+h) − f(x))/h, φ_B(h) = (f(x) − f(x−h))/h and Φ(h) = (f(x+h) − 2f(x) +
/// f(x−h))/h², their relative cancellation errors are C(φ_F) = 2ε_A/(h|φ_F|), likewise C(φ_B),
/// and C(Φ) = 4ε_A/(h²|Φ|). The published constants are kept: the first interval 10·h̄ with
/// h̄ = 2(1 + |x|)√(ε_A/(1 + |f(x)|)); C(Φ) accepted in [0.001, 0.1]; intervals grown or shrunk
/// tenfold, at most K = 6 times; then ĥ = 2√(ε_A/|Φ|), the answer φ_F(ĥ) and the bound
/// ĥ|Φ|/2 + 2ε_A/ĥ. Where no interval gives an acceptable C(Φ) the paper's fallbacks are kept: the
/// last interval at which a first difference had C ≤ 0.1 (f nearly linear there), or h̄ (f
/// nearly constant), each with Φ = 0 and the cancellation bound 2ε_A/ĥ alone.
///
/// ε_A, the absolute error of computed f, is the caller's in the paper; a black box gives none, so
/// it is taken as ε|f(x)| (ε where f(x) = 0): right for a correctly rounded f, too small for a
/// noisier one — which is the rule's published weakness.
enum GillMurraySaundersWright {
    static let cancellationLow = 0.001, cancellationHigh = 0.1, maximumIterations = 6

    static func estimate<T: WorkingFloat>(_ f: @escaping (T) -> T, at x: T) -> DerivativeEstimate<T> {
        var f = CountedFunction(f)
        let fx = f(x)
        guard fx.isFinite else { return .none(.outOfDomain, evaluations: f.evaluations) }
        let epsilonA = T.ulpOfOne * (fx == 0 ? 1 : abs(fx))
        let low = T(cancellationLow), high = T(cancellationHigh)

        /// The three estimates at interval h and their cancellation errors.
        func differences(_ h: T) -> (forward: T, second: T, firstOK: Bool, cancellation: T) {
            let fUp = f(x + h), fDown = f(x - h)
            let forward = (fUp - fx) / h, backward = (fx - fDown) / h
            let second = (fUp - 2 * fx + fDown) / (h * h)
            let firstOK = max(2 * epsilonA / (h * abs(forward)), 2 * epsilonA / (h * abs(backward))) <= high
            let cancellation = second == 0 ? T.infinity : 4 * epsilonA / (h * h * abs(second))
            return (forward, second, firstOK, cancellation)
        }

        let hBar = 2 * (1 + abs(x)) * (epsilonA / (1 + abs(fx))).squareRoot()
        var h = 10 * hBar
        var current = differences(h)
        var hS: T? = current.firstOK ? h : nil
        var accepted: (h: T, second: T)?
        if current.cancellation >= low && current.cancellation <= high {
            accepted = (h, current.second)                                          // FD2
        } else if current.cancellation < low {
            for _ in 0..<maximumIterations {                                        // FD4: decrease h
                let previous = (h: h, second: current.second)
                h /= 10
                current = differences(h)
                if current.cancellation > high { accepted = previous; break }
                if current.firstOK { hS = h }
                if current.cancellation >= low { accepted = (h, current.second); break }
            }
            // f″ is so large that C(Φ) stays below 0.001: the last interval's Φ is used.
            if accepted == nil, current.second.isFinite { accepted = (h, current.second) }
        } else {
            for _ in 0..<maximumIterations {                                        // FD3: increase h
                h *= 10
                current = differences(h)
                if hS == nil, current.firstOK { hS = h }
                if current.cancellation <= high { accepted = (h, current.second); break }
            }
        }

        let step: T, second: T
        if let accepted, accepted.second.isFinite, accepted.second != 0 {           // FD5
            step = 2 * (epsilonA / abs(accepted.second)).squareRoot()
            second = abs(accepted.second)
        } else {                                                                    // FD6
            step = hS ?? hBar
            second = 0
        }
        let value = (f(x + step) - fx) / step
        guard value.isFinite else { return .none(.outOfDomain, evaluations: f.evaluations) }
        let bound = step * second / 2 + 2 * epsilonA / step
        return DerivativeEstimate(value: value, bound: bound, evaluations: f.evaluations, status: .ok)
    }
}
