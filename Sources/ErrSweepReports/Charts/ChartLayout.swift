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
    /// The columns the legend's rows flow into: one, but below the frame as many as fit across
    /// the canvas, row by row.
    public let legendColumns: Int
    /// The factor on the legend's text, rows, padding and sample: 1 where the legend fits the frame
    /// it sits in or beside with a tenth to spare, else as much smaller as that needs, but no
    /// smaller than `smallestLegendScale` (a chart a column wide; every 960 × 640 chart has 1).
    public let legendScale: Double
    /// Legend text below 0.7 of the tick labels' (6.3 pt at 9 pt) stops being readable in print.
    static let smallestLegendScale = 0.7

    /// The layout of `chart` on a canvas of `width` × `height`.
    public init(_ chart: Chart, width: Double = Double(ChartCanvas.width), height: Double = Double(ChartCanvas.height)) {
        self.width = width
        self.height = height
        left = 96
        top = 48
        let count = Self.legendLabels(chart).count
        // A legend inside the frame or beside it must fit its height, and one inside its width too.
        let frameHeight = height - 64 - top, fullWidth = width - (chart.heatmap == nil ? 28 : 120) - left
        var scale = min(1, 0.9 * frameHeight / Self.legendHeight(chart))
        if chart.legendCorner != .outsideRight { scale = min(scale, 0.9 * fullWidth / Self.legendWidth(chart)) }
        legendScale = chart.legendCorner == .below || count == 0 ? 1 : max(Self.smallestLegendScale, scale)
        let legendBeside = chart.legendCorner == .outsideRight ? Self.legendGap + legendScale * Self.legendWidth(chart) : 0
        right = width - (chart.heatmap == nil ? 28 : 120) - legendBeside
        if chart.legendCorner == .below, count > 0 {
            let columns = max(1, min(count, Int((width - 2 * Self.legendGap - Self.legendPadding) / Self.legendEntryWidth(chart))))
            let rows = (count + columns - 1) / columns
            legendColumns = columns
            // Under the x axis' label: its 64 units, then the legend's rows and a gap.
            bottom = height - 64 - (2 * Self.legendPadding + Self.legendRowHeight * Double(rows)) - Self.legendGap
        } else {
            legendColumns = 1
            bottom = height - 64
        }
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
        legendPadding + legendEntryWidth(chart)
    }

    /// One entry of the legend, its sample, label and the paddings after each, as estimated for
    /// `legendWidth`: a box of k columns is a padding and k of these.
    static func legendEntryWidth(_ chart: Chart) -> Double {
        2 * legendPadding + legendSample + 7 * Double(legendLabels(chart).map(\.count).max() ?? 0)
    }

    /// The legend box's height: two paddings and a row per label.
    public static func legendHeight(_ chart: Chart) -> Double {
        2 * legendPadding + legendRowHeight * Double(legendLabels(chart).count)
    }

    /// The top-left point of a legend box of `width` × `height` in `corner`.
    public func legendOrigin(_ corner: Chart.Corner, width: Double, height: Double) -> (x: Double, y: Double) {
        let inset = Self.legendInset
        let origin: (x: Double, y: Double) = switch corner {
        case .topLeft: (left + inset, top + inset)
        case .topRight: (right - inset - width, top + inset)
        case .bottomLeft: (left + inset, bottom - inset - height)
        case .bottomRight: (right - inset - width, bottom - inset - height)
        case .outsideRight: (right + Self.legendGap, top)
        case .below: ((self.width - width) / 2, bottom + 64)
        }
        // A legend larger than its frame even at its smallest (a dozen series on a chart a column
        // wide) starts on the canvas, not off its top or left edge.
        return (max(4, origin.x), max(4, origin.y))
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
