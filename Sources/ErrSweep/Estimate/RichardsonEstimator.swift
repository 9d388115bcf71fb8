import Foundation

/// errsweep's own black-box derivative: a Richardson tableau of central differences whose every
/// entry carries an honest error bound, and the entry of least bound as the answer.
///
/// - Noise is measured, not assumed: five close values of f (spacing ε^0.4 of the scale, about
///   2⁻²¹ in Double, and at least 64 ulps of x) give a fourth difference, weights 1, −4, 6, −4,
///   1, which holds f⁽⁴⁾δ⁴ plus the noise: |Δ⁴f|/√70 estimates its standard deviation σ. Where
///   a value repeats on one side of x (f quantized: computed in a lower precision, or through a
///   cancellation) the measure is made again at ε^0.15, and the smallest change between any two
///   values f takes bounds its quantum. Each f value is then taken to be off by
///   max(2ε|f|, ε|x·f′|, 3σ, half that change, the least subnormal), ε|x·f′| being the rounding
///   of x inside f.
/// - Each central difference D(h) = (f(x+h) − f(x−h))/((x+h) − (x−h)) uses the step the
///   arithmetic took, and carries the rounding bound (u(x+h) + u(x−h))/((x+h) − (x−h)).
/// - Extrapolation to h → 0 with ratio 2 (Richardson; the tableau of Ridders, 1982, and of
///   Numerical Recipes' dfridr): entry j of a row removes the h²ʲ term, and amplifies the
///   rounding of the differences by Π (4ᵏ + 1)/(4ᵏ − 1), k = 1…j, the sum of its weights' sizes.
/// - An entry's bound is twice its largest difference from the two entries it came from (the
///   truncation left, as dfridr measures it) plus its amplified rounding bound, so a lucky
///   agreement of two noisy entries cannot claim less than the noise allows.
/// - The first step is a tenth of the length L = (|f|/|f‴|)^⅓ over which f changes, f‴ from the
///   close third difference where it stands above the noise, or at |x| > 1000 from five values
///   |x|/100 apart where f is slow on that scale; else 0.1·min(|x|, 1), so a domain edge at 0
///   (log, sqrt at 10⁻⁶) is not stepped across. On NaN or infinity the step shrinks tenfold.
/// - A tableau stops once its diagonal moves by twice its best bound (dfridr's rule), or once
///   its best bound is mostly rounding. While the best bound leaves fewer than ten digits
///   (ε^0.65 relative), a tableau is tried 100 times larger when rounding dominates the bound
///   and 100 times smaller when truncation does, and kept while the bound falls.
///
/// It answers with a status other than ok when f is undefined at every step tried, when f(x ± h)
/// equalled f(x) at every step, or when the bound leaves no digit of the estimate and is not
/// small beside f's own change either (|f|/scale, or the one-sided slopes where f(x) = 0).
enum RichardsonEstimator {
    /// Rows of the tableau: central differences at h, h/2, …, h/2⁴.
    static let rows = 5
    /// The evaluations after which no new tableau is started.
    static let budget = 30

