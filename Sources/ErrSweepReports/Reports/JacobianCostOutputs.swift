import ErrSweep
import Foundation

/// What the Jacobian crossover experiment writes: a table, two charts, a report.
public enum JacobianCostOutputs {
    /// Every timing: method, n, k, the median and the fastest and slowest run, the runs, and the
    /// evaluations and sweeps the method made.
    public static func csv(_ results: [JacobianCostMeasurement]) -> String {
        var text = "method,n,k,seconds,min_seconds,max_seconds,runs,evaluations,sweeps\n"
        for r in results {
            text += "\(r.method.rawValue),\(r.n),\(r.k),\(NumberFormat.exact(r.seconds)),\(NumberFormat.exact(r.minimum)),"
            text += "\(NumberFormat.exact(r.maximum)),\(r.runs),\(r.evaluations),\(r.sweeps)\n"
        }
        return text
    }

    /// The k of the time chart: the smallest, the largest, and two between, log-spaced.
    static func chartedOutputs(_ results: [JacobianCostMeasurement]) -> [Int] {
        let ks = Array(Set(results.map(\.k))).sorted()
        guard ks.count > 4 else { return ks }
        return Array(Set([0, ks.count / 3, 2 * ks.count / 3, ks.count - 1].map { ks[$0] })).sorted()
    }

    /// Time against n for a few k, a colour per k: forward mode thin, vector mode dashed, reverse
    /// mode thick;
    /// and the map of time(forward)/time(reverse) over (n, k) with the measured and the model's
    /// break-even lines.
    public static func charts(_ results: [JacobianCostMeasurement], model: JacobianCostModel) -> [Chart] {
        var series: [Chart.Series] = []
        for (index, k) in chartedOutputs(results).enumerated() {
            for (method, stroke) in [(JacobianMethod.forwardAD, Chart.Series.Stroke.solid), (.vectorForwardAD, .dashed), (.reverseAD, .solid)] {
                let rows = results.filter { $0.k == k && $0.method == method }.sorted { $0.n < $1.n }
                guard !rows.isEmpty else { continue }
                series.append(Chart.Series(
                    label: "\(method.rawValue), k = \(k)", points: rows.map { Chart.Point(x: Double($0.n), y: $0.seconds) },
                    color: index, stroke: stroke, width: method == .reverseAD ? 3.5 : 1.5))
            }
        }
        var time = SweepCharts.chart(
            name: "jacobian-cost-time", title: "dense layer tanh(Wx + b): time for the whole Jacobian",
            series: series, xLabel: "n (inputs)", yLabel: "seconds")
        time.legendCorner = .topLeft
        return [time, crossoverMap(results, model: model)]
    }

    /// log₂ of time(forward AD)/time(reverse AD) over (n, k): below 0 forward wins. The measured
    /// break-even n for each k, and the model's, drawn over it.
    static func crossoverMap(_ results: [JacobianCostMeasurement], model: JacobianCostModel) -> Chart {
        let ns = Array(Set(results.map(\.n))).sorted(), ks = Array(Set(results.map(\.k))).sorted()
        let values = ks.map { k in
            let ratios = Dictionary(JacobianCostExperiment.ratios(results, k: k).map { ($0.n, $0.ratio) }, uniquingKeysWith: min)
            return ns.map { n in ratios[n].map { log2($0) } ?? .nan }
        }
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        let reach = max(1, (finite.map(abs).max() ?? 1).rounded(.up))
        var chart = Chart(
            name: "jacobian-cost-crossover",
            title: "where forward mode beats reverse: log2 time(forward AD) / time(reverse AD)",
            xAxis: .init(label: "n (inputs)", scale: .log, range: Double(ns.first ?? 1)...Double(ns.last ?? 2)),
            yAxis: .init(label: "k (outputs)", scale: .log, range: Double(ks.first ?? 1)...Double(ks.last ?? 2)),
            series: [])
        chart.heatmap = Chart.Heatmap(
            xs: ns.map(Double.init), ys: ks.map(Double.init), values: values,
            valueLabel: "log2 forward/reverse  (below 0: forward wins)", valueRange: -reach...reach)
        let measured = JacobianCostExperiment.breakEven(results).compactMap { row in row.n.map { Chart.Point(x: $0, y: Double(row.k)) } }
        chart.series = [
            Chart.Series(label: "break-even, measured", points: measured, color: 3, width: 2.5),
            Chart.Series(label: "break-even, model", points: ks.compactMap { k in model.breakEven(k: k).map { Chart.Point(x: $0, y: Double(k)) } },
                         color: 7, stroke: .dashed, width: 2.5),
        ]
        chart.legendCorner = .topLeft
        return chart
    }

