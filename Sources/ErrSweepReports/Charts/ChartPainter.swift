import CCairo
import ErrSweep
import Foundation

/// Draws a `Chart` on a cairo context: axes with a tick per decade labelled 10^k, curves
/// (anti-aliased, solid or dashed, broken at gaps), zeros as ▼ on the floor, markers, a legend,
/// the title and axis labels, or a heat map with its colour bar. Text is DejaVu Sans through
/// fontconfig and FreeType.
struct ChartPainter {
    let chart: Chart
    let layout: ChartLayout
    let cr: OpaquePointer

    init(chart: Chart, context: OpaquePointer) {
        self.chart = chart
        self.layout = ChartLayout(chart)
        self.cr = context
    }

    func paint() {
        setColor((1, 1, 1))
        cairo_paint(cr)
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        if let map = chart.heatmap {
            paintHeatmap(map)
            // Lines over the map (a break-even line), clipped to the frame.
            cairo_save(cr)
            cairo_rectangle(cr, layout.left, layout.top, layout.right - layout.left, layout.bottom - layout.top)
            cairo_clip(cr)
            for series in chart.series { paintSeries(series) }
            cairo_restore(cr)
        } else {
            paintGrid()
            cairo_save(cr)
            cairo_rectangle(cr, layout.left, layout.top, layout.right - layout.left, layout.bottom - layout.top)
            cairo_clip(cr)
            for series in chart.series { paintSeries(series) }
            for marker in chart.markers { paintMarker(marker) }
            cairo_restore(cr)
            for series in chart.series { paintExact(series) }
        }
        paintFrameAndTicks()
        paintLabels()
        if chart.heatmap == nil || !chart.series.isEmpty { paintLegend() }
    }

    // MARK: Pieces

    func paintGrid() {
        setColor((0.88, 0.88, 0.88))
        cairo_set_line_width(cr, 1)
        // Grid lines at labelled ticks only: a line per decade over 60 decades is noise.
        for tick in chart.xAxis.ticks.major where tick.label != nil {
            line(layout.column(tick.value), layout.top, layout.column(tick.value), layout.bottom)
        }
        for tick in chart.yAxis.ticks.major where tick.label != nil {
            line(layout.left, layout.row(tick.value), layout.right, layout.row(tick.value))
        }
    }

