import Foundation

/// Where automatic differentiation loses digits, and how many: the chain-rule sum that cancelled.
///
/// AD applies the chain rule exactly; its only error is rounding, and each rounding is at most
/// half an ulp of what it produced. Digits are lost only where a sum of terms is much smaller than
/// the terms: forward mode sums, at each node, its partials times its inputs' tangents; reverse
/// mode sums, at each node, the adjoints flowing back from every use of it (Griewank & Walther,
/// *Evaluating Derivatives*, 2nd ed., §3.1–3.2 and §3.4 on the rounding of derivative values). A
/// sum whose terms are S = Σ|tᵢ| in magnitude and whose value is s carries the terms' roundings,
/// about u·S, into a result of size s: it amplifies relative error by S/|s|, log2(S/|s|) bits.
/// This is AD's nature, not a fault of an implementation: autograd and JAX lose the same bits.
///
/// The graph is the expression's (`ComputationalGraph`); the terms are computed in Double as a
/// tape does, and each sum's exact value in MPFR, so the bits lost are measured, not estimated.
public struct ChainRuleCancellation: Sendable {
    public enum Mode: String, Sendable { case forward = "forward AD", reverse = "reverse AD" }

    /// The worst-cancelling sum of one mode.
    public struct Sum: Sendable {
        /// The sub-expression whose tangent (forward) or adjoint (reverse) the sum is.
        public let expression: String
        /// The graph node.
        public let node: Int
        /// The terms as the working precision computed them.
        public let terms: [Double]
        /// The exact sum, rounded to Double.
        public let value: Double
        /// log2(Σ|terms| / |sum|).
        public let bitsLost: Double
    }

    public let mode: Mode
    public let worst: Sum?

    /// Both modes' worst sums for f at `point` (a value per variable), the forward mode seeding
    /// `variable`. The reverse sweep is the same whichever variable is asked for.
    public static func analyse(_ expression: MathExpression, at point: [String: Double], seeding variable: String) -> [ChainRuleCancellation] {
        let graph = ComputationalGraph(expression)
        let rounded: (values: [Double], partials: [[Double]]) = graph.local { point[$0] ?? 0 }
        let exact: (values: [BigFloat], partials: [[BigFloat]]) = BigFloat.withLiteralPrecision(256) {
            graph.local { (point[$0] ?? 0).exact.withPrecision(256) }
        }
        let input = graph.nodes.firstIndex { $0.kind == .input && $0.label == variable }
        func worst(_ sums: [(node: Int, terms: [Double], exact: BigFloat)]) -> Sum? {
            sums.compactMap { sum -> Sum? in
                guard sum.terms.count >= 2, !sum.exact.isZero, sum.exact.isFinite else { return nil }
                let size = sum.terms.map(abs).reduce(0, +)
                let bits = Foundation.log2(size / abs(sum.exact.doubleValue))
                guard bits.isFinite else { return nil }
                return Sum(expression: graph.nodes[sum.node].expression.description, node: sum.node, terms: sum.terms,
                           value: sum.exact.doubleValue, bitsLost: bits)
            }.max { $0.bitsLost < $1.bitsLost }
        }

        // Forward: tangent(n) = Σₖ ∂n/∂inputₖ · tangent(inputₖ).
        var tangent = [Double](repeating: 0, count: graph.nodes.count)
        var exactTangent = [BigFloat](repeating: 0, count: graph.nodes.count)
        var forwardSums: [(node: Int, terms: [Double], exact: BigFloat)] = []
        for (n, node) in graph.nodes.enumerated() {
            if n == input { tangent[n] = 1; exactTangent[n] = 1; continue }
            let terms = node.inputs.indices.map { k in rounded.partials[n][k] * tangent[node.inputs[k]] }
            tangent[n] = terms.reduce(0, +)
            exactTangent[n] = node.inputs.indices.reduce(BigFloat(0).withPrecision(256)) { sum, k in
                sum + exact.partials[n][k] * exactTangent[node.inputs[k]]
            }
            forwardSums.append((n, terms.filter { $0 != 0 }, exactTangent[n]))
        }

        // Reverse: adjoint(i) = Σ over uses (n, k) of inputₖ(n) = i: ∂n/∂i · adjoint(n).
        var adjoint = [Double](repeating: 0, count: graph.nodes.count)
        var exactAdjoint = [BigFloat](repeating: BigFloat(0).withPrecision(256), count: graph.nodes.count)
        var terms = [[Double]](repeating: [], count: graph.nodes.count)
        adjoint[graph.output] = 1
        exactAdjoint[graph.output] = 1
        for n in graph.nodes.indices.reversed() {
            for (k, i) in graph.nodes[n].inputs.enumerated() {
                let term = rounded.partials[n][k] * adjoint[n]
                adjoint[i] += term
                if term != 0 { terms[i].append(term) }
                exactAdjoint[i] = exactAdjoint[i] + exact.partials[n][k] * exactAdjoint[n]
            }
        }
        let reverseSums = graph.nodes.indices.map { (node: $0, terms: terms[$0], exact: exactAdjoint[$0]) }
        return [ChainRuleCancellation(mode: .forward, worst: worst(forwardSums)),
                ChainRuleCancellation(mode: .reverse, worst: worst(reverseSums))]
    }

