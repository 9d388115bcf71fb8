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
        left + fraction(x, xAxis.scale, xAxis.range) * (right - left)
    }

    /// The canvas row of data y.
    public func row(_ y: Double) -> Double {
        bottom - fraction(y, yAxis.scale, yAxis.range) * (bottom - top)
    }

    func fraction(_ value: Double, _ scale: Chart.Axis.Scale, _ range: ClosedRange<Double>) -> Double {
        switch scale {
        case .linear: (value - range.lowerBound) / (range.upperBound - range.lowerBound)
        case .log: (log10(value) - log10(range.lowerBound)) / (log10(range.upperBound) - log10(range.lowerBound))
        }
    }

    /// Major ticks of an axis and the step between labelled decades.
    static func ticks(_ axis: Chart.Axis) -> (values: [Double], labelEvery: Int, minor: [Double]) {
        switch axis.scale {
        case .log:
            let low = Int(ceil(log10(axis.range.lowerBound) - 1e-9)), high = Int(floor(log10(axis.range.upperBound) + 1e-9))
            let decades = high - low
            // At most about 12 labels, at a round number of decades: 1e−300…1e300 is labelled every
            // 50 decades, and past 24 decades only the labelled ones get a grid line.
            let every = [1, 2, 3, 5, 10, 20, 25, 50, 100].first { decades / $0 <= 12 } ?? 100
            let values = (low...max(low, high)).filter { decades <= 24 || $0 % every == 0 }.map { Foundation.pow(10, Double($0)) }
            var minor: [Double] = []
            if decades <= 12 {
                for k in (low - 1)...high {
                    for m in 2...9 {
                        let v = Double(m) * Foundation.pow(10, Double(k))
                        if axis.range.contains(v) { minor.append(v) }
                    }
                }
            }
            return (values, decades <= 24 ? every : 1, minor)
        case .linear:
            let span = axis.range.upperBound - axis.range.lowerBound
            let raw = span / 8
            let exponent = floor(log10(raw))
            let magnitude = Foundation.pow(10, exponent)
            let multiple = [1.0, 2, 5, 10].first { $0 * magnitude >= raw } ?? 10
            let step = multiple * magnitude
            // Each tick is the decimal k·multiple·10^e rounded once — (k·multiple)/10^−e for e < 0 —
            // not a product or running sum of rounded steps (which labels 0.6000000000000001).
            let first = ceil(axis.range.lowerBound / step), last = floor(axis.range.upperBound / step + 1e-9)
            let values = first <= last ? stride(from: first, through: last, by: 1).map { k in
                exponent < 0 ? k * multiple / Foundation.pow(10, -exponent) : k * multiple * magnitude
            } : []
            return (values, 1, [])
        }
    }
}