    static func estimate<T: WorkingFloat>(_ f: @escaping (T) -> T, at x: T) -> DerivativeEstimate<T> {
        let seen = SeenValues<T>()
        var counted = CountedFunction { (x: T) -> T in seen.record(f(x)) }
        let fx = counted(x)
        guard fx.isFinite else { return .none(.outOfDomain, evaluations: counted.evaluations) }
        let epsilon = T.ulpOfOne
        // The step's scale: |x| below 1 (a domain edge may sit at 0), 1 above, 1 at x = 0; and no
        // step below 64 ulps of x, so x ± h/16, the finest step of a tableau, is x moved.
        let scale: T = x == 0 ? 1 : min(abs(x), 1)
        let resolvable = max(abs(x) * epsilon, T.leastNonzeroMagnitude) * 64
        let closeSpacing = max(scale * power(epsilon, 0.4), resolvable)
        let (fine, noiseLevel) = measuredNoise(&counted, at: x, fx: fx, closeSpacing: closeSpacing,
                                               coarseSpacing: max(scale * power(epsilon, 0.15), resolvable))
        // A quantized f's values are off by up to half its quantum, which is at most the smallest
        // change between any two values it has taken: where the close values repeated, that is
        // the uncertainty too (f = Float(1 + 10⁻⁹x) changes only at steps of 60 and more, by
        // whole quanta of 6·10⁻⁸).
        let quantized = fine.quantized
        // Inside f, x itself is rounded wherever it enters an operation (1.5·x, x − 3): that
        // moves f by about ε·|x·f′| — more than ε·|f| where f is near a zero (sin(1.5x) at
        // x = −2.128) — so the floor is the larger of the two.
        let conditioned = epsilon * abs(x) * abs(fine.slope)
        let uncertainty = { (value: T) -> T in
            max(2 * epsilon * abs(value), conditioned, 3 * noiseLevel, quantized ? seen.smallestChange / 2 : 0, T.leastNonzeroMagnitude)
        }
        let tenDigits = power(epsilon, 0.65)

        var first = firstStep(&counted, at: x, fx: fx, scale: scale, closeSpacing: closeSpacing, fine: fine,
                              noiseLevel: noiseLevel, resolvable: resolvable)
        // Shrink past NaN: a step that crosses a domain edge. The values at the step kept are the
        // first tableau's first difference.
        var probe = (up: counted(x + first), down: counted(x - first))
        while !(probe.up.isFinite && probe.down.isFinite) {
            first /= 10
            probe = (counted(x + first), counted(x - first))
            if first < resolvable || first < T.leastNormalMagnitude * 1e10 || counted.evaluations > budget {
                return .none(.outOfDomain, evaluations: counted.evaluations)
            }
        }
        // Then steps 100 times larger while the best bound is mostly rounding (f′ ≈ 0, badly
        // scaled: its change sits at the rounding floor), or 100 times smaller while it is mostly
        // truncation (near a pole, oscillating), as long as the bound keeps falling and leaves
        // fewer than ten digits; the largest step is a tenth of |x| when |x| > 1, else 0.1 (a
        // step that crosses a pole makes the differences disagree, and its bound loses).
        let largest = max(abs(x) > 1 ? abs(x) / 10 : 1 / 10, first)
        guard var best = tableau(&counted, at: x, fx: fx, step: first, known: probe, uncertainty: uncertainty) else {
            // f is finite at x ± h, but no difference is: their quotient overflows (1/x at 10⁻³⁰⁰).
            return .none(.overflow, evaluations: counted.evaluations)
        }
        // Where f did not change at all (a quantized f whose change is below its quantum, or a
        // constant), only larger steps can show anything, and any tableau that shows a change
        // replaces it.
        var step = first
        while counted.evaluations <= budget, best.bound > tenDigits * abs(best.value) {
            let next = best.isFlat || best.roundingPart > best.truncationPart ? min(step * 100, largest) : max(step / 100, resolvable)
            guard next != step, let entry = tableau(&counted, at: x, fx: fx, step: next, uncertainty: uncertainty),
                  entry.bound < best.bound || best.isFlat else { break }
            best = entry
            step = next
        }
        // The slope across the five close points must agree with the answer to within the noise
        // assumed; where it does not, f is noisier than its differences showed there (values in an
        // exact progression, as a quantized f gives), and the noise it implies bounds the answer.
        let implied = abs(fine.slope - best.value) * 2 * closeSpacing
        let bounded = implied > 3 * noiseLevel ? best.with(uncertainty: 3 * implied) : best
        // Trustworthy: the bound leaves a digit of the estimate, or (f′ = 0 or nearly) it is small
        // beside f's own scale of change: |f|/scale, or the one-sided slopes at the first step
        // where f(x) = 0 (x² at 0).
        let oneSided = max(abs(probe.up - fx), abs(fx - probe.down)) / first
        let change = max(abs(fx) / scale, oneSided, T.leastNormalMagnitude)
        let trustworthy = !bounded.isFlat && (bounded.bound < abs(bounded.value) || bounded.bound <= epsilon.squareRoot() * change)
        let status: DerivativeEstimate<T>.Status =
            trustworthy ? .ok : bounded.isFlat || bounded.roundingPart >= bounded.truncationPart ? .noiseAboveSignal : .noConvergence
        return DerivativeEstimate(value: bounded.value, bound: bounded.bound, evaluations: counted.evaluations, status: status)
    }

    /// What five values of f around x say (`noise`): the noise σ, how many distinct values there
    /// were, whether one repeated on a side of x, the slope across them and their third difference.
    typealias Noise<T> = (sigma: T, distinct: Int, quantized: Bool, slope: T, third: T)

