import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw an expression's computational graph; with --at, each node's value, tangents and adjoint.",
            discussion: "Example: errsweep graph --fn 'sqrt(p + p + q)/3 + ln(p*(p*q)) + 3' --at p=1.5,q=2"
        )

        @Option(parsing: .unconditional, help: ArgumentHelp("An expression.", valueName: "f"))
        var fn: String

        @Option(parsing: .unconditional, help: ArgumentHelp("A point, one value per variable: p=1.5,q=2.", valueName: "point"))
        var at: String?

        @OptionGroup var output: OutputOptions

        func validate() throws {
            let expression: MathExpression
            do { expression = try ExpressionParser.parse(fn) } catch { throw ValidationError("\(error)") }
            if let at {
                do { _ = try PointParsing.point(at, variables: expression.variables) } catch { throw ValidationError("--at: \(error)") }
            }
        }

        func run() throws {
            try output.checkWritable()
            let expression = try ExpressionParser.parse(fn)
            let point = try at.map { try PointParsing.point($0, variables: expression.variables) }
            let job = GraphJob(expression: expression, point: point, pointText: at, root: output.root)
            let outcome = try Failure.whenWriting { try job.run() }
            let graph = outcome.graph
            print("wrote Plots/\(job.name).dot (\(graph.nodes.count) nodes, \(graph.nodes.map(\.inputs.count).reduce(0, +)) edges)")
            if let sweep = outcome.sweep {
                print("value \(sweep.values[graph.output]); gradient by reverse mode: "
                      + graph.variables.indices.map { i in
                          "∂f/∂\(graph.variables[i]) = \(sweep.adjoints[graph.nodes.firstIndex { $0.kind == .input && $0.label == graph.variables[i] }!])"
                      }.joined(separator: ", "))
            }
            if let note = outcome.note { FileHandle.standardError.write(Data("errsweep: \(note)\n".utf8)) }
            if let failure = outcome.failure { throw Failure(description: "graph not drawn: \(failure)", code: .chartsFailed) }
            for file in outcome.files where !file.hasSuffix(".dot") { print("drew \(file)") }
        }
    }
}
