import ErrSweep
import ErrSweepReports
import Foundation

/// The explorer's answer to a sweep query, as the page shows it: per point, every method's V and
/// the central difference's split as SVG (hover reads off h, the error, its truncation and
/// rounding), the summary table, the reading in words and the recommendation, and the command
/// line that reproduces it. Encoded as JSON for the page's script; every string in it is text,
/// which the page inserts as text, and the SVG is escaped where it holds the user's words.
public struct ExplorerAnswer: Sendable, Codable {
    public var function: String
    public var formula: String
    public var command: String
    public var permalink: String
    public var charts: [ExplorerChart]
    public var tables: [ExplorerTable]
    public var reading: [String]
    /// Bullets, with **bold** marked as in Markdown.
    public var recommendation: [String]
    public var measurements: Int
    public var seconds: Double

    /// Stopped by the time budget: the sweep took longer than the server allows a request.
    public struct OverBudget: Error, CustomStringConvertible {
        public var seconds: Double
        public var measured: Int, asked: Int
        public var description: String {
            "the sweep took longer than the \(NumberFormat.compact(seconds)) s a request may take (\(measured) of \(asked) measurements made); valid: fewer steps, points, methods or precisions"
        }
    }

    /// Measures `sweep`, giving up (`OverBudget`) once `budget` seconds have passed: the rows,
    /// their analysis and the seconds taken, for the page (`init`) or a download.
    public static func measure(_ sweep: ExplorerQuery.Sweep, budget: Double) throws -> (rows: [DerivativeMeasurement], analysis: SweepAnalysis, seconds: Double) {
        let spec = sweep.spec
        let start = Date()
        var rows: [DerivativeMeasurement] = []
        rows.reserveCapacity(spec.measurementCount)
        try SweepRunner.stream(spec, blockSize: 64) { block in
            rows += block
            if Date().timeIntervalSince(start) > budget {
                throw OverBudget(seconds: budget, measured: rows.count, asked: spec.measurementCount)
            }
        }
        return (rows, SweepAnalysis(spec: spec, rows: rows), Date().timeIntervalSince(start))
    }

    /// The page's answer to `query` from its measured rows.
    public init(query: ExplorerQuery, sweep: ExplorerQuery.Sweep, rows: [DerivativeMeasurement], analysis: SweepAnalysis, seconds: Double) {
        let spec = sweep.spec
        function = spec.function.description
        formula = "\(spec.function.symbol)(x) = \(spec.function.formula),  \(spec.function.derivativeLine(order: spec.derivative))"
        command = ReproducingCommand.sweep(spec, grid: sweep.grid, perDecade: sweep.perDecade)
        permalink = "/?" + query.queryString
        measurements = rows.count
        self.seconds = seconds
        charts = Self.charts(spec: spec, rows: rows, analysis: analysis)
        tables = spec.precisions.flatMap { precision in
            analysis.points.compactMap { x -> ExplorerTable? in
                let entries = analysis.entries(precision: precision, x: x)
                guard !entries.isEmpty else { return nil }
                var notes: [String] = []
                if let best = analysis.bestMethod(precision: precision, x: x), let row = best.best {
                    notes.append("best: \(best.method.rawValue), error \(NumberFormat.scientific(row.absoluteError)) (\(NumberFormat.ulps(row.ulps)) ulps)")
                }
                if let note = Reading.deepTruth(entries: entries, precision: precision) { notes.append(note) }
                if let reason = entries.lazy.compactMap(\.truthFailure).first { notes.append("truth-unresolved: \(reason)") }
                return ExplorerTable(heading: "\(precision.rawValue), x = \(NumberFormat.exact(x))", headings: SummaryText.headings,
                             rows: entries.map(SummaryText.cells), notes: notes)
            }
        }
        let precision = spec.precisions[0]
        reading = Reading.paragraphs(spec: spec, analysis: analysis, precision: precision)
        recommendation = MarkdownReport.recommendation(Recommendation(analysis: analysis, precision: precision), precision, derivative: spec.derivative)
            .split(separator: "\n").map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : String($0) }
    }

    /// The charts the page shows, per precision and point: every method's V, and the central
    /// difference's split (the first stencil's where central is not swept); with one method, its
    /// own chart first.
    public static func shownCharts(spec: SweepSpec<AnyCatalogFunction>, rows: [DerivativeMeasurement], analysis: SweepAnalysis) -> [Chart] {
        let all = SweepCharts.all(spec: spec, rows: rows, analysis: analysis)
        let splitMethod = spec.methods.contains(.central) ? DerivativeMethod.central : spec.methods.first { $0.usesStep }
        let shown = all.filter { chart in
            chart.name.contains("-methods") || (splitMethod.map { chart.name.contains("-\($0.fileName)-split") } ?? false)
        }
        // Each point's V first, then its split.
        let vs = shown.filter { $0.name.contains("-methods") }, splits = shown.filter { !$0.name.contains("-methods") }
        let ordered = vs.count == splits.count ? zip(vs, splits).flatMap { [$0, $1] } : vs + splits
        return spec.methods.count == 1 ? Array(all.prefix(1)) + ordered : ordered
    }

    /// The shown charts as SVG, each point's hover reading off its measurement.
    static func charts(spec: SweepSpec<AnyCatalogFunction>, rows: [DerivativeMeasurement], analysis: SweepAnalysis) -> [ExplorerChart] {
        let charts = shownCharts(spec: spec, rows: rows, analysis: analysis)
        var byKey: [String: DerivativeMeasurement] = [:]
        for row in rows { byKey["\(row.precision.rawValue) \(row.x) \(row.method.rawValue) \(row.h)"] = row }
        return charts.map { chart in
            let precision = spec.precisions.first { chart.name.hasSuffix("-\($0.rawValue)") } ?? spec.precisions[0]
            let x = analysis.points.first { chart.name.contains("-x\(NumberFormat.compact($0))-") } ?? analysis.points[0]
            let svg = SVGChart.svg(chart) { s, p in
                let series = chart.series[s], point = series.points[p]
                var lines = [("h", NumberFormat.scientific(point.x, digits: 3)), ("value", NumberFormat.scientific(point.y, digits: 3))]
                if let row = byKey["\(precision.rawValue) \(x) \(series.label) \(point.x)"] {
                    lines = [("h", NumberFormat.scientific(row.h, digits: 3)), ("error", NumberFormat.scientific(row.absoluteError, digits: 3)),
                             ("truncation", NumberFormat.scientific(row.split.truncation, digits: 3)),
                             ("rounding", NumberFormat.scientific(row.split.rounding, digits: 3))]
                }
                return lines
            }
            return ExplorerChart(name: chart.name, title: chart.title, svg: svg)
        }
    }
}
