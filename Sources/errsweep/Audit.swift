import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure errsweep's own arithmetic against MPFR and MPC: every function of the grammar in every number system.",
            discussion: """
                Writes Reports/number-systems.md, Reports/data/number-systems.csv and a chart per \
                function in Plots/. The accuracy baseline covers its figures (errsweep check).
                """
        )

        @Option(name: .customLong("fn"), parsing: .upToNextOption,
                help: ArgumentHelp("Only these functions (by name: tanh, pow, …); default: every function of the grammar.", valueName: "name"))
        var names: [String] = []

        @OptionGroup var output: OutputOptions

        @OptionGroup var plotting: RendererOptions

        var functions: [AuditFunction] {
            names.isEmpty ? AuditFunction.all : AuditFunction.all.filter { names.contains($0.functionName) }
        }

        func validate() throws {
            let known = AuditFunction.all.map(\.functionName).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if let unknown = names.first(where: { !known.contains($0) }) {
                throw ValidationError("--fn: '\(unknown)' is not a function of the grammar; valid: \(known.joined(separator: ", "))")
            }
        }

        func run() throws {
            try output.checkWritable()
            let renderer = try plotting.plot.rendererForCommand()
            let audit = NumberSystemAuditJob(root: output.root, renderer: renderer, functions: functions)
            let outcome = try Failure.whenWriting { try audit.run() }
            print(outcome.summaryText)
            if let failure = outcome.chartFailure {
                throw Failure(description: "charts not drawn: \(failure)", code: .chartsFailed)
            }
        }
    }
}
