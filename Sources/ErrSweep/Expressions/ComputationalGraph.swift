import Foundation

/// An expression as a computational graph: inputs on the left, one node per operation, an edge per
/// use — p + p feeds p into the same node twice, so the graph is a multigraph — with nodes in a
/// topological order (every node after its inputs). At a point, it carries each node's value, its
/// tangent with respect to every input (forward mode: one sweep per input) and its adjoint (reverse
/// mode: one backward sweep, adjoints summed over every use).
public struct ComputationalGraph: Sendable {
    /// One node: what it is, what it shows, and which nodes it takes.
    public struct Node: Sendable {
        /// A variable, a literal or constant, or an operation on earlier nodes.
        public enum Kind: Sendable, Equatable { case input, constant, operation }
        public var kind: Kind
        /// The label: a variable's name, a constant's value, an operation's symbol.
        public var label: String
        /// The nodes it uses, one entry per use.
        public var inputs: [Int]
        /// The operation on placeholders _0, _1 (nil for inputs and constants).
        var operation: MathExpression?
        /// Where the node's value comes from when it is a constant.
        var constant: MathExpression?
        /// The part of the expression this node computes.
        public var expression: MathExpression
    }

    public private(set) var nodes: [Node] = []

    /// The most nodes Graphviz's `dot` lays out in reasonable time: measured here, 156 nodes take
    /// 1.6 s, 316 take 6.9 s, 476 take 30 s and 1116 more than a minute (its layout is about
    /// cubic). Larger graphs are written as DOT only.
    public static let drawableNodes = 400
    /// The input variables, in order of first appearance.
    public let variables: [String]
    /// The node holding the expression's value.
    public private(set) var output = 0

    /// The graph of `expression`: one node per variable and constant, and one per operation, each
    /// shared subexpression once.
    public init(_ expression: MathExpression) {
        variables = expression.variables
        var shared: [String: Int] = [:]
        output = add(expression, shared: &shared)
    }

    /// Adds the nodes for `e` (after those of its parts) and returns its node.
    mutating func add(_ e: MathExpression, shared: inout [String: Int]) -> Int {
        switch e {
        case .variable(let name):
            return addLeaf("variable " + name, Node(kind: .input, label: name, inputs: [], expression: e), shared: &shared)
        case .number, .constant:
            return addLeaf("constant " + e.description, Node(kind: .constant, label: e.description, inputs: [], constant: e, expression: e), shared: &shared)
        case .negate(let a):
            return addOperation("−", [a], shared: &shared) { .negate($0[0]) }
        case .binary(.power, let a, let b) where b.integerValue != nil:
            // An integer power keeps its exponent inside the operation, as evaluation does: as an
            // input it would be a variable, and a^y with y variable is exp(y·log a), NaN for a < 0.
            return addOperation("^\(b.description)", [a], shared: &shared) { .binary(.power, $0[0], b) }
        case .call(.pow, let args) where args[1].integerValue != nil:
            return addOperation("^\(args[1].description)", [args[0]], shared: &shared) { .call(.pow, [$0[0], args[1]]) }
        case .binary(let op, let a, let b):
            let symbol = switch op {
            case .add: "+"
            case .subtract: "−"
            case .multiply: "*"
            case .divide: "/"
            case .power: "^"
            }
            return addOperation(symbol, [a, b], shared: &shared) { .binary(op, $0[0], $0[1]) }
        case .call(let f, let args):
            let symbol = switch f {
            case .sqrt: "√"
            case .log: "ln"
            default: f.rawValue
            }
            return addOperation(symbol, args, shared: &shared) { .call(f, $0) }
        case .choose(let a, let b, let x, let y):
            return addOperation("choose", [a, b, x, y], shared: &shared) { .choose(a: $0[0], b: $0[1], ifLess: $0[2], otherwise: $0[3]) }
        }
    }

    /// A variable or constant, one node however often it appears.
    private mutating func addLeaf(_ key: String, _ node: Node, shared: inout [String: Int]) -> Int {
        if let index = shared[key] { return index }
        nodes.append(node)
        shared[key] = nodes.count - 1
        return nodes.count - 1
    }

    /// An operation on `parts`, each added first; the node keeps the operation over placeholders.
    private mutating func addOperation(
        _ label: String, _ parts: [MathExpression], shared: inout [String: Int], _ build: ([MathExpression]) -> MathExpression
    ) -> Int {
        var inputs: [Int] = []
        for part in parts { inputs.append(add(part, shared: &shared)) }
        let placeholders = parts.indices.map { MathExpression.variable("_\($0)") }
        nodes.append(Node(kind: .operation, label: label, inputs: inputs, operation: build(placeholders), expression: build(parts)))
        return nodes.count - 1
    }

    /// Values, tangents and adjoints at a point.
    public struct Sweep: Sendable {
        public var values: [Double]
        /// tangents[node][i]: ∂node/∂variables[i], by forward mode.
        public var tangents: [[Double]]
        /// adjoints[node]: ∂output/∂node, by reverse mode.
        public var adjoints: [Double]
    }

