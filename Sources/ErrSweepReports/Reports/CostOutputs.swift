import ErrSweep
import Foundation

/// What the cost experiment writes: a table, two charts, a report.
public enum CostOutputs {
    /// The timings as CSV: function, method, n, the median time and the fastest and slowest run,
    /// the ratio to the primal, the largest distance from the hand-written gradient, repeats, the
    /// work, and for reverse AD the bytes its recording took.
    public static func csv(_ results: [CostMeasurement]) -> String {
        var text = "function,method,n,seconds,min_seconds,max_seconds,ratio_to_primal,max_ulps_vs_analytic,repeats,work,tape_bytes\n"
        let primal = Dictionary(results.filter { $0.method == .primal }.map { ($0.n, $0.seconds) }, uniquingKeysWith: { a, _ in a })
        for r in results {
            let ratio = primal[r.n].map { r.seconds / $0 } ?? .nan
            text += "\(r.function),\(r.method.name),\(r.n),\(NumberFormat.exact(r.seconds)),\(NumberFormat.exact(r.minimum)),"
            text += "\(NumberFormat.exact(r.maximum)),\(NumberFormat.exact(ratio)),"
            text += "\(NumberFormat.exact(r.maxUlps)),\(r.repeats),\(r.method.work(r.n)),\(r.tapeBytes.map(String.init) ?? "")\n"
        }
        return text
    }

    /// The methods measured, in the order they ran: each chart's colours follow it.
    static func methods(in results: [CostMeasurement]) -> [GradientMethod] {
        results.reduce(into: []) { methods, r in if !methods.contains(r.method) { methods.append(r.method) } }
    }

    /// Time against n on log-log axes (slopes 1 and 2), and time relative to the primal; the
    /// charts are named after `fileName` (the function's name by default).
    public static func charts(_ results: [CostMeasurement], function: String, fileName: String? = nil) -> [Chart] {
        let file = fileName ?? function
        let methods = Self.methods(in: results)
        let what = isSecondOrder(results) ? "a Hessian-vector product or the Hessian" : "the whole gradient"
        let short = isSecondOrder(results) ? "Hv or H time" : "gradient time"
        let primal = Dictionary(results.filter { $0.method == .primal }.map { ($0.n, $0.seconds) }, uniquingKeysWith: { a, _ in a })
        // The slope of time against n labels the time chart's lines; on the ratio chart it would
        // not be the slope of the line it labels (the primal's ratio is flat at 1).
        func series(withSlope: Bool, _ value: (CostMeasurement) -> Double) -> [Chart.Series] {
            methods.enumerated().map { index, method in
                Chart.Series(
                    label: withSlope ? "\(method.name) (slope \(slope(results, method)))" : method.name,
                    points: results.filter { $0.method == method }.map { Chart.Point(x: Double($0.n), y: value($0)) },
                    color: index, stroke: method.isReference ? .dashed : .solid)
            }
        }
        let time = SweepCharts.chart(
            name: "cost-\(file)-time", title: "\(function): time for \(what), by method",
            series: series(withSlope: true) { $0.seconds }, xLabel: "n (inputs)", yLabel: "seconds")
        var ratio = SweepCharts.chart(
            name: "cost-\(file)-ratio", title: "\(function): \(short) ÷ time of f itself",
            series: series(withSlope: false) { r in primal[r.n].map { r.seconds / $0 } ?? .nan }, xLabel: "n (inputs)", yLabel: "time / primal")
        // The primal's own ratio is exactly 1, a whole decade: the axis starts a decade lower,
        // so its line is drawn inside the frame, not on it.
        if ratio.yAxis.range.lowerBound >= 1 {
            ratio.yAxis.range = (ratio.yAxis.range.lowerBound / 10)...ratio.yAxis.range.upperBound
            ratio.legendCorner = SweepCharts.emptiestCorner(ratio)
        }
        return [time, ratio]
    }

