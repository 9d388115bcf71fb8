import ErrSweep
import Foundation

/// How large a chart is drawn: its page in points (1/72 inch), the size of its text in points,
/// and the pixels per inch of a PNG. The layout is fixed in units in which the tick labels are
/// 12 units high, so a chart's text keeps its proportions to the frame's furniture (margins,
/// ticks, legend) whatever the page: a smaller font on the same page gives the frame more room.
public struct ChartSize: Sendable, Equatable {
    /// The page, in points.
    public var width: Double, height: Double
    /// The tick labels' and the legend's text, in points; the title is 1.25 times as large.
    public var fontSize: Double
    /// A PNG's pixels per inch.
    public var dotsPerInch: Double

    /// 960 × 640 at 12 pt, a PNG of 960 × 640 pixels: every committed chart.
    public static let standard = ChartSize(width: Double(ChartCanvas.width), height: Double(ChartCanvas.height), fontSize: 12, dotsPerInch: 72)

    /// The text size the layout is written for, in its units.
    static let layoutTextSize = 12.0

    /// A page of `width` × `height` points with text of `fontSize` points, a PNG at `dotsPerInch`.
    public init(width: Double, height: Double, fontSize: Double, dotsPerInch: Double) {
        self.width = width
        self.height = height
        self.fontSize = fontSize
        self.dotsPerInch = dotsPerInch
    }

    /// Points per layout unit.
    var pointsPerUnit: Double { fontSize / Self.layoutTextSize }
    /// The canvas in layout units: what `ChartLayout` lays out.
    var layoutWidth: Double { width / pointsPerUnit }
    var layoutHeight: Double { height / pointsPerUnit }
    /// A PNG's size in pixels, and its pixels per layout unit.
    var pixelWidth: Int { Int((width * dotsPerInch / 72).rounded()) }
    var pixelHeight: Int { Int((height * dotsPerInch / 72).rounded()) }
    var pixelsPerUnit: Double { Double(pixelWidth) / layoutWidth }

    /// The smallest canvas, in layout units, that still leaves a frame to plot in beside the
    /// margins for tick labels, axis labels and the title (96 + 28 across, 48 + 64 down).
    static let smallestLayout = (width: 300.0, height: 200.0)

    /// Why a size cannot be drawn.
    public enum Problem: Equatable, Sendable {
        /// Not every length is positive.
        case notPositive
        /// The page leaves no frame beside the text's margins: it needs at least this many points.
        case tooSmall(leastWidth: Double, leastHeight: Double)
        /// A PNG larger than 20 000 pixels on a side (1.6 GB of pixels at the most).
        case tooManyPixels(width: Int, height: Int)
    }

    /// Why this size cannot hold a chart, or nil.
    public var problem: Problem? {
        guard width > 0, height > 0, fontSize > 0, dotsPerInch > 0 else { return .notPositive }
        if layoutWidth < Self.smallestLayout.width || layoutHeight < Self.smallestLayout.height {
            return .tooSmall(leastWidth: Self.smallestLayout.width * pointsPerUnit, leastHeight: Self.smallestLayout.height * pointsPerUnit)
        }
        if pixelWidth > 20_000 || pixelHeight > 20_000 { return .tooManyPixels(width: pixelWidth, height: pixelHeight) }
        return nil
    }
}

extension Chart {
    /// The chart as it is drawn at `size`. A chart's legend corner is chosen for the standard
    /// 960 × 640 canvas when the chart is made; on any other canvas the legend's text takes
    /// another share of the frame, so the corner is chosen again there (`emptiestCorner`), and a
    /// legend that would cover the data goes beside or below the frame.
    func laidOut(for size: ChartSize) -> Chart {
        guard size != .standard, heatmap == nil, !series.isEmpty else { return self }
        var chart = self
        chart.legendCorner = SweepCharts.emptiestCorner(self, width: size.layoutWidth, height: size.layoutHeight)
        return chart
    }
}