    /// Each node's value and its local partials, ∂node/∂input k, in the number system T: the
    /// operation evaluated in dual numbers with input k seeded.
    func local<T: Scalar>(at point: (String) -> T) -> (values: [T], partials: [[T]]) {
        var values = [T](repeating: 0, count: nodes.count)
        var partials = [[T]](repeating: [], count: nodes.count)
        for (index, node) in nodes.enumerated() {
            switch node.kind {
            case .input: values[index] = point(node.label)
            case .constant: values[index] = node.constant!.evaluate { _ in T.zero }
            case .operation:
                let arguments = node.inputs.map { values[$0] }
                values[index] = node.operation!.evaluate { arguments[Int($0.dropFirst())!] }
                partials[index] = arguments.indices.map { k in
                    node.operation!.evaluate { (name: String) -> Dual<T> in
                        let i = Int(name.dropFirst())!
                        return Dual(arguments[i], tangent: i == k ? 1 : 0)
                    }.tangent
                }
            }
        }
        return (values, partials)
    }

    /// Forward mode over the graph: each node's tangent, Σₖ ∂node/∂inputₖ · tangent(inputₖ) added
    /// in the inputs' order from `zero`, and 1 at the seeded nodes. `term(node, product)` is told
    /// each product as it is added (`ADErrorExplanation` keeps them, to find the sums that cancel).
    func tangents<T: Scalar>(_ partials: [[T]], zero: T, seeded: (Int) -> Bool, term: (Int, T) -> Void = { _, _ in }) -> [T] {
        var tangent = [T](repeating: zero, count: nodes.count)
        for (n, node) in nodes.enumerated() {
            if seeded(n) { tangent[n] = 1; continue }
            var sum = zero
            for (k, input) in node.inputs.enumerated() {
                let product = partials[n][k] * tangent[input]
                term(n, product)
                sum = sum + product
            }
            tangent[n] = sum
        }
        return tangent
    }

    /// Reverse mode over the graph: each node's adjoint ∂output/∂node, every use handing on
    /// ∂use/∂node · adjoint(use), from the output's 1 back. `term(node, product)` is told each
    /// product handed to a node.
    func adjoints<T: Scalar>(_ partials: [[T]], zero: T, term: (Int, T) -> Void = { _, _ in }) -> [T] {
        var adjoint = [T](repeating: zero, count: nodes.count)
        adjoint[output] = 1
        for n in nodes.indices.reversed() {
            for (k, input) in nodes[n].inputs.enumerated() {
                let product = partials[n][k] * adjoint[n]
                adjoint[input] = adjoint[input] + product
                term(input, product)
            }
        }
        return adjoint
    }

    /// Evaluates the graph at `point` (a value per variable), then sweeps forward (once per
    /// variable) and backward.
    public func sweep(at point: [String: Double]) -> Sweep {
        let (values, partials) = local { point[$0] ?? 0 }
        let perVariable = variables.map { variable in
            tangents(partials, zero: 0.0, seeded: { nodes[$0].kind == .input && nodes[$0].label == variable })
        }
        return Sweep(values: values, tangents: nodes.indices.map { n in perVariable.map { $0[n] } },
                     adjoints: adjoints(partials, zero: 0.0))
    }

    /// Graphviz DOT: inputs and constants on the left, left to right in topological order, an
    /// edge per use; with a sweep, each node labelled with its value, tangents and adjoint.
    /// `marked`: nodes drawn in red with a note (where AD's sums cancel, `ADErrorExplanation`).
    public func dot(name: String, title: String, sweep: Sweep? = nil, marked: [Int: String] = [:]) -> String {
        var lines = [
            "digraph \"\(escape(name))\" {",
            "  label=\"\(escape(title))\"; labelloc=t; fontname=\"DejaVu Sans\";",
            "  rankdir=LR; nodesep=0.35; ranksep=0.5;",
            "  node [fontname=\"DejaVu Sans\", shape=\(sweep == nil ? "plaintext" : "box"), style=rounded];",
            "  edge [arrowsize=0.7];",
        ]
        for (index, node) in nodes.enumerated() {
            var label = node.label
            if let sweep {
                label += "\\nvalue " + NumberFormat.significant(sweep.values[index], digits: 6)
                label += "\\n" + variables.indices.map { "∂/∂\(variables[$0]) " + NumberFormat.significant(sweep.tangents[index][$0], digits: 6) }.joined(separator: ", ")
                label += "\\nadjoint " + NumberFormat.significant(sweep.adjoints[index], digits: 6)
            }
            var style = node.kind == .operation ? "" : ", fontsize=16"
            if let note = marked[index] {
                label += "\\n" + note
                style += ", color=red, fontcolor=red, penwidth=2"
            }
            lines.append("  n\(index) [label=\"\(escape(label, keepingNewlines: true))\"\(style)];")
        }
        let leaves = nodes.indices.filter { nodes[$0].kind != .operation }.map { "n\($0)" }
        lines.append("  { rank=source; \(leaves.joined(separator: "; ")); }")
        for (index, node) in nodes.enumerated() {
            for input in node.inputs { lines.append("  n\(input) -> n\(index);") }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }


    func escape(_ text: String, keepingNewlines: Bool = false) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: keepingNewlines ? "\\" : "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return escaped
    }
}
