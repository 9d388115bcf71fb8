import Foundation

/// What a run may hold in memory, and the predictions large runs are checked against before they
/// start: refusing at once with the figure beats being killed by the system half way.
public enum MemoryBudget {
    /// Half the machine's physical memory: room for the rest of the system, and for the
    /// allocator's slack on top of a prediction.
    public static var allowance: Double { Double(ProcessInfo.processInfo.physicalMemory) / 2 }

    /// Nil if `bytes` fit the allowance, else a sentence with both figures.
    public static func problem(_ bytes: Double, for what: String) -> String? {
        guard bytes > allowance else { return nil }
        return "\(what) needs about \(format(bytes)) of memory, more than the \(format(allowance)) errsweep allows itself on this machine (half of it)"
    }

    /// A landscape keeps every row (its heat map needs them all): the row itself, its heat-map
    /// cell and its share of the arrays that sort and group them.
    public static func landscape(points: Int, steps: Int) -> Double {
        Double(points) * Double(steps) * Double(MemoryLayout<DerivativeMeasurement>.stride + 48)
    }

    static func format(_ bytes: Double) -> String {
        let gigabyte = 1_073_741_824.0
        return bytes >= gigabyte ? String(format: "%.1f GB", bytes / gigabyte) : String(format: "%.0f MB", bytes / 1_048_576)
    }
}

extension MultivariateCatalog {
    /// The memory the cost experiment needs at n for the function named `name`: its reverse-AD
    /// tape — bytes per input measured on a recording at n = 256, times n, twice over for the
    /// buffer's doubling — and a dozen arrays of n numbers (points, gradients, duals, complex).
    public static func predictedBytes(of name: String, n: Int) -> Double? {
        func predict<F: MultivariateFunction>(_ function: F) -> Double {
            let small = 256
            let tape = Tape<Double>()
            _ = CostExperiment(function: function, sizes: [], budget: 0).gradient(.derivative(.reverseAD), function.point(small), tape: tape)
            let bytesPerInput = Double(tape.bytes) / Double(small)
            return bytesPerInput * Double(n) * 2 + Double(n) * 16 * 12
        }
        return switch name {
        case Rosenbrock().name: predict(Rosenbrock())
        case SigmoidSum().name: predict(SigmoidSum())
        case TwoLayerNetwork().name: predict(TwoLayerNetwork())
        default: nil
        }
    }
}
