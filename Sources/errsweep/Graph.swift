import ArgumentParser
import ErrSweep
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
            let expression = try ExpressionParser.parse(fn)
            let graph = ComputationalGraph(expression)
            let point = try at.map { try PointParsing.point($0, variables: expression.variables) }
            let sweep = point.map { graph.sweep(at: $0) }
            let marked = point.map { ADErrorExplanation.marks(expression, at: $0) } ?? [:]
            let name = "graph-" + ExpressionFunction(expression, variable: expression.variables.first ?? "x").name
            let title = expression.description + (at.map { " at " + $0 } ?? "")
            let plots = output.root.appendingPathComponent("Plots")
            let dotFile = plots.appendingPathComponent("\(name).dot")
            do { try AtomicFile.write(graph.dot(name: name, title: title, sweep: sweep, marked: marked), to: dotFile) } catch {
                throw Failure.cannotWrite("\(error)")
            }
            print("wrote Plots/\(name).dot (\(graph.nodes.count) nodes, \(graph.nodes.map(\.inputs.count).reduce(0, +)) edges)")
            if let sweep {
                print("value \(sweep.values[graph.output]); gradient by reverse mode: "
                      + graph.variables.indices.map { i in
                          "∂f/∂\(graph.variables[i]) = \(sweep.adjoints[graph.nodes.firstIndex { $0.kind == .input && $0.label == graph.variables[i] }!])"
                      }.joined(separator: ", "))
            }
            guard graph.nodes.count <= ComputationalGraph.drawableNodes else {
                FileHandle.standardError.write(Data("errsweep: \(graph.nodes.count) nodes is more than Graphviz lays out in reasonable time (\(ComputationalGraph.drawableNodes)); wrote the DOT file only\n".utf8))
                return
            }
            guard let dot = ChildProcess.find("dot") else {
                FileHandle.standardError.write(Data("errsweep: Graphviz 'dot' not found on PATH; install graphviz (apt-get install graphviz) to get PNG and SVG\n".utf8))
                return
            }
            for format in ["png", "svg"] {
                let file = plots.appendingPathComponent("\(name).\(format)")
                let temporary = TemporaryFile.beside(file)
                do {
                    try dot.run(["-T\(format)", "-Gdpi=110", "-o", temporary.path], input: graph.dot(name: name, title: title, sweep: sweep, marked: marked),
                                in: plots, timeout: 60)
                    try TemporaryFile.commit(temporary, to: file)
                } catch {
                    TemporaryFile.discard(temporary)
                    throw Failure(description: "graph not drawn: \(error)", code: .chartsFailed)
                }
                print("drew Plots/\(name).\(format)")
            }
        }
    }
}
