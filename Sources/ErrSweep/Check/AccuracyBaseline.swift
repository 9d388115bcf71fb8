import Foundation

/// The accuracy a version of errsweep achieved, kept so a later one can be checked against it:
/// per function × point × method × precision, the bottom of the V, the error at fixed reference
/// steps, the ulps of AD and the complex step, and the fitted orders. Errors are kept in ulps of
/// the working precision too, so zero errors and every scale compare alike.
public struct AccuracyBaseline: Codable, Equatable, Sendable {
    /// 2: errors are kept in ulps only (format 1 kept absolute errors too, never compared).
    public var format = 2
    public var generatedBy: String
    public var referenceSteps: [Double]
    public var entries: [Entry]
    /// The number-system audit's figures (`errsweep audit`), when the check covers it.
    public var numberSystems: [NumberSystemEntry]?
    /// errsweep's black-box estimator scored on its corpus and on a fixed draw of random smooth
    /// functions (`errsweep estimate --corpus`), when the check covers it.
    public var estimators: [EstimatorEntry]?

    /// errsweep's own estimator's score on one set of cases.
    public struct EstimatorEntry: Codable, Equatable, Sendable {
        /// Which cases: `corpus`, or `random smooth, seed S, N functions`.
        public var cases: String
        public var score: EstimatorScore

        /// The score on the cases named.
        public init(cases: String, score: EstimatorScore) {
            self.cases = cases
            self.score = score
        }

        /// errsweep's estimator on the corpus and on 200 random smooth functions drawn with seed 2026.
        public static func measure() -> [EstimatorEntry] {
            let corpus = JudgedEstimate.judge(EstimatorCorpus.cases, by: [.errsweep])
            let random = JudgedEstimate.judge(EstimatorCorpus.randomSmooth(count: 200, seed: 2026), by: [.errsweep])
            return [EstimatorEntry(cases: "corpus", score: EstimatorScore(algorithm: "errsweep", corpus)),
                    EstimatorEntry(cases: "random smooth, seed 2026, 200 functions", score: EstimatorScore(algorithm: "errsweep", random))]
        }
    }

    /// One function in one component of one number system: ulps over its well-conditioned
    /// arguments; nil where a result was not a finite number.
    public struct NumberSystemEntry: Codable, Equatable, Sendable {
        public var function: String
        public var system: String
        public var part: String
        public var maximumUlps: Double?
        public var medianUlps: Double?

        public var key: String { "\(function) \(system): \(part)" }

        /// The figures of one audited number system and part, as the baseline keeps them.
        public init(_ summary: NumberSystemAudit.Summary) {
            function = summary.function
            system = summary.component.system
            part = summary.component.part
            maximumUlps = AccuracyBaseline.finite(summary.maximum)
            medianUlps = AccuracyBaseline.finite(summary.median)
        }
    }

    /// The accuracy of one function, point, method and precision: its best step and error, the
    /// bottom of its V, its errors at the reference steps, and its fitted orders.
    public struct Entry: Codable, Equatable, Sendable {
        public var function: String
        public var x: Double
        /// By its command-line name in the JSON (`forward-ad`, `central:6`).
        public var method: DerivativeMethod
        public var precision: Precision
        /// K, for an entry of the K-th derivative; absent for f′.
        public var derivative: Int?
        /// The single most accurate step and its error in ulps. Only ulps are kept, because only
        /// ulps are compared: a stored figure a check ignored would invite edits that change
        /// nothing.
        public var bestStep: Double?
        public var bestUlps: Double?
        /// The bottom of the V (root mean square over a decade) and its step.
        public var bottomStep: Double?
        public var bottomUlps: Double?
        /// The error in ulps at each reference step the sweep visited.
        public var atSteps: [AtStep]
        /// Fitted slopes of log|truncation| and log|rounding| on log h.
        public var truncationOrder: Double?
        public var roundingSlope: Double?

        public var key: String {
            let k = derivative ?? 1
            return "\(function)\(k == 1 ? "" : " \(NumberFormat.derivative(k))") x=\(NumberFormat.compact(x)) \(method.rawValue) \(precision.rawValue)"
        }
    }

