import ErrSweep
import Foundation

/// The charts every sweep draws, built from its measurements and analysis (nothing is
/// re-evaluated):
///
/// 1. per method: error against h, one curve per point — for the forward difference of the
///    sigmoid this is the reference figure;
/// 2. per point, when there are several methods: every method on one chart — the V of the
///    stencils beside the floor of the complex step and AD;
/// 3. per point and method with a step: |truncation| and |rounding| measured, the model's two
///    terms dashed, the predicted best step h* marked;
/// 4. with several precisions: per point and method, one curve per precision;
/// 5. for a sweep of a higher derivative: per point, the central difference's V for f′, f″, f‴
///    and f⁽⁴⁾ side by side (`byDerivative`).
public enum SweepCharts {
    /// Every chart of a sweep: one per method across the points, every method at each point, and
    /// each difference method's split at each point.
    public static func all(spec: SweepSpec<some CatalogFunction>, rows: [DerivativeMeasurement], analysis: SweepAnalysis) -> [Chart] {
        let f = spec.name
        let t = spec.derivative == 1 ? spec.function.title : "\(spec.function.title), \(NumberFormat.derivative(spec.derivative))"
        let several = spec.precisions.count > 1
        var charts: [Chart] = []
        for precision in spec.precisions {
            let suffix = several ? "-\(precision.rawValue)" : ""
            let inPrecision = rows.filter { $0.precision == precision }
            for method in spec.methods {
                let series = analysis.points.enumerated().map { index, x in
                    errorSeries(inPrecision.filter { $0.method == method && $0.x == x }, label: "x = \(NumberFormat.compact(x))", color: index)
                }
                charts.append(chart(
                    name: "\(f)-\(method.fileName)\(suffix)",
                    title: "\(t): \(method.title), \(precision.rawValue)", series: series))
            }
            for x in analysis.points {
                let atX = inPrecision.filter { $0.x == x }
                for entry in analysis.entries(precision: precision, x: x) where entry.method.usesStep {
                    charts.append(split(entry, rows: atX.filter { $0.method == entry.method }, function: f, title: t, suffix: suffix))
                }
                guard spec.methods.count > 1 else { continue }
                let series = spec.methods.map { method in
                    var s = errorSeries(atX.filter { $0.method == method }, label: method.rawValue, color: method.chartColor)
                    if method.isDrawnDashed { s.stroke = .dashed }
                    return s
                }
                charts.append(chart(
                    name: "\(f)-x\(NumberFormat.compact(x))-methods\(suffix)",
                    title: "\(t) at x = \(NumberFormat.compact(x)): every method, \(precision.rawValue)", series: series))
            }
        }
        if several {
            for x in analysis.points {
                for method in spec.methods where method.usesStep {
                    let series = spec.precisions.enumerated().map { index, precision in
                        errorSeries(rows.filter { $0.precision == precision && $0.x == x && $0.method == method },
                                    label: precision.rawValue, color: index)
                    }
                    charts.append(chart(
                        name: "\(f)-x\(NumberFormat.compact(x))-\(method.fileName)-precisions",
                        title: "\(t) at x = \(NumberFormat.compact(x)): \(method.title) in every precision", series: series))
                }
            }
        }
        return charts
    }

    /// Per point, one method's error for each derivative K in `rows` (rows of several sweeps
    /// that differ only in K): the V deepening and its bottom moving right as K grows, h* ∝
    /// ε^(1/(K+p)).
    public static func byDerivative(spec: SweepSpec<some CatalogFunction>, method: DerivativeMethod, rows: [DerivativeMeasurement]) -> [Chart] {
        let orders = Array(Set(rows.map(\.derivative))).sorted()
        let precision = spec.precisions[0]
        let p = method.stencil(derivative: 1)?.order ?? 1
        return spec.points.map { x in
            let series = orders.map { k in
                errorSeries(rows.filter { $0.derivative == k && $0.x == x && $0.method == method && $0.precision == precision },
                            label: "\(NumberFormat.derivative(k)): h* ∝ ε^(1/\(k + (method.stencil(derivative: k)?.order ?? p)))", color: k - 1)
            }
            return chart(
                name: "\(spec.name)-x\(NumberFormat.compact(x))-\(method.fileName)-by-derivative",
                title: "\(spec.function.title) at x = \(NumberFormat.compact(x)): \(method.title) of f′ to f⁽⁴⁾, \(precision.rawValue)",
                series: series)
        }
    }

