import ErrSweep
import Foundation

/// A Jacobian comparison's files — Reports/data/NAME-jacobian.csv, every method's every entry
/// against the proved one, and the spy plots of its pattern in Plots/ — committed together
/// (`StagedOutput`): charts that fail leave the earlier ones and the table is still written; any
/// other failure leaves every earlier file as it was.
public struct JacobianJob: Sendable {
    public var comparison: JacobianComparison
    public var root: URL
    public var renderer: (any ChartRenderer)?
    public var chartFiles: ChartFiles

    /// What was written and drawn.
    public struct Outcome: Sendable {
        /// The table, relative to the root.
        public var table: String
        /// The image files drawn, relative to Plots/.
        public var drawn: [String]
        public var chartFailure: String?
    }

    /// The files of `comparison` under `root`, the spy plots drawn by `renderer` (none when nil).
    public init(comparison: JacobianComparison, root: URL, renderer: (any ChartRenderer)?, chartFiles: ChartFiles = .standard) {
        self.comparison = comparison
        self.root = root
        self.renderer = renderer
        self.chartFiles = chartFiles
    }

    /// Writes the table and the spy plots by column and by row colouring, committed together.
    public func run() throws -> Outcome {
        let family = "\(comparison.name)-jacobian"
        let staged = try StagedOutput(root: root)
        let table = "Reports/data/\(family).csv"
        try AtomicFile.write(lines: comparison.csvLines, to: staged.url(table))
        var drawn: [String] = [], failure: String?
        if let renderer {
            let charts = [SpyChart.Compression.columns, .rows].map {
                SpyChart.make(name: comparison.name, pattern: comparison.truth.pattern, compression: $0)
            }
            let result = staged.drawCharts(charts, renderer: renderer, files: chartFiles)
            drawn = result.files.filter { !$0.hasSuffix(".gp") }
            failure = result.failure
        }
        try staged.commit(family: family)
        return Outcome(table: table, drawn: drawn, chartFailure: failure)
    }
}
