import Foundation

/// One timing of a whole Jacobian: a method at n inputs and k outputs.
public struct JacobianCostMeasurement: Sendable, Equatable {
    public var method: JacobianMethod
    public var n: Int
    public var k: Int
    /// The median time of one whole Jacobian in the steady state (`Stopwatch.median`).
    public var seconds: Double
    public var minimum: Double
    public var maximum: Double
    public var runs: Int
    /// Evaluations of f (passes, recordings) and backward sweeps, as counted by the method.
    public var evaluations: Int
    public var sweeps: Int
}

/// The prices of the crossover model, measured on the dense layer: a tangent pass (one dual
/// evaluation of f), a recording, and one backward sweep, each as a fixed cost (allocating the
/// point and the outputs, clearing the adjoints) plus a cost per weight of W.
public struct JacobianCostModel: Sendable, Equatable {
    /// A price a + b·nk: `fixed` seconds, and `perWeight` seconds per weight.
    public struct Price: Sendable, Equatable {
        public var fixed: Double
        public var perWeight: Double

        /// The price of one operation on a layer of n·k weights.
        public func at(weights: Int) -> Double { fixed + perWeight * Double(weights) }
    }

    public var tangentPass: Price
    public var recording: Price
    public var sweep: Price
    /// The two shapes (n = k) the prices were measured at.
    public var sizes: (small: Int, large: Int)

    public static func == (a: Self, b: Self) -> Bool {
        a.tangentPass == b.tangentPass && a.recording == b.recording && a.sweep == b.sweep && a.sizes == b.sizes
    }

    /// Forward mode's predicted time: n passes over the n·k weights.
    public func forward(n: Int, k: Int) -> Double { Double(n) * tangentPass.at(weights: n * k) }
    /// Reverse mode's predicted time: one recording and k sweeps over the n·k weights.
    public func reverse(n: Int, k: Int) -> Double { recording.at(weights: n * k) + Double(k) * sweep.at(weights: n * k) }

    /// The n at which the two predictions meet for k outputs — forward mode is predicted to win
    /// below it — found by bisection in log n over 1 … 10⁷ (forward's time grows as n², reverse's
    /// as n, so they cross once); nil if they do not cross there.
    public func breakEven(k: Int) -> Double? {
        func gap(_ n: Double) -> Double {
            let weights = n * Double(k)
            return n * (tangentPass.fixed + tangentPass.perWeight * weights)
                - (recording.fixed + recording.perWeight * weights + Double(k) * (sweep.fixed + sweep.perWeight * weights))
        }
        var low = 0.0, high = 7.0
        guard gap(1) < 0, gap(1e7) > 0 else { return nil }
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if gap(Foundation.pow(10, middle)) < 0 { low = middle } else { high = middle }
        }
        return Foundation.pow(10, (low + high) / 2)
    }
}

/// Where forward mode beats reverse mode for the whole Jacobian, measured: the dense layer
/// tanh(Wx + b) over a grid of (n, k) by forward AD (scalar and vector mode), reverse AD and the
/// central difference, and the model that prices n tangent passes against one recording and k
/// sweeps. The notes' claim — forward for tall, reverse for wide — with this machine's numbers.
public struct JacobianCostExperiment: Sendable {
    public var inputs: [Int]
    public var outputs: [Int]
    public var methods: [JacobianMethod]
    /// A method stops growing n (for a k) once one Jacobian takes longer than this, in seconds.
    public var budget: Double

    /// The methods timed by default: the two modes, vector mode, and differences for scale.
    public static let defaultMethods: [JacobianMethod] = [.forwardAD, .vectorForwardAD, .reverseAD, .central]

    /// The experiment over every (n, k) of `inputs` × `outputs`, each method stopping for a k once
    /// one Jacobian takes longer than `budget` seconds.
    public init(inputs: [Int], outputs: [Int], methods: [JacobianMethod] = defaultMethods, budget: Double) {
        self.inputs = Array(Set(inputs)).sorted()
        self.outputs = Array(Set(outputs)).sorted()
        self.methods = methods
        self.budget = budget
    }

