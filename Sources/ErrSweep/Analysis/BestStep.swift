/// For one point, method and precision: the step at which the sweep's error was least.
public struct BestStep: Sendable, Equatable {
    public var x: Double
    public var method: DerivativeMethod
    public var precision: Precision
    /// The measurement with the least absolute error, nil when no step gave a finite error.
    public var best: Measurement?
    /// How many of the sweep's rows were not plain measurements, by status.
    public var flagged: [MeasurementStatus: Int]

    /// One `BestStep` per (precision, x, method), in the order the rows first name them.
    /// Ties keep the first row, so on a decreasing grid the larger step wins.
    public static func table(_ rows: [Measurement]) -> [BestStep] {
        var order: [String] = []
        var byKey: [String: BestStep] = [:]
        for row in rows {
            let key = "\(row.precision.rawValue)|\(row.x)|\(row.method.rawValue)"
            var entry = byKey[key] ?? {
                order.append(key)
                return BestStep(x: row.x, method: row.method, precision: row.precision, best: nil, flagged: [:])
            }()
            if row.status != .ok { entry.flagged[row.status, default: 0] += 1 }
            if row.absoluteError.isFinite, row.absoluteError < (entry.best?.absoluteError ?? .infinity) {
                entry.best = row
            }
            byKey[key] = entry
        }
        return order.map { byKey[$0]! }
    }
}
