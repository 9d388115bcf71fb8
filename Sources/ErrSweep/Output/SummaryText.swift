import Foundation

/// The table a sweep prints: per point and method, the observed best step and its error beside
/// the model's predicted best step and error, and the fitted orders beside theory.
public enum SummaryText {
    /// The table for stdout: per precision and point, each method's best step and error beside the
    /// model's.
    public static func render(_ spec: SweepSpec<some CatalogFunction>, _ analysis: SweepAnalysis) -> String {
        let steps = spec.steps
        var text = "\(spec.function.symbol)(x) = \(spec.function.formula),  \(spec.function.derivativeLine(order: spec.derivative))\n"
        if let first = steps.first, let last = steps.last {
            text += "\(steps.count) steps from \(NumberFormat.scientific(first)) to \(NumberFormat.scientific(last))"
            text += spec.exactStep ? " (stencils use h′ = (x+h) − x)" : ""
            text += "; errors against the proved truth\n"
        }
        for precision in spec.precisions {
            text += "\n\(precision.rawValue) (ε = \(NumberFormat.scientific(precision.epsilon)))\n"
            for x in analysis.points {
                let entries = analysis.entries(precision: precision, x: x)
                guard !entries.isEmpty else { continue }
                text += "x = \(NumberFormat.exact(x))\n"
                text += "  " + pad("method", 13) + pad("best h", 10) + pad("abs error", 10) + pad("ulps", 9)
                    + pad("model h*", 10) + pad("model E*", 10) + pad("order fit/theory", 18) + pad("rounding fit/theory", 21)
                    + "notes\n"
                for entry in entries {
                    text += "  " + row(entry) + "\n"
                }
                if let best = analysis.bestMethod(precision: precision, x: x), let row = best.best {
                    text += "  best: \(best.method.rawValue), error \(NumberFormat.scientific(row.absoluteError)) (\(NumberFormat.ulps(row.ulps)) ulps)\n"
                }
                if let note = Reading.deepTruth(entries: entries, precision: precision) { text += "  \(note)\n" }
                if let reason = entries.lazy.compactMap(\.truthFailure).first { text += "  truth-unresolved: \(reason)\n" }
            }
        }
        return text
    }

    static func row(_ entry: SweepAnalysis.Entry) -> String {
        var text = pad(entry.method.rawValue, 13)
        if let best = entry.best {
            text += pad(entry.method.usesStep ? NumberFormat.scientific(best.h) : "any", 10)
            text += pad(NumberFormat.scientific(best.absoluteError), 10) + pad(NumberFormat.ulps(best.ulps), 9)
        } else {
            text += pad("—", 10) + pad("—", 10) + pad("—", 9)
        }
        let model = entry.model
        text += pad(model?.optimalStep.map { NumberFormat.scientific($0) } ?? "—", 10)
        text += pad(model?.optimalError.map { NumberFormat.scientific($0) } ?? "—", 10)
        let theory = (model?.optimalStep).flatMap { model?.order(at: $0) }.map(String.init)
            ?? (entry.method.usesStep ? "none" : "—")
        let fit = entry.truncationSlope.map { NumberFormat.fixed($0) } ?? "—"
        text += pad(entry.method.usesStep ? "\(fit) / \(theory)" : "—", 18)
        text += pad(entry.method.usesStep ? "\(entry.roundingSlope.map { NumberFormat.fixed($0) } ?? "—") / \(roundingTheory(entry))" : "—", 21)
        return text + notes(entry.flagged)
    }

    /// The slope rounding should have where it dominates: −K where it grows as h shrinks (the
    /// division by hᴷ), 1 − K where f(x) = 0 leaves samples of size h·f′, 0 with no V at all.
    public static func roundingTheory(_ entry: SweepAnalysis.Entry) -> String {
        guard let model = entry.model else { return "—" }
        let slope = model.roundingPower == 0 ? 0 : model.roundingVariance.a0 > 0 ? -model.roundingPower : 1 - model.roundingPower
        return slope == 0 ? "0" : "−\(-slope)"
    }

    static func notes(_ flagged: [MeasurementStatus: Int]) -> String {
        MeasurementStatus.allCases.compactMap { status in
            flagged[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", ")
    }



    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
    }
}
