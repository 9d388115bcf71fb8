import ErrSweep
import Foundation

/// The whole error surface at once: log10 of one method's error over (x, h), as a heat map.
public enum LandscapeChart {
    /// The heat map of `method`'s error in `precision` over the spec's points and steps.
    public static func make(spec: SweepSpec<some CatalogFunction>, rows: [DerivativeMeasurement], method: DerivativeMethod, precision: Precision) -> Chart {
        let steps = spec.steps.sorted()
        let selected = rows.filter { $0.method == method && $0.precision == precision }
        var byPoint: [Double: [Double: Double]] = [:]
        for row in selected { byPoint[row.x, default: [:]][row.h] = row.absoluteError }
        let xs = Array(Set(selected.map(\.x))).filter(\.isFinite).sorted()
        // Steps that round to 0 in the working precision (1e−30 in Float16) have no row.
        let hs = Array(Set(selected.map(\.h))).filter { $0 > 0 && $0.isFinite }.sorted()
        let logs = hs.map { h in
            xs.map { x -> Double in
                guard let error = byPoint[x]?[h], error.isFinite else { return .nan }
                return error > 0 ? log10(error) : -.infinity
            }
        }
        let finite = logs.flatMap { $0 }.filter(\.isFinite)
        let low = max((finite.min() ?? -18).rounded(.down), -20), high = min((finite.max() ?? 0).rounded(.up), 2)
        // An exact zero has no logarithm: it takes the lowest colour, as the label says.
        let values = logs.map { row in row.map { $0 == -.infinity ? low : $0 } }
        var chart = Chart(
            name: "\(spec.name)-\(method.fileName)-landscape\(spec.precisions.count > 1 ? "-\(precision.rawValue)" : "")",
            title: "\(spec.function.title): \(method.title) error\(spec.derivative == 1 ? "" : " of \(NumberFormat.derivative(spec.derivative))") over x and h, \(precision.rawValue)"
                + (hs.isEmpty ? " (every step rounds to 0 in \(precision.rawValue): nothing to show)" : ""),
            xAxis: .init(label: "x", scale: .linear, range: (xs.first ?? 0)...(xs.last ?? 1)),
            yAxis: .init(label: "h", scale: .log, range: (hs.first ?? steps.first ?? 1e-16)...(hs.last ?? steps.last ?? 1)),
            series: [])
        chart.heatmap = Chart.Heatmap(
            xs: xs, ys: hs, values: values,
            valueLabel: "log10 |error|  (exact 0 at the bottom colour, no value in grey)",
            valueRange: low...max(high, low + 1))
        return chart
    }
}