    /// The error in ulps at one of the reference steps.
    public struct AtStep: Codable, Equatable, Sendable {
        public var h: Double
        public var ulps: Double?
    }

    public static let defaultReferenceSteps = [1e-2, 1e-5, 1e-8]

    /// The baseline of some sweeps' analyses.
    public init(
        analyses: [(function: String, rows: [DerivativeMeasurement], analysis: SweepAnalysis)], referenceSteps: [Double] = defaultReferenceSteps,
        numberSystems: [NumberSystemAudit.Summary]? = nil, estimators: [EstimatorEntry]? = nil
    ) {
        self.estimators = estimators
        generatedBy = "errsweep \(ErrSweepVersion.current)"
        self.referenceSteps = referenceSteps
        self.numberSystems = numberSystems?.map(NumberSystemEntry.init)
        entries = analyses.flatMap { sweep in
            sweep.analysis.entries.map { entry in
                let rows = sweep.rows.filter {
                    $0.precision == entry.precision && $0.x == entry.x && $0.method == entry.method && $0.derivative == entry.derivative
                }
                let ulp = rows.lazy.map(\.truth.double).first { $0.isFinite }.map { entry.precision.ulp(of: $0) }
                let bottomUlps = entry.bottomOfTheV.flatMap { bottom in ulp.map { bottom.error / $0 } }
                let atSteps = referenceSteps.compactMap { h -> AtStep? in
                    // The step as the working precision holds it: within 1% of the reference.
                    guard entry.method.usesStep, let row = rows.first(where: { abs($0.h / h - 1) < 0.01 }) else { return nil }
                    return AtStep(h: h, ulps: Self.finite(row.ulps))
                }
                return Entry(
                    function: sweep.function, x: entry.x, method: entry.method, precision: entry.precision,
                    derivative: entry.derivative == 1 ? nil : entry.derivative,
                    bestStep: entry.method.usesStep ? entry.best?.h : nil, bestUlps: entry.best.flatMap { Self.finite($0.ulps) },
                    bottomStep: entry.bottomOfTheV?.h, bottomUlps: bottomUlps.flatMap(Self.finite),
                    atSteps: atSteps, truncationOrder: entry.truncationSlope, roundingSlope: entry.roundingSlope)
            }
        }
    }

    /// The gap between `value` and the next representable number of its magnitude, in `precision`.
    static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    // MARK: Files

    /// The baselines this version reads.
    public static let formats = [2]

    /// Reads and validates a baseline: a known format, at least one entry, no negative errors or
    /// ulps (with which no regression could ever be found). `fix`, which ends each error, says
    /// how to make a good one.
    public static func read(_ url: URL, fix: String = "write a new one (AccuracyBaseline.write(to:))") throws -> AccuracyBaseline {
        let baseline = try JSONFile.read(AccuracyBaseline.self, from: url, what: "baseline", shape: "an errsweep baseline", fix: fix)
        func invalid(_ problem: String) -> JSONFile.Problem { JSONFile.Problem(description: "baseline \(url.path): \(problem); \(fix)") }
        guard formats.contains(baseline.format) else {
            throw invalid("unknown format \(baseline.format); valid: \(formats.map(String.init).joined(separator: ", "))")
        }
        guard !baseline.entries.isEmpty else { throw invalid("'entries' is empty") }
        for (index, entry) in baseline.entries.enumerated() {
            let figures = [entry.bestUlps, entry.bottomUlps] + entry.atSteps.map(\.ulps)
            if figures.contains(where: { ($0 ?? 0) < 0 }) { throw invalid("entries.\(index) (\(entry.key)) has negative ulps") }
        }
        for (index, entry) in (baseline.numberSystems ?? []).enumerated() where (entry.maximumUlps ?? 0) < 0 || (entry.medianUlps ?? 0) < 0 {
            throw invalid("numberSystems.\(index) (\(entry.key)) has negative ulps")
        }
        return baseline
    }

    /// Writes the baseline as JSON, keys sorted, atomically (`AtomicFile`).
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(encoder.encode(self) + Data("\n".utf8), to: url)
    }
}
