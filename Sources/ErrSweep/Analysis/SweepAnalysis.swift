import Foundation

/// What a sweep's measurements say, per point, method and precision, beside what theory says.
/// Reports, charts and the accuracy baseline all read these numbers; none re-evaluates f.
public struct SweepAnalysis: Sendable {
    public struct Entry: Sendable {
        public var precision: Precision
        public var x: Double
        public var method: DerivativeMethod
        /// The model at this point; nil where f or f′ is not finite there.
        public var model: ErrorModel?
        /// The measurement with the least absolute error; ties keep the first (on a decreasing
        /// grid, the larger step). Nil when no step gave a finite error.
        public var best: DerivativeMeasurement?
        /// The bottom of the V: the step where the error, smoothed by a running median over the
        /// steps within half a decade either side, is least, and that smoothed error. The single
        /// best sample is often a lucky dip — rounding errors of two samples that happen to
        /// cancel, or a rounding that cancels the truncation — and such dips come in runs on the
        /// flat bottom of a first-order V; a decade-wide median keeps the curve's shape and drops
        /// them. Nil where no window holds three finite errors.
        public var typicalBest: (h: Double, error: Double)?
        /// Rows that were not plain measurements, by status.
        public var flagged: [MeasurementStatus: Int]
        /// The least-squares slope of log|truncation| on log h where truncation dominates
        /// (|truncation| ≥ 10·|rounding|): the observed order, against `model.truncationOrder`.
        public var truncationSlope: Double?
        /// The same where rounding dominates (|rounding| ≥ 10·|truncation|): theory says −1 for a
        /// difference stencil.
        public var roundingSlope: Double?
    }

    public let entries: [Entry]

    /// Analyses the rows of `spec`'s sweep.
    public init(spec: SweepSpec, rows: [DerivativeMeasurement]) {
        var derivativesAt: [Double: [BigFloat]] = [:]
        var groups: [String: [DerivativeMeasurement]] = [:]
        var order: [String] = []
        for row in rows {
            let key = "\(row.precision.rawValue)|\(row.x)|\(row.method.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        entries = order.map { key in
            let group = groups[key]!
            let first = group[0]
            let derivatives = derivativesAt[first.x] ?? {
                let computed = HigherDerivatives.at(BigFloat(first.x, precision: 320), of: spec.function)
                derivativesAt[first.x] = computed
                return computed
            }()
            let finite = derivatives[0].isFinite && derivatives[1].isFinite
            var entry = Entry(
                precision: first.precision, x: first.x, method: first.method,
                model: finite
                    ? ErrorModel.make(method: first.method, derivatives: derivatives, x: first.x,
                                      precision: first.precision, exactStep: spec.exactStep)
                    : nil,
                best: nil, flagged: [:])
            for row in group {
                if row.status != .ok { entry.flagged[row.status, default: 0] += 1 }
                if row.absoluteError.isFinite, row.absoluteError < (entry.best?.absoluteError ?? .infinity) {
                    entry.best = row
                }
            }
            entry.typicalBest = Self.medianMinimum(group)
            let measured = group.filter { $0.status == .ok && $0.split.truncation.isFinite && $0.split.rounding.isFinite }
            if first.method.usesStep {
                entry.truncationSlope = OrderFit.slope(measured
                    .filter { abs($0.split.truncation) >= 10 * abs($0.split.rounding) }
                    .map { ($0.h, $0.split.truncation) })
                entry.roundingSlope = OrderFit.slope(measured
                    .filter { abs($0.split.rounding) >= 10 * abs($0.split.truncation) }
                    .map { ($0.h, $0.split.rounding) })
            }
            return entry
        }
    }

    /// The minimum of the running median of the absolute error over half a decade either side.
    /// The window slides along the steps sorted by h, its median kept by a `RankCounter`:
    /// O(n log n) for n steps, whatever the steps per decade.
    static func medianMinimum(_ group: [DerivativeMeasurement]) -> (h: Double, error: Double)? {
        let finite = group.filter { $0.absoluteError.isFinite && $0.h > 0 }
            .map { (logH: log10($0.h), h: $0.h, error: $0.absoluteError) }
        guard !finite.isEmpty else { return nil }
        // Each point's rank among the errors (ties broken by position), and the points by h.
        let byError = finite.indices.sorted { (finite[$0].error, $0) < (finite[$1].error, $1) }
        var rank = [Int](repeating: 0, count: finite.count)
        for (r, index) in byError.enumerated() { rank[index] = r }
        let byH = finite.indices.sorted { (finite[$0].logH, $0) < (finite[$1].logH, $1) }

        // Steps exactly half a decade away (every fifth on a grid of 10 per decade) are inside:
        // the slack keeps rounding in the logarithms from deciding.
        let half = 0.5 + 1e-9
        var window = RankCounter(ranks: finite.count)
        var median = [Double?](repeating: nil, count: finite.count)
        var low = 0, high = 0
        for center in byH {
            let logH = finite[center].logH
            while high < byH.count, finite[byH[high]].logH <= logH + half { window.insert(rank[byH[high]]); high += 1 }
            while finite[byH[low]].logH < logH - half { window.remove(rank[byH[low]]); low += 1 }
            if window.count >= 3 { median[center] = finite[byError[window.rank(ofKth: window.count / 2)]].error }
        }
        // The first center, in the group's order, with the least median.
        var best: (h: Double, error: Double)?
        for (index, point) in finite.enumerated() {
            if let m = median[index], m < (best?.error ?? .infinity) { best = (point.h, m) }
        }
        return best
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
