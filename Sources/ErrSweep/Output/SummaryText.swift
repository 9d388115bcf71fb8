import Foundation

/// The short table a sweep prints: per point and method, the best step, its error, and the error
/// in ulps (the figure that matters for complex step and AD, which have no V).
public enum SummaryText {
    public static func render(_ spec: SweepSpec, _ rows: [Measurement]) -> String {
        let steps = spec.steps
        var text = "\(spec.function.name)(x) = \(spec.function.formula),  f′(x) = \(spec.function.derivativeFormula)\n"
        if let first = steps.first, let last = steps.last {
            text += "\(steps.count) steps from \(short(first)) to \(short(last)); error against the MPFR truth\n"
        }
        let table = BestStep.table(rows)
        for precision in spec.precisions {
            text += "\n\(precision.rawValue) (ε = \(short(precision.epsilon)))\n"
            text += pad("x", 10) + pad("method", 12) + pad("best h", 11) + pad("abs error", 11)
                + pad("rel error", 11) + pad("ulps", 10) + "notes\n"
            for entry in table where entry.precision == precision {
                text += pad(NumberFormat.exact(entry.x), 10) + pad(entry.method.rawValue, 12)
                if let best = entry.best {
                    text += pad(entry.method.usesStep ? short(best.h) : "(any)", 11)
                    text += pad(short(best.absoluteError), 11) + pad(short(best.relativeError), 11)
                    text += pad(ulps(best.ulps), 10)
                } else {
                    text += pad("—", 11) + pad("—", 11) + pad("—", 11) + pad("—", 10)
                }
                text += notes(entry.flagged) + "\n"
            }
        }
        return text
    }

    static func notes(_ flagged: [MeasurementStatus: Int]) -> String {
        MeasurementStatus.allCases.compactMap { status in
            flagged[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", ")
    }

    static func short(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value == 0 { return "0" }
        return String(format: "%.2e", value)
    }

    static func ulps(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        return value < 1e6 ? String(format: "%.0f", value) : String(format: "%.1e", value)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
    }
}
