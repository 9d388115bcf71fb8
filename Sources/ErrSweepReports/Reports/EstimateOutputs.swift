import ErrSweep
import Foundation

/// What `errsweep estimate` writes: the table of judged estimates, the chart of claimed bound
/// against true error, and the Markdown report of a run or of the scoreboard over the corpus.
public enum EstimateOutputs {
    /// The CSV header, one row per point × algorithm × precision.
    public static let header = "function,x,algorithm,precision,estimate,bound,evaluations,status,truth,abs_error,rel_error,ulps,bound_holds"

    /// The table, every number as the shortest decimal that reads back to it; with
    /// `categories`, each case's corpus category in a last column (the scoreboard's table).
    public static func csv(_ judged: [JudgedEstimate], categories: Bool = false) -> String {
        var text = header + (categories ? ",category" : "") + "\n"
        for j in judged {
            // x, the estimate, its bound and the truth are values of the working precision,
            // written with the digits its own format needs (0.87758255 in Float).
            let x = WorkingValue(rounding: j.x, to: j.precision).map(String.init(describing:)) ?? NumberFormat.exact(j.x)
            let truth = j.truth?.description ?? ""
            let holds = j.boundHolds.map { $0 ? "true" : "false" } ?? ""
            let fields = [
                field(j.function), x, j.algorithm.rawValue, j.precision.rawValue,
                j.value.description, j.bound.description, String(j.evaluations), j.status.rawValue,
                truth, j.truth == nil ? "" : NumberFormat.exact(j.absoluteError), j.truth == nil ? "" : NumberFormat.exact(j.relativeError),
                j.truth == nil ? "" : NumberFormat.exact(j.ulps), holds,
            ]
            text += (fields + (categories ? [field(j.category)] : [])).joined(separator: ",") + "\n"
        }
        return text
    }

