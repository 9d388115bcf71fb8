import ErrSweep
import Foundation

/// The rows a sweep's charts are drawn from, kept as the rows stream past: every row while the
/// steps are sparse, and for a dense grid, per point, method and precision and per one of
/// `columns` slices of log h (narrower than a pixel column of the plot), only the rows that decide
/// what that slice shows — its first and last, and for each curve drawn (the total error, the
/// truncation and the rounding) its least and greatest value, its first zero (drawn on the floor)
/// and its first gap. A line through those is the line through all of them to the eye, so a
/// chart of 10⁶ steps costs the memory of a few thousand rows.
public struct ChartRows {
    public static let columns = 1024
    /// Rows a slice keeps whole before it keeps only its deciding ones.
    static let keptWhole = 16

    private struct Slice: Hashable {
        var precision: Precision
        var x: Double
        var method: DerivativeMethod
        var column: Int
    }

    private let lowest: Double, decades: Double
    /// Whether every row is kept: a grid of at most `columns` steps is as cheap to keep whole.
    private let keepsEveryRow: Bool
    private var everyRow: [DerivativeMeasurement] = []
    private var arrivals = 0
    private var slices: [Slice: [(arrival: Int, row: DerivativeMeasurement)]] = [:]

    /// For the rows of a sweep over `steps`.
    public init(steps: Steps) {
        let range = steps.bounds.map { log10($0.lowerBound)...log10($0.upperBound) } ?? 0...0
        lowest = range.lowerBound
        decades = range.upperBound - range.lowerBound
        keepsEveryRow = steps.count <= Self.columns
    }

    /// Keeps what the charts need of `rows`.
    public mutating func add(_ rows: some Sequence<DerivativeMeasurement>) {
        if keepsEveryRow {
            everyRow += rows
        } else {
            for row in rows { add(row) }
        }
    }

    private mutating func add(_ row: DerivativeMeasurement) {
        let slice = Slice(precision: row.precision, x: row.x, method: row.method, column: column(row.h))
        slices[slice, default: []].append((arrivals, row))
        arrivals += 1
        if let kept = slices[slice], kept.count > Self.keptWhole { slices[slice] = Self.deciding(kept) }
    }

    /// The kept rows, in the order they came.
    public var rows: [DerivativeMeasurement] {
        if keepsEveryRow { return everyRow }
        return slices.values.joined().sorted { $0.arrival < $1.arrival }.map(\.row)
    }

    private func column(_ h: Double) -> Int {
        guard h > 0, h.isFinite, decades > 0 else { return 0 }
        let position = (log10(h) - lowest) / decades * Double(Self.columns)
        return Int(min(max(position, 0), Double(Self.columns - 1)))
    }

    /// The rows that decide a slice's picture (at most 14), in the order they came.
    private static func deciding(_ rows: [(arrival: Int, row: DerivativeMeasurement)]) -> [(arrival: Int, row: DerivativeMeasurement)] {
        var picked: Set<Int> = [0, rows.count - 1]
        let curves: [(DerivativeMeasurement) -> Double] = [
            { $0.absoluteError }, { abs($0.split.truncation) }, { abs($0.split.rounding) },
        ]
        for value in curves {
            let values = rows.map { value($0.row) }
            let drawn = values.indices.filter { values[$0] > 0 && values[$0].isFinite }
            if let least = drawn.min(by: { values[$0] < values[$1] }) { picked.insert(least) }
            if let greatest = drawn.max(by: { values[$0] < values[$1] }) { picked.insert(greatest) }
            if let zero = values.firstIndex(of: 0) { picked.insert(zero) }
            if let gap = values.firstIndex(where: { $0.isNaN }) { picked.insert(gap) }
        }
        return picked.sorted().map { rows[$0] }
    }
}
