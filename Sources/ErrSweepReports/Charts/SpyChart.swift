import ErrSweep

/// A spy plot of a Jacobian's sparsity pattern: a dot at each possibly nonzero entry, row 1 at the
/// top as the matrix is written, coloured by the colouring that compresses it — by column for
/// forward mode and differences (one pass per colour), by row for reverse mode (one sweep per
/// colour). Beyond `maximumSide` rows or columns it shows the leading block, and says so.
public enum SpyChart {
    /// The side of the largest block drawn: more dots than this per side are a grey smear.
    public static let maximumSide = 60
    /// Colours beyond this many share a palette colour (and a legend line), cyclically.
    static let paletteColors = 8

    /// Which colouring the dots show.
    public enum Compression: String, Sendable {
        /// Columns coloured for forward passes and differences.
        case columns
        /// Rows coloured for reverse sweeps.
        case rows
    }

    /// The spy plot of `pattern` of `name`'s Jacobian, coloured by `compression`.
    public static func make(name: String, pattern: SparsityPattern, compression: Compression) -> Chart {
        let coloring = compression == .columns ? pattern.columnColoring() : pattern.rowColoring()
        let rows = min(pattern.rowCount, maximumSide), columns = min(pattern.columnCount, maximumSide)
        let shown = rows < pattern.rowCount || columns < pattern.columnCount ? " (leading \(rows) × \(columns) shown)" : ""
        let purpose = compression == .columns ? "columns in \(coloring.count) colours (forward passes)"
            : "rows in \(coloring.count) colours (reverse sweeps)"
        let groups = min(coloring.count, paletteColors)
        var points = [[Chart.Point]](repeating: [], count: groups)
        for (i, row) in pattern.rows.prefix(rows).enumerated() {
            for j in row where j < columns {
                let member = compression == .columns ? j : i
                points[coloring.colors[member] % groups].append(Chart.Point(x: Double(j + 1), y: Double(i + 1)))
            }
        }
        // A dot of about 0.4 cells, within 1.5 and 6 pixels.
        let layout = ChartLayout(Chart(name: "", title: "", xAxis: axis("", columns), yAxis: axis("", rows), series: []))
        let width = layout.right - layout.left, height = layout.bottom - layout.top
        let radius = min(6, max(1.5, 0.4 * min(width / Double(columns), height / Double(rows))))
        let members = coloring.groups
        let series = (0..<groups).map { group in
            let colours = Array(stride(from: group, to: coloring.count, by: groups))
            let all = colours.flatMap { members[$0] }.sorted()
            let list = all.prefix(4).map { "\($0 + 1)" }.joined(separator: ", ") + (all.count > 4 ? ", …" : "")
            let lines = all.count == 1 ? String(compression.rawValue.dropLast()) : compression.rawValue
            let names = colours.prefix(3).map { "\($0 + 1)" }.joined(separator: ", ") + (colours.count > 3 ? ", …" : "")
            let label = "\(colours.count == 1 ? "colour" : "colours") \(names): \(lines) \(list)"
            return Chart.Series(label: label, points: points[group], color: group, stroke: .points, width: radius)
        }
        // The legend sits bottom left (the empty corner of a banded or triangular pattern); where
        // entries are there too, the rows axis runs on past the last row to make room below it.
        let legend = (width: 330.0, height: 36 + 20 * Double(groups))
        let covered = points.joined().contains { point in
            point.x - 0.5 <= Double(columns) * legend.width / width && Double(rows) + 0.5 - point.y <= Double(rows) * legend.height / height
        }
        let extra = covered ? Double(rows) * legend.height / (height - legend.height) : 0
        var rowAxis = axis("row i (output)", rows, extra: extra)
        rowAxis.isReversed = true
        var chart = Chart(
            name: "\(name)-pattern-\(compression.rawValue)",
            title: "\(name): \(pattern.rowCount) × \(pattern.columnCount), \(pattern.entryCount) entries\(shown); \(purpose)",
            xAxis: axis("column j (input)", columns), yAxis: rowAxis, series: series)
        chart.legendCorner = .bottomLeft
        return chart
    }

    /// An axis over entries 1 ... count, half a cell of margin either side and `extra` beyond.
    static func axis(_ label: String, _ count: Int, extra: Double = 0) -> Chart.Axis {
        var axis = Chart.Axis(label: label, scale: .linear, range: 0.5...(Double(count) + 0.5 + extra))
        axis.countsWholeNumbers = true
        return axis
    }
}
