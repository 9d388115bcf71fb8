import ErrSweep
import Foundation

/// The number-system audit written up: Reports/number-systems.md and the summary on stdout.
public enum NumberSystemReport {
    /// One audited function, number system and part: its worst and median ulps.
    public typealias Summary = NumberSystemAudit.Summary

    /// The headline columns: what each method's verdicts rest on.
    static let headline: [(system: String, part: String, title: String)] = [
        ("Double", NumberSystemAudit.valuePart, "Double value (glibc)"),
        ("complex (errsweep)", NumberSystemAudit.stepPart, "complex step, errsweep"),
        ("complex (swift-numerics)", NumberSystemAudit.stepPart, "complex step, swift-numerics"),
        ("dual", "tangent", "forward AD"),
        ("tape", "adjoint", "reverse AD"),
    ]

    static let pythonAnchors = ["numpy complex step", "autograd"]

    /// Reports/number-systems.md: the headline table, the per-function tables, the reading and the
    /// charts.
    public static func markdown(
        summaries: [Summary], functions: [AuditFunction], anchors: AnchorFigures, charts: [String],
        chartFailure: String?, date: String
    ) -> String {
        var md = "# errsweep's own arithmetic, measured\n\n"
        md += "| | |\n|---|---|\n"
        md += "| command | `errsweep audit` |\n| version | errsweep \(ErrSweepVersion.current) |\n| date | \(date) |\n"
        md += "| truth | MPFR (real) and GNU MPC (complex, each part correctly rounded), settled at two precisions |\n"
        md += "| well conditioned | condition number ≤ \(NumberFormat.compact(NumberSystemAudit.wellConditioned)): the part loses at most 4 bits to its argument alone |\n\n"
        md += """
            A verdict about a derivative method is only as good as the arithmetic the method ran in. \
            Every function of the expression grammar is evaluated here, on a dense grid of arguments \
            (evenly over an interval, ±10^k for k from −20 to 20, subnormals, ±1e±300, and points \
            approaching each singularity and branch point to within an ulp), in every number system a \
            method uses, and compared with the exact value correctly rounded. Figures are ulps: the \
            number of representable values between the result and the correctly rounded truth (0 is \
            correctly rounded, 1 is faithful).

            - **values**: Float16, Float, Double (glibc's libm through swift-numerics) and Float80;
            - **complex**: both parts of f(x + iy) for y = 1e−300, 1e−20, 1e−8 and 0.5 in errsweep's \
            `ComponentwiseComplex`, which the complex step runs in, and in swift-numerics' `Complex`, \
            which it ran in before (accurate in norm, not in each part);
            - **the complex step itself**: f′(x) as Im f(x + ih)/h with h = 1e−20;
            - **AD rules**: the tangent of a dual number and the adjoint of the tape, each one rule \
            applied to x.

            The complex step is counted only where the exact complex step, Im f(x + ih)/h in MPC, \
            rounds to f′(x): elsewhere the method decides, not the arithmetic (its truncation \
            h²f‴/6 where |x| is not far above h, an imaginary part h·f′ below the normal range). \
            Complex parts are measured for |x| ≤ 1000. The cube root of a number with Re z < 0 is \
            the continuation of the real one, −∛(−z), in errsweep and in the MPC truth alike.

            The anchors were measured once on the same grid by scripts/audit-anchors.py: numpy's \
            complex functions (the complex step as Python users run it, with sigmoid, softplus and \
            hypot written as their formulas) and autograd's derivative (AD as they run it), each \
            against the textbook derivative in mpmath at 60 digits.


            """
        md += "## Where each method's arithmetic stands\n\n"
        md += "Maximum ulps over the well-conditioned arguments (median in brackets).\n\n"
        let anchorTitles = pythonAnchors.filter { name in anchors.figures.values.contains { $0[name] != nil } }
        md += "| function | " + (headline.map(\.title) + anchorTitles.map { "\($0) (anchor)" }).joined(separator: " | ") + " |\n"
        md += "|---|" + String(repeating: "---:|", count: headline.count + anchorTitles.count) + "\n"
        let byKey = Dictionary(summaries.map { ("\($0.function)|\($0.component.system)|\($0.component.part)", $0) }, uniquingKeysWith: { a, _ in a })
        for function in functions {
            var cells = headline.map { column in
                byKey["\(function.name)|\(column.system)|\(column.part)"].map(figure) ?? "—"
            }
            cells += anchorTitles.map { name in
                anchors.figures[function.name]?[name].map { "\(NumberFormat.ulps($0.maximum)) (\(NumberFormat.ulps($0.median)))" } ?? "—"
            }
            md += "| `\(function.name)` | " + cells.joined(separator: " | ") + " |\n"
        }
        md += "\n"
        md += reading(summaries)
        md += "## Every function, every part\n\n"
        md += "Max and median over the well-conditioned arguments, the argument x + iy of the maximum, and the maximum over all arguments.\n\n"
        for function in functions {
            md += "### `\(function.name)`\n\n"
            if charts.contains(NumberSystemAuditJob.chartName(function) + ".png") {
                md += "![\(function.name)](../Plots/\(NumberSystemAuditJob.chartName(function)).png)\n\n"
            }
            md += "| system | part | arguments (conditioned) | max | median | worst at | max, all |\n|---|---|---:|---:|---:|---|---:|\n"
            for s in summaries where s.function == function.name {
                let worst = s.worstX.isNaN ? "—" : "\(NumberFormat.exact(s.worstX))" + (s.worstY == 0 ? "" : " + \(NumberFormat.exact(s.worstY))i")
                md += "| \(s.component.system) | \(s.component.part) | \(s.count) (\(s.wellConditionedCount)) | \(NumberFormat.ulps(s.maximum)) | \(NumberFormat.ulps(s.median)) | \(worst) | \(NumberFormat.ulps(s.maximumOverall)) |\n"
            }
            md += "\n"
        }
        if let chartFailure { md += "Charts could not be drawn: \(chartFailure)\n" }
        return md
    }

