import ErrSweep
import Foundation

/// One measured case run `repeats` times, for `scripts/instruction-counts.sh`: under callgrind,
/// the instructions of r + 1 runs minus those of 1 are r gradients' worth, free of setup and of
/// the machine's load; plainly, the median wall time of the repeats, in µs.
///
///     InstructionCounts CASE N REPEATS [--time]
///
/// CASE: primal, statement-tape, operation-tape (Rosenbrock's whole gradient, tape reused).
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 3, let n = Int(arguments[arguments.startIndex + 1]), let repeats = Int(arguments[arguments.startIndex + 2]) else {
    FileHandle.standardError.write(Data("usage: InstructionCounts primal|statement-tape|operation-tape N REPEATS [--time]\n".utf8))
    exit(64)
}
let method: GradientMethod
switch arguments[arguments.startIndex] {
case "primal": method = .primal
case "statement-tape": method = .statementTape
case "operation-tape": method = .derivative(.reverseAD)
default:
    FileHandle.standardError.write(Data("unknown case '\(arguments[arguments.startIndex])'; valid: primal, statement-tape, operation-tape\n".utf8))
    exit(64)
}
let experiment = CostExperiment(function: Rosenbrock(), sizes: [], budget: 0)
let x = Rosenbrock().point(n), tape = Tape<Double>()
// The first gradient grows the tape; it is the "1" that the counts subtract.
var sink = experiment.gradient(method, x, tape: tape)[0]
var times: [Double] = []
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    sink += experiment.gradient(method, x, tape: tape)[0]
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
if arguments.contains("--time"), !times.isEmpty {
    // The median, in microseconds.
    print(String(format: "%.2f", times.sorted()[times.count / 2] * 1e6))
}
if sink.isNaN { print("nan") }
