import Foundation

/// What to use for this function at these points, and what accuracy to expect — chosen from the
/// measurements, not from folklore.
public struct Recommendation: Sendable {
    /// A method without a step (AD) and its worst error in ulps over the points.
    public struct Automatic: Sendable {
        public var method: DerivativeMethod
        public var worstUlps: Double
    }

    /// A method on a rounding floor (the complex or multicomplex step): the largest step that
    /// stays on it at every point (nil when no point limits it), its worst ulps and its worst
    /// relative error.
    public struct Floor: Sendable {
        public var method: DerivativeMethod
        public var step: Double?
        public var worstUlps: Double
        public var worstRelativeError: Double
    }

    /// A difference formula, the step to use and its worst relative error there.
    public struct Difference: Sendable {
        public var method: DerivativeMethod
        public var step: Double
        public var worstRelativeError: Double
    }

    /// The AD mode with the smaller worst-case ulps, and those ulps.
    public var automatic: Automatic?
    /// The complex step for f′, or the multicomplex step for a higher derivative (`method`): the
    /// largest step that stays on its rounding floor at every point (nil when no point limits it:
    /// no truncation anywhere), its worst ulps, and its worst relative error.
    public var complexStep: Floor?
    /// The difference formula with the smallest worst error at the bottom of its V, the step to
    /// use (the geometric mean of the model's h* over the points where there is a V), and its
    /// worst relative error.
    public var difference: Difference?

    /// The recommendation from `analysis` at `precision`: which method to use, and how accurate
    /// each choice is at these points.
    public init(analysis: SweepAnalysis, precision: Precision) {
        let entries = analysis.entries.filter { $0.precision == precision }
        func worstUlps(_ method: DerivativeMethod) -> Double? {
            let values = entries.filter { $0.method == method }.compactMap { $0.best?.ulps }
            return values.isEmpty || values.contains(where: \.isNaN) ? nil : values.max()
        }
        automatic = DerivativeMethod.automaticPreference.compactMap { m in worstUlps(m).map { Automatic(method: m, worstUlps: $0) } }
            .min { $0.worstUlps < $1.worstUlps }
        // A step method without a V sits on a floor — the complex step's f′, the multicomplex
        // step's higher derivatives — the case this reads.
        let complex = entries.filter { $0.method.errorShape(derivative: $0.derivative) == .floor }
        if let method = complex.first?.method, let ulps = worstUlps(method) {
            let relative = complex.compactMap { $0.best.map { $0.truth.isZero ? $0.absoluteError : $0.relativeError } }.max() ?? .nan
            complexStep = Floor(method: method, step: complex.compactMap { $0.model?.optimalStep }.min(), worstUlps: ulps, worstRelativeError: relative)
        }
        var methods: [DerivativeMethod] = []
        for entry in entries where !methods.contains(entry.method) { methods.append(entry.method) }
        let candidates = methods.compactMap { method -> (DerivativeMethod, Double, Double)? in
            let atPoints = entries.filter { $0.method == method && method.stencil(derivative: $0.derivative) != nil }
            guard !atPoints.isEmpty else { return nil }
            let errors = atPoints.compactMap { entry -> Double? in
                guard let error = entry.bottomOfTheV?.error, let truth = entry.best?.truth else { return nil }
                return truth.isZero ? error : error / abs(truth.double)
            }
            // Points without a V (f(x) = 0) take any small step: they do not set it. Where no point
            // has a model step (no truncation at all: central5 on a cubic), the measured bottom of
            // the V does.
            var steps = atPoints.compactMap { $0.model }.filter(\.hasV).compactMap(\.optimalStep).filter { $0 > 0 }
            if steps.isEmpty { steps = atPoints.compactMap { $0.bottomOfTheV?.h } }
            guard errors.count == atPoints.count, !steps.isEmpty else { return nil }
            let geometricMean = exp(steps.map(log).reduce(0, +) / Double(steps.count))
            return (method, geometricMean, errors.max()!)
        }
        difference = candidates.min { $0.2 < $1.2 }.map { Difference(method: $0.0, step: $0.1, worstRelativeError: $0.2) }
    }
}
