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

        /// Every function's sweep and the index, committed together (`CatalogJob`).
        func run() throws {
            try output.checkWritable()
            let renderer = try plotting.plot.rendererForCommand()
            let command = "errsweep report" + (precisions == [.double] ? "" : " --precision \(precisions.map(\.rawValue).joined(separator: ","))")
                + (derivative == 1 ? "" : " --derivative \(derivative)")
            let job = CatalogJob(precisions: precisions, derivative: derivative, root: output.root, renderer: renderer, command: command)
            var progress = Progress(total: Catalog.functions.count)
            let outcome: CatalogJob.Outcome
            do {
                outcome = try job.run { progress.show($0) }
                progress.finish()
            } catch {
                progress.finish()
                throw Failure.cannotWrite("\(error)")
            }
            print("wrote \(outcome.index) and \(Catalog.functions.count) reports")
            if !outcome.chartFailures.isEmpty {
                throw Failure(description: "charts not drawn for " + outcome.chartFailures.joined(separator: "; "), code: .chartsFailed)
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
