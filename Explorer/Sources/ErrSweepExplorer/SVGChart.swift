import ErrSweep
import ErrSweepReports
import Foundation

/// A chart (curves, or a heat map with its colour bar) as an SVG element for the explorer's page,
/// laid out by the native renderer's rules (`ChartLayout`, `Chart.Axis.ticks`, the palette), so
/// the page's chart and the PNG agree on every tick, label and colour. Each point of a curve is
/// also a circle carrying what the hover reads off (`data-*` attributes): the browser finds it
/// and shows it, no script in the SVG. A heat map's cells are found by `heatmapCells`. Every
/// text is XML-escaped.
public enum SVGChart {
    /// What a point's hover says: `(name, value)` pairs, in order.
    public typealias Hover = (_ series: Int, _ point: Int) -> [(String, String)]

    /// `chart` as an `<svg>` element, its points' hover text from `hover`.
    public static func svg(_ chart: Chart, hover: Hover = { _, _ in [] }) -> String {
        let layout = ChartLayout(chart)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(layout.width)) \(Int(layout.height))\" class=\"chart\" role=\"img\" aria-label=\"\(escape(chart.title))\">"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        // A heat map fills the frame, where a curve chart has its grid; lines go over either.
        svg += chart.heatmap == nil ? grid(chart, layout) : heatmapImage(chart, layout)
        svg += "<clipPath id=\"frame-\(escape(chart.name))\"><rect x=\"\(f(layout.left))\" y=\"\(f(layout.top))\" width=\"\(f(layout.right - layout.left))\" height=\"\(f(layout.bottom - layout.top))\"/></clipPath>"
        svg += "<g clip-path=\"url(#frame-\(escape(chart.name)))\">"
        for series in chart.series { svg += curve(series, chart, layout) }
        if chart.heatmap == nil { for marker in chart.markers { svg += markerLine(marker, layout) } }
        svg += "</g>"
        if chart.heatmap == nil { for series in chart.series { svg += exactZeros(series, chart, layout) } }
        svg += frameAndTicks(chart, layout)
        svg += labels(chart, layout)
        svg += colorBar(chart, layout)
        if chart.heatmap == nil || !chart.series.isEmpty { svg += legend(chart, layout) }
        svg += hoverPoints(chart, layout, hover)
        return svg + "</svg>"
    }

    static func grid(_ chart: Chart, _ layout: ChartLayout) -> String {
        var lines = ""
        for tick in chart.xAxis.ticks.major where tick.label != nil {
            let x = f(layout.column(tick.value))
            lines += "<line x1=\"\(x)\" y1=\"\(f(layout.top))\" x2=\"\(x)\" y2=\"\(f(layout.bottom))\"/>"
        }
        for tick in chart.yAxis.ticks.major where tick.label != nil {
            let y = f(layout.row(tick.value))
            lines += "<line x1=\"\(f(layout.left))\" y1=\"\(y)\" x2=\"\(f(layout.right))\" y2=\"\(y)\"/>"
        }
        return "<g stroke=\"#e0e0e0\" stroke-width=\"1\">\(lines)</g>"
    }

    /// Whether a point can be drawn on the chart's axes (finite, positive on a log axis).
    static func drawable(_ point: Chart.Point, _ chart: Chart) -> Bool {
        point.x.isFinite && point.y.isFinite && (point.x > 0 || chart.xAxis.scale == .linear) && (point.y > 0 || chart.yAxis.scale == .linear)
    }

    /// A polyline per run of drawable points (a gap breaks it), or dots for a scatter.
    static func curve(_ series: Chart.Series, _ chart: Chart, _ layout: ChartLayout) -> String {
        let color = Palette.hex(series.color)
        if series.stroke == .points {
            return series.points.filter { drawable($0, chart) }.map {
                "<circle cx=\"\(f(layout.column($0.x)))\" cy=\"\(f(layout.row($0.y)))\" r=\"\(f(series.width))\" fill=\"\(color)\"/>"
            }.joined()
        }
        var runs: [[Chart.Point]] = [[]]
        for point in series.points {
            if drawable(point, chart) { runs[runs.count - 1].append(point) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        let dash = series.stroke == .dashed ? " stroke-dasharray=\"7 5\"" : ""
        return runs.filter { !$0.isEmpty }.map { run in
            let points = run.map { "\(f(layout.column($0.x))),\(f(layout.row($0.y)))" }.joined(separator: " ")
            return "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(f(series.width))\"\(dash)/>"
        }.joined()
    }

    static func markerLine(_ marker: Chart.Marker, _ layout: ChartLayout) -> String {
        let x = layout.column(marker.x), color = Palette.hex(marker.color)
        let nearRight = x > layout.left + 0.75 * (layout.right - layout.left)
        return "<line x1=\"\(f(x))\" y1=\"\(f(layout.top))\" x2=\"\(f(x))\" y2=\"\(f(layout.bottom))\" stroke=\"\(color)\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>"
            + "<text x=\"\(f(nearRight ? x - 5 : x + 5))\" y=\"\(f(layout.top + 16))\" fill=\"\(color)\" font-size=\"12\" text-anchor=\"\(nearRight ? "end" : "start")\">\(escape(marker.label))</text>"
    }

    /// ▼ on the floor where the error is exactly 0, as the PNG draws it.
    static func exactZeros(_ series: Chart.Series, _ chart: Chart, _ layout: ChartLayout) -> String {
        series.exactAt.filter { chart.xAxis.range.contains($0) }.map { x in
            let c = layout.column(x), b = layout.bottom
            return "<path d=\"M\(f(c - 5)),\(f(b - 8))L\(f(c + 5)),\(f(b - 8))L\(f(c)),\(f(b))Z\" fill=\"\(Palette.hex(series.color))\"/>"
        }.joined()
    }

    static func frameAndTicks(_ chart: Chart, _ layout: ChartLayout) -> String {
        var svg = "<rect x=\"\(f(layout.left))\" y=\"\(f(layout.top))\" width=\"\(f(layout.right - layout.left))\" height=\"\(f(layout.bottom - layout.top))\" fill=\"none\" stroke=\"#262626\" stroke-width=\"1.2\"/>"
        svg += "<g stroke=\"#262626\">"
        // Major ticks 6 px long, minor ones 3, pointing into the frame.
        func lengths(_ axis: Chart.Axis) -> [(value: Double, length: Double)] {
            axis.ticks.major.map { ($0.value, 6) } + axis.ticks.minor.map { ($0, 3) }
        }
        for (value, length) in lengths(chart.xAxis) {
            let x = f(layout.column(value))
            svg += "<line x1=\"\(x)\" y1=\"\(f(layout.bottom))\" x2=\"\(x)\" y2=\"\(f(layout.bottom - length))\"/>"
        }
        for (value, length) in lengths(chart.yAxis) {
            let y = f(layout.row(value))
            svg += "<line x1=\"\(f(layout.left))\" y1=\"\(y)\" x2=\"\(f(layout.left + length))\" y2=\"\(y)\"/>"
        }
        svg += "</g><g font-size=\"13\" fill=\"#1a1a1a\">"
        for tick in chart.xAxis.ticks.major {
            if let label = tick.label { svg += tickLabel(label, x: layout.column(tick.value), y: layout.bottom + 20, anchor: "middle") }
        }
        for tick in chart.yAxis.ticks.major {
            if let label = tick.label { svg += tickLabel(label, x: layout.left - 8, y: layout.row(tick.value) + 5, anchor: "end") }
        }
        return svg + "</g>"
    }

    static func tickLabel(_ label: Chart.Axis.TickLabel, x: Double, y: Double, anchor: String) -> String {
        switch label {
        case .power(let k): "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">10<tspan dy=\"-6\" font-size=\"10\">\(k)</tspan></text>"
        case .decimal(let text): "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(escape(text))</text>"
        }
    }

    static func labels(_ chart: Chart, _ layout: ChartLayout) -> String {
        let middle = (layout.left + layout.right) / 2, centre = (layout.top + layout.bottom) / 2
        return "<g fill=\"#1a1a1a\" text-anchor=\"middle\">"
            + "<text x=\"\(f(middle))\" y=\"30\" font-size=\"15\">\(escape(chart.title))</text>"
            + "<text x=\"\(f(middle))\" y=\"\(f(layout.height - 18))\" font-size=\"14\">\(escape(chart.xAxis.label))</text>"
            + "<text transform=\"translate(26 \(f(centre))) rotate(-90)\" font-size=\"14\">\(escape(chart.yAxis.label))</text></g>"
    }

    static func legend(_ chart: Chart, _ layout: ChartLayout) -> String {
        let (rowHeight, padding, sample) = (ChartLayout.legendRowHeight, ChartLayout.legendPadding, ChartLayout.legendSample)
        let labels = chart.series.map(\.label) + chart.legendNotes.map(\.rawValue)
        guard !labels.isEmpty else { return "" }
        // The box is drawn before the text is measured: `ChartLayout.legendWidth`'s estimate.
        let width = ChartLayout.legendWidth(chart), height = ChartLayout.legendHeight(chart)
        let (x, y) = layout.legendOrigin(chart.legendCorner, width: width, height: height)
        var svg = "<g class=\"legend\" font-size=\"12\"><rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#fff\" stroke=\"#b3b3b3\"/>"
        for (index, label) in labels.enumerated() {
            let centre = y + padding + rowHeight * (Double(index) + 0.5)
            if index < chart.series.count {
                let series = chart.series[index], color = Palette.hex(series.color)
                let dash = series.stroke == .dashed ? " stroke-dasharray=\"7 5\"" : ""
                svg += series.stroke == .points
                    ? "<circle cx=\"\(f(x + padding + sample / 2))\" cy=\"\(f(centre))\" r=\"\(f(series.width))\" fill=\"\(color)\"/>"
                    : "<line x1=\"\(f(x + padding))\" y1=\"\(f(centre))\" x2=\"\(f(x + padding + sample))\" y2=\"\(f(centre))\" stroke=\"\(color)\" stroke-width=\"\(f(series.width))\"\(dash)/>"
            }
            svg += "<text x=\"\(f(x + padding * 2 + sample))\" y=\"\(f(centre + 4.5))\" fill=\"#1a1a1a\">\(escape(label))</text>"
        }
        return svg + "</g>"
    }

    /// A circle over each drawable point, invisible until hovered, holding its hover text.
    static func hoverPoints(_ chart: Chart, _ layout: ChartLayout, _ hover: Hover) -> String {
        var svg = "<g class=\"hover-points\">"
        for (s, series) in chart.series.enumerated() {
            for (p, point) in series.points.enumerated() where drawable(point, chart) {
                let data = [("series", series.label)] + hover(s, p)
                let attributes = data.enumerated().map { "data-\($0.offset)=\"\(escape("\($0.element.0): \($0.element.1)"))\"" }.joined(separator: " ")
                svg += "<circle cx=\"\(f(layout.column(point.x)))\" cy=\"\(f(layout.row(point.y)))\" r=\"5\" fill=\"\(Palette.hex(series.color))\" \(attributes)/>"
            }
        }
        return svg + "</g>"
    }

    /// Text made safe inside an XML element or a quoted attribute.
    public static func escape(_ text: String) -> String {
        // Most texts (numbers, method names) need nothing.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A coordinate to a tenth of a pixel (as "%.1f" spells it, in whole-number arithmetic: a
    /// chart has thousands); 0 for none.
    static func f(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "0" }
        let tenths = Int((value * 10).rounded())
        return (tenths < 0 ? "-" : "") + String(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
    }
}
