/// The tidy CSV of a sweep: a header, then one measurement per row.
public enum MeasurementTable {
    public static let columns = [
        "function", "x", "method", "derivative", "precision", "h", "estimate", "truth", "truth_bits",
        "abs_error", "rel_error", "ulps", "truncation", "rounding", "model_truncation", "model_rounding",
        "status",
    ]

    /// The first line: the column names.
    public static var header: String { columns.joined(separator: ",") }

    /// The table of rows already in hand (a landscape's), with the model's two terms from
    /// `analysis` beside each measurement (nan without one): lines, header first, each made only
    /// when it is read (`AtomicFile.write(lines:to:)`). A sweep streams its own through
    /// `line(_:model:)`.
    public static func lines(_ rows: [DerivativeMeasurement], analysis: SweepAnalysis? = nil) -> some Sequence<String> {
        let body = rows.lazy.map { row in line(row, model: analysis?.model(for: row)) }
        return [AnySequence(CollectionOfOne(header)), AnySequence(body)].joined()
    }

    /// The whole table as text.
    public static func csv(_ rows: [DerivativeMeasurement], analysis: SweepAnalysis? = nil) -> String {
        lines(rows, analysis: analysis).map { $0 + "\n" }.joined()
    }

    /// One measurement, with its model's two terms at its step.
    public static func line(_ row: DerivativeMeasurement, model: ErrorModel?) -> String {
        [
            row.function,
            NumberFormat.exact(row.x),
            row.method.rawValue,
            String(row.derivative),
            row.precision.rawValue,
            NumberFormat.exact(row.h),
            row.estimate.description,
            row.truth.description,
            String(row.truthBits),
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
