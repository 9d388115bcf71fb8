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
        /// The step per variable, where the error model chose it (the difference formulas); nil
        /// for a method without a step or with a fixed one (the complex step's 10⁻²⁰).
        public var steps: [Double]?
        /// The work: evaluations of f, or passes, and how they were taken.
        public var work: WorkCount

        init(method: GradientMethod, gradient: [Double], exact: [Double], steps: [Double]?, work: WorkCount) {
            self.method = method
            self.gradient = gradient
            self.ulps = zip(gradient, exact).map { $0.ulpDistance(to: $1) }
            self.steps = steps
            self.work = work
        }
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
        let x = variables.map { point[$0] ?? 0 }
        let restrictions = zip(variables, partials).map { Restriction(expression: expression, partial: $1, variable: $0, point: point) }
        self.rows = DerivativeMethod.all(derivative: 1).map { method in
            let (gradient, steps, work) = Self.gradient(by: method, of: Variables(expression: expression, variables: variables), at: x, restrictions: restrictions)
            return Row(method: .derivative(method), gradient: gradient, exact: exact, steps: steps, work: work)
        } + [Self.blackBox(of: expression, variables: variables, at: x, exact: exact)]
    }

    /// f as a function of its variables in order, for a gradient rule.
    struct Variables: MultivariateScalarFunction {
        let expression: MathExpression
        let variables: [String]
        func callAsFunction<T: Scalar>(_ x: [T]) -> T {
            expression.evaluate { x[variables.firstIndex(of: $0)!] }
        }
    }

    /// The gradient by a method of one derivative, the steps it took per axis, and its work. A
    /// difference formula takes the error model's best step along each axis (the restriction of f
    /// to it, the other variables fixed), not the textbook step the cost experiment takes; every
    /// other method computes as its rule does (`GradientRule`).
    static func gradient(by method: DerivativeMethod, of f: Variables, at x: [Double], restrictions: [Restriction]) -> (gradient: [Double], steps: [Double]?, work: WorkCount) {
        let rule = method.gradientRule, n = x.count
        guard let stencil = method.stencil else {
            let tape = Tape<Double>()
            let gradient = rule.gradient(of: f, at: x, tape: tape)
            let work = switch rule {
            case .tape: rule.work(n).detailed("\(tape.count) nodes")
            case .samples(let samples): if case .fixed(let h) = samples.step { rule.work(n).detailed("h = \(h)") } else { rule.work(n) }
            case .dualPass: rule.work(n)
            }
            return (gradient, nil, work)
        }
        var steps: [Double] = [], estimates: [Double] = []
        for (restriction, x) in zip(restrictions, x) {
            let derivatives = HigherDerivatives.at(BigFloat(x, precision: 320), of: restriction)
            let h = ErrorModel.make(method: method, derivatives: derivatives, x: x, precision: .double).optimalStep ?? 1e-3
            steps.append(h)
            estimates.append(stencil.apply({ restriction($0) }, at: x, step: h))
        }
        // Each axis is a function of its own, f(x) evaluated again along each: every sample counts.
        let work = WorkCount([.evaluation: n * stencil.offsets.count])
        return (estimates, steps, work.detailed("the model's h* per axis: h = " + steps.map { NumberFormat.scientific($0) }.joined(separator: ", ")))
    }

    /// errsweep's black-box estimator along each axis: f's values alone, with a claimed bound per
    /// component that the exact partial then checks.
    static func blackBox(of expression: MathExpression, variables: [String], at x: [Double], exact: [Double]) -> Row {
        let estimates = estimateGradient(of: { (values: [Double]) -> Double in
            expression.evaluate { (name: String) -> Double in values[variables.firstIndex(of: name)!] }
        }, at: x)
        let evaluations = estimates.map(\.evaluations).reduce(0, +)
        let claims = zip(estimates, exact).map { estimate, truth -> String in
            guard estimate.status == .ok else { return estimate.status.rawValue }
            let held = truth.isNaN ? "" : abs(estimate.value - truth) <= estimate.bound ? ", held" : ", LIED"
            return "± \(NumberFormat.scientific(estimate.bound))\(held)"
        }
        return Row(method: .blackBox, gradient: estimates.map(\.value), exact: exact, steps: nil,
                   work: WorkCount([.evaluation: evaluations], detail: "bounds " + claims.joined(separator: "; ")))
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
            text += "\(row.work)\n"
        }
        for variable in variables { if let reason = unsettled[variable] { text += "no exact ∂f/∂\(variable): \(reason)\n" } }
        return text
    }
}
