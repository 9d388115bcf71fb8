import ErrSweep
import Foundation

/// A landscape and its files — Reports/data/NAME.csv and the heat map in Plots/ — committed
/// together (`StagedOutput`): a heat map that fails or comes out truncated leaves the earlier one
/// and the table is still written; any other failure leaves every earlier file as it was.
public struct LandscapeJob<Function: CatalogFunction>: Sendable {
    public var spec: SweepSpec<Function>
    public var method: DerivativeMethod
    public var precision: Precision
    public var root: URL
    public var renderer: (any ChartRenderer)?
    public var chartFiles: ChartFiles

    /// The chart, the rows written, and what was drawn.
    public struct Outcome: Sendable {
        public var chart: Chart
        public var rowCount: Int
        /// The image files drawn, relative to Plots/.
        public var drawn: [String]
        public var chartFailure: String?
    }

    /// A landscape of `method` in `precision` over the spec's points and steps (its errors are not
    /// split).
    public init(spec: SweepSpec<Function>, method: DerivativeMethod, precision: Precision, root: URL,
                renderer: (any ChartRenderer)?, chartFiles: ChartFiles = .standard) {
        var spec = spec
        spec.splitsErrors = false
        self.spec = spec
        self.method = method
        self.precision = precision
        self.root = root
        self.renderer = renderer
        self.chartFiles = chartFiles
    }

    /// Measures every point and step, and writes the table and heat map, committed together.
    public func run() throws -> Outcome {
        let rows = SweepRunner.run(spec)
        let chart = LandscapeChart.make(spec: spec, rows: rows, method: method, precision: precision)
        let staged = try StagedOutput(root: root)
        try AtomicFile.write(lines: MeasurementTable.lines(rows),
                             to: staged.url("Reports/data/\(chart.name).csv"))
        var drawn: [String] = [], failure: String?
        if let renderer {
            let result = staged.drawCharts([chart], renderer: renderer, files: chartFiles)
            drawn = result.files.filter { !$0.hasSuffix(".gp") }
            failure = result.failure
        }
        try staged.commit(family: chart.name)
        return Outcome(chart: chart, rowCount: rows.count, drawn: drawn, chartFailure: failure)
    }
}