    /// Times every method at every (n, k), calling `progress` before each.
    public func run(progress: (JacobianMethod, Int, Int) -> Void = { _, _, _ in }) -> [JacobianCostMeasurement] {
        var results: [JacobianCostMeasurement] = []
        for k in outputs {
            for method in methods {
                for n in inputs {
                    progress(method, n, k)
                    let f = DenseLayer(inputs: n, outputs: k)
                    let evaluator = JacobianEvaluator(f), x = f.defaultPoint, tape = Tape<Double>()
                    var last: JacobianEstimate?
                    let time = Stopwatch.median(minimumRuns: 5, maximumRuns: 15, budget: 0.1) {
                        last = evaluator.jacobian(method, at: x, tape: tape)
                    }
                    let estimate = last!
                    results.append(JacobianCostMeasurement(
                        method: method, n: n, k: k, seconds: time.median, minimum: time.minimum, maximum: time.maximum,
                        runs: time.runs, evaluations: estimate.evaluations, sweeps: estimate.sweeps))
                    if time.median > budget { break }
                }
            }
        }
        return results
    }

    /// The model's prices, each measured at n = k = `small` and at n = k = `large` and solved for
    /// its fixed part and its part per weight: one dual pass, one recording (f on the tape, no
    /// sweep), and a sweep — the k sweeps of a whole reverse Jacobian less its recording, over k.
    public static func model(small: Int = 8, large: Int = 128) -> JacobianCostModel {
        var sink = 0.0
        func prices(_ size: Int) -> (pass: Double, recording: Double, sweep: Double) {
            let f = DenseLayer(inputs: size, outputs: size), x = f.defaultPoint, tape = Tape<Double>()
            let seeded = x.enumerated().map { Dual($1, tangent: $0 == 0 ? 1 : 0) }
            let pass = Stopwatch.median(minimumRuns: 9, maximumRuns: 101, budget: 0.2) { sink += f(seeded)[0].tangent }.median
            let recording = Stopwatch.median(minimumRuns: 9, maximumRuns: 101, budget: 0.2) {
                sink += Double(tape.vectorJacobianProducts(at: x, []) { f($0) }.count)
            }.median
            let jacobian = Stopwatch.median(minimumRuns: 9, maximumRuns: 101, budget: 0.2) {
                sink += tape.jacobian(at: x) { f($0) }[0][0]
            }.median
            return (pass, recording, max(jacobian - recording, 0) / Double(size))
        }
        let a = prices(small), b = prices(large)
        precondition(sink.isFinite)
        let wa = small * small, wb = large * large
        func price(_ ta: Double, _ tb: Double) -> JacobianCostModel.Price {
            let perWeight = max((tb - ta) / Double(wb - wa), 0)
            return .init(fixed: max(ta - perWeight * Double(wa), 0), perWeight: perWeight)
        }
        return JacobianCostModel(tangentPass: price(a.pass, b.pass), recording: price(a.recording, b.recording),
                                 sweep: price(a.sweep, b.sweep), sizes: (small, large))
    }

    /// The measured break-even n for each k: where forward AD's time over reverse AD's crosses 1,
    /// interpolated in log n between the grid's sizes; nil where one mode wins over the whole
    /// range of n.
    public static func breakEven(_ results: [JacobianCostMeasurement], forward: JacobianMethod = .forwardAD) -> [(k: Int, n: Double?)] {
        let ks = Array(Set(results.map(\.k))).sorted()
        return ks.map { k in
            let ratios = ratios(results, k: k, forward: forward)
            for (a, b) in zip(ratios, ratios.dropFirst()) where (a.ratio - 1) * (b.ratio - 1) <= 0 && a.ratio != b.ratio {
                // Linear in log ratio against log n.
                let la = log(a.ratio), lb = log(b.ratio)
                let t = la / (la - lb)
                return (k, exp(log(Double(a.n)) + t * (log(Double(b.n)) - log(Double(a.n)))))
            }
            return (k, nil)
        }
    }

    /// time(forward)/time(reverse) at each n measured for both, for k outputs.
    public static func ratios(_ results: [JacobianCostMeasurement], k: Int, forward: JacobianMethod = .forwardAD) -> [(n: Int, ratio: Double)] {
        let reverse = Dictionary(results.filter { $0.k == k && $0.method == .reverseAD }.map { ($0.n, $0.seconds) }, uniquingKeysWith: min)
        return results.filter { $0.k == k && $0.method == forward }.sorted { $0.n < $1.n }.compactMap { row in
            reverse[row.n].map { (row.n, row.seconds / $0) }
        }
    }
}
