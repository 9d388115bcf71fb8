import ComplexModule
import Foundation

/// How a gradient of n variables is computed, and so how its cost grows with n: each method of
/// one derivative (`DerivativeMethod`, the same name) applied per component, beside f alone and
/// the hand-written gradient. The cost experiment and the gradient comparison both use it.
public enum GradientMethod: String, CaseIterable, Sendable {
    /// f alone, for scale.
    case primal
    /// The hand-written gradient.
    case analytic
    /// (f(x + hᵢeᵢ) − f(x))/hᵢ: n + 1 evaluations.
    case forward
    /// (f(x) − f(x − hᵢeᵢ))/hᵢ: n + 1 evaluations.
    case backward
    /// (f(x + hᵢeᵢ) − f(x − hᵢeᵢ))/2hᵢ: 2n evaluations.
    case central
    /// The five-point stencil per component: 4n evaluations.
    case central5
    /// Im f(x + ihᵢeᵢ)/hᵢ: n complex evaluations.
    case complex
    /// One pass of dual numbers per input: n passes.
    case forwardAD = "forward-ad"
    /// One recording and one backward pass, whatever n.
    case reverseAD = "reverse-ad"

    /// The method of one derivative applied to each component; nil for f alone and the
    /// hand-written gradient.
    @inlinable
    public var derivativeMethod: DerivativeMethod? { DerivativeMethod(rawValue: rawValue) }

    /// The difference methods: the evaluations of f a gradient takes, n per off-centre sample
    /// and one f(x) shared by every component.
    @inlinable
    func differenceEvaluations(_ n: Int) -> Int? {
        derivativeMethod?.stencil.map { stencil in
            stencil.offsets.contains(0) ? n * (stencil.offsets.count - 1) + 1 : n * stencil.offsets.count
        }
    }

    /// The work, in evaluations of f or passes, for n inputs.
    public func work(_ n: Int) -> String {
        switch self {
        case .primal: "1 evaluation"
        case .analytic: "1 hand-written gradient"
        case .forward, .backward, .central, .central5: "\(differenceEvaluations(n)!) evaluations"
        case .complex: "\(n) complex evaluations"
        case .forwardAD: "\(n) dual passes"
        case .reverseAD: "1 recording + 1 backward pass"
        }
    }

    /// The work as a formula in n.
    public var workFormula: String {
        switch self {
        case .primal: "1 evaluation"
        case .analytic: "1 hand-written gradient"
        case .forward, .backward: "n + 1 evaluations"
        case .central: "2n evaluations"
        case .central5: "4n evaluations"
        case .complex: "n complex evaluations"
        case .forwardAD: "n dual passes"
        case .reverseAD: "1 recording + 1 backward pass"
        }
    }

    /// The evaluations of f (or passes) a gradient takes, for predicting its time: 1 for the
    /// methods whose cost is a small multiple of one evaluation.
    public func evaluations(_ n: Int) -> Double {
        switch self {
        case .primal, .analytic, .reverseAD: 1
        case .forward, .backward, .central, .central5: Double(differenceEvaluations(n)!)
        case .complex, .forwardAD: Double(n)
        }
    }

    /// The exponent theory gives for time against n, for an f costing O(n).
    public var expectedSlope: Int {
        switch self {
        case .primal, .analytic, .reverseAD: 1
        case .forward, .backward, .central, .central5, .complex, .forwardAD: 2
        }
    }
}

/// One timing: a method's full gradient at n inputs.
public struct CostMeasurement: Sendable {
    public var function: String
    public var method: GradientMethod
    public var n: Int
    /// The median time of one gradient.
    public var seconds: Double
    public var repeats: Int
    /// The largest distance, in ulps, of any component from the hand-written gradient (0 for
    /// the primal and the analytic gradient themselves).
    public var maxUlps: Double
}

/// Times every method's gradient as the number of inputs grows — the notes' claim, measured.
///
/// Generic over the function's concrete type: called through an existential, f's generic body
/// would run unspecialised (a witness-table call per arithmetic operation, 100× slower than the
/// loop a user writes), and the experiment would time errsweep's dispatch, not the methods.
/// `MultivariateCatalog.measureCost` picks the concrete type by name.
public struct CostExperiment<Function: MultivariateFunction>: Sendable {
    public var function: Function
    public var sizes: [Int]
    /// A method stops growing n once one run takes longer than this, in seconds.
    public var budget: Double
    public var methods: [GradientMethod]

