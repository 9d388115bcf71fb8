import ErrSweep
import Foundation

/// The cost experiment's files — Reports/data/cost-F.csv, two charts in Plots/, Reports/cost-F.md
/// — committed together like a sweep's (`StagedOutput`): a chart that fails or comes out truncated
/// leaves the earlier images, and the table and report are written and say so; any other failure
/// leaves every earlier file as it was.
public struct CostJob: Sendable {
    public var results: [CostMeasurement]
    public var function: any MultivariateFunction
    public var command: String
    public var budget: Double
    public var root: URL
    public var renderer: (any ChartRenderer)?
    public var chartFiles: ChartFiles

    /// What the job wrote, and why charts are missing if they are.
    public struct Outcome: Sendable {
        public var charts: [String]
        public var chartFailure: String?
    }

    /// The files for `results`, measured on `function` with `budget` seconds per gradient;
    /// `command` reproduces the run.
    public init(results: [CostMeasurement], function: any MultivariateFunction, command: String, budget: Double,
                root: URL, renderer: (any ChartRenderer)?, chartFiles: ChartFiles = .standard) {
        self.results = results
        self.function = function
        self.command = command
        self.budget = budget
        self.root = root
        self.renderer = renderer
        self.chartFiles = chartFiles
    }

    /// The files' base name after `cost-`: the function's name, with `-d2` where the results time
    /// the Hessian's methods (so a second-order run keeps the gradient's files).
    public var fileName: String {
        results.contains { $0.method.derivativeOrder == 2 } ? "\(function.name)-d2" : function.name
    }

    /// Writes the table, charts and report, committed together.
    public func run() throws -> Outcome {
        let name = fileName
        let staged = try StagedOutput(root: root)
        try AtomicFile.write(CostOutputs.csv(results), to: staged.url("Reports/data/cost-\(name).csv"))
        var charts: [String] = [], failure: String?
        if let renderer {
            let drawn = staged.drawCharts(CostOutputs.charts(results, function: function.name, fileName: name), renderer: renderer, files: chartFiles)
            charts = chartFiles.shown(drawn.files)
            failure = drawn.failure
        }
        var report = CostOutputs.markdown(results, function: function, command: command, budget: budget, charts: charts,
                                          date: MarkdownReport.Run.today())
        if let failure { report += "\nCharts could not be drawn: \(failure)\n" }
        try AtomicFile.write(report, to: staged.url("Reports/cost-\(name).md"))
        try staged.commit(family: "cost-\(name)")
        return Outcome(charts: charts, chartFailure: failure)
    }
}
