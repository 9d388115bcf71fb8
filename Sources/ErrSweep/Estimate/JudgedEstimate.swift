import Foundation

/// One algorithm's estimate of f′(x) in one working precision, set beside the truth: what it
/// answered, what it claimed, and how wrong it really was.
public struct JudgedEstimate: Sendable {
    /// The function: its catalog name, or its formula.
    public var function: String
    /// The corpus category, empty outside the corpus.
    public var category: String
    /// The point, as the working precision holds it (exactly a Double in every precision: the
    /// points are Doubles rounded to it).
    public var x: Double
    public var algorithm: DerivativeEstimator
    public var precision: Precision
    /// The estimate and its claimed bound, in the working precision (NaN and +∞ when there is
    /// none).
    public var value: WorkingValue
    public var bound: WorkingValue
    public var evaluations: Int
    public var status: EstimateStatus
    /// f′(x) correctly rounded to the working precision; nil when it does not settle
    /// (`truthFailure` says why).
    public var truth: WorkingValue?
    public var truthFailure: String?
    /// |estimate − truth| in the working precision, rounded to Double; +∞ for no estimate.
    public var absoluteError: Double
    /// The distance in ulps of the working precision from the truth.
    public var ulps: Double

    /// The error relative to |f′(x)|, or the absolute error where f′(x) = 0.
    public var relativeError: Double {
        guard let truth else { return .nan }
        return truth.isZero ? absoluteError : absoluteError / abs(truth.double)
    }

    /// Correct digits, from the relative error: −log₁₀ of it, 0 for none, capped at 17.
    public var correctDigits: Double {
        let relative = relativeError
        guard relative.isFinite else { return 0 }
        let digits = -Foundation.log10(relative)
        return digits <= 0 ? 0 : min(17, digits)
    }

    /// Whether the claimed bound holds: nil when the algorithm gave none (a status other than ok)
    /// or there is no truth to judge it by.
    public var boundHolds: Bool? {
        guard status == .ok, truth != nil else { return nil }
        return absoluteError <= bound.double
    }

    /// Honest: the bound holds, or the status said there was no trustworthy answer.
    public var isHonest: Bool { boundHolds ?? (status != .ok) }

    /// How many times the true error exceeds the bound (< 1 when the bound holds).
    public var underestimate: Double { absoluteError / bound.double }

    /// Judges `estimator` on f (as `f`, or as the working precision sees `function`) at x.
    public static func judge<T: WorkingFloat>(
        _ estimator: DerivativeEstimator, of function: some CatalogFunction, as f: ((T) -> T)? = nil,
        category: String = "", at x: T
    ) -> JudgedEstimate {
        let estimate = estimator.estimate(f ?? { function($0) }, at: x)
        let truth = Truth<T>.derivative(of: function, at: x)
        var judged = JudgedEstimate(
            function: function.asExpression == nil ? function.name : function.formula, category: category, x: Double(x), algorithm: estimator, precision: T.precision,
            value: WorkingValue(estimate.value), bound: WorkingValue(estimate.bound), evaluations: estimate.evaluations,
            status: estimate.status, truth: nil, truthFailure: nil, absoluteError: .infinity, ulps: .infinity)
        switch truth {
        case .success(let truth) where !truth.rounded.isFinite:
            judged.truthFailure = "f′(x) overflows \(T.precision.rawValue)"
        case .success(let truth):
            judged.truth = WorkingValue(truth.rounded)
            if estimate.value.isFinite {
                judged.absoluteError = Double(abs(estimate.value - truth.rounded))
                judged.ulps = estimate.value.ulpDistance(to: truth.rounded)
            }
        case .failure(let failure):
            judged.truthFailure = failure.reason
        }
        return judged
    }

    /// Judges `estimator` on `function` at x rounded to `precision`.
    public static func judge(_ estimator: DerivativeEstimator, of function: some CatalogFunction, in precision: Precision, at x: Double) -> JudgedEstimate {
        defer { BigFloat.releaseThreadCaches() }
        switch precision {
        case .float16: return judge(estimator, of: function, at: Float16(x))
        case .float: return judge(estimator, of: function, at: Float(x))
        case .double: return judge(estimator, of: function, at: x)
        case .float80:
            #if arch(x86_64) || arch(i386)
            return judge(estimator, of: function, at: Float80(x))
            #else
            preconditionFailure("float80 is not available on this machine: check Precision.isAvailable")
            #endif
        }
    }

    /// Judges every estimator on every case of a corpus, in Double.
    public static func judge(_ cases: [EstimatorCorpus.Case], by estimators: [DerivativeEstimator]) -> [JudgedEstimate] {
        let pairs = cases.flatMap { c in estimators.map { (c, $0) } }
        return parallelMap(pairs.count) { index in
            defer { BigFloat.releaseThreadCaches() }
            let (c, estimator) = pairs[index]
            return judge(estimator, of: c.function, as: c.f, category: c.category, at: c.x)
        }
    }
}
