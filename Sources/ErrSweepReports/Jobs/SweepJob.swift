import ErrSweep
import Foundation

/// One function's sweep and everything written from it: the table (Reports/data/NAME.csv), the
/// charts (Plots/), and the report (Reports/NAME.md). The run commits as a whole (`StagedOutput`):
/// every file is written aside and checked, then all are renamed into place together, and a run
/// that fails leaves every earlier file as it was. A chart that cannot be drawn, or comes out
/// truncated, does not stop the table or the report; the report names the failure.
public struct SweepJob<Function: CatalogFunction>: Sendable {
    /// Which charts to draw.
    public enum Charts: Sendable {
        /// Every chart of `SweepCharts.all`.
        case all
        /// The reference-style chart per method for forward differences, every method at each
        /// point, and the central-difference split at each point: what a catalog report shows.
        case summary
    }

    public var spec: SweepSpec<Function>
    /// The grid as it was given, for the report and the reproducing command.
    public var grid: StepGrid
    public var perDecade: Int
    public var root: URL
    public var renderer: (any ChartRenderer)?
    public var chartFiles: ChartFiles
    public var charts: Charts
    /// The command that reproduces the run, for the report (given by whoever runs the job: the
    /// library knows no command line); nil leaves it out.
    public var command: String?

    /// What the run measured and wrote.
    public struct Outcome: Sendable {
        /// The rows measured, all in the table.
        public var rowCount: Int
        public var analysis: SweepAnalysis
        /// Written files, relative to the root.
        public var files: [String]
        /// Why charts are missing, if they are.
        public var chartFailure: String?
        /// Why AD lost more than a few ulps, where it did (`ADErrorExplanation`).
        public var explanations: [String]
    }

    /// A sweep of `spec` (its steps from `grid` at `perDecade`) written under `root`, charts drawn
    /// by `renderer` (none when nil) in `formats`; `command` reproduces it in the report.
    public init(spec: SweepSpec<Function>, grid: StepGrid, perDecade: Int, root: URL, renderer: (any ChartRenderer)?,
                chartFiles: ChartFiles = .standard, charts: Charts = .all, command: String? = nil) {
        self.command = command
        self.spec = spec
        self.grid = grid
        self.perDecade = perDecade
        self.root = root
        self.renderer = renderer
        self.chartFiles = chartFiles
        self.charts = charts
    }

    /// Sweeps, streaming each block of rows into the table, the analysis and the chart rows as it
    /// is measured, so memory stays flat however many steps the grid has; then draws and reports.
    public func run() throws -> Outcome {
        let staged = try StagedOutput(root: root)
        let outcome = try run(into: staged)
        try staged.commit(family: spec.name)
        return outcome
    }

    /// The same, staged into `staged` and not committed: for a run that commits several sweeps
    /// together (`errsweep report`, the whole catalog and its index).
    public func run(into staged: StagedOutput) throws -> Outcome {
        let name = spec.name
        var files: [String] = []
        let table = "Reports/data/\(name).csv"
        let writer = try AtomicFile.LineWriter(staged.url(table))
        var builder = SweepAnalysis.Builder(spec: spec)
        var chartRows = ChartRows(steps: spec.steps)
        var rowCount = 0
        do {
            try writer.append(MeasurementTable.header)
            try SweepRunner.stream(spec) { rows in
                builder.add(rows)
                if renderer != nil { chartRows.add(rows) }
                let model = rows.first.flatMap(builder.model(for:))
                for row in rows { try writer.append(MeasurementTable.line(row, model: model)) }
                rowCount += rows.count
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        files.append(table)
        let analysis = builder.finish()

        var drawn: [String] = []
        var failure: String?
        if let renderer {
            (drawn, failure) = staged.drawCharts(selectedCharts(rows: chartRows.rows, analysis: analysis) + derivativeCharts(),
                                                 renderer: renderer, files: chartFiles)
        }
        files += drawn.map { "Plots/\($0)" }
        let images = chartFiles.shown(drawn)
        let note = failure.map { "not drawn: \($0)" }
            ?? renderer.map { "\(images.count) drawn by \($0.reportName)" }
            ?? "not drawn (no renderer chosen)"
        let run = MarkdownReport.Run(
            command: command, grid: gridDescription, charts: images, chartNote: note)
        let report = "Reports/\(name).md"
        let explanations = ADErrorExplanation.explanations(spec: spec, analysis: analysis)
        try AtomicFile.write(MarkdownReport.markdown(spec: spec, analysis: analysis, run: run, explanations: explanations),
                             to: staged.url(report))
        files.append(report)
        return Outcome(rowCount: rowCount, analysis: analysis, files: files, chartFailure: failure, explanations: explanations)
    }

    func selectedCharts(rows: [DerivativeMeasurement], analysis: SweepAnalysis) -> [Chart] {
        let all = SweepCharts.all(spec: spec, rows: rows, analysis: analysis)
        switch charts {
        case .all: return all
        case .summary:
            let f = spec.name
            return all.filter { chart in
                chart.name == "\(f)-forward" || chart.name.hasSuffix("-methods") || chart.name.hasSuffix("-central-split")
            }
        }
    }

    /// For a sweep of a higher derivative, the central difference at every K side by side: short
    /// sweeps of central alone, in the first precision, with no split.
    func derivativeCharts() -> [Chart] {
        guard spec.derivative > 1 else { return [] }
        var rows: [DerivativeMeasurement] = []
        for k in 1...DerivativeMethod.highestDerivative {
            var sweep = spec
            (sweep.methods, sweep.precisions, sweep.derivative, sweep.splitsErrors) = ([.central], [spec.precisions[0]], k, false)
            rows += SweepRunner.run(sweep)
        }
        return SweepCharts.byDerivative(spec: spec, method: .central, rows: rows)
    }

    /// The grid in the user's terms.
    var gridDescription: String {
        switch grid {
        case .logRange(let from, let to): "\(NumberFormat.exact(from))...\(NumberFormat.exact(to)), \(perDecade) per decade, log-spaced"
        case .list(let steps): steps.map(NumberFormat.exact).joined(separator: ", ")
        }
    }
}
