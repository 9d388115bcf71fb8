/// What `errsweep estimate` prints: a line per judged estimate, or a line per algorithm's score.
public enum EstimateSummary {
    /// One line per point, precision and algorithm: the estimate, its claimed bound, the
    /// evaluations, the status, the true error and whether the bound held.
    public static func rows(_ judged: [JudgedEstimate]) -> String {
        var lines = ["x              precision  algorithm           estimate                 bound     evals  status              true error  bound held"]
        for j in judged {
            let held = j.boundHolds.map { $0 ? "yes" : "NO" } ?? "—"
            lines.append(
                SummaryText.pad(NumberFormat.exact(j.x), 15) + SummaryText.pad(j.precision.rawValue, 11)
                    + SummaryText.pad(j.algorithm.rawValue, 20)
                    + SummaryText.pad(j.value.isNaN ? "—" : NumberFormat.significant(j.value.double, digits: 17), 25)
                    + SummaryText.pad(j.bound.isFinite ? NumberFormat.scientific(j.bound.double) : "—", 10)
                    + SummaryText.pad(String(j.evaluations), 7) + SummaryText.pad(j.status.rawValue, 20)
                    + SummaryText.pad(j.absoluteError.isFinite ? NumberFormat.scientific(j.absoluteError) : "—", 12) + held)
        }
        return lines.joined(separator: "\n")
    }

    /// The scores under a title, one line per algorithm.
    public static func scores(_ scores: [EstimatorScore], title: String) -> String {
        var lines = ["\(title):", "algorithm           median rel  ≥10 digits  ≥6 digits  evals (max)  bound held  honest  under>10×  bound/error"]
        for s in scores {
            lines.append(
                SummaryText.pad(s.algorithm, 20) + SummaryText.pad(NumberFormat.scientific(s.medianRelativeError), 12)
                    + SummaryText.pad(NumberFormat.percent(s.tenDigits), 12) + SummaryText.pad(NumberFormat.percent(s.sixDigits), 11)
                    + SummaryText.pad("\(NumberFormat.compact(s.medianEvaluations)) (\(s.maximumEvaluations))", 13)
                    + SummaryText.pad(NumberFormat.percent(s.boundHolds), 12) + SummaryText.pad(NumberFormat.percent(s.honest), 8)
                    + SummaryText.pad(NumberFormat.percent(s.silentlyUnderTenfold), 11)
                    + (s.medianBoundOverError.map { NumberFormat.significant($0, digits: 2) } ?? "—"))
        }
        return lines.joined(separator: "\n")
    }
}
