import ErrSweep
import Foundation

/// The whole catalog's reports: every function swept over the standard grid (`SweepJob` with the
/// summary charts) and the index of them all, staged together and committed at once — a failure
/// anywhere leaves the whole earlier catalog as it was.
public struct CatalogJob: Sendable {
    public var precisions: [Precision]
    /// K: the reports are of f⁽ᴷ⁾.
    public var derivative: Int
    public var root: URL
    public var renderer: (any ChartRenderer)?
    /// The command that reproduces the run, for the index.
    public var command: String

    /// What the job wrote, and which functions' charts could not be drawn.
    public struct Outcome: Sendable {
        /// The index's path under the root: Reports/README.md, or Reports/README-dK.md.
        public var index: String
        public var chartFailures: [String]
    }

    /// The catalog's reports of f⁽ᴷ⁾ in `precisions`, under `root`.
    public init(precisions: [Precision], derivative: Int, root: URL, renderer: (any ChartRenderer)?, command: String) {
        self.precisions = precisions
        self.derivative = derivative
        self.root = root
        self.renderer = renderer
        self.command = command
    }

    /// Sweeps every function, writes its report and the index, and commits them together;
    /// `progress` is told each function's name before its sweep.
    public func run(progress: (String) -> Void = { _ in }) throws -> Outcome {
        let grid = StepGrid.standard, perDecade = StepGrid.standardPerDecade
        let index = derivative == 1 ? "Reports/README.md" : "Reports/README-d\(derivative).md"
        var rows: [CatalogIndex.Row] = [], failures: [String] = [], families: [RunFamily] = []
        let staged = try StagedOutput(root: root)
        for function in Catalog.functions {
            progress(function.name)
            let spec = SweepSpec(function: function, precisions: precisions, steps: grid.steps(perDecade: perDecade), derivative: derivative)
            let job = SweepJob(spec: spec, grid: grid, perDecade: perDecade, root: root, renderer: renderer, charts: .summary,
                               command: ReproducingCommand.sweep(spec, grid: grid, perDecade: perDecade))
            let outcome = try job.run(into: staged)
            if let failure = outcome.chartFailure { failures.append("\(function.name): \(failure)") }
            rows += precisions.map { CatalogIndex.Row(function: function, analysis: outcome.analysis, precision: $0, report: spec.name) }
            families.append(RunFamily(name: spec.name, files: outcome.files))
        }
        try AtomicFile.write(CatalogIndex.markdown(rows, command: command, derivative: derivative), to: staged.url(index))
        try staged.commit(families: families)
        return Outcome(index: index, chartFailures: failures)
    }
}
