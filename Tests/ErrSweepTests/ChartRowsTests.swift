@testable import ErrSweep
import ErrSweepReports
import Foundation
import Testing

@Suite struct ChartRowsTests {
    static func row(h: Double, error: Double, truncation: Double = .nan, rounding: Double = .nan, x: Double = 1) -> DerivativeMeasurement {
        DerivativeMeasurement(
            function: "f", x: x, method: .forward, precision: .double, h: h, estimate: WorkingValue(0.0), truth: WorkingValue(0.0),
            absoluteError: error, relativeError: .nan, ulps: .nan,
            split: ErrorSplit(truncation: truncation, rounding: rounding), status: .ok)
    }

    /// A grid of 10 per decade is far sparser than the chart's columns: every row is drawn.
    @Test func aSparseSweepKeepsEveryRow() {
        let rows = SweepRunnerTests.defaultRows
        var kept = ChartRows(steps: SweepRunnerTests.defaultSpec.steps)
        kept.add(rows)
        #expect(kept.rows.map { "\($0)" } == rows.map { "\($0)" })
    }

    /// 2·10⁵ steps over 16 decades, at two points: a few thousand rows stay, and in each of the
    /// 1024 slices of log h every curve keeps its least and greatest value, its first zero and
    /// its first gap, with the slice's first and last row.
    @Test func aDenseSweepKeepsWhatEachSliceShows() {
        var rng = SplitMix(seed: 9)
        let count = 100_000
        var rows: [DerivativeMeasurement] = []
        for x in [1.0, 2.0] {
            for k in 0..<count {
                let h = pow(10, -16 * Double(k) / Double(count - 1))
                func value() -> Double {
                    let u = rng.unit()
                    return u < 0.01 ? .nan : u < 0.02 ? 0 : pow(10, -20 * rng.unit())
                }
                rows.append(Self.row(h: h, error: value(), truncation: value(), rounding: value(), x: x))
            }
        }
        var chartRows = ChartRows(steps: try! StepGrid(parsing: "1...1e-16").steps(perDecade: count / 16))
        chartRows.add(rows)
        let kept = chartRows.rows
        #expect(kept.count <= 2 * ChartRows.columns * 14)
        #expect(kept.count > 2 * ChartRows.columns)

        func slice(_ row: DerivativeMeasurement) -> Int {
            min(Int((log10(row.h) + 16) / 16 * Double(ChartRows.columns)), ChartRows.columns - 1) + (row.x == 2 ? ChartRows.columns : 0)
        }
        let all = Dictionary(grouping: rows, by: slice)
        let chosen = Dictionary(grouping: kept, by: slice)
        let curves: [(DerivativeMeasurement) -> Double] = [{ $0.absoluteError }, { $0.split.truncation }, { $0.split.rounding }]
        for (index, members) in all {
            let picked = chosen[index] ?? []
            #expect(picked.first.map { "\($0)" } == "\(members.first!)")
            #expect(picked.last.map { "\($0)" } == "\(members.last!)")
            for curve in curves {
                let values = members.map(curve), pickedValues = picked.map(curve)
                let drawn = values.filter { $0 > 0 }
                #expect(pickedValues.filter { $0 > 0 }.min() == drawn.min())
                #expect(pickedValues.filter { $0 > 0 }.max() == drawn.max())
                #expect(pickedValues.contains(0) == values.contains(0))
                #expect(pickedValues.contains { $0.isNaN } == values.contains { $0.isNaN })
            }
        }
        // Kept rows come in the order they were added.
        let order = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ("\($0.element.x)|\($0.element.h)", $0.offset) })
        let positions = kept.map { order["\($0.x)|\($0.h)"]! }
        #expect(positions == positions.sorted())
    }
}
