import ErrSweep
import Foundation

/// A chart as a gnuplot script: a pure function of the chart, so it can be tested without gnuplot.
/// The data goes inline (`$s0 << EOD`), so the script is self-contained: saved beside the images,
/// a user can edit it and re-run it from that directory with `gnuplot NAME.gp`.
public enum GnuplotScript {
    /// The script drawing `chart` once per output, each a (format, file name) pair, at `size`.
    public static func script(_ chart: Chart, outputs: [(format: ChartFormat, file: String)], size: ChartSize = .standard) -> String {
        let chart = chart.laidOut(for: size)
        var lines = [
            "# errsweep \(ErrSweepVersion.current): \(chart.title)",
            "# Re-run from this directory: gnuplot \(chart.name).gp",
            "reset",
        ]
        lines += data(chart)
        lines += settings(chart)
        let plot = plotCommand(chart)
        for output in outputs {
            lines.append(terminal(output.format, size: size))
            lines.append("set output \(quoted(output.file))")
            lines.append(plot)
            lines.append("unset output")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The terminal for `format` at `size`. gnuplot's text is 11 where the native renderer's tick
    /// labels are 12 (its font draws larger), and both scale with the chart's text; lines scale
    /// with it too, so a small figure keeps its proportions. pdfcairo takes the page in inches.
    static func terminal(_ format: ChartFormat, size: ChartSize) -> String {
        let scale = format == .png ? size.pixelsPerUnit : size.pointsPerUnit
        let font = "font \"DejaVu Sans,\(length(11 * scale))\""
        let linewidth = scale == 1 ? "" : " linewidth \(length(scale))"
        switch format {
        case .png:
            return "set terminal pngcairo size \(size.pixelWidth),\(size.pixelHeight) enhanced \(font)\(linewidth) background rgb 'white'"
        case .svg:
            return "set terminal svg size \(length(size.width)),\(length(size.height)) enhanced \(font)\(linewidth) background rgb 'white'"
        case .pdf:
            return "set terminal pdfcairo size \(length(size.width / 72))in,\(length(size.height / 72))in enhanced \(font)\(linewidth) background rgb 'white'"
        }
    }

    /// A size for a terminal: a whole number as one, else to three decimals.
    static func length(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.3f", value)
    }

    /// Inline data blocks: one per series, blank lines where a value is missing (a gap), and one
    /// per series for the points drawn on the floor.
    static func data(_ chart: Chart) -> [String] {
        var lines: [String] = []
        if let map = chart.heatmap {
            lines.append("$map << EOD")
            for (row, y) in map.ys.enumerated() {
                for column in map.xs.indices {
                    lines.append("\(column) \(number(log10(y))) \(number(map.values[row][column]))")
                }
                lines.append("")
            }
            lines.append("EOD")
            // Lines over the map, in its coordinates: x as a fractional column, y as log10.
            for (index, series) in chart.series.enumerated() {
                lines.append("$s\(index) << EOD")
                for point in series.points where point.y > 0 && point.y.isFinite {
                    lines.append("\(number(heatmapColumn(point.x, of: map.xs, log: chart.xAxis.scale == .log))) \(number(log10(point.y)))")
                }
                lines.append("EOD")
            }
            return lines
        }
        for (index, series) in chart.series.enumerated() {
            lines.append("$s\(index) << EOD")
            var previousWasGap = false
            for point in series.points {
                if point.y.isNaN {
                    if !previousWasGap { lines.append("") }
                    previousWasGap = true
                } else {
                    lines.append("\(number(point.x)) \(number(point.y))")
                    previousWasGap = false
                }
            }
            lines.append("EOD")
            let lone = isolated(series.points)
            if !lone.isEmpty {
                lines.append("$p\(index) << EOD")
                lines += lone.map { "\(number($0.x)) \(number($0.y))" }
                lines.append("EOD")
            }
            if !series.exactAt.isEmpty {
                lines.append("$e\(index) << EOD")
                lines += series.exactAt.map { "\(number($0)) \(number(chart.yAxis.range.lowerBound))" }
                lines.append("EOD")
            }
        }
        return lines
    }

    /// Points with no finite neighbour on either side: a line cannot show them, so they are dots
    /// (as the native renderer draws them).
    static func isolated(_ points: [Chart.Point]) -> [Chart.Point] {
        points.indices.filter { i in
            points[i].y.isFinite
                && (i == 0 || !points[i - 1].y.isFinite)
                && (i == points.count - 1 || !points[i + 1].y.isFinite)
        }.map { points[$0] }
    }

    static func settings(_ chart: Chart) -> [String] {
        var lines = [
            "set title \(quoted(chart.title)) noenhanced",
            "set xlabel \(quoted(chart.xAxis.label)) noenhanced",
            "set ylabel \(quoted(chart.yAxis.label)) noenhanced",
        ]
        if let map = chart.heatmap {
            lines += heatmapColumns(map.xs, ticks: chart.xAxis.ticks)
            let low = log10(chart.yAxis.range.lowerBound), high = log10(chart.yAxis.range.upperBound)
            lines.append("set yrange [\(number(low)):\(number(high))]")
            // The decades inside the range; a range within one decade labels its two ends.
            // The y axis holds log10 h, linearly: each tick of the log axis at log10 of its value.
            lines.append(tics("y", chart.yAxis.ticks, at: log10))
            let colorBar = Chart.Axis(label: map.valueLabel, scale: .linear, range: map.valueRange)
            lines.append(tics("cb", colorBar.ticks, at: { $0 }))
            lines.append("set cblabel \(quoted(map.valueLabel)) noenhanced")
            lines.append("set cbrange [\(number(map.valueRange.lowerBound)):\(number(map.valueRange.upperBound))]")
            lines.append("set palette defined (" + Palette.heatStops.enumerated().map {
                "\($0.offset) '\($0.element.hex)'"
            }.joined(separator: ", ") + ")")
            // A cell with no value is left out of the image; the grey behind it shows through, as
            // the native renderer paints such a cell.
            lines.append("set object 1 rectangle from graph 0,0 to graph 1,1 behind fillcolor rgb '#d9d9d9' fillstyle solid noborder")
            lines.append(chart.series.isEmpty ? "unset key" : "set key \(keyPosition(chart.legendCorner)) reverse Left box opaque noenhanced")
            return lines
        }
        lines += axis("x", chart.xAxis)
        lines += axis("y", chart.yAxis)
        lines.append("set grid xtics ytics lc rgb '#e0e0e0' lt 1")
        lines.append("set key \(keyPosition(chart.legendCorner)) reverse Left box opaque noenhanced")
        for (index, marker) in chart.markers.enumerated() {
            lines.append("set arrow \(index + 1) from \(number(marker.x)), graph 0 to \(number(marker.x)), graph 1 nohead dt 3 lw 1.5 lc rgb '\(Palette.hex(marker.color))'")
            let nearRight = chart.xAxis.fraction(of: marker.x) > 0.75
            lines.append("set label \(index + 1) \(quoted(marker.label)) at \(number(marker.x)), graph 0.96 \(nearRight ? "right offset -0.6,0" : "left offset 0.6,0") textcolor rgb '\(Palette.hex(marker.color))' noenhanced")
        }
        return lines
    }

    /// A heat map's x axis in columns: gnuplot's `with image` divides by the spacing of the
    /// coordinates it is given, which overflows for x from −1e308 to 1e308 ("image coordinates
    /// undefined"); column numbers never do. The range runs from the first column's centre to the
    /// last's, as the native renderer's x axis does. Evenly spaced points carry the x axis's own
    /// ticks, each at its place between columns; points listed unevenly label at most seven
    /// columns with the x each stands for, the first and last among them.
    static func heatmapColumns(_ xs: [Double], ticks: Chart.Axis.Ticks) -> [String] {
        let count = xs.count
        guard count > 1 else { return ["set xrange [-0.5:0.5]", "set xtics (\(quoted(NumberFormat.compact(xs.first ?? 0))) 0)"] }
        let spacing = (xs[count - 1] - xs[0]) / Double(count - 1)
        let even = spacing.isFinite && spacing > 0
            && xs.indices.allSatisfy { abs(xs[$0] - (xs[0] + Double($0) * spacing)) <= 1e-9 * abs(spacing) * Double(count) }
        let range = "set xrange [0:\(count - 1)]"
        if even { return [range, tics("x", ticks, at: { ($0 - xs[0]) / spacing })] }
        let labelled = count <= 7 ? Array(0..<count) : Array(Set((0...6).map { $0 * (count - 1) / 6 })).sorted()
        return [range, "set xtics (" + labelled.map { "\(quoted(NumberFormat.compact(xs[$0]))) \($0)" }.joined(separator: ", ") + ")"]
    }

    /// Where x falls among a heat map's columns `xs` (ascending), as a fractional column index:
    /// linear between neighbours, in log10 x on a log axis; beyond the ends, extended.
    static func heatmapColumn(_ x: Double, of xs: [Double], log: Bool) -> Double {
        guard xs.count > 1 else { return 0 }
        let scale: (Double) -> Double = log ? { log10($0) } : { $0 }
        let position = xs.lastIndex { $0 <= x }.map { min($0, xs.count - 2) } ?? 0
        let a = scale(xs[position]), b = scale(xs[position + 1])
        return Double(position) + (scale(x) - a) / (b - a)
    }

    static func axis(_ name: String, _ axis: Chart.Axis) -> [String] {
        let ends = axis.isReversed ? (axis.range.upperBound, axis.range.lowerBound) : (axis.range.lowerBound, axis.range.upperBound)
        var lines = ["set \(name)range [\(number(ends.0)):\(number(ends.1))]"]
        if axis.scale == .log { lines.append("set logscale \(name) 10") }
        lines.append(tics(name, axis.ticks, at: { $0 }))
        return lines
    }

    /// The axis's ticks (`Chart.Axis.ticks`, as the native renderer draws them) as an explicit
    /// gnuplot list: labelled ticks at level 0, which carry the grid lines; the unlabelled and
    /// the minor ones at level 1, which do not. `position` maps a value to gnuplot's coordinate.
    static func tics(_ name: String, _ ticks: Chart.Axis.Ticks, at position: (Double) -> Double) -> String {
        let major = ticks.major.map { tick -> String in
            switch tick.label {
            case .power(let k): "\"10^{\(k)}\" \(number(position(tick.value)))"
            case .decimal(let text): "\(quoted(text)) \(number(position(tick.value)))"
            case nil: "\"\" \(number(position(tick.value))) 1"
            }
        }
        let minor = ticks.minor.map { "\"\" \(number(position($0))) 1" }
        return "set \(name)tics (" + (major + minor).joined(separator: ", ") + ")"
    }

    static func plotCommand(_ chart: Chart) -> String {
        if chart.heatmap != nil {
            return "plot " + (["$map using 1:2:3 with image notitle"] + chart.series.indices.map { index in
                let series = chart.series[index]
                return "$s\(index) using 1:2 with lines lw \(number(series.width)) dt \(series.stroke == .dashed ? 2 : 1) lc rgb '\(Palette.hex(series.color))' title \(quoted(series.label))"
            }).joined(separator: ", \\\n     ")
        }
        var parts: [String] = []
        for (index, series) in chart.series.enumerated() {
            let dash = series.stroke == .dashed ? 2 : 1
            let style = "lw \(number(series.width)) dt \(dash) lc rgb '\(Palette.hex(series.color))'"
            // gnuplot refuses a data block with no point in it; such a series stays in the legend.
            guard series.points.contains(where: { $0.y.isFinite }) else {
                parts.append("keyentry with lines \(style) title \(quoted(series.label))")
                if !series.exactAt.isEmpty {
                    parts.append("$e\(index) using 1:2 with points pt 11 ps 1.4 lc rgb '\(Palette.hex(series.color))' notitle")
                }
                continue
            }
            if series.stroke == .points {
                parts.append("$s\(index) using 1:2 with points pt 7 ps \(number(series.width / 2.5)) lc rgb '\(Palette.hex(series.color))' title \(quoted(series.label))")
            } else {
                parts.append("$s\(index) using 1:2 with lines \(style) title \(quoted(series.label))")
            }
            if series.stroke != .points, !isolated(series.points).isEmpty {
                parts.append("$p\(index) using 1:2 with points pt 7 ps \(number(series.width / 4)) lc rgb '\(Palette.hex(series.color))' notitle")
            }
            if !series.exactAt.isEmpty {
                parts.append("$e\(index) using 1:2 with points pt 11 ps 1.4 lc rgb '\(Palette.hex(series.color))' notitle")
            }
        }
        for note in chart.legendNotes {
            switch note {
            case .exactZero: parts.append("keyentry with points pt 11 ps 1.4 lc rgb 'black' title \(quoted("error exactly 0 (drawn on the floor)"))")
            case .gaps: parts.append("keyentry with lines lc rgb 'white' title \(quoted(note.rawValue))")
            }
        }
        // With no data at all gnuplot still needs one plotted element: an undefined function,
        // which draws nothing and keeps the axes and the legend.
        if !chart.series.contains(where: { $0.points.contains { $0.y.isFinite } || !$0.exactAt.isEmpty }) {
            parts.insert("NaN notitle", at: 0)
        }
        return "plot " + parts.joined(separator: ", \\\n     ")
    }

    /// Where x falls across the axis, 0 to 1.
    static func keyPosition(_ corner: Chart.Corner) -> String {
        switch corner {
        case .topLeft: "top left"
        case .topRight: "top right"
        case .bottomLeft: "bottom left"
        case .bottomRight: "bottom right"
        case .outsideRight: "outside right top"
        case .below: "below"
        }
    }

    /// A double-quoted gnuplot string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The shortest decimal that reads back as the same double.
    static func number(_ value: Double) -> String {
        value.isNaN ? "NaN" : value.description
    }
}
