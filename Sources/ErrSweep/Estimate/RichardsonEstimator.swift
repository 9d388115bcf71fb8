import Foundation

/// errsweep's own black-box derivative: a Richardson tableau of central differences whose every
/// entry carries an honest error bound, and the entry of least bound as the answer.
///
/// - Noise is measured, not assumed: the fourth and third differences of f at five close points
///   (spacing 2⁻²⁰ of the scale) hold f⁽⁴⁾δ⁴ and 2f‴δ³ plus the noise, whose standard deviation
///   they estimate as |Δ⁴f|/√70 and |Δ³f|/√10 (the roots of their weights' sums of squares); the
///   larger is taken, and where f's values repeat at that spacing (f quantized) the measure is
///   made again at 2⁻⁸. Each f value is then taken to be off by max(2ε|f|, 3σ).
/// - Each central difference D(h) = (f(x+h) − f(x−h))/((x+h) − (x−h)) uses the step the
///   arithmetic took, and carries the rounding bound (u(x+h) + u(x−h))/((x+h) − (x−h)).
/// - Extrapolation to h → 0 with ratio 2 (Richardson; the tableau of Ridders, 1982, and of
///   Numerical Recipes' dfridr): entry j of a column removes the h²ʲ term, and amplifies the
///   rounding of the differences by Π (4ᵏ + 1)/(4ᵏ − 1), k = 1…j, the sum of its weights' sizes.
/// - An entry's bound is twice its largest difference from the two entries it came from (the
///   truncation left, as dfridr measures it) plus its amplified rounding bound, so a lucky
///   agreement of two noisy entries cannot claim less than the noise allows.
/// - The first step is 0.1·min(|x|, 1) (0.1 at x = 0), so a point near a domain edge at 0 (log,
///   sqrt at 10⁻⁶) is not stepped across; on NaN or infinity the step shrinks tenfold. A tableau
///   stops once its diagonal moves by twice its best bound (dfridr's rule); while the best bound
///   leaves fewer than ten digits, the tableau is tried again 10² and 10⁴ times smaller (sin at
///   10⁸) and larger, up to a tenth of |x| (log at 10¹⁵, a function of x/10⁶), and the least bound
///   of all wins.
///
/// It answers with a status other than ok when no entry's bound is below |estimate| (no digit is
/// trustworthy) or f is undefined at every step it tried.
enum RichardsonEstimator {
    /// Columns of the tableau: central differences at h, h/2, …, h/2⁴.
    static let columns = 5

    static func estimate(_ f: @escaping (Double) -> Double, at x: Double) -> DerivativeEstimate {
        var counted = CountedFunction(f)
        let fx = counted(x)
        guard fx.isFinite else {
            return DerivativeEstimate(value: .nan, bound: .infinity, evaluations: counted.evaluations, status: .outOfDomain)
        }
        // The step's scale: |x| below 1 (a domain edge may sit at 0), 1 above, 1 at x = 0.
        let scale = x == 0 ? 1 : min(abs(x), 1)
        let fine = noise(&counted, at: x, fx: fx, spacing: scale * 0x1p-20)
        var noiseLevel = fine.sigma
        if fine.distinct < 5 {
            // f's values repeat at that spacing: f is quantized (computed in a lower precision,
            // or through a cancellation). Its quantum is at least the change of f across the five
            // points over the steps between distinct values there — the slope measured at a
            // spacing 2¹² times wider, where f moves — and a value is off by up to half of it.
            let coarse = noise(&counted, at: x, fx: fx, spacing: scale * 0x1p-8)
            let slope = abs(coarse.slope)
            let quantum = slope * 4 * scale * 0x1p-20 / Double(max(fine.distinct - 1, 1))
            noiseLevel = max(coarse.sigma, quantum / 2)
        }
        func uncertainty(_ value: Double) -> Double { max(2 * Double.ulpOfOne * abs(value), 3 * noiseLevel) }

        var best: Entry?
        var first = 0.1 * scale
        // Shrink past NaN: a step that crosses a domain edge. The values at the step kept are the
        // first tableau's first difference.
        var probe = (up: counted(x + first), down: counted(x - first))
        while !(probe.up.isFinite && probe.down.isFinite) {
            first /= 10
            probe = (counted(x + first), counted(x - first))
            if first < abs(x) * 0x1p-50 || first < 1e-300 || counted.evaluations > 30 {
                return DerivativeEstimate(value: .nan, bound: .infinity, evaluations: counted.evaluations, status: .outOfDomain)
            }
        }
        // Smaller steps for a function that changes fast (near a pole, oscillating), larger ones
        // for one whose changes sit at the rounding floor (large |x|, f′ ≈ 0, badly scaled): the
        // largest step is a tenth of |x| when |x| > 1.
        let largest = max(0.1 * abs(x), first)
        let starts = [first, first / 100, first / 10_000, min(first * 100, largest), min(first * 10_000, largest)]
        for start in starts where counted.evaluations <= 30 {
            if let entry = tableau(&counted, at: x, step: start, known: start == first ? probe : nil, uncertainty: uncertainty),
               entry.bound < (best?.bound ?? .infinity) {
                best = entry
            }
            if let best, best.bound <= 1e-10 * abs(best.value) { break }
        }
        guard let best else {
            return DerivativeEstimate(value: .nan, bound: .infinity, evaluations: counted.evaluations, status: .outOfDomain)
        }
        // The slope across the five close points must agree with the answer to within the noise
        // assumed; where it does not, f is noisier than its differences showed there (values in an
        // exact progression, as a quantized f gives), and the noise it implies bounds the answer.
        let closeWidth = 4 * scale * 0x1p-20
        let implied = abs(fine.slope - best.value) * closeWidth / 2
        let bound = implied > 3 * noiseLevel ? best.bound(uncertainty: 3 * implied) : best.bound
        // Trustworthy: the bound leaves a digit of the estimate, or (f′ = 0 or nearly) it is small
        // beside f's own scale of change, |f|/scale.
        let trustworthy = bound < abs(best.value) || bound <= 1e-8 * max(abs(fx), Double.leastNormalMagnitude) / scale
        return DerivativeEstimate(value: best.value, bound: bound, evaluations: counted.evaluations,
                                  status: trustworthy ? .ok : .noConvergence)
    }

