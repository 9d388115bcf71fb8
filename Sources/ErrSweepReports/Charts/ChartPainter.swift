import ErrSweep
import Foundation

/// Draws a `Chart` on a cairo context: axes with a tick per decade labelled 10^k, curves
/// (anti-aliased, solid or dashed, broken at gaps), zeros as ▼ on the floor, markers, a legend,
/// the title and axis labels, or a heat map with its colour bar. Text is DejaVu Sans. It draws on
/// a `ChartSurface` (cairo for PNG and PDF, an SVG document), in the layout's units.
struct ChartPainter {
    let chart: Chart
    let layout: ChartLayout
    let cr: any ChartSurface

    init(chart: Chart, surface: any ChartSurface, layout: ChartLayout) {
        self.chart = chart
        self.layout = layout
        self.cr = surface
    }

    func paint() {
        setColor((1, 1, 1))
        cr.paintAll()
        if let map = chart.heatmap {
            paintHeatmap(map)
            // Lines over the map (a break-even line), clipped to the frame.
            cr.save()
            cr.rectangle(layout.left, layout.top, layout.right - layout.left, layout.bottom - layout.top)
            cr.clip()
            for series in chart.series { paintSeries(series) }
            cr.restore()
        } else {
            paintGrid()
            cr.save()
            cr.rectangle(layout.left, layout.top, layout.right - layout.left, layout.bottom - layout.top)
            cr.clip()
            for series in chart.series { paintSeries(series) }
            for marker in chart.markers { paintMarker(marker) }
            cr.restore()
            for series in chart.series { paintExact(series) }
        }
        paintFrameAndTicks()
        paintLabels()
        if chart.heatmap == nil || !chart.series.isEmpty { paintLegend() }
    }

    // MARK: Pieces

