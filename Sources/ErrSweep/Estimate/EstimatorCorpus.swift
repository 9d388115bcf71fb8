/// Cases on which black-box derivative algorithms are judged: expressions at points, in the
/// categories where the published rules are known to fail, each with its truth — the symbolic
/// derivative evaluated in MPFR and settled at two precisions (`Truth`). The algorithms see only
/// the expression evaluated in the working precision (for the noisy category, that value rounded
/// to Float: noise of relative size 6e-8 that no algorithm can remove).
public enum EstimatorCorpus {
    /// One case: a function, a point, and the category it stands for.
    public struct Case: Sendable {
        public let category: String
        public let formula: String
        public let x: Double
        /// f in Double as the algorithms see it (rounded to Float for the noisy category).
        public let f: @Sendable (Double) -> Double
        /// The function whose exact derivative is the truth.
        public let function: ExpressionFunction
    }

    /// The categories and their cases: formula and points.
    static let specification: [(category: String, formula: String, points: [Double])] = [
        ("smooth", "sin(x)", [0.5, 2, -3]), ("smooth", "cos(x)", [0.5, 2]), ("smooth", "exp(x)", [1, -2, 5]),
        ("smooth", "log(x)", [0.5, 3, 20]), ("smooth", "sqrt(x)", [0.25, 2, 9]), ("smooth", "atan(x)", [0.3, -2]),
        ("smooth", "tanh(x)", [0.5, -1]), ("smooth", "sigmoid(x)", [0, 2, -4]), ("smooth", "x^3 - 2*x", [1.5, -0.7]),
        ("smooth", "exp(x)/sqrt(sin(x)^3+cos(x)^3)", [1.5, 0.3]), ("smooth", "1/(1+25*x^2)", [0.2, 0.9]),
        ("smooth", "x*exp(-x)", [0.5, 3]), ("smooth", "log(1+x^2)", [0.7]),
        ("large |x|", "log(x)", [1e8, 1e15]), ("large |x|", "exp(x)", [700, -700, 50]), ("large |x|", "sin(x)", [1e8, 1e5]),
        ("large |x|", "sqrt(x)", [1e10, 1e20]), ("large |x|", "atan(x)", [1e6]), ("large |x|", "x^2", [1e100]),
        ("large |x|", "cosh(x)", [300]), ("large |x|", "1/x", [1e12]),
        ("near a singularity", "1/x", [1e-4, -1e-3]), ("near a singularity", "tan(x)", [1.57, 1.5]),
        ("near a singularity", "log(x)", [1e-3, 1e-6, 1e-10]), ("near a singularity", "sqrt(x)", [1e-6, 1e-12]),
        ("near a singularity", "1/(1-x)", [0.999]), ("near a singularity", "log(1-x)", [0.9999]),
        ("near a singularity", "atanh(x)", [0.999]), ("near a singularity", "asin(x)", [0.9999]),
        ("oscillating", "sin(100*x)", [1, 0.3]), ("oscillating", "cos(50*x)", [0.7]), ("oscillating", "sin(x^2)", [10, 30]),
        ("oscillating", "x*sin(1/x)", [0.1, 0.05]), ("oscillating", "sin(1000*x)", [0.2]), ("oscillating", "cos(exp(x))", [4]),
        ("f′ ≈ 0", "tanh(x)", [20, 10]), ("f′ ≈ 0", "sigmoid(x)", [30, -25]), ("f′ ≈ 0", "exp(-x^2)", [5, 8]),
        ("f′ ≈ 0", "cos(x)", [1e-8, 3.1415926]), ("f′ ≈ 0", "x^2", [1e-9]), ("f′ ≈ 0", "1 + x^3", [1e-5]),
        ("f′ = 0", "cos(x)", [0]), ("f′ = 0", "x^2", [0]), ("f′ = 0", "exp(-x^2)", [0]), ("f′ = 0", "x^4 + 1", [0]),
        ("f′ = 0", "sin(x)^2", [0]), ("f′ = 0", "cosh(x)", [0]),
        ("cancellation-prone", "(1-cos(x))/(x*x)", [1e-3, 0.1]), ("cancellation-prone", "exp(x)-1", [1e-5, 1e-10]),
        ("cancellation-prone", "log(1+x)/x", [1e-4]), ("cancellation-prone", "sqrt(x+1)-sqrt(x)", [1e6, 100]),
        ("cancellation-prone", "x - sin(x)", [1e-2]), ("cancellation-prone", "(exp(x)-1-x)/x", [1e-3]),
        ("badly scaled", "sin(x/1000000)", [1e6, 3e6]), ("badly scaled", "exp(x/1000)", [500]),
        ("badly scaled", "1e10*sin(x)", [0.5]), ("badly scaled", "1e-10*exp(x)", [2]), ("badly scaled", "x^3", [1e5]),
        ("badly scaled", "log(x)", [1e-200]), ("badly scaled", "exp(-x/1000000)", [0.01]), ("badly scaled", "1e-200*x^2", [3]),
        ("noisy f (Float)", "sin(x)", [0.5]), ("noisy f (Float)", "cos(x)", [2]), ("noisy f (Float)", "exp(x)", [1]),
        ("noisy f (Float)", "log(x)", [3]), ("noisy f (Float)", "sqrt(x)", [2]), ("noisy f (Float)", "atan(x)", [0.3]),
        ("noisy f (Float)", "tanh(x)", [-1]), ("noisy f (Float)", "sigmoid(x)", [2]), ("noisy f (Float)", "x^3 - 2*x", [1.5]),
        ("noisy f (Float)", "1/(1+25*x^2)", [0.2]),
    ]

