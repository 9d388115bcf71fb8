/// How a gradient of n variables is computed, and so how its cost grows with n: f alone and the
/// hand-written gradient for scale, and each method of one derivative (`DerivativeMethod`, the
/// sweep's own identity) — a stencil or the complex step per component, forward AD a pass per
/// component, reverse AD one pass for all. The cost experiment and the gradient comparison both
/// use it. Its second-order cases time a Hessian-vector product and a whole Hessian instead
/// (`secondOrderCases`, `errsweep cost --derivative 2`).
public enum GradientMethod: Hashable, Sendable, CaseIterable {
    /// f alone, for scale.
    case primal
    /// The hand-written gradient.
    case analytic
    /// The gradient by a method of one derivative.
    case derivative(DerivativeMethod)
    /// Reverse AD recording a node per statement, its local partials preaccumulated
    /// (`MultivariateFunction.statements`). A function without such a form is recorded by its
    /// operations, as by `.derivative(.reverseAD)`; the cost experiment leaves it out.
    case statementTape
    /// errsweep's black-box estimator along each axis (`estimateGradient`): f's values alone,
    /// each component with its own step search and error bound.
    case blackBox
    /// A Hessian-vector product Hv by a method of second derivatives.
    case hessianVector(HessianVectorMethod)
    /// The whole Hessian, a column at a time by forward-over-reverse (n products Heⱼ), applied
    /// to v at the end so it is checked like the products.
    case hessian

    public static var allCases: [GradientMethod] { firstOrderCases + secondOrderCases.filter { $0 != .primal } }

    /// f, the gradients and f alone for scale: what `errsweep cost` times by default.
    public static var firstOrderCases: [GradientMethod] {
        [.primal, .analytic] + DerivativeMethod.all(derivative: 1).map(GradientMethod.derivative) + [.statementTape, .blackBox]
    }

    /// f for scale, the Hessian-vector products and the whole Hessian: `--derivative 2`.
    public static var secondOrderCases: [GradientMethod] {
        [.primal] + HessianVectorMethod.allCases.map(GradientMethod.hessianVector) + [.hessian]
    }

    /// The method by the name it has in tables and on the command line (`name`): one of
    /// `allCases`, or any method of one derivative that computes f′ — a method named only, as the
    /// contour, or a difference formula by its order, as `central:6`.
    public init?(name: String) {
        if let method = Self.allCases.first(where: { $0.name == name }) {
            self = method
        } else if let method = DerivativeMethod(rawValue: name), method.computes(derivative: 1) {
            self = .derivative(method)
        } else {
            return nil
        }
    }

    /// 2 for the Hessian's methods, 1 for the gradient's, 0 for f alone.
    public var derivativeOrder: Int {
        switch self {
        case .primal: 0
        case .hessianVector, .hessian: 2
        default: 1
        }
    }

    /// The evaluations errsweep's estimator takes per component, for predicting a black-box
    /// gradient's time: its median over the corpus (`Reports/estimators.md`).
    static let blackBoxEvaluationsPerComponent = 15

    /// The name in tables and on the command line: primal, analytic, or the derivative method's.
    public var name: String {
        switch self {
        case .primal: "primal"
        case .analytic: "analytic"
        case .derivative(let method): method.rawValue
        case .statementTape: "reverse-ad-statements"
        case .blackBox: "black-box"
        case .hessianVector(let method): method.rawValue
        case .hessian: "hessian-forward-over-reverse"
        }
    }

    /// Whether the method is a reference the others are measured against rather than a method
    /// checked itself: f alone, for scale, and the hand-written gradient. Its line is dashed and
    /// its error is not measured.
    public var isReference: Bool { self == .primal || self == .analytic }

    /// Whether the method can run on `function`: the statement-level tape needs f's statement
    /// form (`MultivariateFunction.statements`); every other method needs f alone.
    public func runs(on function: some MultivariateFunction) -> Bool {
        self != .statementTape || function.hasStatements
    }

