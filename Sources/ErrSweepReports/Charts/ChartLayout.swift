import ErrSweep
import Foundation

/// Where a chart's parts sit on the canvas, and how data maps to it: shared by the native
/// renderer and by the tests that look for curves where the data puts them.
public struct ChartLayout: Sendable {
    public let width: Double
    public let height: Double
    /// The plotting area, in canvas coordinates (y grows downwards).
    public let left: Double, top: Double, right: Double, bottom: Double
    let xAxis: Chart.Axis
    let yAxis: Chart.Axis
    /// In a heat map the y axis shows log10 of its range, linearly.
    let yIsLogOfHeatmap: Bool

    /// The layout of `chart` on a canvas of `width` × `height`.
    public init(_ chart: Chart, width: Double = Double(ChartCanvas.width), height: Double = Double(ChartCanvas.height)) {
        self.width = width
        self.height = height
        left = 96
        top = 48
        right = width - (chart.heatmap == nil ? 28 : 120)
        bottom = height - 64
        xAxis = chart.xAxis
        yAxis = chart.yAxis
        yIsLogOfHeatmap = chart.heatmap != nil
    }

    /// The canvas column of data x.
    public func column(_ x: Double) -> Double {
        left + xAxis.fraction(of: x) * (right - left)
    }

    /// The canvas row of data y.
    public func row(_ y: Double) -> Double {
        bottom - yAxis.fraction(of: y) * (bottom - top)
    }
}
