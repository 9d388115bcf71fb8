import ComplexModule
import Foundation

/// One timing: a method's full gradient at n inputs.
public struct CostMeasurement: Sendable {
    public var function: String
    public var method: GradientMethod
    public var n: Int
    /// The median time of one gradient, in the steady state: warm-up runs discarded.
    public var seconds: Double
    /// The fastest and slowest of the timed runs, the spread beside the median.
    public var minimum: Double
    public var maximum: Double
    /// The timed runs (warm-up runs not counted).
    public var repeats: Int
    /// The largest distance, in ulps, of any component from the hand-written gradient (0 for
    /// the primal and the analytic gradient themselves) — for the Hessian's methods the largest
    /// error from the hand-written Hv in ulps of its largest component, or where f has none from
    /// forward-over-reverse's (NaN for that one).
    public var maxUlps: Double
    /// The bytes of one recording, for reverse AD: per term of f, the story of its time.
    public var tapeBytes: Int?
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

    /// An experiment on `function` at the sizes it can take nearest `sizes`, each method stopping
    /// once a gradient takes longer than `budget` seconds.
    @inlinable
    public init(function: Function, sizes: [Int], budget: Double, methods: [GradientMethod] = GradientMethod.firstOrderCases) {
        self.function = function
        self.sizes = Array(Set(sizes.map { function.size(near: $0) })).sorted()
        self.budget = budget
        self.methods = methods
    }

    /// Times every method at every size, in order, calling `progress` before each; the gradients
    /// are checked against the hand-written one as they are timed.
    public func run(progress: (GradientMethod, Int) -> Void = { _, _ in }) -> [CostMeasurement] {
        var results: [CostMeasurement] = []
        for method in methods {
            let rule = method.derivativeMethod?.gradientRule
            for n in sizes {
                let x = function.point(n)
                // Stop before a run that would take far past the budget — forward differences at
                // n = 10⁶ are 10⁶ evaluations of an O(n) function — judged by the evaluations the
                // method makes times one evaluation's time.
                if method.evaluations(n) > 1 {
                    let evaluation = Self.time { _ = self.gradient(.primal, x) }
                    if evaluation * method.evaluations(n) > 4 * budget { break }
                }
                if !method.runs(on: function) { break }
                progress(method, n)
                // What the method is checked against: the hand-written gradient, or for the
                // Hessian's methods the hand-written Hv — forward-over-reverse's where f has none.
                let written = method.derivativeOrder == 2 ? function.hessianVector(x, function.direction(n)) : nil
                let analytic = method.derivativeOrder == 2
                    ? written ?? self.gradient(.hessianVector(.forwardOverReverse), x)
                    : function.gradient(x)
                // Nothing to check: f alone, the hand-written gradient, and forward-over-reverse
                // where it is its own reference.
                let unchecked = method.isReference || (written == nil && method == .hessianVector(.forwardOverReverse))
                var gradient: [Double] = []
                let tape = Tape<Double>(), dualTape = Tape<Dual<Double>>()
                // The steady state, as a training loop runs: the first run grows the tape and
                // faults in its pages, the second reuses them; both are warm-up, not timed. Then
                // five runs at least, more up to about a fifth of a second, and their median.
                // A first run past the budget is the only one, and stands for the method there.
                let first = Self.time { gradient = self.gradient(method, rule: rule, x, tape: tape, dualTape: dualTape) }
                var times = [first]
                if first < budget {
                    _ = Self.time { gradient = self.gradient(method, rule: rule, x, tape: tape, dualTape: dualTape) }
                    times = []
                    while times.count < 5 || (times.count < 15 && times.reduce(0, +) < 0.2) {
                        times.append(Self.time { gradient = self.gradient(method, rule: rule, x, tape: tape, dualTape: dualTape) })
                    }
                }
                // Gradients component by component; Hv normwise, in ulps of its largest component,
                // since Hv can have exact zeros (σ″(0) = 0) that no difference hits exactly.
                let ulps: Double = if unchecked {
                    method.derivativeOrder == 2 ? .nan : 0
                } else if method.derivativeOrder == 2 {
                    (zip(gradient, analytic).map { abs($0 - $1) }.max() ?? .nan) / (analytic.map(abs).max() ?? .nan).ulp
                } else {
                    zip(gradient, analytic).map { $0.ulpDistance(to: $1) }.max() ?? .nan
                }
                times.sort()
                let recorded = rule == .tape || method == .statementTape
                results.append(CostMeasurement(
                    function: function.name, method: method, n: n, seconds: times[times.count / 2],
                    minimum: times[0], maximum: times[times.count - 1], repeats: times.count, maxUlps: ulps,
                    tapeBytes: recorded ? tape.bytes : nil))
                if first > budget { break }
            }
        }
        return results
    }

