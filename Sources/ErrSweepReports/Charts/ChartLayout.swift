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
        let legendBeside = chart.legendCorner == .outsideRight ? Self.legendGap + Self.legendWidth(chart) : 0
        right = width - (chart.heatmap == nil ? 28 : 120) - legendBeside
        bottom = height - 64
        xAxis = chart.xAxis
        yAxis = chart.yAxis
        yIsLogOfHeatmap = chart.heatmap != nil
    }

    /// Between the frame and a legend beside it; a legend inside the frame sits this far in.
    static let legendGap = 14.0, legendInset = 10.0

    /// The legend's text size, row height, padding and line sample: one legend in every renderer
    /// (the native painter, the explorer's SVG) and in the search for its corner.
    public static let legendFontSize = 12.0, legendRowHeight = 20.0, legendPadding = 8.0, legendSample = 30.0

    /// The legend's labels: one row per series, then one per note.
    static func legendLabels(_ chart: Chart) -> [String] {
        chart.series.map(\.label) + chart.legendNotes.map(\.rawValue)
    }

    /// The legend box's width: the line sample, three paddings, and about 7 px a character of the
    /// longest label at 12 px (DejaVu Sans' mean advance), fixed before any text is measured so
    /// that the frame can make room for a legend beside it.
    public static func legendWidth(_ chart: Chart) -> Double {
        3 * legendPadding + legendSample + 7 * Double(legendLabels(chart).map(\.count).max() ?? 0)
    }

    /// The legend box's height: two paddings and a row per label.
    public static func legendHeight(_ chart: Chart) -> Double {
        2 * legendPadding + legendRowHeight * Double(legendLabels(chart).count)
    }

    /// The top-left point of a legend box of `width` × `height` in `corner`.
    public func legendOrigin(_ corner: Chart.Corner, width: Double, height: Double) -> (x: Double, y: Double) {
        let inset = Self.legendInset
        return switch corner {
        case .topLeft: (left + inset, top + inset)
        case .topRight: (right - inset - width, top + inset)
        case .bottomLeft: (left + inset, bottom - inset - height)
        case .bottomRight: (right - inset - width, bottom - inset - height)
        case .outsideRight: (right + Self.legendGap, top)
        }
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
