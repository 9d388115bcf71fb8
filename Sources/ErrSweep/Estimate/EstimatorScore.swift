/// How one black-box algorithm did over a set of judged cases: the figures by which the
/// published rules are compared (the columns of `Reports/estimators.md`).
public struct EstimatorScore: Sendable, Equatable, Codable {
    public var algorithm: String
    public var cases: Int
    /// The median relative error (absolute where f′ = 0); a case with no estimate counts as +∞.
    public var medianRelativeError: Double
    /// The share of cases with at least 10, and at least 6, correct digits.
    public var tenDigits: Double
    public var sixDigits: Double
    /// The median and largest number of evaluations of f.
    public var medianEvaluations: Double
    public var maximumEvaluations: Int
    /// The share of cases where an estimate came with a bound at least its true error.
    public var boundHolds: Double
    /// The share of cases answered honestly: the bound held, or the status said there was none.
    public var honest: Double
    /// The share of cases answered as ok with a true error more than 10 times the bound.
    public var silentlyUnderTenfold: Double
    /// Cases answered as ok with bound 0 while the error was not 0.
    public var zeroBounds: Int
    /// The median of bound ÷ true error over ok answers with a non-zero error: how much the
    /// bound overstates (1 is exact, below 1 a lie).
    public var medianBoundOverError: Double?

    /// The score of `judged` (all from one algorithm).
    public init(algorithm: String, _ judged: [JudgedEstimate]) {
        self.algorithm = algorithm
        let judged = judged.filter { $0.truth != nil }
        cases = judged.count
        let count = Double(max(judged.count, 1))
        func share(_ isIncluded: (JudgedEstimate) -> Bool) -> Double { Double(judged.filter(isIncluded).count) / count }
        medianRelativeError = Self.median(judged.map { $0.relativeError.isNaN ? .infinity : $0.relativeError }) ?? .nan
        tenDigits = share { $0.relativeError <= 1e-10 }
        sixDigits = share { $0.relativeError <= 1e-6 }
        medianEvaluations = Self.median(judged.map { Double($0.evaluations) }) ?? 0
        maximumEvaluations = judged.map(\.evaluations).max() ?? 0
        boundHolds = share { $0.boundHolds == true }
        honest = share(\.isHonest)
        silentlyUnderTenfold = share { $0.status == .ok && $0.absoluteError > 10 * $0.bound.double }
        zeroBounds = judged.filter { $0.status == .ok && $0.bound.isZero && $0.absoluteError > 0 }.count
        medianBoundOverError = Self.median(judged.filter { $0.status == .ok && $0.absoluteError > 0 && $0.absoluteError.isFinite }
            .map { $0.bound.double / $0.absoluteError })
    }

    /// Every algorithm's score, in the order given.
    public static func scores(_ judged: [JudgedEstimate], algorithms: [DerivativeEstimator]) -> [EstimatorScore] {
        algorithms.map { algorithm in EstimatorScore(algorithm: algorithm.rawValue, judged.filter { $0.algorithm == algorithm }) }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
