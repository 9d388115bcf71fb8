import ErrSweep

/// The `errsweep` command lines that reproduce a sweep, an estimate and a landscape, for their
/// reports and for the explorer's page: the engine knows no command line, so this is written
/// beside the reports.
public enum ReproducingCommand {
    /// The command that sweeps `spec` over `grid` at `perDecade` again.
    public static func sweep(_ spec: SweepSpec<some CatalogFunction>, grid: StepGrid, perDecade: Int) -> String {
        var words = ["errsweep", "--fn", function(spec.function)]
        words += ["--x", spec.points.map(NumberFormat.compact).joined(separator: ",")]
        if spec.derivative > 1 { words += ["--derivative", "\(spec.derivative)"] }
        words += ["--method", spec.methods == DerivativeMethod.all(derivative: spec.derivative) ? "all" : spec.methods.map(\.rawValue).joined(separator: ",")]
        words += ["--precision", spec.precisions == Precision.available ? "all" : spec.precisions.map(\.rawValue).joined(separator: ",")]
        words += steps(grid, perDecade: perDecade)
        if spec.exactStep { words.append("--exact-step") }
        if spec.truthBits != Truth<Double>.defaultMaximumBits { words.append("--truth-bits \(spec.truthBits)") }
        return line(words)
    }

    /// The command that judges `algorithms` on `function` at `points` in `precisions` again.
    public static func estimate(_ function: some CatalogFunction, points: [Double], algorithms: [DerivativeEstimator], precisions: [Precision]) -> String {
        var words = ["errsweep", "estimate", "--fn", self.function(function), "--x", points.map(NumberFormat.exact).joined(separator: ",")]
        words += ["--algorithm", algorithms == DerivativeEstimator.allCases ? "all" : algorithms.map(\.rawValue).joined(separator: ",")]
        if precisions != [.double] { words += ["--precision", precisions.map(\.rawValue).joined(separator: ",")] }
        return line(words)
    }

    /// The command that draws `method`'s landscape in `precision` over `points` (a range of
    /// `count` points, or a list) and `grid` again.
    public static func landscape(_ function: some CatalogFunction, points: String, count: Int, method: DerivativeMethod, precision: Precision,
                                 grid: StepGrid, perDecade: Int) -> String {
        var words = ["errsweep", "landscape", "--fn", self.function(function), "--x", points]
        if points.contains("...") { words += ["--x-count", "\(count)"] }
        words += ["--method", method.rawValue, "--precision", precision.rawValue]
        return line(words + steps(grid, perDecade: perDecade))
    }

    /// A catalog function by name; an expression as itself, quoted for the shell (its name,
    /// expr-…, is a file name), and the name its files were given, if any.
    static func function(_ function: some CatalogFunction) -> String {
        guard let expression = function.asExpression else { return function.name }
        return "'\(expression.formula)'" + (expression.label.map { " --name \($0)" } ?? "")
    }

    static func steps(_ grid: StepGrid, perDecade: Int) -> [String] {
        switch grid {
        case .logRange(let from, let to): ["--h", "\(NumberFormat.exact(from))...\(NumberFormat.exact(to))", "--per-decade", "\(perDecade)"]
        case .list(let steps): ["--h", steps.map(NumberFormat.exact).joined(separator: ",")]
        }
    }

    /// The words as one line; points that start with a minus sign would read as an option, so
    /// they are attached to `--x` with '='.
    static func line(_ words: [String]) -> String {
        var words = words
        if let i = words.firstIndex(of: "--x"), words[i + 1].hasPrefix("-") {
            words[i] = "--x=\(words[i + 1])"
            words.remove(at: i + 1)
        }
        return words.joined(separator: " ")
    }
}