    @inlinable
    public init(function: Function, sizes: [Int], budget: Double, methods: [GradientMethod] = GradientMethod.allCases) {
        self.function = function
        self.sizes = Array(Set(sizes.map { function.size(near: $0) })).sorted()
        self.budget = budget
        self.methods = methods
    }

    public func run(progress: (GradientMethod, Int) -> Void = { _, _ in }) -> [CostMeasurement] {
        var results: [CostMeasurement] = []
        for method in methods {
            for n in sizes {
                let x = function.point(n)
                // Stop before a run that would take far past the budget — forward differences at
                // n = 10⁶ are 10⁶ evaluations of an O(n) function — judged by the evaluations the
                // method makes times one evaluation's time.
                if method.evaluations(n) > 1 {
                    let evaluation = Self.time { _ = self.gradient(.primal, x) }
                    if evaluation * method.evaluations(n) > 4 * budget { break }
                }
                progress(method, n)
                let analytic = function.gradient(x)
                var gradient: [Double] = []
                let tape = Tape<Double>()
                let first = Self.time { gradient = self.gradient(method, x, tape: tape) }
                // Three runs at least, more up to about a fifth of a second, and the median: runs
                // after the first reuse the tape the first one grew.
                var times = [first]
                while times.count < 3 || (times.count < 15 && times.reduce(0, +) < 0.2), first < budget {
                    times.append(Self.time { gradient = self.gradient(method, x, tape: tape) })
                }
                let ulps = method == .primal || method == .analytic
                    ? 0 : zip(gradient, analytic).map { $0.ulpDistance(to: $1) }.max() ?? .nan
                results.append(CostMeasurement(
                    function: function.name, method: method, n: n, seconds: times.sorted()[times.count / 2],
                    repeats: times.count, maxUlps: ulps))
                if first > budget { break }
            }
        }
        return results
    }

    static func time(_ body: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// The gradient by `method` (for the primal, f(x) alone). Reverse AD records on `tape`,
    /// reset first, as a training loop reuses one tape for every step; without one it records
    /// on a new tape.
    @inlinable
    public func gradient(_ method: GradientMethod, _ x: [Double], tape: Tape<Double>? = nil) -> [Double] {
        let f = function, n = x.count
        switch method {
        case .primal:
            return [f(x)]
        case .analytic:
            return f.gradient(x)
        case .forward, .backward, .central, .central5:
            // The textbook step ε^(1/(p+1))·max(1, |xᵢ|) for a stencil of order p, where its
            // truncation hᵖ meets its rounding ε/h: √ε forward and backward, ε^(1/3) central
            // (Nocedal & Wright, Numerical Optimization, 2nd ed., §8.1), ε^(1/5) five-point.
            let stencil = method.derivativeMethod!.stencil!
            let scale = Foundation.pow(Double.ulpOfOne, 1 / Double(stencil.order + 1))
            var point = x
            let f0 = stencil.offsets.contains(0) ? f(x) : 0
            return (0..<n).map { i in
                let h = scale * max(1, abs(x[i]))
                var sum = 0.0
                for (offset, weight) in zip(stencil.offsets, stencil.weights) {
                    point[i] = x[i] + Double(offset) * h
                    sum += Double(weight) * (offset == 0 ? f0 : f(point))
                }
                point[i] = x[i]
                return sum / (Double(stencil.denominator) * h)
            }
        case .complex:
            var point = x.map { ComponentwiseComplex($0) }
            let h = 1e-20
            return (0..<n).map { i in
                point[i] = ComponentwiseComplex(x[i], h)
                let value = f(point)
                point[i] = ComponentwiseComplex(x[i])
                return value.imaginary / h
            }
        case .forwardAD:
            var point = x.map { Dual($0) }
            return (0..<n).map { i in
                point[i] = Dual(x[i], tangent: 1)
                let value = f(point)
                point[i] = Dual(x[i])
                return value.tangent
            }
        case .reverseAD:
            return (tape ?? Tape<Double>()).gradient(at: x) { f($0) }
        }
    }

}

/// The fitted growth of a method's time with n.
public enum CostSlope {
    /// The least-squares slope of log time on log n for a method: 1 means linear in n.
    @inlinable
    public static func slope(_ results: [CostMeasurement], _ method: GradientMethod) -> Double? {
        let points = results.filter { $0.method == method && $0.seconds > 0 }
        return OrderFit.slope(points.map { (Double($0.n), $0.seconds) })
    }
}