    /// The five close values' measure of f's noise (`noise`) and the standard deviation taken
    /// for a value of f: σ, or where f is quantized at the close spacing, at least half its
    /// quantum, measured again at the coarse spacing.
    static func measuredNoise<T: WorkingFloat>(
        _ counted: inout CountedFunction<T>, at x: T, fx: T, closeSpacing: T, coarseSpacing: T
    ) -> (fine: Noise<T>, level: T) {
        let fine = noise(&counted, at: x, fx: fx, spacing: closeSpacing)
        var noiseLevel = fine.sigma
        if fine.quantized {
            // f's values repeat at that spacing: f is quantized (computed in a lower precision,
            // or through a cancellation). Its quantum is at least the change of f across the five
            // points over the steps between distinct values there — the slope measured at a
            // wider spacing, where f moves — and a value is off by up to half of it.
            let coarse = noise(&counted, at: x, fx: fx, spacing: coarseSpacing)
            let quantum = abs(coarse.slope) * 4 * closeSpacing / T(max(fine.distinct - 1, 1))
            noiseLevel = max(coarse.sigma, quantum / 2)
        }
        return (fine, noiseLevel)
    }

    /// The first step of the first tableau (`estimate`'s notes).
    static func firstStep<T: WorkingFloat>(
        _ counted: inout CountedFunction<T>, at x: T, fx: T, scale: T, closeSpacing: T,
        fine: Noise<T>, noiseLevel: T, resolvable: T
    ) -> T {
        let epsilon = T.ulpOfOne
        // A tenth of the length over which f changes, L = (|f|/|f‴|)^⅓ with f
        // taken as max(|f(x)|, |f′|·scale) and f‴ from the close third difference where that
        // stands above the noise (sin(100x): L = 0.01; log at 10¹⁵: 2.6·10¹⁵), kept within the
        // scale below |x| = 1 and a tenth of |x| above it.
        var first = scale / 10
        let third = abs(fine.third) / (2 * closeSpacing * closeSpacing * closeSpacing)
        let size = max(abs(fx), abs(fine.slope) * scale)
        if abs(fine.third) > 30 * max(noiseLevel, epsilon * abs(fx)), third > 0, size > 0 {
            first = min(first, T.root(size / third, 3) / 10)
        } else if abs(x) > 1000, !fine.quantized {
            // No third derivative shows at the close spacing, which says little at large |x|:
            // f may change over a length of 1 (sin at 10⁶) or of |x| (log at 10¹⁵). Five values
            // at a spacing of |x|/100 tell them apart: where f is slow on that scale its third and
            // fourth differences there are small beside f and its slope agrees with the close
            // one, and L comes from that third difference (an oscillating f sampled so widely
            // gives differences of the size of f instead).
            let spacing = abs(x) / 100
            let wide = noise(&counted, at: x, fx: fx, spacing: spacing)
            let wideSize = max(abs(fx), abs(fine.slope) * spacing)
            let slow = abs(wide.third) < wideSize / 1000 && wide.sigma * T(70).squareRoot() < wideSize / 1000
                && abs(wide.slope - fine.slope) <= abs(fine.slope) / 100
            if slow {
                let wideThird = abs(wide.third) / (2 * spacing * spacing * spacing)
                first = max(first, min(abs(x) / 10, T.root(wideSize / max(wideThird, .leastNormalMagnitude), 3) / 10))
            }
        }
        first = max(first, resolvable)
        return first
    }

    /// εᵖ in T (ε^0.4 and the like, which Real's `pow` gives for every working precision).
    static func power<T: WorkingFloat>(_ base: T, _ exponent: Double) -> T { T.pow(base, T(exponent)) }

    /// The noise of f near x from five values at `spacing` (four evaluations; f(x) is given):
    /// its estimated standard deviation, how many of the five values differ and whether one
    /// repeats on one side of x (f is quantized at that spacing, and the differences say
    /// little), the slope across them, and their third difference.
    static func noise<T: WorkingFloat>(
        _ f: inout CountedFunction<T>, at x: T, fx: T, spacing: T
    ) -> Noise<T> {
        let values = [-2, -1, 1, 2].map { (k: T) in f(x + k * spacing) }
        guard values.allSatisfy(\.isFinite) else { return (0, 5, false, 0, 0) }
        let distinct = Set(values + [fx]).count
        // Quantized: a value repeats on one side of x. (Across x, f(x − δ) = f(x + δ) is an even
        // f's symmetry, cos at 0, not a quantum.)
        let quantized = Set([fx, values[2], values[3]]).count < 3 || Set([fx, values[1], values[0]]).count < 3
        let slope = (values[3] - values[0]) / ((x + 2 * spacing) - (x - 2 * spacing))
        // The fourth difference, weights 1, −4, 6, −4, 1, over the root of the sum of their
        // squares, is the noise where f⁽⁴⁾δ⁴ is below it; the central third, weights
        // 1, −2, 0, 2, −1, holds 2f‴δ³, and says how fast f changes where it stands above it.
        // Scaled by a power of two (exactly) to the size of 1 first, so 6f(x) cannot overflow
        // where f is near the top of the range.
        let largest = (values + [fx]).map(abs).max()!
        let power = largest > 0 ? T(sign: .plus, exponent: largest.exponent, significand: 1) : 1
        let v = values.map { $0 / power }, centre = fx / power
        let fourth = (v[0] - 4 * v[1] + 6 * centre - 4 * v[2] + v[3]) * power
        let third = (v[3] - 2 * v[2] + 2 * v[1] - v[0]) * power
        return (abs(fourth) / T(70).squareRoot(), distinct, quantized, slope, third)
    }