    /// The noise of f near x from five values at `spacing` (four evaluations; f(x) is given):
    /// its estimated standard deviation, how many of the five values differ (fewer than five: f
    /// is quantized at that spacing, and the differences say little), and the slope across them.
    static func noise(_ f: inout CountedFunction, at x: Double, fx: Double, spacing: Double) -> (sigma: Double, distinct: Int, slope: Double) {
        let values = [-2.0, -1, 1, 2].map { f(x + $0 * spacing) }
        guard values.allSatisfy(\.isFinite) else { return (0, 5, 0) }
        let distinct = Set(values + [fx]).count
        let slope = (values[3] - values[0]) / ((x + 2 * spacing) - (x - 2 * spacing))
        // Two differences of the same five values, in case one cancels exactly by chance (a
        // quantized f can make its values an exact arithmetic progression): the fourth, weights
        // 1, −4, 6, −4, 1, and the central third, 1, −2, 0, 2, −1; each over the root of the sum
        // of its weights' squares.
        let fourth = values[0] - 4 * values[1] + 6 * fx - 4 * values[2] + values[3]
        let third = values[3] - 2 * values[2] + 2 * values[1] - values[0]
        return (max(abs(fourth) / 70.0.squareRoot(), abs(third) / 10.0.squareRoot()), distinct, slope)
    }

    /// An extrapolated entry of a tableau and what its bound is made of.
    struct Entry {
        var value: Double
        /// Its largest difference from the two entries it came from.
        var truncation: Double
        /// Π (4ᵏ + 1)/(4ᵏ − 1): how much it amplifies the rounding of the differences.
        var amplification: Double
        /// (x + h) − (x − h) at its finest difference.
        var width: Double
        /// The rounding bound of that difference.
        var rounding: Double
        var bound: Double { 2 * truncation + amplification * rounding }

        /// The bound again for f values off by `uncertainty` each.
        func bound(uncertainty: Double) -> Double {
            2 * truncation + amplification * max(rounding, 2 * uncertainty / width)
        }
    }

    /// The tableau from `step` (f(x ± step) given as `known` when already evaluated): the entry of
    /// least bound, or nil if no difference was finite.
    static func tableau(
        _ f: inout CountedFunction, at x: Double, step: Double, known: (up: Double, down: Double)? = nil,
        uncertainty: (Double) -> Double
    ) -> Entry? {
        var rows: [[Double]] = []
        var rounding: [Double] = []
        var best: Entry?
        var h = step
        for i in 0..<columns {
            let up = x + h, down = x - h
            let (fUp, fDown) = i == 0 && known != nil ? known! : (f(up), f(down))
            let width = up - down
            let difference = (fUp - fDown) / width
            guard difference.isFinite, width > 0 else { break }
            rounding.append((uncertainty(fUp) + uncertainty(fDown)) / width)
            var column = [difference]
            var amplification = 1.0, factor = 4.0
            for j in stride(from: 1, through: i, by: 1) {
                let extrapolated = (column[j - 1] * factor - rows[i - 1][j - 1]) / (factor - 1)
                amplification *= (factor + 1) / (factor - 1)
                factor *= 4
                let truncation = max(abs(extrapolated - column[j - 1]), abs(extrapolated - rows[i - 1][j - 1]))
                column.append(extrapolated)
                let entry = Entry(value: extrapolated, truncation: truncation, amplification: amplification,
                                  width: width, rounding: rounding[i])
                if entry.bound < (best?.bound ?? .infinity) { best = entry }
            }
            rows.append(column)
            // dfridr's stop: the diagonal moved by more than twice the best bound, so finer
            // steps only add rounding.
            if i > 0, let best, abs(column[i] - rows[i - 1][i - 1]) >= 2 * best.bound { break }
            h /= 2
        }
        return best
    }
}
