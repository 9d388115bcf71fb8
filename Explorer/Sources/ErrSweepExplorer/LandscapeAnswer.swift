import ErrSweep
import ErrSweepReports
import Foundation

/// The explorer's answer on its second tab: each black-box algorithm's estimate of f′ with the
/// bound it claims, set beside the proved truth (a table, and the chart of claimed bound against
/// true error), and one method's error over x and h as a heat map whose hover reads off each
/// cell. Encoded as JSON for the page's script, every string of it text.
public struct LandscapeAnswer: Sendable, Codable {
    /// What the heat map's hover reads off: where the cells are, and each cell's x, h and error.
    public struct Cells: Sendable, Codable {
        public var placement: SVGChart.HeatmapCells
        public var xs: [String]
        public var hs: [String]
        /// errors[row][column], rows from the smallest h up; "no value" where there is none.
        public var errors: [[String]]
    }

    public var function: String
    public var formula: String
    public var estimateCommand: String
    public var landscapeCommand: String
    public var permalink: String
    public var estimates: ExplorerTable
    /// Whether the bounds held, in sentences.
    public var reading: String
    public var boundChart: ExplorerChart
    public var landscape: ExplorerChart
    public var cells: Cells
    public var measurements: Int
    public var seconds: Double

    /// Judges every estimate and measures the map, giving up (`ExplorerAnswer.OverBudget`) once
    /// `budget` seconds have passed.
    public static func measure(_ work: LandscapeQuery.Work, budget: Double) throws -> (judged: [JudgedEstimate], rows: [DerivativeMeasurement], seconds: Double) {
        let start = Date()
        let asked = work.points.count * work.algorithms.count + work.landscape.measurementCount
        func spent(_ done: Int) throws {
            if Date().timeIntervalSince(start) > budget { throw ExplorerAnswer.OverBudget(seconds: budget, measured: done, asked: asked) }
        }
        var judged: [JudgedEstimate] = []
        for x in work.points {
            for algorithm in work.algorithms {
                judged.append(JudgedEstimate.judge(algorithm, of: work.function, in: work.precision, at: x))
                try spent(judged.count)
            }
        }
        var rows: [DerivativeMeasurement] = []
        rows.reserveCapacity(work.landscape.measurementCount)
        try SweepRunner.stream(work.landscape, blockSize: 256) { block in
            rows += block
            try spent(judged.count + rows.count)
        }
        return (judged, rows, Date().timeIntervalSince(start))
    }

    /// The page's answer to `query` from its judged estimates and the map's rows.
    public init(query: LandscapeQuery, work: LandscapeQuery.Work, judged: [JudgedEstimate], rows: [DerivativeMeasurement], seconds: Double) {
        let function = work.function
        self.function = function.description
        formula = "\(function.symbol)(x) = \(function.formula),  \(function.derivativeLine(order: 1))"
        estimateCommand = ReproducingCommand.estimate(function, points: work.points, algorithms: work.algorithms, precisions: [work.precision])
        landscapeCommand = ReproducingCommand.landscape(function, points: query.range.trimmingCharacters(in: .whitespaces), count: work.landscape.points.count,
                                                        method: work.method, precision: work.precision, grid: work.grid, perDecade: work.perDecade)
        permalink = "/?" + query.queryString
        estimates = Self.table(judged, precision: work.precision)
        reading = EstimateOutputs.readingSentences(judged)
        let chart = EstimateOutputs.chart(judged, name: "estimate-bounds", title: "\(function.title): claimed bound against true error, \(work.precision.rawValue)")
        let shown = judged.filter { $0.status == .ok && $0.bound.isFinite && $0.bound.double > 0 && $0.absoluteError.isFinite && $0.absoluteError > 0 }
        boundChart = ExplorerChart(name: chart.name, title: chart.title, svg: SVGChart.svg(chart) { s, p in
            let series = chart.series[s]
            let mine = shown.filter { $0.algorithm.rawValue == series.label }
            guard mine.indices.contains(p) else { return [] }
            let j = mine[p]
            return [("x", NumberFormat.compact(j.x)), ("bound", NumberFormat.scientific(j.bound.double, digits: 3)),
                    ("true error", NumberFormat.scientific(j.absoluteError, digits: 3))]
        })
        let map = LandscapeChart.make(spec: work.landscape, rows: rows, method: work.method, precision: work.precision)
        landscape = ExplorerChart(name: map.name, title: map.title, svg: SVGChart.svg(map))
        cells = Self.cells(map, rows: rows)
        measurements = judged.count + rows.count
        self.seconds = seconds
    }

    /// One row per point and algorithm: the estimate, its bound, the truth, the true error, and
    /// whether the bound held.
    static func table(_ judged: [JudgedEstimate], precision: Precision) -> ExplorerTable {
        let rows = judged.map { j -> [String] in
            let held = j.boundHolds.map { $0 ? "yes" : "NO, \(NumberFormat.significant(j.underestimate, digits: 2))× under" } ?? "—"
            return [NumberFormat.exact(j.x), j.algorithm.rawValue, j.value.isNaN ? "—" : NumberFormat.significant(j.value.double, digits: 17),
                    j.bound.isFinite ? NumberFormat.scientific(j.bound.double) : "—",
                    j.truth.map { NumberFormat.significant($0.double, digits: 17) } ?? "unresolved",
                    j.truth == nil || !j.absoluteError.isFinite ? "—" : NumberFormat.scientific(j.absoluteError),
                    held, String(j.evaluations), j.status.rawValue]
        }
        var notes = Set(judged.compactMap(\.truthFailure)).sorted().map { "truth unresolved: \($0)" }
        notes += EstimateStatus.allCases.filter { s in s != .ok && judged.contains { $0.status == s } }.map { "\($0.rawValue): \($0.explanation)" }
        return ExplorerTable(heading: "Black-box estimates of f′, \(precision.rawValue)",
                             headings: ["x", "algorithm", "estimate", "claimed bound", "f′(x), proved", "true error", "bound held", "evaluations", "status"],
                             rows: rows, notes: notes)
    }

    /// The map's cells as the hover reads them.
    static func cells(_ chart: Chart, rows: [DerivativeMeasurement]) -> Cells {
        guard let map = chart.heatmap, let placement = SVGChart.heatmapCells(chart) else {
            return Cells(placement: .init(columnEdges: [], rowEdges: []), xs: [], hs: [], errors: [])
        }
        var byCell: [Double: [Double: DerivativeMeasurement]] = [:]
        for row in rows { byCell[row.h, default: [:]][row.x] = row }
        let errors = map.ys.map { h in
            map.xs.map { x -> String in
                guard let row = byCell[h]?[x] else { return "no value" }
                let status = row.status == .ok ? "" : " (\(row.status.rawValue))"
                return row.absoluteError.isFinite ? NumberFormat.scientific(row.absoluteError, digits: 3) + status : "no value" + status
            }
        }
        return Cells(placement: placement, xs: map.xs.map(NumberFormat.compact), hs: map.ys.map { NumberFormat.scientific($0, digits: 3) }, errors: errors)
    }
}
