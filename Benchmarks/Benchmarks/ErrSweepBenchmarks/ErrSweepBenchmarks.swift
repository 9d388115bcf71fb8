import Benchmark
import ErrSweep
import ErrSweepReports
import Foundation
import TapeFloor

/// errsweep's speed targets (issue 7), each benchmark named with its target or the figure it is
/// compared with, so the table prints the two side by side. Peer figures were measured on this
/// machine (../shared/peers/README.md). Times are per `scalingFactor` unit where one is given.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(2))
    scalarBenchmarks()
    tapeBenchmarks()
    rosenbrockBenchmarks()
    sweepBenchmarks()
    streamingBenchmarks()
    jacobianBenchmarks()
    checkerBenchmarks()
}

// MARK: One variable

/// 1000 points near x = 2, so evaluations are independent (throughput, not one long chain).
let sigmoidPoints = (0..<1000).map { 2 + Double($0) * 1e-4 }

func scalarBenchmarks() {
    // scalingFactor .kilo: a thousand evaluations per sample, the time reported per evaluation.
    let perEvaluation = Benchmark.Configuration(scalingFactor: .kilo)
    Benchmark("sigmoid: primal, ns per evaluation (Swift by hand: 3.7 ns)", configuration: perEvaluation) { benchmark in
        var sum = 0.0
        for i in benchmark.scaledIterations { sum += Sigmoid()(sigmoidPoints[i % 1000]) }
        blackHole(sum)
    }
    Benchmark("sigmoid: forward AD (Dual), ns per derivative (target <= 1.5x primal)", configuration: perEvaluation) { benchmark in
        var sum = 0.0
        for i in benchmark.scaledIterations {
            sum += AutomaticDerivative.forward(of: { Sigmoid()($0) }, at: sigmoidPoints[i % 1000])
        }
        blackHole(sum)
    }
    Benchmark("sigmoid: reverse AD (a reused tape), ns per derivative", configuration: perEvaluation) { benchmark in
        let tape = Tape<Double>()
        var sum = 0.0
        for i in benchmark.scaledIterations {
            sum += tape.derivative(at: sigmoidPoints[i % 1000]) { Sigmoid()($0) }
        }
        blackHole(sum)
    }
    Benchmark("sigmoid: Swift _Differentiation gradient(at:of:), ns per derivative", configuration: perEvaluation) { benchmark in
        var sum = 0.0
        for i in benchmark.scaledIterations { sum += SwiftAD.sigmoidDerivative(sigmoidPoints[i % 1000]) }
        blackHole(sum)
    }
}

// MARK: The tape

func tapeBenchmarks() {
    // scalingFactor .mega: a million multiplications recorded, one backward pass over them, the
    // time reported per operation.
    let tape = Tape<Double>()
    Benchmark("tape: record + backward, ns per operation, 10^6 ops (target <= 4 ns)", configuration: .init(scalingFactor: .mega)) { benchmark in
        blackHole(tape.derivative(at: 1.000_000_1) { w in
            var product = w
            for _ in benchmark.scaledIterations { product = product * w }
            return product
        })
    }
    // The same in cache: 10^4 operations (320 kB of nodes) per gradient, a hundred gradients.
    Benchmark("tape: record + backward, ns per operation, 10^4 ops in cache (target <= 4 ns)", configuration: .init(scalingFactor: .mega)) { benchmark in
        for _ in 0..<benchmark.scaledIterations.count / 10_000 {
            blackHole(tape.derivative(at: 1.000_000_1) { w in
                var product = w
                for _ in 0..<10_000 { product = product * w }
                return product
            })
        }
    }
    // The same two in C with the same node layout (Sources/TapeFloor): the floor of the layout.
    // The chain is serial: each product's adjoint waits for the next one's, and every node adds
    // into w's adjoint, so the backward pass runs at the latency of a store-to-load round trip.
    Benchmark("tape floor, fixed 32-byte nodes in C: ns per operation, 10^6 ops", configuration: .init(scalingFactor: .mega)) { benchmark in
        blackHole(tape_floor_product_chain(benchmark.scaledIterations.count))
    }
    Benchmark("tape floor, fixed 32-byte nodes in C: ns per operation, 10^4 ops in cache", configuration: .init(scalingFactor: .mega)) { benchmark in
        for _ in 0..<benchmark.scaledIterations.count / 10_000 { blackHole(tape_floor_product_chain(10_000)) }
    }
}

// MARK: Rosenbrock, the cost experiment's function

let rosenbrock = CostExperiment(function: Rosenbrock(), sizes: [], budget: 0)
let million = Rosenbrock().point(1_000_000)
let hundredThousand = Rosenbrock().point(100_000)
let thousand = Rosenbrock().point(1000)

