import Foundation

/// Where automatic differentiation loses digits, and how many.
///
/// AD applies the chain rule exactly; its only error is rounding, and each rounding is at most
/// half an ulp of what it produced. Digits are lost in two ways (Griewank & Walther, *Evaluating
/// Derivatives*, 2nd ed., §3.1–3.2, and Higham, *Accuracy and Stability of Numerical Algorithms*,
/// 2nd ed., §1.6 on condition numbers):
/// - **a sum that cancels.** Forward mode sums, at each node, its partials times its inputs'
///   tangents; reverse mode sums, at each node, the adjoints flowing back from every use of it;
///   both use values that are themselves sums. Terms of size S = Σ|tᵢ| summing to s carry their
///   roundings, about u·S, into a result of size s: log2(S/|s|) bits.
/// - **an ill-conditioned step.** A function's value f(a), or its local derivative f′(a), taken at
///   an argument a that carries a rounding of its own, is wrong by the condition number
///   |a·f′(a)/f(a)| (or |a·f″(a)/f′(a)|) times that rounding: log2 of it in bits. cos at 775 or
///   log near 1 are such steps.
/// This is AD's nature, not a fault of an implementation: autograd and JAX lose the same bits.
///
/// The graph is the expression's (`ComputationalGraph`); the terms are computed in Double, node
/// by node in the graph's order, and every exact value in MPFR at 256 bits, so the bits lost are
/// measured, not estimated. It explains f′ by forward and reverse AD in Double. Each mode is
/// explained by its largest loss.
public struct ADErrorExplanation: Sendable {
    /// The mode of AD explained.
    public enum Mode: String, Sendable { case forward = "forward AD", reverse = "reverse AD" }

    /// One place where digits are lost.
    public struct Loss: Sendable {
        /// How the digits are lost.
        public enum Kind: String, Sendable {
            /// The node's value is a sum that cancels (a value that cancels is wrong in the same
            /// bits, and every partial evaluated at it carries them into the derivative).
            case value
            /// The node's tangent (forward mode) or adjoint (reverse mode) is a sum that cancels.
            case tangent, adjoint
            /// The node's value, or its local derivative, is ill conditioned at its rounded
            /// argument; `terms` then holds that argument.
            case valueCondition, partialCondition
        }

        public let kind: Kind
        /// The sub-expression whose value, tangent or adjoint loses the bits.
        public let expression: String
        /// The graph node.
        public let node: Int
        /// The terms as the working precision computed them (for a condition, the argument).
        public let terms: [Double]
        /// The exact sum, rounded to Double (for a condition, the condition number).
        public let value: Double
        /// log2(Σ|terms| / |sum|), or log2 of the condition number.
        public let bitsLost: Double
    }

    public let mode: Mode
    public let worst: Loss?
    /// The first-order running error bound of this mode's derivative, in ulps: every rounding
    /// (½ ulp per arithmetic operation, 1 ulp per library function) carried through every
    /// partial, tangent and adjoint by the magnitudes the exact computation has (Wilkinson's
    /// running error analysis; Higham, *Accuracy and Stability*, 2nd ed., §3.3). Losses that
    /// compound — a value wrong by 10 bits inside a sum that cancels 11 more — add up here.
    public let boundUlps: Double