    static func time(_ body: () -> Void) -> Double { Stopwatch.seconds(body) }

    /// The gradient by `method` (for the primal, f(x) alone). Reverse AD records on `tape`,
    /// reset first, as a training loop reuses one tape for every step; without one it records
    /// on a new tape.
    @inlinable
    public func gradient(_ method: GradientMethod, _ x: [Double], tape: Tape<Double>? = nil, dualTape: Tape<Dual<Double>>? = nil) -> [Double] {
        gradient(method, rule: nil, x, tape: tape, dualTape: dualTape)
    }

    /// The gradient by `method`, a method of one derivative by `rule` where it is given: `run`
    /// asks the method for its rule once, not inside the timed runs.
    @inlinable
    func gradient(_ method: GradientMethod, rule: GradientRule?, _ x: [Double], tape: Tape<Double>? = nil, dualTape: Tape<Dual<Double>>? = nil) -> [Double] {
        let f = function, n = x.count
        switch method {
        case .primal:
            return [f(x)]
        case .analytic:
            return f.gradient(x)
        case .derivative(let derivative):
            return (rule ?? derivative.gradientRule).gradient(of: f, at: x, tape: tape)
        case .statementTape:
            return (tape ?? Tape<Double>()).gradient(at: x) { f.statements($0) ?? f($0) }
        case .blackBox:
            return estimateGradient(of: { f($0) }, at: x).map(\.value)
        case .hessianVector(let method):
            return hessianVector(method, x, f.direction(n), tape: tape, dualTape: dualTape)
        case .hessian:
            // Column j is He_j by forward-over-reverse; H·v is accumulated column by column, so
            // the whole Hessian is computed without an n × n matrix in memory.
            var hv = [Double](repeating: 0, count: n)
            let v = f.direction(n)
            var unit = [Double](repeating: 0, count: n)
            let dualTape = dualTape ?? Tape<Dual<Double>>()
            for j in 0..<n {
                unit[j] = 1
                let column = hessianVector(.forwardOverReverse, x, unit, dualTape: dualTape)
                unit[j] = 0
                for i in 0..<n { hv[i] += column[i] * v[j] }
            }
            return hv
        }
    }

    /// Hv by `method`, without forming H; reverse AD records on the tapes given (reset first, as
    /// a loop reuses them) or on new ones.
    @inlinable
    public func hessianVector(
        _ method: HessianVectorMethod, _ x: [Double], _ v: [Double], tape: Tape<Double>? = nil, dualTape: Tape<Dual<Double>>? = nil
    ) -> [Double] {
        let f = function, n = x.count
        switch method {
        case .forwardOverReverse:
            let seeded = (0..<n).map { Dual(x[$0], tangent: v[$0]) }
            return (dualTape ?? Tape<Dual<Double>>()).gradient(at: seeded) { f($0) }.map(\.tangent)
        case .gradientDifferences:
            let scale = max(1, x.map(abs).max() ?? 0) / max(v.map(abs).max() ?? 1, .leastNormalMagnitude)
            let h = Foundation.cbrt(Double.ulpOfOne) * scale
            let up = zip(x, v).map { $0 + h * $1 }, down = zip(x, v).map { $0 - h * $1 }
            let tape = tape ?? Tape<Double>()
            let gUp = tape.gradient(at: up) { f($0) }, gDown = tape.gradient(at: down) { f($0) }
            return (0..<n).map { (gUp[$0] - gDown[$0]) / (2 * h) }
        case .hyperDual:
            var point = zip(x, v).map { Dual(Dual($0), tangent: Dual($1)) }
            return (0..<n).map { i in
                point[i] = Dual(Dual(x[i], tangent: 1), tangent: Dual(v[i]))
                let value = f(point)
                point[i] = Dual(Dual(x[i]), tangent: Dual(v[i]))
                return value.tangent.tangent
            }
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