func rosenbrockBenchmarks() {
    let ms = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds, maxDuration: .seconds(3))
    // The peers' races in microseconds: whole milliseconds would hide a 3 % difference.
    let fine = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, maxDuration: .seconds(3))
    Benchmark("rosenbrock n=10^6: primal (plain Swift loop: 0.58 ms)", configuration: ms) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(rosenbrock.gradient(.primal, million)) }
    }
    Benchmark("rosenbrock n=10^6: analytic gradient (Swift by hand: 0.92 ms)", configuration: ms) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(rosenbrock.gradient(.analytic, million)) }
    }
    // One tape for every sample, as in a training loop (the first sample grows it). The peers'
    // figures are Rosenbrock's full gradient measured side by side on this machine on 2026-12-05
    // (docs/speed.md), steady state, tape memory reused: CoDiPack 3.1.1 Jacobian taping and
    // Adept 2.1.3 on errsweep's source, and each with one statement per term.
    let tape = Tape<Double>()
    Benchmark("rosenbrock n=10^6: reverse AD gradient, operation tape (CoDiPack RealReverse 28.9 ms, Adept 37.7 ms)", configuration: fine) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(rosenbrock.gradient(.derivative(.reverseAD), million, tape: tape)) }
    }
    Benchmark("rosenbrock n=10^6: reverse AD gradient, statement tape (CoDiPack one statement per term 19.7 ms, Adept one statement per term 18.6 ms)", configuration: fine) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(rosenbrock.gradient(.statementTape, million, tape: tape)) }
    }
    // The earlier fixed layout (8 nodes of 32 B per term) in C: 256 MB written and read back per
    // gradient, against the 110 B per term of the operation tape and 42 of the statement tape.
    var floorGradient = [Double](repeating: 0, count: million.count)
    tape_floor_rosenbrock_gradient(million, million.count, &floorGradient)
    let analytic = rosenbrock.gradient(.analytic, million)
    precondition(zip(floorGradient, analytic).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) }, "the C tape's gradient is wrong")
    Benchmark("rosenbrock n=10^6: fixed 32-byte nodes in C (the earlier layout's floor)", configuration: ms) { benchmark in
        for _ in benchmark.scaledIterations {
            tape_floor_rosenbrock_gradient(million, million.count, &floorGradient)
            blackHole(floorGradient)
        }
    }
    Benchmark("rosenbrock n=10^5: reverse AD gradient (linear: 1/10 of n=10^6)", configuration: ms) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(rosenbrock.gradient(.derivative(.reverseAD), hundredThousand, tape: tape)) }
    }
    Benchmark("rosenbrock n=10^3: reverse AD gradient, operation tape (CoDiPack RealReverse 26.4 us, Adept 35.5 us)", configuration: .init(timeUnits: .nanoseconds)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(rosenbrock.gradient(.derivative(.reverseAD), thousand, tape: tape)) }
    }
    Benchmark("rosenbrock n=10^3: reverse AD gradient, statement tape (CoDiPack one statement per term 18.0 us, Adept one statement per term 16.5 us)", configuration: .init(timeUnits: .nanoseconds)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(rosenbrock.gradient(.statementTape, thousand, tape: tape)) }
    }
    Benchmark("rosenbrock n=10^3: Swift _Differentiation through Array (peer: 2.3 ms)", configuration: ms) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(SwiftAD.rosenbrockGradient(thousand)) }
    }
}

// MARK: The default job's engine

func sweepBenchmarks() {
    let spec = SweepSpec(function: Sigmoid(), steps: try! StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 10))
    let ms = Benchmark.Configuration(metrics: [.wallClock], timeUnits: .milliseconds, maxDuration: .seconds(3))
    Benchmark("default job: sweep + exact split + analysis, 4228 rows (whole process: see make race)", configuration: ms) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(SweepAnalysis(spec: spec, rows: SweepRunner.run(spec))) }
    }
}

// MARK: Memory as the grid grows

/// A forward-difference sweep of the sigmoid at x = 1 over 1e-1...1e-16, streamed into its table
/// and analysis (no charts): its peak memory must not grow with the rows.
func streamingBenchmarks() {
    let memory = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResidentDelta], timeUnits: .milliseconds, maxDuration: .seconds(5), maxIterations: 3)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errsweep-benchmark-\(getpid())")
    for (rows, perDecade) in [("10^4", 667), ("10^5", 6_667)] {
        let grid = try! StepGrid(parsing: "1e-1...1e-16")
        let spec = SweepSpec(function: Sigmoid(), points: [1], methods: [.forward], steps: grid.steps(perDecade: perDecade))
        let job = SweepJob(spec: spec, grid: grid, perDecade: perDecade, root: directory, renderer: nil)
        Benchmark("streamed sweep, \(rows) rows to CSV: peak memory (target: the same at 10^4 and 10^5)", configuration: memory) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try job.run()) }
        }
    }
}
