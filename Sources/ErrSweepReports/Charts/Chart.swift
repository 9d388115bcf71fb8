import ErrSweep
import Foundation

/// A chart, described once and drawn by either renderer (gnuplot or the native one), so the two
/// never drift apart: what is plotted, on which axes, in which styles, with which notes.
public struct Chart: Sendable, Equatable {
    /// The file name without extension, e.g. `sigmoid-forward`.
    public var name: String
    public var title: String
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [Series]
    /// Vertical lines with a label, e.g. the predicted best step h*.
    public var markers: [Marker] = []
    /// Legend lines that explain how values a log axis cannot show are drawn.
    public var legendNotes: [LegendNote] = []
    /// Where the legend goes.
    public var legendCorner: Corner = .bottomLeft
    /// A colour map over (x, y) instead of curves: the error landscape.
    public var heatmap: Heatmap?

    /// A chart with no markers, notes or heat map yet.
    public init(name: String, title: String, xAxis: Axis, yAxis: Axis, series: [Series]) {
        self.name = name
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
    }

    /// Where the legend goes: a corner of the plotting area, or beside it on the right, where
    /// every corner would hide part of a line (a chart of many series), or below it in columns,
    /// where a legend beside the frame would leave it too narrow (a chart a column wide).
    public enum Corner: String, Sendable, Equatable {
        case topLeft, topRight, bottomLeft, bottomRight
        case outsideRight
        case below
    }

    /// An axis: its label, its scale and its range.
    public struct Axis: Sendable, Equatable {
        /// Linear, or log10.
        public enum Scale: Sendable, Equatable { case linear, log }
        public var label: String
        public var scale: Scale
        /// Runs downwards (y) or leftwards (x): a matrix's rows, row 1 at the top.
        public var isReversed = false
        /// Counts things (rows, columns): ticks at whole numbers only.
        public var countsWholeNumbers = false
        /// Always drawable, whatever it is set to (`drawable(_:scale:)`).
        public var range: ClosedRange<Double> {
            didSet { range = Self.drawable(range, scale: scale) }
        }

        /// An axis over `range`, made drawable (`drawable(_:scale:)`).
        public init(label: String, scale: Scale, range: ClosedRange<Double>) {
            self.label = label
            self.scale = scale
            self.range = Self.drawable(range, scale: scale)
        }

        /// `range` made something both renderers can draw: finite ends (positive on a log axis,
        /// from the least subnormal to the largest Double), and a span that is not empty — a
        /// point gets half a decade (log) or ±1 (linear, ±|x|/2 away from 0) either side. Steps
        /// of 5e−324 or 1e308, an overflowing error, or one step or point are all charts.
        static func drawable(_ range: ClosedRange<Double>, scale: Scale) -> ClosedRange<Double> {
            switch scale {
            case .log:
                let least = Double.leastNonzeroMagnitude, greatest = Double.greatestFiniteMagnitude
                func clamp(_ v: Double, _ fallback: Double) -> Double { v.isNaN ? fallback : Swift.min(Swift.max(v, least), greatest) }
                var low = clamp(range.lowerBound, least), high = clamp(range.upperBound, greatest)
                if low >= high {
                    // Half a decade either side; a decade on one side where the other is the end
                    // of the format.
                    let root = 10.0.squareRoot()
                    (low, high) = low / root < least ? (low, low * 10) : high * root > greatest ? (high / 10, high) : (low / root, high * root)
                }
                return low...high
            case .linear:
                var low = range.lowerBound.isFinite ? range.lowerBound : -1, high = range.upperBound.isFinite ? range.upperBound : 1
                if low >= high || !(high - low).isFinite {
                    let centre = low.isFinite && high.isFinite && (high - low).isFinite ? (low + high) / 2 : 0
                    let half = centre == 0 ? 1 : Swift.abs(centre) / 2
                    low = centre - half
                    high = centre + half
                }
                return low...high
            }
        }
    }

    /// One curve: its points (non-finite y is a gap), its style, and where it is exactly 0.
    public struct Series: Sendable, Equatable {
        /// A solid line for a measurement, dashed for a model, points alone for a scatter of
        /// cases that have no order between them.
        public enum Stroke: Sendable, Equatable { case solid, dashed, points }
        public var label: String
        /// Points in drawing order; a NaN y breaks the line (a gap).
        public var points: [Point]
        /// Index into `Palette.colors`.
        public var color: Int
        public var stroke: Stroke = .solid
        public var width: Double = 2
        /// x positions where the value is exactly 0: drawn as ▼ on the floor of a log y axis.
        public var exactAt: [Double] = []

