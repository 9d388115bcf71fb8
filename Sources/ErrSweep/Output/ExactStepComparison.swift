import Foundation

/// What `--exact-step` changed: per point and difference method, the error at the bottom of the
/// V and the predicted best step, with plain steps h and with representable steps h′ = (x+h) − x.
public enum ExactStepComparison {
    /// Sweeps `spec`'s difference stencils again with plain steps h, and sets that beside
    /// `exact`, the analysis of `spec` swept with h′.
    public static func render(_ spec: SweepSpec<some CatalogFunction>, exact: SweepAnalysis) -> String {
        var plain = spec
        plain.exactStep = false
        plain.methods = spec.methods.filter { $0.stencil != nil }
        return render(plain: SweepAnalysis(measuring: plain), exact: exact)
    }

    /// The two analyses, plain h and exact h′, side by side.
    public static func render(plain: SweepAnalysis, exact: SweepAnalysis) -> String {
        var text = "\nWhat h′ = (x+h) − x changed (error at the bottom of the V, and the model's h*):\n"
        text += "  " + SummaryText.pad("precision", 10) + SummaryText.pad("x", 8) + SummaryText.pad("method", 10)
            + SummaryText.pad("plain", 10) + SummaryText.pad("exact h′", 10) + SummaryText.pad("ratio", 8)
            + SummaryText.pad("h* plain", 10) + "h* exact\n"
        for entry in exact.entries where entry.method.stencil != nil {
            guard let before = plain.entries.first(where: {
                $0.precision == entry.precision && $0.x == entry.x && $0.method == entry.method
            }) else { continue }
            let a = before.bottomOfTheV?.error, b = entry.bottomOfTheV?.error
            text += "  " + SummaryText.pad(entry.precision.rawValue, 10) + SummaryText.pad(NumberFormat.exact(entry.x), 8)
                + SummaryText.pad(entry.method.rawValue, 10)
                + SummaryText.pad(a.map { NumberFormat.scientific($0) } ?? "—", 10) + SummaryText.pad(b.map { NumberFormat.scientific($0) } ?? "—", 10)
                + SummaryText.pad(a.flatMap { a in b.map { NumberFormat.fixed($0 / a) } } ?? "—", 8)
                + SummaryText.pad(before.model?.optimalStep.map { NumberFormat.scientific($0) } ?? "—", 10)
                + (entry.model?.optimalStep.map { NumberFormat.scientific($0) } ?? "—") + "\n"
        }
        return text
    }
}