    /// Plain sentences on what the figures say: which parts exceed 2 ulps where well conditioned,
    /// told apart by whether a verdict rests on them. A method's verdict rests on the values, the
    /// AD rules and the complex step's derivative; the complex parts at larger y are measured to
    /// show the arithmetic, not used by any method.
    static func reading(_ summaries: [Summary]) -> String {
        let ours = summaries.filter { !$0.component.system.contains("swift-numerics") }
        let above = ours.filter { $0.maximum > 2 }
        let isComplexPart = { (s: Summary) in s.component.system.hasPrefix("complex") && s.component.part != NumberSystemAudit.stepPart }
        let verdicts = above.filter { !isComplexPart($0) }, parts = above.filter(isComplexPart)
        func line(_ s: Summary) -> String {
            "- `\(s.function)`, \(s.component.system), \(s.component.part): \(NumberFormat.ulps(s.maximum)) ulps at x = \(NumberFormat.exact(s.worstX))" + (s.worstY == 0 ? "" : ", y = \(NumberFormat.exact(s.worstY))") + ".\n"
        }
        var md = "## Reading\n\n"
        if verdicts.isEmpty {
            md += """
                Every value, every AD rule and the complex step's derivative at h = 1e−20 are within \
                2 ulps of the correctly rounded value wherever they are well conditioned: no verdict \
                in a sweep carries more than 2 ulps of errsweep's own arithmetic.


                """
        } else {
            md += "Above 2 ulps where well conditioned, in what a verdict rests on:\n\n" + verdicts.map(line).joined()
            md += "\nA sweep's error for these methods at such a point includes up to that many ulps of errsweep's own arithmetic.\n\n"
        }
        if !parts.isEmpty {
            md += "Above 2 ulps in the complex parts themselves:\n\n" + parts.map(line).joined()
            md += """

                The complex step reads only Im f(x + ih), so a real part's error never reaches that \
                function's estimate (inside a composition it is one more rounding of the value the next \
                function receives, as in real arithmetic); an imaginary part here is at a y the complex step uses only where its own \
                truncation, about h²·f‴/6, is orders of magnitude larger (y = 0.5, or |x| not far \
                above y). Each such part is a chain of five or more rounded operations on an \
                argument that may amplify their errors up to the condition bound of 16 (expm1's \
                real part at 0.1 + 0.5i is a difference of two terms four times larger; pow's parts \
                are |z|^2.5 times the cosine or sine of 2.5·θ, each rounding of |z| and θ amplified \
                2.5 times).


                """
        }
        let anchor = summaries.filter { $0.component.system == "complex (swift-numerics)" && $0.component.part == NumberSystemAudit.stepPart }
        let wrong = anchor.filter { $0.maximum > 2 }.sorted { $0.maximum > $1.maximum }
        if !wrong.isEmpty {
            md += "Through swift-numerics' `Complex` the complex step would be off by more than 2 ulps for "
            md += wrong.map { "`\($0.function)` (\(NumberFormat.ulps($0.maximum)) at x = \(NumberFormat.exact($0.worstX)))" }.joined(separator: ", ")
            md += ": not the method's error but that library's, accurate only in norm.\n\n"
        }
        return md
    }

    static func figure(_ s: Summary) -> String { "\(NumberFormat.ulps(s.maximum)) (\(NumberFormat.ulps(s.median)))" }


    /// The headline table as text for stdout.
    public static func summaryText(_ summaries: [Summary]) -> String {
        let byKey = Dictionary(summaries.map { ("\($0.function)|\($0.component.system)|\($0.component.part)", $0) }, uniquingKeysWith: { a, _ in a })
        let functions = summaries.reduce(into: [String]()) { if !$0.contains($1.function) { $0.append($1.function) } }
        let width = 14
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        var lines = ["max ulps where well conditioned (median)"]
        lines.append(pad("function", width) + headline.map { pad($0.title, 26) }.joined())
        for function in functions {
            lines.append(pad(function, width) + headline.map { column in
                pad(byKey["\(function)|\(column.system)|\(column.part)"].map(figure) ?? "—", 26)
            }.joined())
        }
        lines.append("wrote \(NumberSystemAuditJob.report) and \(NumberSystemAuditJob.table)")
        return lines.joined(separator: "\n")
    }
}