    /// The run's table for the terminal: per method its work, its fitted slope beside theory,
    /// and its time at the largest n reached, or why it did not run.
    public static func summary(_ results: [CostMeasurement], methods: [GradientMethod], function: any MultivariateFunction) -> String {
        var lines: [String] = []
        // Columns as wide as their widest entry: a work formula is never cut short.
        let width = max(22, methods.map(\.name.count).max() ?? 0), workWidth = max(30, methods.map(\.workFormula.count).max() ?? 0)
        lines.append("method".padding(toLength: width + 1, withPad: " ", startingAt: 0) + "work".padding(toLength: workWidth + 1, withPad: " ", startingAt: 0) + "slope     " + "   largest n: time")
        for method in methods {
            let rows = results.filter { $0.method == method }
            guard let last = rows.max(by: { $0.n < $1.n }) else {
                let why = !method.runs(on: function)
                    ? "not run: \(function.name) has no statement form" : "not run: even the smallest n would take over 4× the budget"
                lines.append(method.name.padding(toLength: width, withPad: " ", startingAt: 0) + " "
                             + method.workFormula.padding(toLength: workWidth, withPad: " ", startingAt: 0) + " " + why)
                continue
            }
            let slope = CostSlope.slope(results, method).map { String(format: "%.2f (%d)", $0, method.expectedSlope) } ?? "—"
            lines.append(method.name.padding(toLength: width, withPad: " ", startingAt: 0) + " "
                         + method.workFormula.padding(toLength: workWidth, withPad: " ", startingAt: 0) + " "
                         + slope.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: " %8d: %.3g s", last.n, last.seconds))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Whether the results time the Hessian's methods (`errsweep cost --derivative 2`).
    static func isSecondOrder(_ results: [CostMeasurement]) -> Bool { results.contains { $0.method.derivativeOrder == 2 } }

    static func slope(_ results: [CostMeasurement], _ method: GradientMethod) -> String {
        CostSlope.slope(results, method).map { NumberFormat.fixed($0) } ?? "—"
    }

    /// The cost report: the growth of each method's time with n beside theory, and every timing.
    public static func markdown(_ results: [CostMeasurement], function: any MultivariateFunction, command: String, budget: Double, charts: [String], date: String) -> String {
        let second = isSecondOrder(results)
        let hasWrittenHv = function.hessianVector(function.point(2), function.direction(2)) != nil
        var md = second ? "# Cost of a Hessian-vector product and of the Hessian: \(function.name)\n\n" : "# Cost of a gradient: \(function.name)\n\n"
        md += "f(x) = \(function.formula), n inputs. "
        md += second ? "Each method computes H·v for a fixed v (1, 1/2, 1/3, 1/4, repeating), or the whole Hessian and then H·v; " : "Each method computes the whole gradient; "
        md += "times are the steady state of a release build "
        md += "— two warm-up runs discarded (the first grows the tape and faults in its pages), then the median of at least five, "
        md += "their fastest and slowest beside it — and each result is checked against "
        md += second ? (hasWrittenHv ? "the hand-written Hv" : "forward-over-reverse's Hv (f has no hand-written one)") : "the hand-written gradient"
        md += " (the largest error of any component, in ulps). "
        md += "A method stops growing n once one gradient takes longer than \(String(format: "%g", budget)) s, or before one that its evaluations predict would take over \(String(format: "%g", 4 * budget)) s.\n\n"
        md += "| | |\n|---|---|\n| command | `\(command)` |\n| errsweep | \(ErrSweepVersion.current) |\n| date | \(date) |\n\n"
        md += "## Reading the results\n\n"
        if second {
            md += "Theory, for an f that costs O(n) (Pearlmutter 1994; Griewank & Walther, 2nd ed., §5.4): a Hessian-vector product by forward-over-reverse "
            md += "is one recording and one backward pass on a tape of dual numbers, a small multiple of f whatever n; by differences of two reverse-AD "
            md += "gradients the same, at the price of the difference's error; by hyper-dual numbers a pass per component, so n²; and the whole Hessian, "
            md += "n products, n². Measured slopes of log time on log n:\n\n"
        } else {
            md += "Theory, for an f that costs O(n): the primal, the hand-written gradient and reverse-mode AD, on either tape, grow linearly (one recording and one backward pass, "
            md += "whatever n); forward differences need n + 1 evaluations, central 2n, the complex step n, forward-mode AD n passes and errsweep's black-box estimator about 15n evaluations, so they grow as n². "
            md += "Measured slopes of log time on log n:\n\n"
        }
        let reference = second ? (hasWrittenHv ? "vs hand-written Hv" : "vs forward-over-reverse") + " (of ‖Hv‖∞)" : "vs analytic"
        md += "| method | work for n inputs | slope (theory) | time at the largest n reached | × primal | worst ulps \(reference) |\n|---|---|---|---|---|---|\n"
        let primal = Dictionary(results.filter { $0.method == .primal }.map { ($0.n, $0.seconds) }, uniquingKeysWith: { a, _ in a })
        for method in Self.methods(in: results) {
            let rows = results.filter { $0.method == method }
            guard let last = rows.max(by: { $0.n < $1.n }) else { continue }
            let ratio = primal[last.n].map { NumberFormat.fixed(last.seconds / $0, decimals: 1) } ?? "—"
            let ulps = method.isReference ? "—" : NumberFormat.ulps(rows.map(\.maxUlps).max() ?? .nan)
            md += "| \(method.name) | \(method.workFormula) | \(slope(results, method)) (\(method.expectedSlope)) | \(NumberFormat.scientific(last.seconds, digits: 3)) s at n = \(last.n) | \(ratio) | \(ulps) |\n"
        }
        md += "\n"
        md += tapeReading(results)
        for chart in charts { md += ChartFiles.markdown(chart, alt: chart) + "\n\n" }
        md += "## Every measurement\n\n| method | n | seconds (median) | fastest – slowest | × primal | max ulps | repeats | tape bytes |\n|---|---|---|---|---|---|---|---|\n"
        for r in results {
            let ratio = primal[r.n].map { NumberFormat.fixed(r.seconds / $0) } ?? "—"
            let spread = "\(NumberFormat.scientific(r.minimum, digits: 3)) – \(NumberFormat.scientific(r.maximum, digits: 3))"
            md += "| \(r.method.name) | \(r.n) | \(NumberFormat.scientific(r.seconds, digits: 3)) | \(spread) | \(ratio) | \(NumberFormat.ulps(r.maxUlps)) | \(r.repeats) | \(r.tapeBytes.map(String.init) ?? "—") |\n"
        }
        return md
    }

    /// What reverse AD's time is made of, at the largest n both tapes reached: the bytes a
    /// recording takes per input and the time per byte written and read back. At large n a tape's
    /// time follows its bytes, so a statement-level recording, which gives a term one node where
    /// its operations take one each, is faster by about the ratio of their bytes.
    static func tapeReading(_ results: [CostMeasurement]) -> String {
        let tapes = [GradientMethod.derivative(.reverseAD), .statementTape].compactMap { method in
            results.filter { $0.method == method && $0.tapeBytes != nil }.max { $0.n < $1.n }
        }
        guard !tapes.isEmpty else { return "" }
        var md = "## The tape\n\nReverse AD writes a recording of f and reads it back once; past the caches its time follows the bytes. "
        md += "The operation-level tape gives a node to every operation but a constant factor or term, which rides on its value to the next node (a node: a kind byte, its inputs by distance or index, the partials its kind needs, an adjoint); "
        md += "the statement-level one gives each term of f one node with its partials written by hand, so the term's intermediates never reach the tape.\n\n"
        md += "| tape | n | bytes per input | median time | ns per byte |\n|---|---|---|---|---|\n"
        for r in tapes {
            let bytes = Double(r.tapeBytes!)
            md += "| \(r.method.name) | \(r.n) | \(NumberFormat.fixed(bytes / Double(r.n), decimals: 0)) | \(NumberFormat.scientific(r.seconds, digits: 3)) s | \(NumberFormat.fixed(r.seconds / bytes * 1e9, decimals: 3)) |\n"
        }
        if tapes.count == 2, tapes[0].n == tapes[1].n {
            let (operations, statements) = (tapes[0], tapes[1])
            let fewer = Double(operations.tapeBytes!) / Double(statements.tapeBytes!)
            let faster = operations.seconds / statements.seconds
            md += "\nAt n = \(operations.n) the statement-level recording is \(NumberFormat.fixed(fewer, decimals: 1))× smaller and "
            md += "\(NumberFormat.fixed(faster, decimals: 1))× faster: "
            if faster < 0.9 * fewer {
                md += "less than the bytes alone would give, since both also evaluate f's own arithmetic (its exponentials and divisions "
                md += "cost the same on either tape), build the array of input values, clear an adjoint per node and return the gradient: "
                md += "costs per input that the smaller tape does not shrink.\n"
            } else if faster > 1.1 * fewer {
                md += "more than the bytes alone would give, since the operation tape also spends instructions on every node it records and "
                md += "reads back (one per operation, against one per statement), not only bytes.\n"
            } else {
                md += "about the ratio of their bytes.\n"
            }
        }
        return md + "\n"
    }
}