    /// Measured |truncation| and |rounding| with the model's terms dashed and h* marked.
    static func split(_ entry: SweepAnalysis.Entry, rows: [DerivativeMeasurement], function: String, title: String, suffix: String) -> Chart {
        let sorted = rows.sorted { $0.h < $1.h }
        func series(_ label: String, color: Int, stroke: Chart.Series.Stroke = .solid, width: Double = 2,
                    _ value: (DerivativeMeasurement) -> Double) -> Chart.Series {
            var s = Chart.Series(label: label, points: [], color: color, stroke: stroke, width: width)
            for row in sorted {
                let y = abs(value(row))
                if y == 0 { s.exactAt.append(row.h) }
                s.points.append(Chart.Point(x: row.h, y: y == 0 || !y.isFinite ? .nan : y))
            }
            return s
        }
        var all = [
            series("total error", color: 7, width: 1) { $0.absoluteError },
            series("|truncation| measured", color: 0, width: 3.5) { $0.split.truncation },
            series("|rounding| measured", color: 1, width: 3.5) { $0.split.rounding },
        ]
        if let model = entry.model {
            var truncationModel = series("truncation model", color: Palette.darkBlue, stroke: .dashed, width: 1.5) {
                model.truncation(at: $0.h)
            }
            truncationModel.exactAt = []
            all.append(truncationModel)
            all.append(series("rounding model", color: Palette.darkOrange, stroke: .dashed, width: 1.5) { model.rounding(at: $0.h) })
        }
        let x = NumberFormat.compact(entry.x)
        var chart = chart(
            name: "\(function)-x\(x)-\(entry.method.fileName)-split\(suffix)",
            title: "\(title) at x = \(x): \(entry.method.title), \(entry.precision.rawValue) — truncation vs rounding",
            series: all)
        // A truncation of 1e−65 at h = 1e−16 is true but says nothing: show six decades below the
        // smallest total error, and let lower values leave through the floor.
        if let smallest = sorted.map(\.absoluteError).filter({ $0 > 0 && $0.isFinite }).min() {
            let floor = Foundation.pow(10, Foundation.floor(log10(smallest)) - 6)
            if chart.yAxis.range.lowerBound < floor { chart.yAxis.range = floor...chart.yAxis.range.upperBound }
        }
        if let h = entry.model?.optimalStep, chart.xAxis.range.contains(h) {
            chart.markers = [Chart.Marker(x: h, label: "model h* = \(NumberFormat.scientific(h))", color: 3)]
        }
        chart.legendCorner = emptiestCorner(chart)
        return chart
    }

    /// One curve of absolute error against h, ascending in h; NaN rows are gaps, zero errors are
    /// drawn on the floor.
    static func errorSeries(_ rows: [DerivativeMeasurement], label: String, color: Int) -> Chart.Series {
        var series = Chart.Series(label: label, points: [], color: color)
        for row in rows.sorted(by: { $0.h < $1.h }) {
            let error = row.absoluteError
            if error == 0 { series.exactAt.append(row.h) }
            series.points.append(Chart.Point(x: row.h, y: error > 0 && error.isFinite ? error : .nan))
        }
        if series.exactAt.isEmpty && !series.points.contains(where: { $0.y.isFinite }) {
            series.label += " (no value)"
        }
        return series
    }

    /// A log-log chart of error against h, with ranges fitted to the data and notes for what the
    /// axes cannot show.
    static func chart(name: String, title: String, series: [Chart.Series], xLabel: String = "h", yLabel: String = "absolute error") -> Chart {
        let xs = series.flatMap { $0.points.map(\.x) }.filter { $0 > 0 && $0.isFinite }
        let ys = series.flatMap { $0.points.map(\.y) }.filter { $0 > 0 && $0.isFinite }
        var xRange = (xs.min() ?? 1e-16)...(xs.max() ?? 1)
        // One step (or none) still needs an axis: half a decade either side.
        if xRange.lowerBound >= xRange.upperBound {
            xRange = (xRange.lowerBound / 10.0.squareRoot())...(xRange.upperBound * 10.0.squareRoot())
        }
        let hasExact = series.contains { !$0.exactAt.isEmpty }
        let low = ys.min() ?? 1e-17, high = ys.max() ?? 1
        // Whole decades, one more below when zeros must sit on the floor.
        let bottom = Foundation.pow(10, floor(log10(low)) - (hasExact ? 1 : 0))
        let top = Foundation.pow(10, max(ceil(log10(high)), floor(log10(bottom)) + 1))
        var chart = Chart(
            name: name, title: title,
            xAxis: .init(label: xLabel, scale: .log, range: xRange),
            yAxis: .init(label: yLabel, scale: .log, range: bottom...top),
            series: series)
        if hasExact { chart.legendNotes.append(.exactZero) }
        let hasGaps = series.contains { s in
            s.points.contains { $0.y.isNaN } && s.points.contains { $0.y.isNaN && !s.exactAt.contains($0.x) }
        }
        if hasGaps { chart.legendNotes.append(.gaps) }
        chart.legendCorner = emptiestCorner(chart)
        return chart
    }

