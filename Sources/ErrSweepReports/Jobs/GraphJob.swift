import ErrSweep
import Foundation

/// An expression's computational graph and its files: Plots/graph-NAME.dot always, and the PNG
/// and SVG Graphviz's `dot` draws from it when `dot` is installed and the graph is small enough
/// to lay out. All are staged and committed together (`StagedOutput`); images `dot` fails to
/// draw leave the earlier ones, and the DOT file is still written.
public struct GraphJob: Sendable {
    public var expression: MathExpression
    /// Values of the variables, to annotate each node with its value, tangents and adjoint; nil
    /// for the bare graph.
    public var point: [String: Double]?
    /// How the point was written, for the title.
    public var pointText: String?
    public var root: URL
    /// Graphviz's `dot`; nil draws no images.
    public var dot: ChildProcess?

    /// What the job drew, and the graph and sweep it drew.
    public struct Outcome: Sendable {
        public var graph: ComputationalGraph
        /// The forward and reverse sweep at the point, when one was given.
        public var sweep: ComputationalGraph.Sweep?
        /// Files written, relative to the root.
        public var files: [String]
        /// Why no images were drawn though nothing failed (too many nodes, no `dot`).
        public var note: String?
        /// Why `dot` failed, if it did.
        public var failure: String?
    }

    /// The graph of `expression`, annotated at `point` when one is given, written under `root`,
    /// drawn by `dot` when there is one.
    public init(expression: MathExpression, point: [String: Double]? = nil, pointText: String? = nil, root: URL,
                dot: ChildProcess? = ChildProcess.find("dot")) {
        self.expression = expression
        self.point = point
        self.pointText = pointText
        self.root = root
        self.dot = dot
    }

    /// The files' name: graph- and the expression's own name.
    public var name: String {
        "graph-" + ExpressionFunction(expression, variable: expression.variables.first ?? "x").name
    }

    /// Writes the DOT file and, where it can, the images; all committed together.
    public func run() throws -> Outcome {
        let graph = ComputationalGraph(expression)
        let sweep = point.map { graph.sweep(at: $0) }
        let marked = point.map { ADErrorExplanation.marks(expression, at: $0) } ?? [:]
        let title = expression.description + (pointText.map { " at " + $0 } ?? "")
        let text = graph.dot(name: name, title: title, sweep: sweep, marked: marked)
        let staged = try StagedOutput(root: root)
        try AtomicFile.write(text, to: staged.url("Plots/\(name).dot"))
        var images: [String] = [], note: String?, failure: String?
        if graph.nodes.count > ComputationalGraph.drawableNodes {
            note = "\(graph.nodes.count) nodes is more than Graphviz lays out in reasonable time (\(ComputationalGraph.drawableNodes)); wrote the DOT file only"
        } else if let dot {
            do {
                for format in ["png", "svg"] {
                    let file = "Plots/\(name).\(format)"
                    try dot.run(["-T\(format)", "-Gdpi=110", "-o", staged.url(file).path], input: text,
                                in: staged.url("Plots"), timeout: 60)
                    try StagedOutput.validate(staged.url(file), as: file)
                    images.append(file)
                }
            } catch {
                for file in images { try? FileManager.default.removeItem(at: staged.url(file)) }
                images = []
                try? FileManager.default.removeItem(at: staged.url("Plots/\(name).svg"))
                try? FileManager.default.removeItem(at: staged.url("Plots/\(name).png"))
                failure = "\(error)"
            }
        } else {
            note = "Graphviz 'dot' not found on PATH; install graphviz (apt-get install graphviz) to get PNG and SVG"
        }
        let files = try staged.commit()
        return Outcome(graph: graph, sweep: sweep, files: files, note: note, failure: failure)
    }
}
