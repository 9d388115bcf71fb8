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
        zip(cells(entry), [13, 10, 10, 9, 10, 10, 18, 21, 0]).map { $1 == 0 ? $0 : pad($0, $1) }.joined()
    }

    /// The headings of `cells`, in order.
    public static let headings = ["method", "best h", "abs error", "ulps", "model h*", "model E*", "order fit/theory", "rounding fit/theory", "notes"]

    /// One method's row of the table, a cell per heading: the observed best step and error, the
    /// model's, the fitted orders beside theory, and the notes.
    public static func cells(_ entry: SweepAnalysis.Entry) -> [String] {
        var cells = [entry.method.rawValue]
        if let best = entry.best {
            cells += [entry.method.usesStep ? NumberFormat.scientific(best.h) : "any", NumberFormat.scientific(best.absoluteError), NumberFormat.ulps(best.ulps)]
        } else {
            cells += ["—", "—", "—"]
        }
        let model = entry.model
        cells.append(model?.optimalStep.map { NumberFormat.scientific($0) } ?? "—")
        cells.append(model?.optimalError.map { NumberFormat.scientific($0) } ?? "—")
        let theory = model?.theoreticalOrder.map(String.init) ?? (entry.method.usesStep ? "none" : "—")
        let fit = entry.truncationSlope.map { NumberFormat.fixed($0) } ?? "—"
        cells.append(entry.method.usesStep ? "\(fit) / \(theory)" : "—")
        cells.append(entry.method.usesStep ? "\(entry.roundingSlope.map { NumberFormat.fixed($0) } ?? "—") / \(roundingTheory(entry))" : "—")
        return cells + [notes(entry.flagged)]
    }

    /// The model's rounding slope (`ErrorModel.theoreticalRoundingSlope`) as the tables write it.
    public static func roundingTheory(_ entry: SweepAnalysis.Entry) -> String {
        guard let slope = entry.model?.theoreticalRoundingSlope else { return "—" }
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