    func paintSeries(_ series: Chart.Series) {
        setColor(Palette.color(series.color))
        cairo_set_line_width(cr, series.width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        if series.stroke == .points {
            for point in series.points where point.y.isFinite && point.x.isFinite
                && (point.y > 0 || chart.yAxis.scale == .linear) && (point.x > 0 || chart.xAxis.scale == .linear) {
                dot(layout.column(point.x), layout.row(point.y), radius: series.width)
            }
            return
        }
        if series.stroke == .dashed {
            var dashes: [Double] = [7, 5]
            cairo_set_dash(cr, &dashes, 2, 0)
        }
        var penDown = false
        var single: (Double, Double)?
        for point in series.points {
            guard point.y.isFinite, point.y > 0 || chart.yAxis.scale == .linear, point.x > 0 || chart.xAxis.scale == .linear else {
                if let (x, y) = single { dot(x, y, radius: series.width) }
                penDown = false
                single = nil
                continue
            }
            let x = layout.column(point.x), y = layout.row(point.y)
            if penDown {
                cairo_line_to(cr, x, y)
                single = nil
            } else {
                cairo_move_to(cr, x, y)
                single = (x, y)
                penDown = true
            }
        }
        cairo_stroke(cr)
        // A lone point between gaps has no line to draw: show it as a dot.
        if let (x, y) = single { dot(x, y, radius: series.width) }
        cairo_set_dash(cr, nil, 0, 0)
    }

    func paintExact(_ series: Chart.Series) {
        setColor(Palette.color(series.color))
        for x in series.exactAt where chart.xAxis.range.contains(x) {
            triangle(layout.column(x), layout.bottom, size: 7)
        }
    }

    func paintMarker(_ marker: Chart.Marker) {
        setColor(Palette.color(marker.color))
        cairo_set_line_width(cr, 1.5)
        var dashes: [Double] = [2, 3]
        cairo_set_dash(cr, &dashes, 2, 0)
        let x = layout.column(marker.x)
        line(x, layout.top, x, layout.bottom)
        cairo_set_dash(cr, nil, 0, 0)
        // Near the right edge the label goes on the line's left.
        let nearRight = x + width(of: marker.label, size: 12) + 10 > layout.right
        text(marker.label, nearRight ? x - 5 : x + 5, layout.top + 16, size: 12, align: nearRight ? .right : .left)
    }

    func paintFrameAndTicks() {
        setColor((0.15, 0.15, 0.15))
        cairo_set_line_width(cr, 1.2)
        cairo_rectangle(cr, layout.left, layout.top, layout.right - layout.left, layout.bottom - layout.top)
        cairo_stroke(cr)
        let x = chart.xAxis.ticks
        for tick in x.major {
            let c = layout.column(tick.value)
            line(c, layout.bottom, c, layout.bottom - 6)
            if let label = tick.label { tickLabel(label, c, layout.bottom + 20, align: .center) }
        }
        for v in x.minor { let c = layout.column(v); line(c, layout.bottom, c, layout.bottom - 3) }
        let y = chart.yAxis.ticks
        for tick in y.major {
            let r = layout.row(tick.value)
            line(layout.left, r, layout.left + 6, r)
            if let label = tick.label { tickLabel(label, layout.left - 8, r + 5, align: .right) }
        }
        for v in y.minor { let r = layout.row(v); line(layout.left, r, layout.left + 3, r) }
        if let map = chart.heatmap { paintColorBar(map) }
    }

    func paintLabels() {
        setColor((0.1, 0.1, 0.1))
        text(chart.title, (layout.left + layout.right) / 2, 30, size: 15, align: .center)
        text(chart.xAxis.label, (layout.left + layout.right) / 2, layout.height - 18, size: 14, align: .center)
        cairo_save(cr)
        cairo_translate(cr, 26, (layout.top + layout.bottom) / 2)
        cairo_rotate(cr, -Double.pi / 2)
        text(chart.yAxis.label, 0, 0, size: 14, align: .center)
        cairo_restore(cr)
    }

    func paintLegend() {
        let (size, rowHeight, sample, padding) = (ChartLayout.legendFontSize, ChartLayout.legendRowHeight, ChartLayout.legendSample, ChartLayout.legendPadding)
        var rows: [(label: String, draw: (Double, Double) -> Void)] = chart.series.map { series in
            (series.label, { x, y in
                setColor(Palette.color(series.color))
                cairo_set_line_width(cr, series.width)
                if series.stroke == .points { return dot(x + sample / 2, y, radius: series.width) }
                if series.stroke == .dashed {
                    var dashes: [Double] = [7, 5]
                    cairo_set_dash(cr, &dashes, 2, 0)
                }
                line(x, y, x + sample, y)
                cairo_set_dash(cr, nil, 0, 0)
            })
        }
        for note in chart.legendNotes {
            switch note {
            case .exactZero:
                rows.append(("error exactly 0 (drawn on the floor)", { x, y in
                    setColor((0.2, 0.2, 0.2))
                    triangle(x + sample / 2, y + 4, size: 7)
                }))
            case .gaps:
                rows.append((note.rawValue, { _, _ in }))
            }
        }
        let textWidth = rows.map { width(of: $0.label, size: size) }.max() ?? 0
        let boxWidth = padding * 3 + sample + textWidth, boxHeight = padding * 2 + rowHeight * Double(rows.count)
        let (x, y) = layout.legendOrigin(chart.legendCorner, width: boxWidth, height: boxHeight)
        setColor((1, 1, 1))
        cairo_rectangle(cr, x, y, boxWidth, boxHeight)
        cairo_fill_preserve(cr)
        setColor((0.7, 0.7, 0.7))
        cairo_set_line_width(cr, 1)
        cairo_stroke(cr)
        for (index, row) in rows.enumerated() {
            let center = y + padding + rowHeight * (Double(index) + 0.5)
            row.draw(x + padding, center)
            setColor((0.1, 0.1, 0.1))
            text(row.label, x + padding * 2 + sample, center + 4.5, size: size)
        }
    }

    func paintHeatmap(_ map: Chart.Heatmap) {
        // No step or no point survived (every step underflowed): an empty map, axes only.
        guard !map.xs.isEmpty, !map.ys.isEmpty else { return }
        let xEdges = Chart.Heatmap.edges(map.xs, log: chart.xAxis.scale == .log), yEdges = Chart.Heatmap.edges(map.ys, log: true)
        // The cells at the edges are centred on the first and last x and h: clipped to the frame,
        // as gnuplot clips them to its ranges.
        cairo_save(cr)
        cairo_rectangle(cr, layout.left, layout.top, layout.right - layout.left, layout.bottom - layout.top)
        cairo_clip(cr)
        defer { cairo_restore(cr) }
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
        for (row, _) in map.ys.enumerated() {
            for (column, _) in map.xs.enumerated() {
                let value = map.values[row][column]
                setColor(map.color(value))
                let x0 = layout.column(xEdges[column]), x1 = layout.column(xEdges[column + 1])
                let y0 = layout.row(yEdges[row]), y1 = layout.row(yEdges[row + 1])
                cairo_rectangle(cr, min(x0, x1), min(y0, y1), abs(x1 - x0) + 0.5, abs(y1 - y0) + 0.5)
                cairo_fill(cr)
            }
        }
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT)
    }