    /// Both modes' worst sums for f at `point` (a value per variable), the forward mode seeding
    /// `variable`. The reverse sweep is the same whichever variable is asked for.
    public static func analyse(_ expression: MathExpression, at point: [String: Double], seeding variable: String) -> [ADErrorExplanation] {
        let graph = ComputationalGraph(expression)
        let rounded: (values: [Double], partials: [[Double]]) = graph.local { point[$0] ?? 0 }
        let exact: (values: [BigFloat], partials: [[BigFloat]]) = BigFloat.withLiteralPrecision(256) {
            graph.local { (point[$0] ?? 0).exact.withPrecision(256) }
        }
        let input = graph.nodes.firstIndex { $0.kind == .input && $0.label == variable }
        func worst(_ kind: Loss.Kind, _ sums: [(node: Int, terms: [Double], exact: BigFloat)]) -> Loss? {
            sums.compactMap { sum -> Loss? in
                guard sum.terms.count >= 2, !sum.exact.isZero, sum.exact.isFinite else { return nil }
                let size = sum.terms.map(abs).reduce(0, +)
                let bits = Foundation.log2(size / abs(sum.exact.doubleValue))
                guard bits.isFinite else { return nil }
                return Loss(kind: kind, expression: graph.nodes[sum.node].expression.description, node: sum.node, terms: sum.terms,
                           value: sum.exact.doubleValue, bitsLost: bits)
            }.max { $0.bitsLost < $1.bitsLost }
        }

        // Values: a sum or difference of two parts.
        let valueSums = graph.nodes.indices.compactMap { n -> (node: Int, terms: [Double], exact: BigFloat)? in
            guard case .binary(let op, _, _) = graph.nodes[n].expression, op == .add || op == .subtract else { return nil }
            let a = rounded.values[graph.nodes[n].inputs[0]], b = rounded.values[graph.nodes[n].inputs[1]]
            return (n, [a, op == .add ? b : -b], exact.values[n])
        }
        func worse(_ a: Loss?, _ b: Loss?) -> Loss? {
            guard let a, let b else { return a ?? b }
            return a.bitsLost >= b.bitsLost ? a : b
        }
        let values = worse(worst(.value, valueSums), conditioning(graph, input: input, rounded: rounded.values, exact: exact))

        // Forward: tangent(n) = Σₖ ∂n/∂inputₖ · tangent(inputₖ), its terms kept, in Double and exactly.
        let zero = BigFloat(0).withPrecision(256)
        var forwardTerms = [[Double]](repeating: [], count: graph.nodes.count)
        _ = graph.tangents(rounded.partials, zero: 0.0, seeded: { $0 == input }, term: { forwardTerms[$0].append($1) })
        let exactTangent = graph.tangents(exact.partials, zero: zero, seeded: { $0 == input })
        let forwardSums = graph.nodes.indices.filter { $0 != input }.map { n in
            (node: n, terms: forwardTerms[n].filter { $0 != 0 }, exact: exactTangent[n])
        }

        // Reverse: adjoint(i) = Σ over uses (n, k) of inputₖ(n) = i: ∂n/∂i · adjoint(n).
        var reverseTerms = [[Double]](repeating: [], count: graph.nodes.count)
        _ = graph.adjoints(rounded.partials, zero: 0.0, term: { if $1 != 0 { reverseTerms[$0].append($1) } })
        let exactAdjoint = graph.adjoints(exact.partials, zero: zero)
        let reverseSums = graph.nodes.indices.map { (node: $0, terms: reverseTerms[$0], exact: exactAdjoint[$0]) }
        let bounds = runningErrorBounds(graph, input: input, exact: exact, tangents: exactTangent, adjoints: exactAdjoint)
        return [ADErrorExplanation(mode: .forward, worst: worse(worst(.tangent, forwardSums), values), boundUlps: bounds.forward),
                ADErrorExplanation(mode: .reverse, worst: worse(worst(.adjoint, reverseSums), values), boundUlps: bounds.reverse)]
    }

    /// The running error bounds of forward and reverse mode, in ulps of the derivative, with
    /// absolute errors carried node by node (u = 2⁻⁵³):
    ///
    ///     value:    δv  = Σₖ |∂ₖn|·δaₖ + c·u·|n|
    ///     partial:  δpₖ = Σⱼ |∂ⱼ∂ₖn|·δaⱼ + 2u·|∂ₖn|
    ///     tangent:  δt  = Σₖ (|∂ₖn|·δtₖ + |tₖ|·δpₖ + u·|∂ₖn·tₖ|) + u·|t|
    ///     adjoint:  δā  = Σ over uses (|∂ₖn|·δān + |ān|·δpₖ + u·|∂ₖn·ān|) + u·|ā|
    ///
    /// with c = 2 for a library function and 1 for arithmetic; exact inputs and integers carry
    /// nothing, other literals u·|c|. Second partials come from the node's operation in nested
    /// duals in MPFR.
    static func runningErrorBounds(
        _ graph: ComputationalGraph, input: Int?, exact: (values: [BigFloat], partials: [[BigFloat]]),
        tangents: [BigFloat], adjoints: [BigFloat]
    ) -> (forward: Double, reverse: Double) {
        let u = Double.ulpOfOne / 2
        let count = graph.nodes.count
        let value = exact.values.map { abs($0.doubleValue) }
        let partial = exact.partials.map { $0.map { abs($0.doubleValue) } }
        var valueError = [Double](repeating: 0, count: count)
        var partialError = [[Double]](repeating: [], count: count)
        for (n, node) in graph.nodes.enumerated() {
            switch node.kind {
            case .input: valueError[n] = 0
            case .constant: valueError[n] = node.expression.integerValue == nil ? u * value[n] : 0
            case .operation:
                let isCall = if case .call = node.expression { true } else { false }
                let second = secondPartials(of: node, arguments: node.inputs.map { exact.values[$0] })
                valueError[n] = zip(partial[n], node.inputs).map { $0 * valueError[$1] }.reduce(0, +) + (isCall ? 2 : 1) * u * value[n]
                partialError[n] = node.inputs.indices.map { k in
                    node.inputs.indices.map { j in second[k][j] * valueError[node.inputs[j]] }.reduce(0, +) + 2 * u * partial[n][k]
                }
            }
        }
        var tangentError = [Double](repeating: 0, count: count)
        for (n, node) in graph.nodes.enumerated() where n != input && node.kind == .operation {
            tangentError[n] = node.inputs.indices.map { k in
                let i = node.inputs[k], t = abs(tangents[i].doubleValue)
                return partial[n][k] * tangentError[i] + t * partialError[n][k] + u * partial[n][k] * t
            }.reduce(0, +) + u * abs(tangents[n].doubleValue)
        }
        var adjointError = [Double](repeating: 0, count: count)
        for n in graph.nodes.indices.reversed() {
            let a = abs(adjoints[n].doubleValue)
            if n != graph.output { adjointError[n] += u * a }
            for (k, i) in graph.nodes[n].inputs.enumerated() {
                adjointError[i] += partial[n][k] * adjointError[n] + a * partialError[n][k] + u * partial[n][k] * a
            }
        }
        func ulps(_ error: Double, _ derivative: BigFloat) -> Double {
            let d = abs(derivative.doubleValue)
            return d == 0 ? .infinity : error / (u * d)
        }
        let output = graph.output
        return (input.map { _ in ulps(tangentError[output], tangents[output]) } ?? 0,
                input.map { ulps(adjointError[$0], adjoints[$0]) } ?? 0)
    }

