/// The tidy CSV of a sweep: a header, then one measurement per row.
public enum MeasurementTable {
    public static let columns = [
        "function", "x", "method", "precision", "h", "estimate", "truth",
        "abs_error", "rel_error", "ulps", "truncation", "rounding", "model_truncation", "model_rounding",
        "status",
    ]

    /// The table of `rows`, with the model's two terms from `analysis` beside each measurement.
    public static func csv(_ rows: [DerivativeMeasurement], analysis: SweepAnalysis) -> String {
        var text = columns.joined(separator: ",") + "\n"
        text.reserveCapacity(rows.count * 200)
        var models: [String: ErrorModel] = [:]
        for entry in analysis.entries {
            if let model = entry.model { models["\(entry.precision.rawValue)|\(entry.x)|\(entry.method.rawValue)"] = model }
        }
        for row in rows {
            let model = models["\(row.precision.rawValue)|\(row.x)|\(row.method.rawValue)"]
            text += line(row, model: model)
            text += "\n"
        }
        return text
    }

    static func line(_ row: DerivativeMeasurement, model: ErrorModel?) -> String {
        [
            row.function,
            NumberFormat.exact(row.x),
            row.method.rawValue,
            row.precision.rawValue,
            NumberFormat.exact(row.h),
            NumberFormat.exact(row.estimate, in: row.precision),
            NumberFormat.exact(row.truth, in: row.precision),
            NumberFormat.exact(row.absoluteError),
            NumberFormat.exact(row.relativeError),
            NumberFormat.exact(row.ulps),
            NumberFormat.exact(row.split.truncation),
            NumberFormat.exact(row.split.rounding),
            NumberFormat.exact(model?.truncation(at: row.h) ?? .nan),
            NumberFormat.exact(model?.rounding(at: row.h) ?? .nan),
            row.status.rawValue,
        ].joined(separator: ",")
    }
}