    func paintColorBar(_ map: Chart.Heatmap) {
        let x = layout.right + 22, w = 18.0, top = layout.top, bottom = layout.bottom
        // 200 bands, each its middle's colour, overlapping the next by half a pixel (no seams)
        // and none beyond the bar's frame.
        let steps = 200, band = (bottom - top) / Double(steps)
        for i in 0..<steps {
            setColor(Palette.heat((Double(i) + 0.5) / Double(steps)))
            let y = bottom - Double(i + 1) * band
            cairo_rectangle(cr, x, y, w, i == steps - 1 ? band : band + 0.5)
            cairo_fill(cr)
        }
        setColor((0.15, 0.15, 0.15))
        cairo_set_line_width(cr, 1)
        cairo_rectangle(cr, x, top, w, bottom - top)
        cairo_stroke(cr)
        let axis = Chart.Axis(label: map.valueLabel, scale: .linear, range: map.valueRange)
        for tick in axis.ticks.major {
            let y = bottom - axis.fraction(of: tick.value) * (bottom - top)
            line(x + w, y, x + w + 4, y)
            if case .decimal(let text) = tick.label { self.text(text.replacingOccurrences(of: "-", with: "−"), x + w + 7, y + 4.5, size: 11) }
        }
        cairo_save(cr)
        cairo_translate(cr, layout.width - 12, (top + bottom) / 2)
        cairo_rotate(cr, -Double.pi / 2)
        text(map.valueLabel, 0, 0, size: 13, align: .center)
        cairo_restore(cr)
    }

    // MARK: Primitives

    enum Align { case left, center, right }

    func setColor(_ c: Palette.RGB) { cairo_set_source_rgb(cr, c.red, c.green, c.blue) }

    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
        cairo_stroke(cr)
    }

    func dot(_ x: Double, _ y: Double, radius: Double) {
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
        cairo_fill(cr)
    }

    /// ▼ with its tip at (x, y).
    func triangle(_ x: Double, _ y: Double, size: Double) {
        cairo_move_to(cr, x, y)
        cairo_line_to(cr, x - size / 1.6, y - size)
        cairo_line_to(cr, x + size / 1.6, y - size)
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    func width(of string: String, size: Double) -> Double {
        cairo_set_font_size(cr, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, string, &extents)
        return extents.x_advance
    }

    func text(_ string: String, _ x: Double, _ y: Double, size: Double, align: Align = .left) {
        let w = width(of: string, size: size)
        let start = align == .left ? x : align == .center ? x - w / 2 : x - w
        cairo_move_to(cr, start, y)
        cairo_show_text(cr, string)
    }

    func tickLabel(_ label: Chart.Axis.TickLabel, _ x: Double, _ y: Double, align: Align) {
        setColor((0.15, 0.15, 0.15))
        switch label {
        case .power(let k): power(k, x, y, align: align)
        case .decimal(let text): self.text(text.replacingOccurrences(of: "-", with: "−"), x, y, size: 12, align: align)
        }
    }

    /// 10^k with k as a superscript.
    func power(_ k: Int, _ x: Double, _ y: Double, align: Align) {
        let exponent = String(k).replacingOccurrences(of: "-", with: "−")
        let base = width(of: "10", size: 12), raised = width(of: exponent, size: 9)
        let total = base + raised
        let start = align == .left ? x : align == .center ? x - total / 2 : x - total
        setColor((0.15, 0.15, 0.15))
        text("10", start, y, size: 12)
        text(exponent, start + base, y - 6, size: 9)
    }
}