    /// The corner whose legend covers the fewest data points and the least of the lines between
    /// them, so the legend hides as little as it can, on a canvas of `width` × `height` layout
    /// units. The region is the legend's box and its inset from the frame, as every renderer draws
    /// it (`ChartLayout.legendWidth`, `.legendHeight`).
    static func emptiestCorner(_ chart: Chart, width canvasWidth: Double = Double(ChartCanvas.width),
                               height canvasHeight: Double = Double(ChartCanvas.height)) -> Chart.Corner {
        // The frame with the legend inside it, from the renderers' own layout.
        var inside = chart
        inside.legendCorner = .bottomLeft
        let frame = ChartLayout(inside, width: canvasWidth, height: canvasHeight), inset = ChartLayout.legendInset
        let width = min(0.9, (frame.legendScale * ChartLayout.legendWidth(chart) + inset) / (frame.right - frame.left))
        let height = min(0.9, (frame.legendScale * ChartLayout.legendHeight(chart) + inset) / (frame.bottom - frame.top))
        // Where a point falls across each axis (log or linear, reversed or not), 0 to 1.
        func fraction(_ p: Chart.Point) -> (x: Double, y: Double)? {
            guard p.x.isFinite, p.y.isFinite, p.x > 0 || chart.xAxis.scale == .linear, p.y > 0 || chart.yAxis.scale == .linear else { return nil }
            return (chart.xAxis.fraction(of: p.x), chart.yAxis.fraction(of: p.y))
        }
        var fractions: [(x: Double, y: Double)] = []
        for series in chart.series {
            let points = series.points.map(fraction)
            fractions += points.compactMap { $0 }
            // A line drawn between points far apart (a cost chart's few sizes) covers what lies
            // between them: sampled every hundredth of the frame, so the legend avoids it too.
            for (p, q) in zip(points, points.dropFirst()) where series.stroke != .points {
                guard let p, let q else { continue }
                let samples = Int(max(abs(q.x - p.x), abs(q.y - p.y)) / 0.01)
                for k in stride(from: 1, to: samples, by: 1) {
                    let t = Double(k) / Double(samples)
                    fractions.append((p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)))
                }
            }
        }
        // A marker's label sits at the top beside its line: count it as heavily occupied.
        for marker in chart.markers {
            let x = chart.xAxis.fraction(of: marker.x)
            for dx in stride(from: -0.25, through: 0.25, by: 0.01) { fractions += Array(repeating: (x + dx, 0.97), count: 10) }
        }
        let corners: [Chart.Corner] = [.bottomLeft, .topLeft, .bottomRight, .topRight]
        let best = corners.min { a, b in covered(a, fractions, width, height) < covered(b, fractions, width, height) } ?? .bottomLeft
        // Where even the best corner would hide more than a few samples (a cost chart's eleven
        // lines fanning over the frame), the legend goes beside the frame; where beside it would
        // take more than 40 % of the canvas' width (a chart a column wide), below it, in columns;
        // and where that would leave the frame less than 40 % of the canvas' height, it stays in
        // the best corner after all: a legend over some data beats a frame too flat to read.
        guard covered(best, fractions, width, height) > Self.samplesALegendMayHide else { return best }
        var beside = chart
        beside.legendCorner = .outsideRight
        let frameBeside = ChartLayout(beside, width: canvasWidth, height: canvasHeight)
        if ChartLayout.legendGap + frameBeside.legendScale * ChartLayout.legendWidth(chart) <= 0.4 * canvasWidth { return .outsideRight }
        var below = chart
        below.legendCorner = .below
        let frameBelow = ChartLayout(below, width: canvasWidth, height: canvasHeight)
        return frameBelow.bottom - frameBelow.top >= 0.4 * canvasHeight ? .below : best
    }

    /// How many points, or hundredths of the frame along a line, a legend inside it may hide: a
    /// stray point or two of a dense sweep, not a stretch of line.
    static let samplesALegendMayHide = 5

    static func covered(_ corner: Chart.Corner, _ points: [(x: Double, y: Double)], _ width: Double, _ height: Double) -> Int {
        if corner == .outsideRight { return 0 }
        // What lies outside the frame (a truncation below the floor) is not drawn, so not hidden.
        return points.filter { p in
            guard (0...1).contains(p.x), (0...1).contains(p.y) else { return false }
            let inX = corner == .bottomLeft || corner == .topLeft ? p.x <= width : p.x >= 1 - width
            let inY = corner == .bottomLeft || corner == .bottomRight ? p.y <= height : p.y >= 1 - height
            return inX && inY
        }.count
    }
}
