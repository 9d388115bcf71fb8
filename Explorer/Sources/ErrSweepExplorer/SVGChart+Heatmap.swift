import ErrSweep
import ErrSweepReports
import Foundation

extension SVGChart {
    /// Where a heat map's cells sit on the canvas, for a hover that finds the cell under the
    /// pointer: the edges of its columns and of its rows, in canvas pixels (rows from the
    /// smallest y up, so their canvas edges fall).
    public struct HeatmapCells: Sendable, Codable, Equatable {
        public var columnEdges: [Double]
        public var rowEdges: [Double]
    }

    /// The cells of `chart`'s heat map on its canvas; nil for a chart without one.
    public static func heatmapCells(_ chart: Chart) -> HeatmapCells? {
        guard let map = chart.heatmap else { return nil }
        let layout = ChartLayout(chart)
        return HeatmapCells(columnEdges: Chart.Heatmap.edges(map.xs, log: chart.xAxis.scale == .log).map(layout.column),
                            rowEdges: Chart.Heatmap.edges(map.ys, log: true).map(layout.row))
    }

    /// The cells as one PNG over the frame, a pixel of it for each pixel of the frame, filled as
    /// the native renderer fills its rectangles (edges midway between centres, clipped to the
    /// frame): tens of kilobytes where an SVG rectangle per cell would take megabytes.
    static func heatmapImage(_ chart: Chart, _ layout: ChartLayout) -> String {
        guard let map = chart.heatmap, let cells = heatmapCells(chart), !map.xs.isEmpty, !map.ys.isEmpty else { return "" }
        let width = Int((layout.right - layout.left).rounded()), height = Int((layout.bottom - layout.top).rounded())
        var bytes = [UInt8](repeating: 255, count: width * height * 3)
        func span(_ a: Double, _ b: Double, origin: Double, limit: Int) -> Range<Int> {
            let low = max(0, min(limit, Int((min(a, b) - origin).rounded()))), high = max(0, min(limit, Int((max(a, b) - origin).rounded())))
            return low..<high
        }
        for row in map.ys.indices {
            let rows = span(cells.rowEdges[row], cells.rowEdges[row + 1], origin: layout.top, limit: height)
            for column in map.xs.indices {
                let color = map.color(map.values[row][column])
                let pixel = [color.red, color.green, color.blue].map { UInt8(($0 * 255).rounded()) }
                let columns = span(cells.columnEdges[column], cells.columnEdges[column + 1], origin: layout.left, limit: width)
                for y in rows {
                    for x in columns { bytes.replaceSubrange((y * width + x) * 3..<(y * width + x) * 3 + 3, with: pixel) }
                }
            }
        }
        let position = "x=\"\(f(layout.left))\" y=\"\(f(layout.top))\" width=\"\(width)\" height=\"\(height)\""
        do {
            let png = try PNGFile.encode(PNGFile.Image(width: width, height: height, hasAlpha: false, bytes: bytes))
            return "<image class=\"heat-cells\" \(position) preserveAspectRatio=\"none\" href=\"data:image/png;base64,\(Data(png).base64EncodedString())\"/>"
        } catch {
            return "<rect \(position) fill=\"#d9d9d9\"/><text x=\"\(f((layout.left + layout.right) / 2))\" y=\"\(f((layout.top + layout.bottom) / 2))\" text-anchor=\"middle\" font-size=\"13\">\(escape("the map could not be drawn: \(error)"))</text>"
        }
    }

    /// The colour bar right of the frame, its ticks and label, as the native renderer draws it:
    /// a gradient through the heat stops (the heat colour is linear between them).
    static func colorBar(_ chart: Chart, _ layout: ChartLayout) -> String {
        guard let map = chart.heatmap else { return "" }
        let x = layout.right + 22, w = 18.0, top = layout.top, bottom = layout.bottom
        let id = "heat-\(escape(chart.name))"
        var svg = "<linearGradient id=\"\(id)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">"
        for stop in Palette.heatStops { svg += "<stop offset=\"\(stop.position)\" stop-color=\"\(stop.hex)\"/>" }
        svg += "</linearGradient>"
        svg += "<rect x=\"\(f(x))\" y=\"\(f(top))\" width=\"\(f(w))\" height=\"\(f(bottom - top))\" fill=\"url(#\(id))\" stroke=\"#262626\"/>"
        let axis = Chart.Axis(label: map.valueLabel, scale: .linear, range: map.valueRange)
        svg += "<g stroke=\"#262626\">"
        for tick in axis.ticks.major {
            let y = f(bottom - axis.fraction(of: tick.value) * (bottom - top))
            svg += "<line x1=\"\(f(x + w))\" y1=\"\(y)\" x2=\"\(f(x + w + 4))\" y2=\"\(y)\"/>"
        }
        svg += "</g><g font-size=\"11\" fill=\"#1a1a1a\">"
        for tick in axis.ticks.major {
            if case .decimal(let text) = tick.label {
                let y = bottom - axis.fraction(of: tick.value) * (bottom - top)
                svg += "<text x=\"\(f(x + w + 7))\" y=\"\(f(y + 4.5))\">\(escape(text.replacingOccurrences(of: "-", with: "−")))</text>"
            }
        }
        svg += "</g>"
        return svg + "<text transform=\"translate(\(f(layout.width - 12)) \(f((top + bottom) / 2))) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1a1a1a\">\(escape(map.valueLabel))</text>"
    }
}