        /// A series in palette colour `color`; `exactAt` are the x where its error is exactly 0
        /// (drawn on the floor).
        public init(label: String, points: [Point], color: Int, stroke: Stroke = .solid, width: Double = 2, exactAt: [Double] = []) {
            self.label = label
            self.points = points
            self.color = color
            self.stroke = stroke
            self.width = width
            self.exactAt = exactAt
        }
    }

    /// A data point.
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        /// The point (x, y).
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// A vertical line at x with a label (the model's best step).
    public struct Marker: Sendable, Equatable {
        public var x: Double
        public var label: String
        public var color: Int

        /// A marker at `x`, labelled `label`, in palette colour `color`.
        public init(x: Double, label: String, color: Int) {
            self.x = x
            self.label = label
            self.color = color
        }
    }

    /// A line the legend adds to explain a mark that is not a series.
    public enum LegendNote: String, Sendable, Equatable {
        case exactZero = "▼ error exactly 0 (drawn on the floor)"
        case gaps = "gaps: no value there (see status)"
    }

    /// A grid of values, NaN where there is none.
    public struct Heatmap: Sendable, Equatable {
        /// Column centres.
        public var xs: [Double]
        /// Row centres.
        public var ys: [Double]
        /// values[row][column].
        public var values: [[Double]]
        public var valueLabel: String
        public var valueRange: ClosedRange<Double>

        /// A map of `values[row][column]` over `ys` (rows) and `xs` (columns), coloured over
        /// `valueRange`.
        public init(xs: [Double], ys: [Double], values: [[Double]], valueLabel: String, valueRange: ClosedRange<Double>) {
            self.xs = xs
            self.ys = ys
            self.values = values
            self.valueLabel = valueLabel
            self.valueRange = valueRange
        }

        /// The cells' edges along one axis, in data units: midway between neighbouring centres
        /// (in log10 where the axis is logarithmic), the outer cells as wide as their neighbours.
        public static func edges(_ centres: [Double], log: Bool) -> [Double] {
            guard !centres.isEmpty else { return [] }
            let v = log ? centres.map(Foundation.log10) : centres
            var e: [Double]
            if v.count == 1 {
                e = [v[0] - 0.5, v[0] + 0.5]
            } else {
                e = [v[0] - (v[1] - v[0]) / 2]
                for i in 0..<(v.count - 1) { e.append((v[i] + v[i + 1]) / 2) }
                e.append(v[v.count - 1] + (v[v.count - 1] - v[v.count - 2]) / 2)
            }
            return log ? e.map { Foundation.pow(10, $0) } : e
        }

        /// The colour of a cell's value: the heat colour across `valueRange`, light grey for none.
        public func color(_ value: Double) -> Palette.RGB {
            value.isFinite ? Palette.heat((value - valueRange.lowerBound) / (valueRange.upperBound - valueRange.lowerBound)) : (0.85, 0.85, 0.85)
        }
    }
}

/// The colours both renderers use: matplotlib's tab10, the palette of the reference figure.
public enum Palette {
    /// A colour's channels, each in [0, 1].
    public typealias RGB = (red: Double, green: Double, blue: Double)

    /// tab10, then darker shades of its first two (for a model drawn over its measurement).
    static let tab10: [UInt32] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
        0x0b3c66, 0xa04000,
    ]

    /// A darker shade of colour 0 (blue) and of colour 1 (orange).
    public static let darkBlue = 10, darkOrange = 11

    /// viridis at five stops, for heat maps (van der Walt & Smith, 2015).
    static let viridis: [UInt32] = [0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725]

    static func rgb(_ hex: UInt32) -> RGB {
        (Double((hex >> 16) & 0xff) / 255, Double((hex >> 8) & 0xff) / 255, Double(hex & 0xff) / 255)
    }

    /// Palette colour `index` (wrapping around).
    public static func color(_ index: Int) -> RGB { rgb(tab10[index % tab10.count]) }

    /// Palette colour `index` as #rrggbb.
    public static func hex(_ index: Int) -> String {
        "#" + String(tab10[index % tab10.count], radix: 16).leftPadded(to: 6)
    }

    /// The heat colour of t in [0, 1], linear between the viridis stops.
    public static func heat(_ t: Double) -> RGB {
        let scaled = min(max(t, 0), 1) * Double(viridis.count - 1)
        let i = min(Int(scaled), viridis.count - 2)
        let f = scaled - Double(i)
        let a = rgb(viridis[i]), b = rgb(viridis[i + 1])
        return (a.red + (b.red - a.red) * f, a.green + (b.green - a.green) * f, a.blue + (b.blue - a.blue) * f)
    }

    /// The viridis stops as gnuplot palette entries.
    public static var heatStops: [(position: Double, hex: String)] {
        viridis.enumerated().map { (Double($0.offset) / Double(viridis.count - 1), "#" + String($0.element, radix: 16).leftPadded(to: 6)) }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