    /// ∂ⱼ∂ₖ of a node's operation at its arguments, as magnitudes: nested duals seeded at k inside
    /// and j outside.
    static func secondPartials(of node: ComputationalGraph.Node, arguments: [BigFloat]) -> [[Double]] {
        arguments.indices.map { k in
            arguments.indices.map { j in
                let jet = BigFloat.withLiteralPrecision(256) {
                    node.operation!.evaluate { (name: String) -> Dual<Dual<BigFloat>> in
                        let i = Int(name.dropFirst())!
                        return Dual(Dual(arguments[i], tangent: i == k ? 1 : 0), tangent: Dual(i == j ? 1 : 0))
                    }
                }
                return abs(jet.tangent.tangent.doubleValue)
            }
        }
    }

    /// The worst-conditioned step: a node of one rounded argument a (anything but the variable
    /// itself or an integer) whose value or local derivative has condition number κ > 2 there,
    /// κ = |a·f′(a)/f(a)| or |a·f″(a)/f′(a)|, from the node's operation in nested duals in MPFR.
    static func conditioning(
        _ graph: ComputationalGraph, input: Int?, rounded: [Double], exact: (values: [BigFloat], partials: [[BigFloat]])
    ) -> Loss? {
        var worst: Loss?
        for (n, node) in graph.nodes.enumerated() where node.kind == .operation {
            for (k, i) in node.inputs.enumerated() where i != input && graph.nodes[i].expression.integerValue == nil {
                let a = exact.values[i]
                let arguments = node.inputs.map { exact.values[$0] }
                let jet = BigFloat.withLiteralPrecision(256) {
                    node.operation!.evaluate { (name: String) -> Dual<Dual<BigFloat>> in
                        let j = Int(name.dropFirst())!
                        return j == k ? Dual(Dual(arguments[j], tangent: 1), tangent: Dual(1, tangent: 0)) : Dual(Dual(arguments[j]))
                    }
                }
                let value = jet.value.value, first = jet.value.tangent, second = jet.tangent.tangent
                let candidates: [(Loss.Kind, BigFloat)] = [
                    (.valueCondition, value.isZero ? BigFloat(0) : (a * first / value).magnitude),
                    (.partialCondition, first.isZero ? BigFloat(0) : (a * second / first).magnitude),
                ]
                for (kind, kappa) in candidates {
                    let condition = kappa.doubleValue
                    guard condition.isFinite, condition > 2, condition > exp2(worst?.bitsLost ?? 0) else { continue }
                    worst = Loss(kind: kind, expression: node.expression.description, node: n, terms: [rounded[i]],
                                 value: condition, bitsLost: Foundation.log2(condition))
                }
            }
        }
        return worst
    }

