import ErrSweep
import Foundation

/// `errsweep estimate`'s files, committed together (`StagedOutput`): for a run at points,
/// Reports/data/estimate-NAME.csv, Plots/estimate-NAME.png and Reports/estimate-NAME.md; for
/// the scoreboard, Reports/data/estimators.csv, Plots/estimators.png and Reports/estimators.md.
/// A chart that fails leaves the earlier image and the report says so; any other failure leaves
/// every earlier file as it was.
public struct EstimateJob: Sendable {
    /// What is written: one function at its points, or the scoreboard.
    public enum Kind: Sendable {
        case points(function: String, fileName: String)
        case scoreboard(random: [JudgedEstimate], seed: UInt64)
    }

    public var judged: [JudgedEstimate]
    public var kind: Kind
    public var command: String
    public var root: URL
    public var renderer: (any ChartRenderer)?
    public var chartFiles: ChartFiles

    /// What the job wrote, and why the chart is missing if it is.
    public struct Outcome: Sendable {
        public var files: [String]
        public var chartFailure: String?
    }

    /// The files for `judged`; `command` reproduces the run.
    public init(judged: [JudgedEstimate], kind: Kind, command: String, root: URL, renderer: (any ChartRenderer)?, chartFiles: ChartFiles = .standard) {
        self.judged = judged
        self.kind = kind
        self.command = command
        self.root = root
        self.renderer = renderer
        self.chartFiles = chartFiles
    }

    /// The base name of the files.
    public var name: String {
        switch kind {
        case .points(_, let fileName): "estimate-\(fileName)"
        case .scoreboard: "estimators"
        }
    }

    /// Writes the table, chart and report, committed together.
    public func run() throws -> Outcome {
        let staged = try StagedOutput(root: root)
        let table: String
        switch kind {
        case .points: table = EstimateOutputs.csv(judged)
        case .scoreboard(let random, _): table = EstimateOutputs.csv(judged + random, categories: true)
        }
        try AtomicFile.write(table, to: staged.url("Reports/data/\(name).csv"))
        var image: String?, failure: String?
        if let renderer {
            let chart: Chart
            switch kind {
            case .points(let function, _):
                chart = EstimateOutputs.chart(judged, name: name, title: "\(function): claimed bound against true error")
            case .scoreboard:
                chart = EstimateOutputs.chart(judged, name: name, title: "The corpus: claimed bound against true error, relative to |f′(x)|",
                                              relative: true)
            }
            let drawn = staged.drawCharts([chart], renderer: renderer, files: chartFiles)
            image = chartFiles.shown(drawn.files).first
            failure = drawn.failure
        }
        let date = MarkdownReport.Run.today()
        var report: String
        switch kind {
        case .points(let function, _):
            report = EstimateOutputs.markdown(judged, function: function, command: command, chart: image, date: date)
        case .scoreboard(let random, let seed):
            report = EstimatorScoreboard.markdown(corpus: judged, random: random, seed: seed, command: command, chart: image, date: date)
        }
        if let failure { report += "\nThe chart could not be drawn: \(failure)\n" }
        try AtomicFile.write(report, to: staged.url("Reports/\(name).md"))
        let files = try staged.commit(family: name)
        return Outcome(files: files, chartFailure: failure)
    }
}
