import ErrSweep
import Foundation
import Testing

@Suite struct ComputationalGraphTests {
    static let expression = try! ExpressionParser.parse("sqrt(p + p + q)/3 + ln(p*(p*q)) + 3")
    static let graph = ComputationalGraph(expression)

    /// As in the notes' figure: p, q and one 3; nine operations; an edge per use (p enters the
    /// first + twice), 16 edges in all.
    @Test func shapeOfTheNotesGraph() {
        let nodes = Self.graph.nodes
        #expect(nodes.filter { $0.kind == .input }.map(\.label) == ["p", "q"])
        #expect(nodes.filter { $0.kind == .constant }.map(\.label) == ["3"])
        #expect(nodes.filter { $0.kind == .operation }.map(\.label).sorted() == ["*", "*", "+", "+", "+", "+", "/", "ln", "√"])
        #expect(nodes.map(\.inputs.count).reduce(0, +) == 16)
        let p = nodes.firstIndex { $0.label == "p" }!
        let firstSum = nodes.firstIndex { $0.label == "+" }!
        #expect(nodes[firstSum].inputs == [p, p])
        // Topological: every node after its inputs.
        for (index, node) in nodes.enumerated() { #expect(node.inputs.allSatisfy { $0 < index }) }
    }

    /// Forward tangents at the output and adjoints at the inputs are both the gradient; mpmath
    /// at 50 digits gives ∂f/∂p = 1.48240453183331931… and ∂f/∂q = 0.57453559924999298….
    @Test func bothSweepsGiveTheGradient() {
        let sweep = Self.graph.sweep(at: ["p": 1.5, "q": 2])
        let p = Self.graph.nodes.firstIndex { $0.label == "p" }!, q = Self.graph.nodes.firstIndex { $0.label == "q" }!
        let exact = [Double(nearest: big("1.482404531833319313093944911248751749029")), Double(nearest: big("0.574535599249992989880305788957709207848"))]
        #expect(sweep.adjoints[p].ulpDistance(to: exact[0]) <= 2)
        #expect(sweep.adjoints[q].ulpDistance(to: exact[1]) <= 2)
        #expect(sweep.tangents[Self.graph.output][0].ulpDistance(to: exact[0]) <= 2)
        #expect(sweep.tangents[Self.graph.output][1].ulpDistance(to: exact[1]) <= 2)
        #expect(sweep.values[Self.graph.output] == sqrt(5) / 3 + log(4.5) + 3)
        // The constant 3's adjoint sums its two uses: 1 from the last +, −√5/9 from the division.
        let three = Self.graph.nodes.firstIndex { $0.label == "3" }!
        #expect(abs(sweep.adjoints[three] - (1 - sqrt(5) / 9)) < 1e-15)
    }

    /// The whole DOT text: nodes numbered in post-order (p, p+p, q, +q, √, 3, /, p*q, p*(p*q),
    /// ln, the first sum, + 3), inputs ranked leftmost, an edge per use.
    @Test func dotIsTheGoldenText() {
        #expect(Self.graph.dot(name: "g", title: "t") == """
            digraph "g" {
              label="t"; labelloc=t; fontname="DejaVu Sans";
              rankdir=LR; nodesep=0.35; ranksep=0.5;
              node [fontname="DejaVu Sans", shape=plaintext, style=rounded];
              edge [arrowsize=0.7];
              n0 [label="p", fontsize=16];
              n1 [label="+"];
              n2 [label="q", fontsize=16];
              n3 [label="+"];
              n4 [label="√"];
              n5 [label="3", fontsize=16];
              n6 [label="/"];
              n7 [label="*"];
              n8 [label="*"];
              n9 [label="ln"];
              n10 [label="+"];
              n11 [label="+"];
              { rank=source; n0; n2; n5; }
              n0 -> n1;
              n0 -> n1;
              n1 -> n3;
              n2 -> n3;
              n3 -> n4;
              n4 -> n6;
              n5 -> n6;
              n0 -> n7;
              n2 -> n7;
              n0 -> n8;
              n7 -> n8;
              n8 -> n9;
              n6 -> n10;
              n9 -> n10;
              n10 -> n11;
              n5 -> n11;
            }

            """)
    }

    @Test func dotText() {
        let dot = Self.graph.dot(name: "g", title: "t")
        #expect(dot.hasPrefix("digraph \"g\" {\n  label=\"t\"; labelloc=t;"))
        #expect(dot.contains("rankdir=LR"))
        // Nodes are numbered in post-order: p n0, the first + n1, q n2, …, 3 n5.
        #expect(dot.contains("{ rank=source; n0; n2; n5; }"))
        let edges = dot.split(separator: "\n").filter { $0.contains("->") }
        #expect(edges.count == 16)
        #expect(edges.filter { $0 == "  n0 -> n1;" }.count == 2)  // p + p: two edges
        let labelled = Self.graph.dot(name: "g", title: "t", sweep: Self.graph.sweep(at: ["p": 1.5, "q": 2]))
        #expect(labelled.contains("n0 [label=\"p\\nvalue 1.5\\n∂/∂p 1, ∂/∂q 0\\nadjoint 1.4824\""))
    }
}