    /// The nodes of `expression`'s graph where a chain-rule sum cancels 3 bits or more at
    /// `point` — reverse mode's worst adjoint, and forward mode's worst tangent for each variable
    /// — with a note for `errsweep graph` to draw beside them.
    public static func marks(_ expression: MathExpression, at point: [String: Double]) -> [Int: String] {
        var marks: [Int: String] = [:]
        for variable in expression.variables {
            for mode in analyse(expression, at: point, seeding: variable) {
                guard let worst = mode.worst, worst.bitsLost >= 3 else { continue }
                let what = mode.mode == .reverse ? "adjoint sum" : "tangent sum (∂/∂\(variable))"
                let note = String(format: "%@ cancels %.1f bits", what, worst.bitsLost)
                if let existing = marks[worst.node], existing.contains(note) { continue }
                marks[worst.node] = marks[worst.node].map { $0 + "\\n" + note } ?? note
            }
        }
        return marks
    }

    /// AD errors above this many ulps are explained.
    public static let explainedAbove = 8.0

    /// For a sweep of an expression in Double: a sentence for each point and AD method whose
    /// error is above `explainedAbove` ulps, naming the sum that cancelled.
    public static func explanations(spec: SweepSpec, analysis: SweepAnalysis) -> [String] {
        guard let f = spec.function as? ExpressionFunction, spec.precisions.contains(.double) else { return [] }
        return analysis.points.flatMap { x -> [String] in
            let slow = analysis.entries(precision: .double, x: x).filter { entry in
                (entry.method == .forwardAD || entry.method == .reverseAD) && (entry.best?.ulps ?? 0) > explainedAbove
            }
            guard !slow.isEmpty else { return [] }
            let modes = analyse(f.expression, at: [f.variable: x], seeding: f.variable)
            return slow.map { entry in
                let mode = modes.first { $0.mode == (entry.method == .forwardAD ? .forward : .reverse) }!
                return "At x = \(NumberFormat.compact(x)), " + mode.sentence(ulps: entry.best!.ulps)
            }
        }
    }

    /// The explanation in words, for an error of `ulps`: which sum, its terms, the bits lost and
    /// the ulps that loss accounts for (2^bits, each term having been rounded by up to ½ ulp).
    public func sentence(ulps: Double) -> String {
        guard let worst, worst.bitsLost >= 1 else {
            return "\(mode.rawValue): \(Reading.ulps(ulps)) ulps, and no chain-rule sum cancels more than a bit; the error is the roundings of a long chain of products."
        }
        let what = mode == .reverse
            ? "the adjoint of `\(worst.expression)` (used \(worst.terms.count) times) sums"
            : "the tangent of `\(worst.expression)` sums"
        let shown = worst.terms.prefix(4).map { NumberFormat.significant($0) }.joined(separator: " + ").replacingOccurrences(of: "+ -", with: "− ")
        let more = worst.terms.count > 4 ? " + …" : ""
        return "\(mode.rawValue) is off by \(Reading.ulps(ulps)) ulps because \(what) \(shown)\(more) = \(NumberFormat.significant(worst.value)): "
            + String(format: "terms about 2^%.1f times larger than their sum, so %.1f bits cancel and their roundings grow to about %@ ulps of it", worst.bitsLost, worst.bitsLost, Reading.ulps(Foundation.pow(2, worst.bitsLost)))
            + ". That is AD's nature (autograd and JAX lose the same), not a fault of the implementation."
    }
}
