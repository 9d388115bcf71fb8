import Foundation

extension MeasurementTable {
    /// A table that cannot be read back, and where.
    public struct Unreadable: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// The measurements of a table `MeasurementTable` wrote, read back: every number is the
    /// shortest decimal that reads back to the same value, so the rows are the rows that were
    /// written, bit for bit, and `SweepAnalysis(rows:exactStep:derivatives:)` analyses them as
    /// the sweep did. The model's two columns are not read (the model comes from f's derivatives).
    public static func rows(reading text: String) throws -> [DerivativeMeasurement] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let first = lines.next(), first == header else {
            throw Unreadable(description: "the first line is not errsweep's header; valid: \(header)")
        }
        var rows: [DerivativeMeasurement] = []
        var number = 1
        while let line = lines.next() {
            number += 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            func problem(_ what: String) -> Unreadable { Unreadable(description: "line \(number): \(what)") }
            guard fields.count == columns.count else {
                throw problem("\(fields.count) fields; valid: \(columns.count), one per column")
            }
            func double(_ index: Int) throws -> Double {
                guard let value = Double(fields[index]) else { throw problem("\(columns[index]) '\(fields[index])' is not a number") }
                return value
            }
            guard let method = DerivativeMethod(rawValue: fields[2]) else { throw problem("unknown method '\(fields[2])'") }
            guard let derivative = Int(fields[3]), method.computes(derivative: derivative) else {
                throw problem("\(method.rawValue) does not compute derivative '\(fields[3])'; valid: 1 to \(DerivativeMethod.highestDerivative) where the method computes it")
            }
            guard let precision = Precision(rawValue: fields[4]) else { throw problem("unknown precision '\(fields[4])'") }
            guard precision.isAvailable else { throw problem("\(precision.rawValue) is not available on this machine; valid: \(Precision.available.map(\.rawValue).joined(separator: ", "))") }
            func working(_ index: Int) throws -> WorkingValue {
                guard let value = WorkingValue(fields[index], precision: precision) else { throw problem("\(columns[index]) '\(fields[index])' is not a number") }
                return value
            }
            guard let truthBits = Int(fields[8]), truthBits >= 0 else { throw problem("truth_bits '\(fields[8])' is not a count of bits") }
            guard let status = MeasurementStatus(rawValue: fields[16]) else { throw problem("unknown status '\(fields[16])'") }
            rows.append(DerivativeMeasurement(
                function: fields[0], x: try double(1), method: method, derivative: derivative, precision: precision, h: try double(5),
                estimate: try working(6), truth: try working(7), truthBits: truthBits, absoluteError: try double(9),
                relativeError: try double(10), ulps: try double(11),
                split: ErrorSplit(truncation: try double(12), rounding: try double(13)), status: status))
        }
        return rows
    }
}
