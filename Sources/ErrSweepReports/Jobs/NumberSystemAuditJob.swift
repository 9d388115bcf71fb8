import ErrSweep
import Foundation

/// The number-system audit and everything written from it, committed together: Reports/data/number-systems.csv (every
/// measurement), a chart per function in Plots/, and Reports/number-systems.md, which sets the
/// figures beside anchors measured once in Python (numpy's complex functions, autograd), read
/// from Reports/anchors/number-systems-python.csv when it is there.
public struct NumberSystemAuditJob: Sendable {
    public var root: URL
    public var renderer: (any ChartRenderer)?
    public var functions: [AuditFunction]

    /// The audit's summaries and what was written.
    public struct Outcome: Sendable {
        public var measurements: [NumberSystemAudit.Measurement]
        public var summaries: [NumberSystemAudit.Summary]
        public var chartFailure: String?
        public var summaryText: String
    }

    /// The audit of `functions`, written under `root`, charts drawn by `renderer` (none when nil).
    public init(root: URL, renderer: (any ChartRenderer)?, functions: [AuditFunction] = AuditFunction.all) {
        self.root = root
        self.renderer = renderer
        self.functions = functions
    }

    public static let table = "Reports/data/number-systems.csv"
    public static let report = "Reports/number-systems.md"
    public static let anchors = "Reports/anchors/number-systems-python.csv"

    /// Runs the audit and writes the table, charts and report, committed together.
    public func run() throws -> Outcome {
        let measurements = NumberSystemAudit.run(functions)
        let summaries = NumberSystemAudit.summaries(measurements)
        // Committed as a whole, like a sweep (`StagedOutput`).
        let staged = try StagedOutput(root: root)
        try AtomicFile.write(lines: [Self.header] + measurements.map(Self.line), to: staged.url(Self.table))
        var chartFailure: String?
        var drawn: [String] = []
        if let renderer {
            let charts = functions.map { function in Self.chart(of: function, measurements: measurements.filter { $0.function == function.name }) }
            (drawn, chartFailure) = staged.drawCharts(charts, renderer: renderer)
        }
        let anchors = (try? String(contentsOf: root.appendingPathComponent(Self.anchors), encoding: .utf8)).map(AnchorFigures.init) ?? AnchorFigures(csv: "")
        let markdown = NumberSystemReport.markdown(
            summaries: summaries, functions: functions, anchors: anchors, charts: drawn, chartFailure: chartFailure,
            date: MarkdownReport.Run.today())
        try AtomicFile.write(markdown, to: staged.url(Self.report))
        try staged.commit(family: "number-systems")
        return Outcome(measurements: measurements, summaries: summaries, chartFailure: chartFailure,
                       summaryText: NumberSystemReport.summaryText(summaries))
    }

    static let header = "function,system,part,x,y,ulps,condition,well_conditioned"

    static func line(_ m: NumberSystemAudit.Measurement) -> String {
        [field(m.function), field(m.component.system), field(m.component.part),
         NumberFormat.exact(m.x), NumberFormat.exact(m.y), NumberFormat.exact(m.ulps), NumberFormat.exact(m.condition),
         m.isWellConditioned ? "1" : "0"].joined(separator: ",")
    }

    /// A text field, quoted (RFC 4180) when it holds a comma or a quote: `pow(x, 2.5)`.
    static func field(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// ulps + 1 against x over the function's interval (log y, so an exact result sits at 1),
    /// where well conditioned:
    /// the complex step in errsweep's arithmetic and in swift-numerics', the dual tangent, and the
    /// Double value.
    static func chart(of function: AuditFunction, measurements: [NumberSystemAudit.Measurement]) -> Chart {
        let shown: [(system: String, part: String, label: String)] = [
            ("complex (swift-numerics)", NumberSystemAudit.stepPart, "complex step, swift-numerics Complex"),
            ("complex (errsweep)", NumberSystemAudit.stepPart, "complex step, errsweep's ComponentwiseComplex"),
            ("dual", "tangent", "forward AD (dual tangent)"),
            ("Double", NumberSystemAudit.valuePart, "Double value (glibc)"),
        ]
        let series = shown.enumerated().map { index, item in
            let points = measurements
                .filter { $0.component.system == item.system && $0.component.part == item.part && function.interval.contains($0.x) }
                .sorted { $0.x < $1.x }
                // A gap where the part is ill conditioned (or the complex step not exact itself),
                // as in the report's figures.
                .map { Chart.Point(x: $0.x, y: !$0.isWellConditioned ? .nan : $0.ulps.isFinite ? $0.ulps + 1 : 1e20) }
            return Chart.Series(label: item.label, points: points, color: index, width: index == 1 ? 2.5 : 1.5)
        }
        let top = max(10, series.flatMap(\.points).map(\.y).max() ?? 10)
        var chart = Chart(
            name: chartName(function),
            title: "\(function.name): errsweep's arithmetic against MPFR and MPC, where well conditioned",
            xAxis: .init(label: "x", scale: .linear, range: function.interval),
            // Headroom above the highest curve for the legend (about four decades at the top).
            yAxis: .init(label: "ulps + 1 (1 = correctly rounded)", scale: .log, range: 0.5...(top * 1e5)),
            series: series)
        chart.legendCorner = .topLeft
        return chart
    }

    static func chartName(_ function: AuditFunction) -> String { "number-systems-" + fileName(function.name) }

    /// `pow(x, 2.5)` → `pow-x-2.5`.
    public static func fileName(_ formula: String) -> String {
        var name = ""
        for c in formula {
            if c.isLetter || c.isNumber || c == "." { name.append(c) } else if name.last != "-" { name.append("-") }
        }
        return String(name.trimmingCharacters(in: CharacterSet(charactersIn: "-")))
    }
}

/// Figures measured once in Python on the audit's own grid (scripts/audit-anchors.py): per
/// function and anchor, the maximum and median ulps over the well-conditioned arguments.
public struct AnchorFigures: Sendable {
    /// The maximum and median ulps of one anchor on one function.
    public struct Figure: Sendable {
        public let maximum: Double
        public let median: Double
    }

    /// Keyed by function, then anchor (`numpy complex step`, `autograd`, …).
    public let figures: [String: [String: Figure]]

    /// Reads the figures from scripts/audit-anchors.py's CSV (function, anchor, maximum, median).
    public init(csv: String) {
        var figures: [String: [String: Figure]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = CSVLine.fields(String(line))
            guard fields.count >= 4, let maximum = Double(fields[2]), let median = Double(fields[3]) else { continue }
            figures[fields[0], default: [:]][fields[1]] = Figure(maximum: maximum, median: median)
        }
        self.figures = figures
    }
}

/// The fields of one CSV line: commas inside double quotes do not split.
enum CSVLine {
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() } else if c == "," && !quoted { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        return fields
    }
}
