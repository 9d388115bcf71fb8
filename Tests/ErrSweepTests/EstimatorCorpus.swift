@testable import ErrSweep
import Foundation

/// Cases for the black-box estimators, by category, each an expression at a point: its truth is
/// the symbolic derivative evaluated in MPFR and settled at two precisions (`Truth`); the
/// estimators see only the expression evaluated in Double (or, for the noisy cases, that value
/// rounded to Float, noise of relative size 6e-8 that no estimator can remove).
enum EstimatorCorpus {
    struct Case: Sendable {
        let category: String
        let formula: String
        let x: Double
        let noisy: Bool
        let f: @Sendable (Double) -> Double
        let truth: Double
    }

    static let specification: [(category: String, formula: String, points: [Double])] = [
        ("smooth", "sin(x)", [0.5, 2, -3]), ("smooth", "cos(x)", [0.5, 2]), ("smooth", "exp(x)", [1, -2, 5]),
        ("smooth", "log(x)", [0.5, 3, 20]), ("smooth", "sqrt(x)", [0.25, 2, 9]), ("smooth", "atan(x)", [0.3, -2]),
        ("smooth", "tanh(x)", [0.5, -1]), ("smooth", "sigmoid(x)", [0, 2, -4]), ("smooth", "x^3 - 2*x", [1.5, -0.7]),
        ("smooth", "exp(x)/sqrt(sin(x)^3+cos(x)^3)", [1.5, 0.3]), ("smooth", "1/(1+25*x^2)", [0.2, 0.9]),
        ("large |x|", "log(x)", [1e8, 1e15]), ("large |x|", "exp(x)", [700, -700]), ("large |x|", "sin(x)", [1e8, 1e5]),
        ("large |x|", "sqrt(x)", [1e10, 1e20]), ("large |x|", "atan(x)", [1e6]), ("large |x|", "x^2", [1e100]),
        ("near a singularity", "1/x", [1e-4, -1e-3]), ("near a singularity", "tan(x)", [1.57, 1.5]),
        ("near a singularity", "log(x)", [1e-3, 1e-6, 1e-10]), ("near a singularity", "sqrt(x)", [1e-6, 1e-12]),
        ("near a singularity", "1/(1-x)", [0.999]), ("near a singularity", "log(1-x)", [0.9999]),
        ("oscillating", "sin(100*x)", [1, 0.3]), ("oscillating", "cos(50*x)", [0.7]), ("oscillating", "sin(x^2)", [10, 30]),
        ("oscillating", "x*sin(1/x)", [0.1, 0.05]),
        ("f′ ≈ 0", "tanh(x)", [20, 10]), ("f′ ≈ 0", "sigmoid(x)", [30, -25]), ("f′ ≈ 0", "exp(-x^2)", [5, 8]),
        ("f′ ≈ 0", "cos(x)", [1e-8, 3.1415926]), ("f′ ≈ 0", "x^2", [1e-9]),
        ("f′ = 0", "cos(x)", [0]), ("f′ = 0", "x^2", [0]), ("f′ = 0", "exp(-x^2)", [0]), ("f′ = 0", "x^4 + 1", [0]),
        ("cancellation-prone", "(1-cos(x))/(x*x)", [1e-3, 0.1]), ("cancellation-prone", "exp(x)-1", [1e-5, 1e-10]),
        ("cancellation-prone", "log(1+x)/x", [1e-4]), ("cancellation-prone", "sqrt(x+1)-sqrt(x)", [1e6, 100]),
        ("badly scaled", "sin(x/1000000)", [1e6, 3e6]), ("badly scaled", "exp(x/1000)", [500]),
        ("badly scaled", "1e10*sin(x)", [0.5]), ("badly scaled", "1e-10*exp(x)", [2]), ("badly scaled", "x^3", [1e5]),
        ("badly scaled", "log(x)", [1e-200]),
    ]

    /// Every case, its truth settled; cases whose truth does not settle are left out.
    static let cases: [Case] = specification.flatMap { entry -> [Case] in
        let function = try! ExpressionFunction(parsing: entry.formula)
        return entry.points.flatMap { x -> [Case] in
            guard case .success(let truth) = Truth<Double>.derivative(of: function, at: x) else { return [] }
            let exact = Case(category: entry.category, formula: entry.formula, x: x, noisy: false,
                             f: { function($0) }, truth: truth.rounded)
            guard entry.category == "smooth" else { return [exact] }
            let noisy = Case(category: "noisy (Float)", formula: entry.formula, x: x, noisy: true,
                             f: { Double(Float(function($0))) }, truth: truth.rounded)
            return [exact, noisy]
        }
    }
}
