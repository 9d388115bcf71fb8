import ErrSweep
import Foundation

/// Rosenbrock's gradient on the statement tape two ways, for `scripts/check-consumer.sh`: as
/// errsweep computes it in its own module (`CostExperiment`, what `errsweep cost` times), and as a
/// package that depends on errsweep writes it, one `Tracked.statement` per term in this module.
/// Both should compile to the same loop; if something on the path stops being inlinable, the
/// second falls back to unspecialised generic calls and is slower.
///
///     consumer-speed library|consumer N REPEATS [--time]
///
/// Under callgrind, the instructions of R + 1 gradients less those of 1 are R gradients' worth;
/// with `--time`, the median wall time of the R gradients in µs.
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3, ["library", "consumer"].contains(arguments[0]),
      let n = Int(arguments[1]), n >= 2, let repeats = Int(arguments[2]), repeats >= 0 else {
    FileHandle.standardError.write(Data("usage: consumer-speed library|consumer N REPEATS [--time] (N ≥ 2, REPEATS ≥ 0)\n".utf8))
    exit(64)
}

/// Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², a node per term with its partials −400xᵢa − 2b and 200a
/// (a = xᵢ₊₁ − xᵢ², b = 1 − xᵢ), and one per addition to the sum.
func rosenbrockStatements(_ x: [Tracked<Double>]) -> Tracked<Double> {
    var sum: Tracked<Double> = 0
    for i in 0..<(x.count - 1) {
        let xi = x[i].value, a = x[i + 1].value - xi * xi, b = 1 - xi
        sum = sum + Tracked.statement(100 * (a * a) + b * b, (x[i], -400 * xi * a - 2 * b), (x[i + 1], 200 * a))
    }
    return sum
}

let x = Rosenbrock().point(n), tape = Tape<Double>()
let experiment = CostExperiment(function: Rosenbrock(), sizes: [], budget: 0)
let gradient: () -> [Double] = arguments[0] == "library"
    ? { experiment.gradient(.statementTape, x, tape: tape) }
    : { tape.gradient(at: x, of: rosenbrockStatements) }

// The first gradient grows the tape: the "1" that the counts subtract. Both ways must agree with
// the gradient written by hand, or the comparison would be between different work.
var sink = gradient()[0]
guard gradient() == Rosenbrock().gradient(x) else {
    FileHandle.standardError.write(Data("consumer-speed: the \(arguments[0]) gradient differs from Rosenbrock's by hand\n".utf8))
    exit(1)
}
var times: [Double] = []
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    sink += gradient()[0]
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
}
if arguments.contains("--time"), !times.isEmpty {
    print(String(format: "%.2f", times.sorted()[times.count / 2]))
}
if sink.isNaN { print("nan") }
