import Benchmark
import ErrSweep

/// Issue 28's target for fast mode: the one wrong component of a gradient at n = 10⁵ found in at
/// most 1 % of the full check's time. The full check proves n components, one forward pass of
/// Dual<Ball> each; its time is n times that of one component, measured here on one (running all
/// 10⁵ would take hours), and fast mode's, which finds and names the component by bisection, is
/// measured whole.
func checkerBenchmarks() {
    let n = 100_000
    let x = Rosenbrock().point(n)
    let exact = Rosenbrock().gradient(x)
    var wrong = exact
    wrong[61_803] *= 1 + 1e-6
    let milliseconds = Benchmark.Configuration(timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 5)
    Benchmark("checker n=\(n): fast mode finds and names 1 wrong component (target: ≤ 1% of the full check = n × one component)", configuration: milliseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(checkGradientFast(of: Rosenbrock(), gradient: { _ in wrong }, at: x))
        }
    }
    Benchmark("checker n=\(n): the full check's cost of one component (× n for the whole)", configuration: milliseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Truth<Double>.proved { bits in
                BigFloat.withLiteralPrecision(bits) {
                    Rosenbrock()(x.indices.map { j in Dual(Ball(x[j].exact, precision: bits), tangent: j == 61_803 ? 1 : 0) }).tangent
                }
            })
        }
    }
}