    /// A CSV field, quoted (RFC 4180) when it holds a comma or a quote, as a formula can.
    static func field(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Claimed bound against true error, one colour per algorithm, on equal log axes with the
    /// diagonal drawn: a point above it is a bound that lied. Errors of exactly 0 sit on the floor
    /// as ▼; answers with a status other than ok have no bound to draw. `relative` divides both
    /// by |f′(x)| (where f′ ≠ 0), so cases of every scale share one frame, 10⁻¹⁸ to 10², and
    /// points beyond it are drawn on its edge.
    public static func chart(_ judged: [JudgedEstimate], name: String, title: String, relative: Bool = false) -> Chart {
        let algorithms = DerivativeEstimator.allCases.filter { a in judged.contains { $0.algorithm == a } }
        let shown = judged.filter { $0.status == .ok && $0.bound.isFinite && $0.bound.double > 0 && $0.absoluteError.isFinite }
        func scaled(_ j: JudgedEstimate, _ value: Double) -> Double {
            guard relative, let truth = j.truth, !truth.isZero else { return value }
            return min(max(value / abs(truth.double), 1e-18), 1e2)
        }
        let values = shown.flatMap { [scaled($0, $0.bound.double), scaled($0, $0.absoluteError)] }.filter { $0 > 0 }
        let low = relative ? 1e-18 : Foundation.pow(10, floor(log10(values.min() ?? 1e-16)) - 1)
        let high = relative ? 1e2 : Foundation.pow(10, ceil(log10(values.max() ?? 1)))
        var series = algorithms.enumerated().map { index, algorithm in
            let mine = shown.filter { $0.algorithm == algorithm }
            return Chart.Series(
                label: algorithm.rawValue,
                points: mine.filter { $0.absoluteError > 0 }.map { Chart.Point(x: scaled($0, $0.bound.double), y: scaled($0, $0.absoluteError)) },
                color: index, stroke: .points, width: relative ? 3 : 4,
                exactAt: mine.filter { $0.absoluteError == 0 }.map { scaled($0, $0.bound.double) })
        }
        series.append(Chart.Series(label: "bound = true error (above: the bound lied)",
                                   points: [Chart.Point(x: low, y: low), Chart.Point(x: high, y: high)],
                                   color: 7, stroke: .dashed, width: 1.5))
        let what = relative ? " ÷ |f′(x)|" : ""
        var chart = Chart(name: name, title: title,
                          xAxis: .init(label: "claimed error bound" + what, scale: .log, range: low...high),
                          yAxis: .init(label: "true error |estimate − f′(x)|" + what, scale: .log, range: low...high),
                          series: series)
        if series.contains(where: { !$0.exactAt.isEmpty }) { chart.legendNotes.append(.exactZero) }
        chart.legendCorner = SweepCharts.emptiestCorner(chart)
        return chart
    }

    /// The report of one run: per point, each algorithm's answer beside the truth.
    public static func markdown(_ judged: [JudgedEstimate], function: String, command: String, chart: String?, date: String) -> String {
        var md = "# Black-box derivatives of \(function)\n\n"
        md += "Each algorithm saw only f's values in the working precision and answered with an estimate of f′(x), the error it claims "
        md += "(its bound), the evaluations of f it used and a status. errsweep knows the truth — the symbolic derivative evaluated in MPFR — "
        md += "so each claim is checked: a bound holds when the true error is at most the bound.\n\n"
        md += "| | |\n|---|---|\n| command | `\(command)` |\n| errsweep | \(ErrSweepVersion.current) |\n| date | \(date) |\n\n"
        if let chart { md += ChartFiles.markdown(chart, alt: "Claimed bound against true error") + "\n\n" }
        md += reading(judged)
        let groups = Dictionary(grouping: judged) { "\($0.precision.rawValue) \($0.x)" }
        for key in judged.map({ "\($0.precision.rawValue) \($0.x)" }).uniqued() {
            let rows = groups[key]!
            let first = rows[0]
            md += "## x = \(NumberFormat.compact(first.x)), \(first.precision.rawValue)\n\n"
            if let truth = first.truth { md += "f′(x) = \(truth) (MPFR, rounded to \(first.precision.rawValue))\n\n" } else {
                md += "No truth: \(first.truthFailure ?? "it did not settle").\n\n"
            }
            md += "| algorithm | estimate | claimed bound | evaluations | status | true error | correct digits | bound held |\n"
            md += "|---|---|---|---|---|---|---|---|\n"
            for j in rows {
                let held = j.boundHolds.map { $0 ? "yes" : "**no**, \(NumberFormat.significant(j.underestimate, digits: 2))× under" } ?? "—"
                md += "| \(j.algorithm.rawValue) | \(j.value.isNaN ? "—" : NumberFormat.significant(j.value.double, digits: 17)) | "
                md += "\(j.bound.isFinite ? NumberFormat.scientific(j.bound.double) : "—") | \(j.evaluations) | \(j.status.rawValue) | "
                md += "\(j.truth == nil || !j.absoluteError.isFinite ? "—" : NumberFormat.scientific(j.absoluteError)) | "
                md += "\(j.truth == nil || j.value.isNaN ? "—" : NumberFormat.fixed(j.correctDigits, decimals: 1)) | \(held) |\n"
            }
            md += "\n"
        }
        md += statusKey(judged)
        return md
    }

    /// What the figures say, in sentences drawn from them.
    static func reading(_ judged: [JudgedEstimate]) -> String {
        "## Reading the results\n\n" + readingSentences(judged) + "\n\n"
    }

    /// Whether the claimed bounds held (the worst that did not) and how many answers were refused.
    public static func readingSentences(_ judged: [JudgedEstimate]) -> String {
        let lies = judged.filter { $0.boundHolds == false }
        let refused = judged.filter { $0.status != .ok }
        var text = ""
        if lies.isEmpty {
            text += "Every bound that was claimed held. "
        } else {
            let worst = lies.max { $0.underestimate < $1.underestimate }!
            text += "\(lies.count) of \(judged.count) claimed bounds lied; the worst, \(worst.algorithm.rawValue) at x = \(NumberFormat.compact(worst.x)), "
            text += "was \(NumberFormat.significant(worst.underestimate, digits: 2)) times under its true error. "
        }
        if !refused.isEmpty {
            text += "\(refused.count) answers were refused with a status instead of a number (see the key at the end). "
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func statusKey(_ judged: [JudgedEstimate]) -> String {
        let statuses = EstimateStatus.allCases.filter { s in judged.contains { $0.status == s } }
        guard statuses.contains(where: { $0 != .ok }) else { return "" }
        var text = "Statuses: "
        text += statuses.map { "**\($0.rawValue)**: \($0.explanation)" }.joined(separator: "; ") + ".\n"
        return text
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
