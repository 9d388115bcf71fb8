import Benchmark
import ErrSweep

/// Issue 26's targets for Jacobians: vector forward mode against scalar forward mode at n ≥ 64
/// (target ≥ 2×), reverse mode's whole Jacobian against k gradients plus a recording, and the
/// banded Jacobian by colouring linear in n (three passes whatever n).
func jacobianBenchmarks() {
    let microseconds = Benchmark.Configuration(timeUnits: .microseconds)
    for (n, k) in [(64, 8), (256, 4)] {
        let layer = DenseLayer(inputs: n, outputs: k), x = layer.defaultPoint
        let evaluator = JacobianEvaluator(layer)
        Benchmark("dense layer \(n)x\(k): forward AD, \(n) dual passes", configuration: microseconds) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(evaluator.jacobian(.forwardAD, at: x)) }
        }
        Benchmark("dense layer \(n)x\(k): vector forward AD, \(n / 8) passes of 8 tangents (target: half the time of scalar)", configuration: microseconds) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(evaluator.jacobian(.vectorForwardAD, at: x)) }
        }
        let tape = Tape<Double>()
        Benchmark("dense layer \(n)x\(k): reverse AD, 1 recording + \(k) sweeps (target: at most \(k) gradients + a recording)", configuration: microseconds) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(evaluator.jacobian(.reverseAD, at: x, tape: tape)) }
        }
        Benchmark("dense layer \(n)x\(k): one gradient, 1 recording + 1 sweep", configuration: microseconds) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(tape.vectorJacobianProducts(at: x, [[1] + Array(repeating: 0, count: k - 1)]) { layer($0) }) }
        }
        Benchmark("dense layer \(n)x\(k): the recording alone", configuration: microseconds) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(tape.vectorJacobianProducts(at: x, []) { layer($0) }) }
        }
    }
    for n in [10_000, 100_000, 1_000_000] {
        let broyden = BroydenTridiagonal(size: n), x = broyden.defaultPoint
        let pattern = SparsityPattern.detect(broyden, at: x), evaluator = JacobianEvaluator(broyden)
        let tape = Tape<Double>()
        Benchmark("broyden n=\(n): sparse forward AD, 3 coloured passes (target: linear in n)", configuration: microseconds) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(evaluator.jacobian(.sparseForwardAD, at: x, pattern: pattern)) }
        }
        Benchmark("broyden n=\(n): sparse reverse AD, 1 recording + 3 coloured sweeps (target: linear in n)", configuration: microseconds) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(evaluator.jacobian(.sparseReverseAD, at: x, pattern: pattern, tape: tape)) }
        }
    }
}
