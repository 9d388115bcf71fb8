import ComplexModule
import Foundation

/// The gradient of an expression at a point by every method, in Double, against the symbolic
/// gradient enclosed in Arb balls and proved correctly rounded as every truth is (`Truth.proved`):
/// each component's error in ulps, and the work each method did. A component with no truth
/// (outside the domain, a pole, a truth not resolved at the cap) is NaN, its reason kept.
public struct GradientComparison: Sendable {
    /// One method's gradient, its error per component, and the work it took.
    public struct Row: Sendable {
        public var method: GradientMethod
        /// One estimate per variable.
        public var gradient: [Double]
        /// Ulps from the correctly rounded exact partial, per variable.
        public var ulps: [Double]
        /// Steps used per variable (difference methods and the complex step).
        public var steps: [Double]?
        /// The work: evaluations of f, or passes.
        public var cost: String
    }

    public let variables: [String]
    public let point: [String: Double]
    /// The exact partials, correctly rounded; NaN where there is none.
    public let exact: [Double]
    /// Why a partial has no truth, by variable, where one has none.
    public let unsettled: [String: String]
    public let rows: [Row]

    /// f restricted to one variable, the others fixed at the point: a function of one variable
    /// like any other, so its error model gives the best step along that axis.
    struct Restriction: CatalogFunction {
        let expression: MathExpression
        let partial: MathExpression
        let variable: String
        let point: [String: Double]
        var name: String { "restriction" }
        var formula: String { expression.description }
        var derivativeFormula: String { partial.description }
        var defaultPoints: [Double] { [point[variable]!] }
        var lesson: String { "" }
        func callAsFunction<T: Scalar>(_ x: T) -> T {
            expression.evaluate { $0 == variable ? x : T(double: point[$0] ?? 0) }
        }
        func derivative<T: Scalar>(_ x: T) -> T {
            partial.evaluate { $0 == variable ? x : T(double: point[$0] ?? 0) }
        }
    }

