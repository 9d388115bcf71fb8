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
            let every = decades > 24 ? 3 : decades > 12 ? 2 : 1
            let values = (low...max(low, high)).map { Foundation.pow(10, Double($0)) }
            var minor: [Double] = []
            if decades <= 12 {
                for k in (low - 1)...high {
                    for m in 2...9 {
                        let v = Double(m) * Foundation.pow(10, Double(k))
                        if axis.range.contains(v) { minor.append(v) }
                    }
                }
            }
            return (values, every, minor)
        case .linear:
            let span = axis.range.upperBound - axis.range.lowerBound
            let raw = span / 8
            let magnitude = Foundation.pow(10, floor(log10(raw)))
            let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
            var values: [Double] = []
            var v = ceil(axis.range.lowerBound / step) * step
            while v <= axis.range.upperBound + step * 1e-9 {
                values.append(abs(v) < step * 1e-9 ? 0 : v)
                v += step
            }
            return (values, 1, [])
        }
    }
}
