import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sweep the whole catalog and write Reports/ (a report per function and an index) and Plots/.",
            discussion: "With --derivative K > 1 the reports are NAME-dK.md and the index Reports/README-dK.md, beside those of f′."
        )

        @Option(name: .customLong("precision"), help: ArgumentHelp("Working precisions, or all.", valueName: "p,…"),
                transform: SpecParsing.precisions)
        var precisions: [Precision] = [.double]

        @OptionGroup var order: DerivativeOption
        var derivative: Int { order.derivative }

        @OptionGroup var output: OutputOptions

        @OptionGroup var plotting: RendererOptions

        func validate() throws {
        }

        /// Every function's sweep and the index are staged together and committed at once: a
        /// failure anywhere leaves the whole earlier catalog as it was.
        func run() throws {
            try output.checkWritable()
            let renderer = try plotting.plot.rendererForCommand()
            let grid = StepGrid.standard
            let root = output.root
            var progress = Progress(total: Catalog.functions.count)
            var rows: [CatalogIndex.Row] = []
            var failures: [String] = []
            var families: [RunFamily] = []
            let command = "errsweep report" + (precisions == [.double] ? "" : " --precision \(precisions.map(\.rawValue).joined(separator: ","))")
                + (derivative == 1 ? "" : " --derivative \(derivative)")
            let index = derivative == 1 ? "Reports/README.md" : "Reports/README-d\(derivative).md"
            do {
                let staged = try StagedOutput(root: root)
                for function in Catalog.functions {
                    progress.show(function.name)
                    let spec = SweepSpec(function: function, precisions: precisions, steps: grid.steps(perDecade: 10), derivative: derivative)
                    let job = SweepJob(spec: spec, grid: grid, perDecade: 10, root: root, renderer: renderer, charts: .summary,
                                       command: ReproducingCommand.sweep(spec, grid: grid, perDecade: 10))
                    let outcome = try job.run(into: staged)
                    if let failure = outcome.chartFailure { failures.append("\(function.name): \(failure)") }
                    rows += precisions.map { CatalogIndex.Row(function: function, analysis: outcome.analysis, precision: $0, report: spec.name) }
                    families.append(RunFamily(name: spec.name, files: outcome.files))
                }
                progress.finish()
                try AtomicFile.write(CatalogIndex.markdown(rows, command: command, derivative: derivative),
                                     to: staged.url(index))
                try staged.commit(families: families)
            } catch {
                progress.finish()
                throw Failure.cannotWrite("\(error)")
            }
            print("wrote \(index) and \(Catalog.functions.count) reports")
            if !failures.isEmpty {
                throw Failure(description: "charts not drawn for " + failures.joined(separator: "; "), code: .chartsFailed)
            }
        }
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
struct Progress {
    let total: Int
    let isTerminal = isatty(STDERR_FILENO) == 1
    private var done = 0

    init(total: Int) { self.total = total }

    mutating func show(_ item: String) {
        defer { done += 1 }
        guard isTerminal else { return }
        let width = 30, filled = width * done / max(total, 1)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total) \(item)".utf8))
    }

    func finish() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
