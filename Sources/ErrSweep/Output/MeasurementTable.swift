/// The tidy CSV of a sweep: a header, then one measurement per row.
public enum MeasurementTable {
    public static let columns = [
        "function", "x", "method", "precision", "h", "estimate", "truth",
        "abs_error", "rel_error", "ulps", "truncation", "rounding", "status",
    ]

    public static func csv(_ rows: [Measurement]) -> String {
        var text = columns.joined(separator: ",") + "\n"
        text.reserveCapacity(rows.count * 160)
        for row in rows {
            text += line(row)
            text += "\n"
        }
        return text
    }

    static func line(_ row: Measurement) -> String {
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
            row.status.rawValue,
        ].joined(separator: ",")
    }
}
