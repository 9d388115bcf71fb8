import ErrSweep
import ErrSweepReports
import Foundation
import Testing

/// The spy plot of a Jacobian's pattern: a dot per entry where the matrix has it, row 1 on top,
/// in the colour of its column (or row) group.
@Suite struct SpyChartTests {
    /// Broyden's tridiagonal residual at n = 10: rows 1 and 10 have two entries, the rest three,
    /// 28 in all; columns j ≡ 0, 1, 2 (mod 3) share no row, so colour c holds the columns
    /// c + 1, c + 4, … and every dot of a series lies in one of its columns.
    @Test func tridiagonalColumnsInThreeColours() {
        let pattern = SparsityPattern.detect(BroydenTridiagonal(size: 10), at: BroydenTridiagonal(size: 10).defaultPoint)
        let chart = SpyChart.make(name: "broyden", pattern: pattern, compression: .columns)
        #expect(chart.series.count == 3)
        #expect(chart.series.map(\.points.count).reduce(0, +) == 28)
        for (c, series) in chart.series.enumerated() {
            #expect(series.points.allSatisfy { (Int($0.x) - 1) % 3 == c }, "\(series.label)")
            #expect(series.points.allSatisfy { abs($0.x - $0.y) <= 1 })
        }
        #expect(chart.series[0].label == "colour 1: columns 1, 4, 7, 10")
        #expect(chart.title == "broyden: 10 × 10, 28 entries; columns in 3 colours (forward passes)")
        // The lower left is empty: the rows axis ends at the last row.
        #expect(chart.yAxis.range == 0.5...10.5 && chart.yAxis.isReversed)
    }

    /// Row 1 is drawn above row 2, and a dot's colour is where the layout puts it.
    @Test func rowOneIsOnTopInThePNG() throws {
        let pattern = SparsityPattern(rows: [[0], [1], [0, 1]], columnCount: 2)
        let chart = SpyChart.make(name: "three", pattern: pattern, compression: .rows)
        let layout = ChartLayout(chart)
        #expect(layout.row(1) < layout.row(2))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try NativeRenderer().render(chart, formats: [.png], into: directory)[0]
        let image = try PNGFile.read(file)
        // Rows 1 and 2 share no column: one colour (blue, 31 119 180); row 3 meets both: orange.
        #expect(chart.series.count == 2)
        let blue = image.pixel(Int(layout.column(1)), Int(layout.row(1)))
        #expect(blue.red == 31 && blue.green == 119 && blue.blue == 180)
        let orange = image.pixel(Int(layout.column(2)), Int(layout.row(3)))
        #expect(orange.red == 255 && orange.green == 127 && orange.blue == 14)
        let empty = image.pixel(Int(layout.column(2)), Int(layout.row(1)))
        #expect(empty.red > 200 && empty.green > 200 && empty.blue > 200)
    }

    /// A dense pattern fills the lower left: the rows axis runs past the last row, so the legend
    /// sits below the dots. Beyond 60 rows or columns the leading block is drawn, and the title
    /// says so; twelve colours share eight palette colours.
    @Test func denseAndLargePatterns() {
        let dense = SpyChart.make(name: "d", pattern: .dense(rows: 5, columns: 12), compression: .columns)
        #expect(dense.yAxis.range.upperBound > 6)
        #expect(dense.series.count == 8 && dense.series[0].label == "colours 1, 9: columns 1, 9")
        let large = SpyChart.make(name: "b", pattern: .dense(rows: 3, columns: 100), compression: .rows)
        #expect(large.title.contains("(leading 3 × 60 shown)"))
        #expect(large.series.map(\.points.count).reduce(0, +) == 180)
    }
}