    /// An extrapolated entry of a tableau and what its bound is made of.
    struct Entry<T: WorkingFloat> {
        var value: T
        /// Its largest difference from the two entries it came from.
        var truncation: T
        /// Π (4ᵏ + 1)/(4ᵏ − 1): how much it amplifies the rounding of the differences.
        var amplification: T
        /// (x + h) − (x − h) at its finest difference.
        var width: T
        /// The rounding bound of that difference.
        var rounding: T
        /// f took the value f(x) at every step of the tableau up to this entry: nothing about f′
        /// was seen (an even f, whose differences are 0 too, changes away from x and is not flat).
        var isFlat = false
        var truncationPart: T { 2 * truncation }
        var roundingPart: T { amplification * rounding }
        var bound: T { truncationPart + roundingPart }

        /// The entry again for f values off by `uncertainty` each.
        func with(uncertainty: T) -> Entry {
            var entry = self
            entry.rounding = max(rounding, 2 * uncertainty / width)
            return entry
        }
    }

    /// The tableau from `step` (f(x ± step) given as `known` when already evaluated): the entry of
    /// least bound, or nil if no difference was finite.
    static func tableau<T: WorkingFloat>(
        _ f: inout CountedFunction<T>, at x: T, fx: T, step: T, known: (up: T, down: T)? = nil,
        uncertainty: (T) -> T
    ) -> Entry<T>? {
        var previous: [T] = []
        var best: Entry<T>?
        var h = step, flat = true
        for i in 0..<rows {
            let up = x + h, down = x - h
            let (fUp, fDown) = i == 0 && known != nil ? known! : (f(up), f(down))
            let width = up - down
            let difference = (fUp - fDown) / width
            guard difference.isFinite, width > 0 else { break }
            let rounding = (uncertainty(fUp) + uncertainty(fDown)) / width
            flat = flat && fUp == fx && fDown == fx
            var column = [difference]
            var amplification: T = 1, factor: T = 4
            for j in stride(from: 1, through: i, by: 1) {
                // (4ʲD(h) − D(2h))/(4ʲ − 1), written as a correction to D(h) so that a derivative
                // near the top of the range (exp at 709.7) does not overflow on the way.
                let extrapolated = column[j - 1] + (column[j - 1] - previous[j - 1]) / (factor - 1)
                amplification *= (factor + 1) / (factor - 1)
                factor *= 4
                let truncation = max(abs(extrapolated - column[j - 1]), abs(extrapolated - previous[j - 1]))
                column.append(extrapolated)
                let entry = Entry(value: extrapolated, truncation: truncation, amplification: amplification,
                                  width: width, rounding: rounding, isFlat: flat)
                if entry.bound < (best?.bound ?? .infinity) { best = entry }
            }
            // dfridr's stop: the diagonal moved by more than twice the best bound, so finer
            // steps only add rounding; and a stop once the best bound is mostly rounding, which
            // finer steps only make larger.
            if i > 0, let best, abs(column[i] - previous[i - 1]) >= 2 * best.bound || best.roundingPart > best.truncationPart { break }
            previous = column
            h /= 2
        }
        return best
    }
}

/// Every value f has taken, so the smallest change between two of them — an upper bound on the
/// quantum of a quantized f — is known at each step.
final class SeenValues<T: WorkingFloat> {
    private var values: [T] = []
    /// The smallest non-zero difference between two finite values seen; 0 while there is none.
    private(set) var smallestChange: T = 0

    func record(_ value: T) -> T {
        guard value.isFinite else { return value }
        for other in values where other != value {
            let change = abs(other - value)
            if smallestChange == 0 || change < smallestChange { smallestChange = change }
        }
        values.append(value)
        return value
    }
}
