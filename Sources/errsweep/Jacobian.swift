import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    struct Jacobian: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A vector function's Jacobian by every method, each entry against the exact one, proved in Arb balls.",
            discussion: """
                Examples:
                  errsweep jacobian --fn 'p*q, sin(p) + q^2, exp(q)' --at p=1,q=2
                  errsweep jacobian --fn dense-layer --inputs 64 --outputs 8
                  errsweep jacobian --fn broyden --inputs 100000
                  errsweep jacobian --fn broyden --inputs 30 --save   (the table as CSV, the pattern's spy plots)
                Catalog: \(VectorCatalog.entries.map { "\($0.name) (\($0.shape)): \($0.summary)" }.joined(separator: "; ")).
                """
        )

        @Option(parsing: .unconditional, help: ArgumentHelp("A catalog vector function, or expressions separated by commas.", valueName: "f"))
        var fn: String

        @Option(help: ArgumentHelp("Inputs n of a catalog function (default 4).", valueName: "n"))
        var inputs: Int?

        @Option(help: ArgumentHelp("Outputs k of the dense layer (default 3).", valueName: "k"))
        var outputs: Int?

        @Option(parsing: .unconditional, help: ArgumentHelp("The point: p=1,q=2 for expressions; n values for a catalog function (default: its own point).", valueName: "point"))
        var at: String?

        @Option(help: ArgumentHelp("Methods, comma-separated (default: all): \(JacobianMethod.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "methods"))
        var method: String?

        @Flag(help: "Also write Reports/data/NAME-jacobian.csv (every method's every entry against the proved one) and the pattern's spy plots, Plots/NAME-pattern-columns.png and -rows.png.")
        var save = false

        @Option(help: ArgumentHelp("With --save: the root directory for Reports/ and Plots/.", valueName: "dir"))
        var out = "."

        @OptionGroup var charts: ChartOptions

        func validate() throws {
            do { _ = try VectorFunctionInput(fn: fn, inputs: inputs, outputs: outputs, at: at) } catch { throw ValidationError("\(error)") }
            _ = try methods()
        }

        func methods() throws -> [JacobianMethod] {
            guard let method else { return JacobianMethod.allCases }
            return try method.split(separator: ",").map { name in
                guard let method = JacobianMethod(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--method: '\(name)' is not a Jacobian method; valid: \(JacobianMethod.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return method
            }
        }

        func run() throws {
            if save { try OutputOptions.checkWritable(out) }
            let input = try VectorFunctionInput(fn: fn, inputs: inputs, outputs: outputs, at: at)
            let comparison = input.comparison(methods: try methods())
            print(comparison.text, terminator: "")
            guard save else { return }
            let renderer = try charts.plot.rendererForCommand()
            let job = JacobianJob(comparison: comparison, root: URL(fileURLWithPath: out), renderer: renderer, chartFiles: try charts.files)
            let outcome = try Failure.whenWriting { try job.run() }
            print("\nwrote \(outcome.table)")
            if let failure = outcome.chartFailure {
                throw Failure(description: "chart not drawn: \(failure)", code: .chartsFailed)
            }
            if let renderer {
                print("drew Plots/\(outcome.drawn.joined(separator: ", Plots/")) (\(renderer.name))")
            }
        }
    }
}