    func paintGrid() {
        setColor((0.88, 0.88, 0.88))
        cr.setLineWidth(1)
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
        cr.setLineWidth(series.width)
        cr.setRoundJoins()
        if series.stroke == .points {
            for point in series.points where point.y.isFinite && point.x.isFinite
                && (point.y > 0 || chart.yAxis.scale == .linear) && (point.x > 0 || chart.xAxis.scale == .linear) {
                dot(layout.column(point.x), layout.row(point.y), radius: series.width)
            }
            return
        }
        if series.stroke == .dashed {
            cr.setDash([7, 5])
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
                cr.lineTo(x, y)
                single = nil
            } else {
                cr.moveTo(x, y)
                single = (x, y)
                penDown = true
            }
        }
        cr.stroke()
        // A lone point between gaps has no line to draw: show it as a dot.
        if let (x, y) = single { dot(x, y, radius: series.width) }
        cr.setDash([])
    }

    func paintExact(_ series: Chart.Series) {
        setColor(Palette.color(series.color))
        for x in series.exactAt where chart.xAxis.range.contains(x) {
            triangle(layout.column(x), layout.bottom, size: 7)
        }
    }

    func paintMarker(_ marker: Chart.Marker) {
        setColor(Palette.color(marker.color))
        cr.setLineWidth(1.5)
        cr.setDash([2, 3])
        let x = layout.column(marker.x)
        line(x, layout.top, x, layout.bottom)
        cr.setDash([])
        // Near the right edge the label goes on the line's left.
        let nearRight = x + width(of: marker.label, size: 12) + 10 > layout.right
        text(marker.label, nearRight ? x - 5 : x + 5, layout.top + 16, size: 12, align: nearRight ? .right : .left)
    }

    func paintFrameAndTicks() {
        setColor((0.15, 0.15, 0.15))
        cr.setLineWidth(1.2)
        cr.rectangle(layout.left, layout.top, layout.right - layout.left, layout.bottom - layout.top)
        cr.stroke()
        let x = chart.xAxis.ticks
        let xShown = shownLabels(x.major, along: { layout.column($0) }, extent: { labelWidth($0) })
        for (index, tick) in x.major.enumerated() {
            let c = layout.column(tick.value)
            line(c, layout.bottom, c, layout.bottom - 6)
            if let label = tick.label, xShown.contains(index) { tickLabel(label, c, layout.bottom + 20, align: .center) }
        }
        for v in x.minor { let c = layout.column(v); line(c, layout.bottom, c, layout.bottom - 3) }
        let y = chart.yAxis.ticks
        // Labels stacked up the y axis need their height apart: 12-unit text and 2 of leading.
        let yShown = shownLabels(y.major, along: { -layout.row($0) }, extent: { _ in 14 })
        for (index, tick) in y.major.enumerated() {
            let r = layout.row(tick.value)
            line(layout.left, r, layout.left + 6, r)
            if let label = tick.label, yShown.contains(index) { tickLabel(label, layout.left - 8, r + 5, align: .right) }
        }
        for v in y.minor { let r = layout.row(v); line(layout.left, r, layout.left + 3, r) }
        if let map = chart.heatmap { paintColorBar(map) }
    }

    func paintLabels() {
        setColor((0.1, 0.1, 0.1))
        let (title, titleSize) = fitted(chart.title, size: 15, within: layout.width - 16)
        text(title, min(max((layout.left + layout.right) / 2, 8 + width(of: title, size: titleSize) / 2), layout.width - 8 - width(of: title, size: titleSize) / 2),
             30, size: titleSize, align: .center)
        text(chart.xAxis.label, (layout.left + layout.right) / 2, layout.bottom + 46, size: 14, align: .center)
        cr.save()
        cr.translate(26, (layout.top + layout.bottom) / 2)
        cr.rotate(-Double.pi / 2)
        text(chart.yAxis.label, 0, 0, size: 14, align: .center)
        cr.restore()
    }

    func paintLegend() {
        let scale = layout.legendScale
        let (size, rowHeight, sample, padding) = (scale * ChartLayout.legendFontSize, scale * ChartLayout.legendRowHeight,
                                                  scale * ChartLayout.legendSample, scale * ChartLayout.legendPadding)
        var rows: [(label: String, draw: (Double, Double) -> Void)] = chart.series.map { series in
            (series.label, { x, y in
                setColor(Palette.color(series.color))
                cr.setLineWidth(series.width)
                if series.stroke == .points { return dot(x + sample / 2, y, radius: series.width) }
                if series.stroke == .dashed {
                    cr.setDash([7, 5])
                }
                line(x, y, x + sample, y)
                cr.setDash([])
            })
        }
        for note in chart.legendNotes {
            switch note {
            case .exactZero:
                rows.append(("error exactly 0 (drawn on the floor)", { x, y in
                    setColor((0.2, 0.2, 0.2))
                    triangle(x + sample / 2, y + 4 * scale, size: 7 * scale)
                }))
            case .gaps:
                rows.append((note.rawValue, { _, _ in }))
            }
        }
        let textWidth = rows.map { width(of: $0.label, size: size) }.max() ?? 0
        // Entries flow row by row into the layout's columns (one, but for a legend below the frame).
        let columns = layout.legendColumns, lines = (rows.count + columns - 1) / columns
        let entryWidth = padding * 2 + sample + textWidth
        let boxWidth = padding + entryWidth * Double(columns), boxHeight = padding * 2 + rowHeight * Double(lines)
        let (x, y) = layout.legendOrigin(chart.legendCorner, width: boxWidth, height: boxHeight)
        setColor((1, 1, 1))
        cr.rectangle(x, y, boxWidth, boxHeight)
        cr.fill(preserve: true)
        setColor((0.7, 0.7, 0.7))
        cr.setLineWidth(1)
        cr.stroke()
        for (index, row) in rows.enumerated() {
            let center = y + padding + rowHeight * (Double(index / columns) + 0.5)
            let left = x + padding + entryWidth * Double(index % columns)
            row.draw(left, center)
            setColor((0.1, 0.1, 0.1))
            text(row.label, left + padding + sample, center + 4.5 * scale, size: size)
        }
    }

    func paintHeatmap(_ map: Chart.Heatmap) {
        // No step or no point survived (every step underflowed): an empty map, axes only.
        guard !map.xs.isEmpty, !map.ys.isEmpty else { return }
        let xEdges = Chart.Heatmap.edges(map.xs, log: chart.xAxis.scale == .log), yEdges = Chart.Heatmap.edges(map.ys, log: true)
        // The cells at the edges are centred on the first and last x and h: clipped to the frame,
        // as gnuplot clips them to its ranges.
        cr.save()
        cr.rectangle(layout.left, layout.top, layout.right - layout.left, layout.bottom - layout.top)
        cr.clip()
        defer { cr.restore() }
        cr.setAntialias(false)
        for (row, _) in map.ys.enumerated() {
            for (column, _) in map.xs.enumerated() {
                let value = map.values[row][column]
                setColor(map.color(value))
                let x0 = layout.column(xEdges[column]), x1 = layout.column(xEdges[column + 1])
                let y0 = layout.row(yEdges[row]), y1 = layout.row(yEdges[row + 1])
                cr.rectangle(min(x0, x1), min(y0, y1), abs(x1 - x0) + 0.5, abs(y1 - y0) + 0.5)
                cr.fill()
            }
        }
        cr.setAntialias(true)
    }

    func paintColorBar(_ map: Chart.Heatmap) {
        let x = layout.right + 22, w = 18.0, top = layout.top, bottom = layout.bottom
        // 200 bands, each its middle's colour, overlapping the next by half a pixel (no seams)
        // and none beyond the bar's frame.
        let steps = 200, band = (bottom - top) / Double(steps)
        for i in 0..<steps {
            setColor(Palette.heat((Double(i) + 0.5) / Double(steps)))
            let y = bottom - Double(i + 1) * band
            cr.rectangle(x, y, w, i == steps - 1 ? band : band + 0.5)
            cr.fill()
        }
        setColor((0.15, 0.15, 0.15))
        cr.setLineWidth(1)
        cr.rectangle(x, top, w, bottom - top)
        cr.stroke()
        let axis = Chart.Axis(label: map.valueLabel, scale: .linear, range: map.valueRange)
        for tick in axis.ticks.major {
            let y = bottom - axis.fraction(of: tick.value) * (bottom - top)
            line(x + w, y, x + w + 4, y)
            if case .decimal(let text) = tick.label { self.text(Self.typeset(text), x + w + 7, y + 4.5, size: 11) }
        }
        cr.save()
        cr.translate(layout.width - 12, (top + bottom) / 2)
        cr.rotate(-Double.pi / 2)
        text(map.valueLabel, 0, 0, size: 13, align: .center)
        cr.restore()
    }

    // MARK: Fitting text to a small chart

    /// The indices of the labelled ticks whose labels are drawn: every one where they fit, else
    /// every k-th, the smallest k at which no two neighbours overlap (a gap of 8 units), so that a
    /// column-sized chart keeps readable ticks.
    func shownLabels(_ ticks: [(value: Double, label: Chart.Axis.TickLabel?)], along position: (Double) -> Double, extent: (Chart.Axis.TickLabel) -> Double) -> Set<Int> {
        let labelled = ticks.indices.filter { ticks[$0].label != nil }
        for stride in 1...max(labelled.count, 1) {
            let kept = labelled.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            let fits = zip(kept, kept.dropFirst()).allSatisfy { a, b in
                abs(position(ticks[b].value) - position(ticks[a].value)) >= (extent(ticks[a].label!) + extent(ticks[b].label!)) / 2 + 8
            }
            if fits { return Set(kept) }
        }
        return Set(labelled.prefix(1))
    }

    /// A tick label's width as `tickLabel` draws it: 10 at 12 and the exponent at 9, or the
    /// decimal at 12.
    func labelWidth(_ label: Chart.Axis.TickLabel) -> Double {
        switch label {
        case .power(let k): width(of: "10", size: 12) + width(of: Self.typeset(String(k)), size: 9)
        case .decimal(let text): width(of: Self.typeset(text), size: 12)
        }
    }

    /// A number as a label shows it: with a true minus sign (U+2212), not a hyphen.
    static func typeset(_ number: String) -> String { number.replacingOccurrences(of: "-", with: "−") }

    /// `text` at `size`, made smaller (down to 11) to fit `width`, and cut with an ellipsis if it
    /// still does not.
    func fitted(_ text: String, size: Double, within available: Double) -> (String, Double) {
        let natural = width(of: text, size: size)
        guard natural > available else { return (text, size) }
        let smaller = max(11, size * available / natural)
        guard width(of: text, size: smaller) > available else { return (text, smaller) }
        var cut = text
        while cut.count > 1, width(of: cut + "…", size: smaller) > available {
            cut.removeLast()
            cut = cut.trimmingCharacters(in: .whitespaces)
        }
        return (cut + "…", smaller)
    }

    // MARK: Primitives

    enum Align { case left, center, right }

    func setColor(_ c: Palette.RGB) { cr.setColor(c) }

    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        cr.moveTo(x0, y0)
        cr.lineTo(x1, y1)
        cr.stroke()
    }

    func dot(_ x: Double, _ y: Double, radius: Double) {
        cr.circle(x, y, radius: radius)
        cr.fill()
    }

    /// ▼ with its tip at (x, y).
    func triangle(_ x: Double, _ y: Double, size: Double) {
        cr.moveTo(x, y)
        cr.lineTo(x - size / 1.6, y - size)
        cr.lineTo(x + size / 1.6, y - size)
        cr.closePath()
        cr.fill()
    }

    func width(of string: String, size: Double) -> Double {
        cr.textWidth(string, size: size)
    }

    func text(_ string: String, _ x: Double, _ y: Double, size: Double, align: Align = .left) {
        let w = width(of: string, size: size)
        let start = align == .left ? x : align == .center ? x - w / 2 : x - w
        cr.showText(string, start, y, size: size)
    }

    func tickLabel(_ label: Chart.Axis.TickLabel, _ x: Double, _ y: Double, align: Align) {
        setColor((0.15, 0.15, 0.15))
        switch label {
        case .power(let k): power(k, x, y, align: align)
        case .decimal(let text): self.text(Self.typeset(text), x, y, size: 12, align: align)
        }
    }

    /// 10^k with k as a superscript.
    func power(_ k: Int, _ x: Double, _ y: Double, align: Align) {
        let exponent = Self.typeset(String(k))
        let base = width(of: "10", size: 12), total = labelWidth(.power(k))
        let start = align == .left ? x : align == .center ? x - total / 2 : x - total
        setColor((0.15, 0.15, 0.15))
        text("10", start, y, size: 12)
        text(exponent, start + base, y - 6, size: 9)
    }
}