    /// The report: where each mode wins on this machine and why, the model beside the
    /// measurement, vector mode against scalar, and every timing.
    public static func markdown(_ results: [JacobianCostMeasurement], model: JacobianCostModel, command: String, charts: [String], date: String) -> String {
        var md = "# The Jacobian's cost: forward mode against reverse mode, measured\n\n"
        md += "The workload is a dense layer y = tanh(Wx + b), W k × n, whose Jacobian diag(1 − y²)·W has every entry. "
        md += "Forward AD makes n dual passes, each over all n·k weights; vector mode carries \(JacobianMethod.chunk) tangents at once "
        md += "(`ChunkDual`, ⌈n/\(JacobianMethod.chunk)⌉ passes); reverse AD records f once and sweeps the recording back once per output, k sweeps. "
        md += "Times are medians of a release build's steady state (tape memory reused), on \(date).\n\n"
        md += "Reproduce: `swift run -c release \(command)`\n\n"
        for chart in charts { md += "![\(chart)](../Plots/\(chart))\n\n" }
        md += "## The model\n\n"
        md += "Forward mode makes n tangent passes over the n·k weights; reverse mode one recording and k sweeps. Each is priced by "
        md += "measurement at n = k = \(model.sizes.small) and n = k = \(model.sizes.large), as a fixed cost plus a cost per weight:\n\n"
        md += "| operation | fixed | per weight |\n|---|---|---|\n"
        for (name, price) in [("dual pass", model.tangentPass), ("recording", model.recording), ("backward sweep", model.sweep)] {
            md += "| \(name) | \(NumberFormat.duration(price.fixed)) | \(ns(price.perWeight)) |\n"
        }
        md += "\nSo forward mode costs n·(a_pass + b_pass·nk) and reverse mode a_rec + b_rec·nk + k·(a_sweep + b_sweep·nk), and the "
        md += "break-even n for k outputs is where the two meet. Per weight "
        md += String(format: "a sweep costs %.2f dual passes and a recording %.2f", model.sweep.perWeight / model.tangentPass.perWeight,
                      model.recording.perWeight / model.tangentPass.perWeight)
        md += ", so for large layers forward mode wins up to n ≈ \(String(format: "%.1f", model.sweep.perWeight / model.tangentPass.perWeight))·k, not n = k.\n\n"
        md += "## Measured against the model\n\n| k | measured break-even n | model's | measured ÷ model |\n|---|---|---|---|\n"
        let nRange = (results.map(\.n).min() ?? 0, results.map(\.n).max() ?? 0)
        var worst = 1.0
        for row in JacobianCostExperiment.breakEven(results) {
            let predicted = model.breakEven(k: row.k) ?? .nan
            let shown = String(format: "%.1f", predicted)
            if let n = row.n {
                worst = max(worst, max(n / predicted, predicted / n))
                md += "| \(row.k) | \(String(format: "%.1f", n)) | \(shown) | \(String(format: "%.2f", n / predicted)) |\n"
            } else {
                let ratios = JacobianCostExperiment.ratios(results, k: row.k)
                let forwardWins = (ratios.first?.ratio ?? 1) < 1
                let winner = forwardWins ? "forward wins at every n up to \(nRange.1)" : "reverse wins at every n from \(nRange.0)"
                let agrees = forwardWins ? predicted > Double(nRange.1) / 2 : predicted < Double(nRange.0) * 2
                md += "| \(row.k) | none: \(winner) | \(shown) | \(agrees ? "agrees (within ×2 of the grid's end)" : "disagrees") |\n"
            }
        }
        md += "\nThe measured break-even is within a factor \(String(format: "%.2f", worst)) of the model's wherever both fall inside the grid.\n\n"
        md += "## In words\n\n"
        md += "Reverse mode wins wherever there are more inputs than the model's break-even for the number of outputs: a wide Jacobian "
        md += "(few outputs, many inputs — a loss and its gradient is the extreme, k = 1) costs it one recording and k sweeps, while forward "
        md += "mode pays a full pass per input. Forward mode wins for tall Jacobians (many outputs, few inputs), where k sweeps outnumber "
        md += "n passes. The line is not the diagonal n = k: on this machine a sweep over the tape costs "
        md += String(format: "%.1f", model.sweep.perWeight / model.tangentPass.perWeight)
        md += " times a dual pass over the same weights (it reads the recording back from memory and scatters adjoints, where a dual "
        md += "pass streams through W once), so forward mode keeps winning until n is that many times k.\n\n"
        md += "## Vector mode against scalar forward mode\n\n| n | k | forward-ad | forward-ad-vector | speed-up |\n|---|---|---|---|---|\n"
        for k in chartedOutputs(results) {
            for row in results.filter({ $0.k == k && $0.method == .forwardAD }).sorted(by: { $0.n < $1.n }) where row.n >= 16 {
                guard let vector = results.first(where: { $0.k == k && $0.n == row.n && $0.method == .vectorForwardAD }) else { continue }
                md += "| \(row.n) | \(k) | \(NumberFormat.duration(row.seconds)) | \(NumberFormat.duration(vector.seconds)) | \(String(format: "%.2f", row.seconds / vector.seconds))× |\n"
            }
        }
        md += "\nEvery timing is in [data/jacobian-cost.csv](data/jacobian-cost.csv).\n"
        return md
    }

    static func ns(_ seconds: Double) -> String { String(format: "%.3g ns", seconds * 1e9) }
}
