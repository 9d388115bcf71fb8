import ErrSweep
import Foundation

/// A sweep written up for a reader: GitHub-flavoured Markdown, charts linked from ../Plots/.
public struct MarkdownReport {
    /// How the sweep was run, for the report's first table.
    public struct Run: Sendable {
        /// The command that reproduces the sweep, where there is one.
        public var command: String?
        /// The grid as the user wrote it, e.g. `1e-1...1e-16, 10 per decade`.
        public var grid: String
        /// Chart files, relative to Plots/, in the order to show them.
        public var charts: [String]
        /// Which renderer drew them, or why they are missing.
        public var chartNote: String

        /// How a report's run was made: the command, the grid as given, its charts and any note on
        /// them. No date: a sweep's figures are the same on any day, and the version and the
        /// command make them again, so a report regenerated unchanged is byte for byte the same.
        public init(command: String?, grid: String, charts: [String], chartNote: String) {
            self.command = command
            self.grid = grid
            self.charts = charts
            self.chartNote = chartNote
        }

        /// yyyy-mm-dd of SOURCE_DATE_EPOCH if set, else of now (UTC): for the reports whose
        /// figures do depend on the day (timings, the machine's load).
        public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
            let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) ?? Date().timeIntervalSince1970
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.string(from: Date(timeIntervalSince1970: seconds))
        }
    }

    /// `explanations`: why AD lost digits where it did (`ADErrorExplanation.explanations`).
    public static func markdown(spec: SweepSpec<some CatalogFunction>, analysis: SweepAnalysis, run: Run, explanations: [String] = []) -> String {
        let f = spec.function
        let k = spec.derivative, d = NumberFormat.derivative(k)
        var md = "# \(f.title): how wrong is each \(k == 1 ? "derivative" : "estimate of \(d)")?\n\n"
        md += "f(x) = \(f.formula), \(f.derivativeLine(order: k))\n\n"
        md += "> \(k == 1 ? "" : "On f′: ")\(f.lesson)\n\n"

        md += "## What was run\n\n| | |\n|---|---|\n"
        if let command = run.command { md += "| command | `\(command)` |\n" }
        md += "| errsweep | \(ErrSweepVersion.current) |\n"
        md += "| precision | " + spec.precisions.map { "\($0.rawValue) (p = \($0.significandBits) bits, ε = \(NumberFormat.scientific($0.epsilon, digits: 3)))" }.joined(separator: "; ") + " |\n"
        md += "| points | " + spec.points.map(NumberFormat.compact).joined(separator: ", ") + " |\n"
        md += "| steps | \(spec.steps.count): \(run.grid)\(spec.exactStep ? "; stencils use h′ = (x+h) − x" : "") |\n"
        md += "| methods | " + spec.methods.map(\.rawValue).joined(separator: ", ") + " |\n"
        md += "| truth | \(d) enclosed in an Arb ball and proved to round to one value (from 2p + 64 bits, doubling to at most \(spec.truthBits)); bits each point needed: \(truthBitsLine(spec: spec, analysis: analysis)) |\n"
        md += "| charts | \(run.chartNote) |\n\n"

        for precision in spec.precisions {
            let heading = spec.precisions.count > 1 ? " (\(precision.rawValue))" : ""
            md += "## Reading the results\(heading)\n\n"
            for paragraph in Reading.paragraphs(spec: spec, analysis: analysis, precision: precision) {
                md += paragraph + "\n\n"
            }
            if precision == .double && !explanations.isEmpty {
                md += "Where AD loses digits, and why:\n\n" + explanations.map { "- " + $0 + "\n" }.joined() + "\n"
            }
            md += "## Recommendation\(heading)\n\n" + recommendation(Recommendation(analysis: analysis, precision: precision), precision, derivative: k) + "\n\n"
        }

        if !run.charts.isEmpty {
            md += "## Charts\n\n"
            for chart in run.charts {
                md += ChartFiles.markdown(chart, alt: chart) + "\n\n"
            }
        }

        for precision in spec.precisions {
            for x in analysis.points {
                let entries = analysis.entries(precision: precision, x: x)
                guard !entries.isEmpty else { continue }
                md += "## x = \(NumberFormat.compact(x)), \(precision.rawValue)\n\n"
                md += "| method | best h | abs error | rel error | bits correct | ulps | bottom of the V | model h* | model E* | order fit / theory | rounding fit / theory | flagged |\n"
                md += "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
                for entry in entries { md += row(entry, precision) + "\n" }
                md += "\n"
            }
        }
        md += """
            Columns: *best h* and its errors are the single most accurate step; *bits correct* is \
            −log2 of the relative error, at most p; *bottom of the V* is the least root mean square \
            error over a decade of steps, the error a user can expect near the best step; *model h\\** and *model E\\** come from the leading Taylor terms of the truncation \
            and the statistical rounding model; *order* is the least-squares slope of \
            log|truncation| on log h where truncation dominates, beside the order of the Taylor \
            term that dominates at h\\*; *rounding fit* likewise where rounding dominates, beside \
            theory: −K for the K-th derivative (−1 for f′), one less steep where f(x) = 0.

            """
        return md
    }

    static func row(_ entry: SweepAnalysis.Entry, _ precision: Precision) -> String {
        var cells = [entry.method.rawValue]
        if let best = entry.best {
            let bits = best.relativeError > 0 ? min(Double(precision.significandBits), -log2(best.relativeError)) : Double(precision.significandBits)
            cells += [
                entry.method.usesStep ? NumberFormat.scientific(best.h, digits: 3) : "any", NumberFormat.scientific(best.absoluteError, digits: 3),
                best.relativeError.isNaN ? "—" : NumberFormat.scientific(best.relativeError, digits: 3),
                best.relativeError.isNaN ? "—" : NumberFormat.fixed(bits, decimals: 1), NumberFormat.ulps(best.ulps),
            ]
        } else {
            cells += ["—", "—", "—", "—", "—"]
        }
        cells.append(entry.method.usesStep ? (entry.bottomOfTheV.map { "\(NumberFormat.scientific($0.error, digits: 3)) at \(NumberFormat.scientific($0.h, digits: 3))" } ?? "—") : "—")
        cells.append(entry.model?.optimalStep.map { NumberFormat.scientific($0, digits: 3) } ?? "—")
        cells.append(entry.model?.optimalError.map { NumberFormat.scientific($0, digits: 3) } ?? "—")
        if entry.method.usesStep {
            let theory = entry.model?.theoreticalOrder.map(String.init) ?? "none"
            cells.append("\(entry.truncationSlope.map { NumberFormat.fixed($0) } ?? "—") / \(theory)")
            cells.append("\(entry.roundingSlope.map { NumberFormat.fixed($0) } ?? "—") / \(SummaryText.roundingTheory(entry))")
        } else {
            cells += ["—", "—"]
        }
        cells.append(MeasurementStatus.allCases.compactMap { s in entry.flagged[s].map { "\($0) \(s.rawValue)" } }.joined(separator: ", "))
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// The recommendation as Markdown bullets: AD, else the complex step, else the best
    /// difference formula and its step, each with the accuracy it reached here.
    public static func recommendation(_ r: Recommendation, _ precision: Precision, derivative k: Int = 1) -> String {
        var lines: [String] = []
        if let ad = r.automatic {
            lines.append("- **Use AD** (\(ad.method.rawValue)): at most \(NumberFormat.ulps(ad.worstUlps)) \(ad.worstUlps == 1 ? "ulp" : "ulps") at these points in \(precision.rawValue) — as accurate as the precision allows, with no step to choose.")
        }
        if let complex = r.complexStep {
            let step = complex.step.map { "at any h ≤ \(NumberFormat.scientific($0, digits: 3)) (smaller is as good: it has no V)" } ?? "at any small h (it has no truncation at these points)"
            let numbers = complex.method.numberSystem
            var line = "- **Without AD, the \(complex.method.title)** \(step): at most \(NumberFormat.ulps(complex.worstUlps)) \(complex.worstUlps == 1 ? "ulp" : "ulps") here. It needs f written for \(numbers) arguments, and \(numbers) arithmetic accurate in each component."
            if complex.worstUlps > 16 {
                line += " At some of these points it loses digits (up to \(NumberFormat.ulps(complex.worstUlps)) ulps): the complex arithmetic computing f is not accurate in each component there; see the tables."
            }
            if let d = r.difference, complex.worstRelativeError > d.worstRelativeError {
                line += " **Here it is worse than \(d.method.rawValue)** (relative error up to \(NumberFormat.scientific(complex.worstRelativeError, digits: 3))): the complex arithmetic loses the imaginary part somewhere, so check its library before trusting it."
            }
            lines.append(line)
        }
        if let d = r.difference {
            let digits = d.worstRelativeError > 0 ? String(format: "%.0f", max(0, -log10(d.worstRelativeError))) : "all"
            lines.append("- **With only f(x) values, \(d.method.rawValue)**\(k == 1 ? "" : " for \(NumberFormat.derivative(k))") with h ≈ \(NumberFormat.scientific(d.step, digits: 3)) (the model's best step, averaged over these points): expect a relative error up to \(NumberFormat.scientific(d.worstRelativeError, digits: 3)), about \(digits) correct digits.")
        }
        return lines.isEmpty ? "Nothing could be measured at these points." : lines.joined(separator: "\n")
    }



    /// The bits each point's truth took to prove, per precision: "x = 2: 170" (and "unresolved" or
    /// "none" where there was no truth).
    static func truthBitsLine(spec: SweepSpec<some CatalogFunction>, analysis: SweepAnalysis) -> String {
        spec.precisions.map { precision in
            let points = analysis.points.map { x -> String in
                let entries = analysis.entries(precision: precision, x: x)
                let bits = entries.compactMap(\.best).first?.truthBits
                let label = bits.map(String.init)
                    ?? (entries.contains { $0.flagged[.truthUnresolved] != nil } ? "unresolved" : "none")
                return "x = \(NumberFormat.compact(x)): \(label)"
            }.joined(separator: ", ")
            return spec.precisions.count > 1 ? "\(precision.rawValue) \(points)" : points
        }.joined(separator: "; ")
    }
}
