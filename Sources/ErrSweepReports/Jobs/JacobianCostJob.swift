import ErrSweep
import Foundation

/// The Jacobian crossover experiment's files — Reports/data/jacobian-cost.csv, two charts in
/// Plots/, Reports/jacobian-cost.md — committed together (`StagedOutput`), as the gradient's
/// cost experiment's are.
public struct JacobianCostJob: Sendable {
    public var results: [JacobianCostMeasurement]
    public var model: JacobianCostModel
    public var command: String
    public var root: URL
    public var renderer: (any ChartRenderer)?
    public var chartFiles: ChartFiles

    /// The files for `results` and `model`; `command` reproduces the run.
    public init(results: [JacobianCostMeasurement], model: JacobianCostModel, command: String, root: URL, renderer: (any ChartRenderer)?, chartFiles: ChartFiles = .standard) {
        self.results = results
        self.model = model
        self.command = command
        self.root = root
        self.renderer = renderer
        self.chartFiles = chartFiles
    }

    /// Writes the table, charts and report, committed together; the charts drawn, and why not
    /// where they were not.
    public func run() throws -> (charts: [String], chartFailure: String?) {
        let staged = try StagedOutput(root: root)
        try AtomicFile.write(JacobianCostOutputs.csv(results), to: staged.url("Reports/data/jacobian-cost.csv"))
        var charts: [String] = [], failure: String?
        if let renderer {
            let drawn = staged.drawCharts(JacobianCostOutputs.charts(results, model: model), renderer: renderer, files: chartFiles)
            charts = chartFiles.shown(drawn.files)
            failure = drawn.failure
        }
        var report = JacobianCostOutputs.markdown(results, model: model, command: command, charts: charts, date: MarkdownReport.Run.today())
        if let failure { report += "\nCharts could not be drawn: \(failure)\n" }
        try AtomicFile.write(report, to: staged.url("Reports/jacobian-cost.md"))
        try staged.commit(family: "jacobian-cost")
        return (charts, failure)
    }
}