    /// The method of one derivative; nil for f alone and the hand-written gradient.
    @inlinable
    public var derivativeMethod: DerivativeMethod? {
        if case .derivative(let method) = self { return method }
        return nil
    }

    /// The work, in evaluations of f or passes, for n inputs.
    public func work(_ n: Int) -> String {
        switch self {
        case .primal: "1 evaluation"
        case .analytic: "1 hand-written gradient"
        case .derivative(let method): method.gradientRule.work(n).description
        case .statementTape: "1 recording, a node per statement, + 1 backward pass"
        case .blackBox: "about \(Self.blackBoxEvaluationsPerComponent * n) evaluations, adaptive"
        case .hessianVector(.forwardOverReverse): "1 recording of duals + 1 backward pass"
        case .hessianVector(.gradientDifferences): "2 recordings + 2 backward passes"
        case .hessianVector(.hyperDual): "\(n) hyper-dual passes"
        case .hessian: "\(n) recordings of duals + \(n) backward passes"
        }
    }

    /// The work as a formula in n.
    public var workFormula: String {
        switch self {
        case .primal: "1 evaluation"
        case .analytic: "1 hand-written gradient"
        case .derivative(let method): method.gradientRule.workFormula
        case .statementTape: "1 recording, a node per statement, + 1 backward pass"
        case .blackBox: "~\(Self.blackBoxEvaluationsPerComponent)n evaluations (adaptive)"
        case .hessianVector(.forwardOverReverse): "1 dual recording + 1 backward pass"
        case .hessianVector(.gradientDifferences): "2 gradients by reverse AD"
        case .hessianVector(.hyperDual): "n hyper-dual passes"
        case .hessian: "n dual recordings + backward passes"
        }
    }

    /// The evaluations of f (or passes) a gradient takes, for predicting its time: 1 for the
    /// methods whose cost is a small multiple of one evaluation.
    public func evaluations(_ n: Int) -> Double {
        switch self {
        case .primal, .analytic, .statementTape: 1
        case .derivative(let method): Double(method.gradientRule.evaluations(n))
        case .blackBox: Double(Self.blackBoxEvaluationsPerComponent * n)
        case .hessianVector(.forwardOverReverse): 1
        case .hessianVector(.gradientDifferences): 2
        case .hessianVector(.hyperDual), .hessian: Double(n)
        }
    }

    /// The exponent theory gives for time against n, for an f costing O(n).
    public var expectedSlope: Int {
        switch self {
        case .primal, .analytic, .statementTape: 1
        case .derivative(let method): method.gradientRule.expectedSlope
        case .hessianVector(.forwardOverReverse), .hessianVector(.gradientDifferences): 1
        case .blackBox, .hessianVector(.hyperDual), .hessian: 2
        }
    }
}

/// How a Hessian-vector product Hv is computed without forming H (Pearlmutter, "Fast exact
/// multiplication by the Hessian", Neural Computation 6(1), 1994; Griewank & Walther,
/// *Evaluating Derivatives*, 2nd ed., §5.4).
public enum HessianVectorMethod: String, CaseIterable, Sendable {
    /// The gradient recorded on a tape of dual numbers seeded with v: ∇f + ε·Hv, one recording
    /// and one backward pass, exact up to rounding.
    case forwardOverReverse = "hv-forward-over-reverse"
    /// (∇f(x + hv) − ∇f(x − hv))/2h with reverse-AD gradients at h = ε^⅓·max(1, ‖x‖∞)/‖v‖∞:
    /// two gradients, and the central difference's truncation and rounding.
    case gradientDifferences = "hv-gradient-differences"
    /// (Hv)ᵢ as the ε₁ε₂ coefficient of f(x + ε₁eᵢ + ε₂v) in hyper-dual numbers: exact, but a
    /// pass per component.
    case hyperDual = "hv-hyper-dual"
}
