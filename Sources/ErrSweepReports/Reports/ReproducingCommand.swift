import ErrSweep

/// The `errsweep` command line that reproduces a sweep, for its report and for the explorer's
/// page: the engine knows no command line, so this is written beside the reports.
public enum ReproducingCommand {
    /// The command that sweeps `spec` over `grid` at `perDecade` again.
    public static func sweep(_ spec: SweepSpec<some CatalogFunction>, grid: StepGrid, perDecade: Int) -> String {
        // An expression is given as itself, quoted for the shell: its name (expr-…) is a file name.
        let function = spec.function.asExpression.map { "'\($0.formula)'" } ?? spec.function.name
        var words = ["errsweep", "--fn", function]
        words += ["--x", spec.points.map(NumberFormat.compact).joined(separator: ",")]
        if spec.derivative > 1 { words += ["--derivative", "\(spec.derivative)"] }
        words += ["--method", spec.methods == DerivativeMethod.all(derivative: spec.derivative) ? "all" : spec.methods.map(\.rawValue).joined(separator: ",")]
        words += ["--precision", spec.precisions == Precision.available ? "all" : spec.precisions.map(\.rawValue).joined(separator: ",")]
        switch grid {
        case .logRange(let from, let to): words += ["--h", "\(NumberFormat.exact(from))...\(NumberFormat.exact(to))", "--per-decade", "\(perDecade)"]
        case .list(let steps): words += ["--h", steps.map(NumberFormat.exact).joined(separator: ",")]
        }
        if spec.exactStep { words.append("--exact-step") }
        if spec.truthBits != Truth<Double>.defaultMaximumBits { words.append("--truth-bits \(spec.truthBits)") }
        // A negative first point would read as an option: attach it with '='.
        if let i = words.firstIndex(of: "--x"), words[i + 1].hasPrefix("-") {
            words[i] = "--x=\(words[i + 1])"
            words.remove(at: i + 1)
        }
        return words.joined(separator: " ")
    }
}