    /// Every case, in the order of the specification.
    public static let cases: [Case] = specification.flatMap { entry -> [Case] in
        let function = try! ExpressionFunction(parsing: entry.formula)
        let noisy = entry.category.hasPrefix("noisy")
        let exact: @Sendable (Double) -> Double = { function($0) }
        let rounded: @Sendable (Double) -> Double = { Double(Float(function($0) as Double)) }
        return entry.points.map { x in
            Case(category: entry.category, formula: entry.formula, x: x, f: noisy ? rounded : exact, function: function)
        }
    }

    /// The categories, in order.
    public static var categories: [String] {
        specification.reduce(into: [String]()) { if !$0.contains($1.category) { $0.append($1.category) } }
    }

    /// `count` smooth functions drawn from `seed`: compositions of sin, cos, atan, tanh, the
    /// sigmoid, exp∘sin, √(1+a²), log(2 + sin a), a/(1+a²) and small powers, with sums and
    /// products, at points uniform in [−3, 3] — cases no rule was tuned on.
    public static func randomSmooth(count: Int, seed: UInt64) -> [Case] {
        var random = SplitMix(seed: seed)
        return (0..<count).map { _ in
            let formula = smoothFormula(depth: 3, &random)
            let function = try! ExpressionFunction(parsing: formula)
            let x = ((random.unit() * 6 - 3) * 1000).rounded() / 1000  // three decimals, so it prints exactly
            let f: @Sendable (Double) -> Double = { function($0) }
            return Case(category: "random smooth", formula: formula, x: x, f: f, function: function)
        }
    }

    static func smoothFormula(depth: Int, _ random: inout SplitMix) -> String {
        if depth == 0 || random.unit() < 0.15 {
            let scale = [1, 2, 0.5, 3, 1.5][Int(random.unit() * 5)]
            return scale == 1 ? "x" : "\(scale)*x"
        }
        let a = smoothFormula(depth: depth - 1, &random)
        switch Int(random.unit() * 14) {
        case 0: return "(\(a) + \(smoothFormula(depth: depth - 1, &random)))"
        case 1: return "(\(a) * \(smoothFormula(depth: depth - 1, &random)))"
        case 2: return "(\(a) - \(smoothFormula(depth: depth - 1, &random)))"
        case 3: return "sin(\(a))"
        case 4: return "cos(\(a))"
        case 5: return "atan(\(a))"
        case 6: return "tanh(\(a))"
        case 7: return "sigmoid(\(a))"
        case 8: return "exp(sin(\(a)))"
        case 9: return "sqrt(1 + (\(a))^2)"
        case 10: return "log(2 + sin(\(a)))"
        case 11: return "(\(a))/(1 + (\(a))^2)"
        case 12: return "(\(a))^2"
        default: return "(\(a))^3"
        }
    }
}
