import Foundation

/// What a sweep's measurements say, per point, method and precision, beside what theory says.
/// Reports, charts and the accuracy baseline all read these numbers; none re-evaluates f.
public struct SweepAnalysis: Sendable {
    /// An error at a step: the bottom of a V, a best step.
    public struct StepError: Sendable, Equatable {
        public var h: Double
        public var error: Double
    }

    /// What the rows of one point, method and precision say.
    public struct Entry: Sendable {
        public var precision: Precision
        public var x: Double
        public var method: DerivativeMethod
        /// K: the entry is of estimates of f⁽ᴷ⁾.
        public var derivative: Int = 1
        /// The model at this point; nil where f or f′ is not finite there.
        public var model: ErrorModel?
        /// The measurement with the least absolute error; ties keep the first (on a decreasing
        /// grid, the larger step). Nil when no step gave a finite error.
        public var best: DerivativeMeasurement?
        /// The bottom of the V: the step where the error, smoothed by its root mean square over
        /// the steps within half a decade either side, is least, and that smoothed error. The
        /// single best sample is often a lucky dip — rounding errors of two samples that happen
        /// to cancel, or a rounding that cancels the truncation — and such dips come in runs on
        /// the flat bottom of a first-order V. A median would drop them, but a second difference's
        /// rounding is exactly 0 about half the time (its samples lie on one lattice of ulps:
        /// round(2t) − 2·round(t) is 0 for half of all t), and a median then sits decades below
        /// the error a user risks at that step. The root mean square is what the rounding model
        /// predicts (a standard deviation) and what a user can expect near the step. Nil where no
        /// window holds three finite errors.
        public var bottomOfTheV: StepError?
        /// Rows that were not plain measurements, by status.
        public var flagged: [MeasurementStatus: Int]
        /// Why the truth at this point is unresolved, with its enclosure (`Truth.Failure.reason`);
        /// nil where it is proved or refused for another reason.
        public var truthFailure: String?
        /// The least-squares slope of log|truncation| on log h where truncation dominates
        /// (|truncation| ≥ 10·|rounding|): the observed order, against `model.truncationOrder`.
        public var truncationSlope: Double?
        /// The same where rounding dominates (|rounding| ≥ 10·|truncation|): theory says −K for a
        /// difference stencil of the K-th derivative.
        public var roundingSlope: Double?
    }

    public let entries: [Entry]

    init(entries: [Entry]) { self.entries = entries }

    /// Analyses the rows of `spec`'s sweep, in the order `SweepRunner` makes them.
    public init(spec: SweepSpec<some CatalogFunction>, rows: [DerivativeMeasurement]) {
        var builder = Builder(spec: spec)
        builder.add(rows)
        self = builder.finish()
    }

    /// Analyses rows read back from a table (`MeasurementTable.rows(reading:)`), in the order
    /// they were written, with the model at each point from `derivatives` (f, f′, …, f⁽⁶⁺ᴷ⁾ there;
    /// nil, the default, for no model). Nothing is evaluated: the analysis is the rows'.
    public init(rows: [DerivativeMeasurement], exactStep: Bool = false, derivatives: @escaping (Double) -> [BigFloat]? = { _ in nil }) {
        // The steps' direction, from the first run of rows of one point, method and precision.
        let first = rows.first
        let steps = rows.prefix { $0.x == first?.x && $0.method == first?.method && $0.precision == first?.precision }.map(\.h)
        var builder = Builder(steps: Steps(steps), exactStep: exactStep, derivatives: derivatives)
        builder.add(rows)
        self = builder.finish()
    }

    /// Runs `spec`'s sweep and analyses it as it goes, keeping no rows.
    public init(measuring spec: SweepSpec<some CatalogFunction>) {
        var builder = Builder(spec: spec)
        SweepRunner.stream(spec) { builder.add($0) }
        self = builder.finish()
    }

    /// The entries of one precision and point.
    public func entries(precision: Precision, x: Double) -> [Entry] {
        entries.filter { $0.precision == precision && $0.x == x }
    }

    /// The method with the least best error at this precision and point.
    public func bestMethod(precision: Precision, x: Double) -> Entry? {
        entries(precision: precision, x: x).filter { $0.best != nil }
            .min { $0.best!.absoluteError < $1.best!.absoluteError }
    }

    /// The model for a measurement's point, method and precision.
    public func model(for row: DerivativeMeasurement) -> ErrorModel? {
        entries.first { $0.precision == row.precision && $0.x == row.x && $0.method == row.method }?.model
    }

    /// The distinct points, in the order measured.
    public var points: [Double] {
        var seen: [Double] = []
        for entry in entries where !seen.contains(entry.x) { seen.append(entry.x) }
        return seen
    }
}