    /// The nodes of `expression`'s graph where a chain-rule sum cancels 3 bits or more at
    /// `point` — reverse mode's worst adjoint, and forward mode's worst tangent for each variable
    /// — with a note for `errsweep graph` to draw beside them.
    public static func marks(_ expression: MathExpression, at point: [String: Double]) -> [Int: String] {
        var marks: [Int: String] = [:]
        for variable in expression.variables {
            for mode in analyse(expression, at: point, seeding: variable) {
                guard let worst = mode.worst, worst.bitsLost >= 3 else { continue }
                let what = switch worst.kind {
                case .adjoint: "adjoint sum cancels"
                case .tangent: "tangent sum (∂/∂\(variable)) cancels"
                case .value: "value cancels"
                case .valueCondition: "value ill conditioned: loses"
                case .partialCondition: "local derivative ill conditioned: loses"
                }
                let note = String(format: "%@ %.1f bits", what, worst.bitsLost)
                if let existing = marks[worst.node], existing.contains(note) { continue }
                marks[worst.node] = marks[worst.node].map { $0 + "\\n" + note } ?? note
            }
        }
        return marks
    }

    /// AD errors above this many ulps are explained.
    public static let explainedAbove = 8.0

    /// For a sweep of f′ of an expression in Double: a sentence for each point and AD method whose
    /// error is above `explainedAbove` ulps, naming the sum that cancelled. The analysis follows
    /// f′'s sums and conditions, so a sweep of a higher derivative gets none rather than f′'s.
    public static func explanations(spec: SweepSpec<some CatalogFunction>, analysis: SweepAnalysis) -> [String] {
        guard let f = spec.function.asExpression, spec.derivative == 1, spec.precisions.contains(.double) else { return [] }
        return analysis.points.flatMap { x -> [String] in
            let slow = analysis.entries(precision: .double, x: x).filter { entry in
                entry.method.automaticMode.map { $0 != .taylor } == true && (entry.best?.ulps ?? 0) > explainedAbove
            }
            guard !slow.isEmpty else { return [] }
            let modes = analyse(f.expression, at: [f.variable: x], seeding: f.variable)
            return slow.map { entry in
                let mode = modes.first { $0.mode == (entry.method.automaticMode == .forward ? .forward : .reverse) }!
                return "At x = \(NumberFormat.compact(x)), " + mode.sentence(ulps: entry.best!.ulps)
            }
        }
    }

    /// The bound, as a sentence.
    var boundSentence: String {
        "All its roundings together can reach \(NumberFormat.ulps(boundUlps)) ulps (a first-order running error bound). "
    }

    /// The explanation in words, for an error of `ulps`: where, the terms or the condition, the
    /// bits lost and the ulps that loss accounts for (2^bits, each rounding being up to ½ ulp).
    public func sentence(ulps: Double) -> String {
        let nature = "That is AD's nature (autograd and JAX lose the same), not a fault of the implementation."
        guard let worst, worst.bitsLost >= 1 else {
            return "\(mode.rawValue) is off by \(NumberFormat.ulps(ulps)) ulps, and no sum cancels nor step is ill conditioned by more than a bit: the error is the roundings of a long chain of operations. " + boundSentence
        }
        if worst.kind == .valueCondition || worst.kind == .partialCondition {
            let what = worst.kind == .valueCondition ? "the value of" : "the local derivative of"
            return "\(mode.rawValue) is off by \(NumberFormat.ulps(ulps)) ulps because \(what) `\(worst.expression)` is taken at an argument "
                + "that carries its own rounding (\(NumberFormat.significant(worst.terms[0]))), where its condition number is "
                + "\(NumberFormat.significant(worst.value)): " + String(format: "%.1f bits lost, about %@ ulps. ", worst.bitsLost, NumberFormat.ulps(exp2(worst.bitsLost))) + boundSentence + nature
        }
        let what = switch worst.kind {
        case .adjoint: "the adjoint of `\(worst.expression)` (used \(worst.terms.count) times) sums"
        case .tangent: "the tangent of `\(worst.expression)` sums"
        case .value: "the value of `\(worst.expression)`, which every partial after it is evaluated at, sums"
        case .valueCondition, .partialCondition: ""
        }
        let shown = worst.terms.prefix(4).map { NumberFormat.significant($0) }.joined(separator: " + ").replacingOccurrences(of: "+ -", with: "− ")
        let more = worst.terms.count > 4 ? " + …" : ""
        return "\(mode.rawValue) is off by \(NumberFormat.ulps(ulps)) ulps because \(what) \(shown)\(more) = \(NumberFormat.significant(worst.value)): "
            + String(format: "terms about 2^%.1f times larger than their sum, so %.1f bits cancel and their roundings grow to about %@ ulps of it", worst.bitsLost, worst.bitsLost, NumberFormat.ulps(Foundation.pow(2, worst.bitsLost)))
            + ". " + boundSentence + nature
    }
}