    /// Computes the gradient of `expression` at `point` by every gradient method and compares each
    /// with the exact partials.
    public init(_ expression: MathExpression, at point: [String: Double]) {
        let variables = expression.variables
        self.variables = variables
        self.point = point
        let partials = variables.map { expression.derivative(withRespectTo: $0) }
        var unsettled: [String: String] = [:]
        // A partial can be defined where f is not (∂(√p + q)/∂q = 1 at p = −1): f is checked too,
        // as a sweep's truth checks f(x).
        let undefined = expression.undefined(at: point)
        let exact = zip(variables, partials).map { variable, partial -> Double in
            let truth = undefined.map(Result.failure) ?? partial.truth(at: point)
            switch truth {
            case .success(let truth): return truth.rounded
            case .failure(let failure):
                unsettled[variable] = failure.reason
                return .nan
            }
        }
        self.exact = exact
        self.unsettled = unsettled
        let n = variables.count
        var rows: [Row] = []
        func row(_ method: GradientMethod, _ gradient: [Double], steps: [Double]? = nil, cost: String) -> Row {
            Row(method: method, gradient: gradient, ulps: zip(gradient, exact).map { $0.ulpDistance(to: $1) }, steps: steps, cost: cost)
        }

        // Reverse mode: one recording, one backward pass, every component.
        let tape = Tape<Double>()
        let reverse = tape.gradient(at: variables.map { point[$0] ?? 0 }) { inputs in
            expression.evaluate { (name: String) -> Tracked<Double> in inputs[variables.firstIndex(of: name)!] }
        }
        rows.append(row(.derivative(.reverseAD), reverse, cost: "1 recording (\(tape.count) nodes) + 1 backward pass"))

        // Forward mode: one pass per input, seeding that input's tangent.
        let forward = variables.map { seeded in
            expression.evaluate { (name: String) -> Dual<Double> in Dual(point[name] ?? 0, tangent: name == seeded ? 1 : 0) }.tangent
        }
        rows.append(row(.derivative(.forwardAD), forward, cost: "\(n) forward pass\(n == 1 ? "" : "es")"))

        // Difference formulas at each axis's predicted best step.
        let restrictions = zip(variables, partials).map { Restriction(expression: expression, partial: $1, variable: $0, point: point) }
        for method in [DerivativeMethod.forward, .backward, .central, .central5] {
            let stencil = method.stencil!
            var steps: [Double] = [], estimates: [Double] = []
            for restriction in restrictions {
                let x = point[restriction.variable] ?? 0
                let derivatives = HigherDerivatives.at(BigFloat(x, precision: 320), of: restriction)
                let model = ErrorModel.make(method: method, derivatives: derivatives, x: x, precision: .double)
                let h = model.optimalStep ?? 1e-3
                steps.append(h)
                estimates.append(stencil.apply({ restriction($0) }, at: x, step: h))
            }
            rows.append(row(.derivative(method), estimates, steps: steps, cost: "\(GradientMethod.derivative(method).work(n)) of f, at the model's h* per axis"))
        }

        // The complex step: one complex evaluation per input, at a step far below any truncation.
        let h = 1e-20
        let complex = variables.map { seeded in
            expression.evaluate { (name: String) -> ComponentwiseComplex<Double> in
                ComponentwiseComplex(point[name] ?? 0, name == seeded ? h : 0)
            }.imaginary / h
        }
        rows.append(row(.derivative(.complex), complex, steps: Array(repeating: h, count: n), cost: "\(n) complex evaluation\(n == 1 ? "" : "s") of f"))

        // errsweep's black-box estimator along each axis: f's values alone, with a claimed bound
        // per component that the exact partial then checks.
        let estimates = estimateGradient(of: { (values: [Double]) -> Double in
            expression.evaluate { (name: String) -> Double in values[variables.firstIndex(of: name)!] }
        }, at: variables.map { point[$0] ?? 0 })
        let evaluations = estimates.map(\.evaluations).reduce(0, +)
        let claims = zip(estimates, exact).map { estimate, truth -> String in
            guard estimate.status == .ok else { return estimate.status.rawValue }
            let held = truth.isNaN ? "" : abs(estimate.value - truth) <= estimate.bound ? ", held" : ", LIED"
            return "± \(NumberFormat.scientific(estimate.bound))\(held)"
        }
        rows.append(row(.blackBox, estimates.map(\.value), cost: "\(evaluations) evaluations of f; bounds " + claims.joined(separator: "; ")))
        self.rows = rows
    }

    /// The comparison as a table.
    public var text: String {
        let point = variables.map { "\($0) = \(NumberFormat.exact(self.point[$0] ?? 0))" }.joined(separator: ", ")
        var text = "gradient at \(point), against the symbolic gradient in MPFR\n\n"
        let columns = variables.map { "∂f/∂\($0)" }
        text += "  " + SummaryText.pad("method", 12) + columns.map { SummaryText.pad($0, 24) + SummaryText.pad("ulps", 8) }.joined() + "work\n"
        text += "  " + SummaryText.pad("exact", 12) + exact.map { SummaryText.pad(NumberFormat.exact($0), 24) + SummaryText.pad("", 8) }.joined() + "proved in Arb balls, rounded once\n"
        for row in rows {
            text += "  " + SummaryText.pad(row.method.name, 12)
            for (value, ulps) in zip(row.gradient, row.ulps) {
                text += SummaryText.pad(NumberFormat.exact(value), 24) + SummaryText.pad(NumberFormat.ulps(ulps), 8)
            }
            text += row.cost
            if let steps = row.steps, row.method != .derivative(.complex) { text += " (h = " + steps.map { NumberFormat.scientific($0) }.joined(separator: ", ") + ")" }
            text += "\n"
        }
        for variable in variables { if let reason = unsettled[variable] { text += "no exact ∂f/∂\(variable): \(reason)\n" } }
        return text
    }
}
