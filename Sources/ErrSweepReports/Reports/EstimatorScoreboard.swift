import ErrSweep
import Foundation

/// `Reports/estimators.md`: every black-box algorithm over the built-in corpus and over a drawn
/// set of random smooth functions, scored by the truth.
public enum EstimatorScoreboard {
    /// The scoreboard's Markdown, from the judged corpus and random cases.
    public static func markdown(corpus: [JudgedEstimate], random: [JudgedEstimate], seed: UInt64, command: String, chart: String?, date: String) -> String {
        let algorithms = DerivativeEstimator.allCases.filter { a in corpus.contains { $0.algorithm == a } }
        let cases = corpus.filter { $0.algorithm == algorithms.first }
        let categories = cases.map(\.category).uniqued()
        var md = "# Black-box derivative algorithms, judged by the truth\n\n"
        md += "Each algorithm receives only f as a function of Double — never the truth, never a dual number — and answers with an estimate of f′(x), "
        md += "the error it claims, the evaluations of f it used and a status. errsweep knows f′(x) exactly (the symbolic derivative in MPFR, settled at "
        md += "two precisions), so every claim is checked. A status other than ok (no trustworthy answer) counts as honest but not as accurate.\n\n"
        md += "| | |\n|---|---|\n| command | `\(command)` |\n| errsweep | \(ErrSweepVersion.current) |\n| date | \(date) |\n\n"
        md += "The algorithms:\n\n" + algorithms.map { "- **\($0.rawValue)**: \($0.reference)\n" }.joined() + "\n"
        md += "## The corpus: \(cases.count) cases\n\n"
        md += categories.map { c in "\(c) (\(cases.filter { $0.category == c }.count))" }.joined(separator: ", ") + ".\n\n"
        md += table(EstimatorScore.scores(corpus, algorithms: algorithms))
        if let chart { md += "![Claimed bound against true error over the corpus](../Plots/\(chart))\n\n" }
        md += "### By category: honest answers, and answers with at least 10 correct digits\n\n"
        md += "| category | " + algorithms.map(\.rawValue).joined(separator: " | ") + " |\n|---|" + String(repeating: "---|", count: algorithms.count) + "\n"
        for category in categories {
            md += "| \(cell(category)) | "
            md += algorithms.map { a in
                let score = EstimatorScore(algorithm: a.rawValue, corpus.filter { $0.algorithm == a && $0.category == category })
                return "\(NumberFormat.percent(score.honest)) / \(NumberFormat.percent(score.tenDigits))"
            }.joined(separator: " | ") + " |\n"
        }
        md += "\n## \(random.filter { $0.algorithm == algorithms.first }.count) random smooth functions (seed \(seed))\n\n"
        md += "Compositions of sin, cos, atan, tanh, the sigmoid, exp∘sin, √(1+a²), log(2 + sin a), a/(1+a²) and small powers, with sums and products, "
        md += "at points drawn uniformly from [−3, 3]: cases no algorithm was tuned on. `errsweep estimate --corpus --seed S` draws another set.\n\n"
        md += table(EstimatorScore.scores(random, algorithms: algorithms))
        md += failures(corpus + random)
        md += peers
        return md
    }

    static func table(_ scores: [EstimatorScore]) -> String {
        var md = "| algorithm | median rel err | ≥ 10 digits | ≥ 6 digits | evals median (max) | bound ≥ true error | honest | silently under > 10× | median bound ÷ true error |\n"
        md += "|---|---|---|---|---|---|---|---|---|\n"
        for s in scores {
            md += "| \(s.algorithm) | \(NumberFormat.scientific(s.medianRelativeError)) | \(NumberFormat.percent(s.tenDigits)) | \(NumberFormat.percent(s.sixDigits)) | "
            md += "\(NumberFormat.compact(s.medianEvaluations)) (\(s.maximumEvaluations)) | \(NumberFormat.percent(s.boundHolds)) | \(NumberFormat.percent(s.honest)) | "
            md += "\(NumberFormat.percent(s.silentlyUnderTenfold)) | \(s.medianBoundOverError.map { NumberFormat.significant($0, digits: 2) } ?? "—") |\n"
        }
        return md + "\n"
    }

    /// Text for a table cell: a bar (large |x|) would end the cell.
    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    /// Every case where errsweep's own estimator broke its bound or answered fewer than six
    /// digits, so a reader sees what is left.
    static func failures(_ judged: [JudgedEstimate]) -> String {
        let mine = judged.filter { $0.algorithm == .errsweep && ($0.boundHolds == false || $0.correctDigits < 6) }
        guard !mine.isEmpty else { return "## Where errsweep's estimator falls short\n\nNowhere: every bound held and every answer had six digits.\n\n" }
        var md = "## Where errsweep's estimator falls short\n\nEvery case where its bound broke or it answered fewer than six correct digits:\n\n"
        md += "| category | f | x | estimate | bound | status | true error | digits |\n|---|---|---|---|---|---|---|---|\n"
        for j in mine {
            md += "| \(cell(j.category)) | `\(j.function)` | \(NumberFormat.exact(j.x)) | \(j.value.isNaN ? "—" : NumberFormat.significant(j.value.double, digits: 10)) | "
            md += "\(j.bound.isFinite ? NumberFormat.scientific(j.bound.double) : "—") | \(j.status.rawValue) | "
            md += "\(j.absoluteError.isFinite ? NumberFormat.scientific(j.absoluteError) : "—") | \(NumberFormat.fixed(j.correctDigits, decimals: 1)) |\n"
        }
        return md + "\n"
    }

    /// The peers' figures as measured on their own corpus of 77 cases (the same categories), for
    /// comparison: numdifftools, scipy.differentiate, FiniteDifferences.jl and GSL have no
    /// replica here.
    static let peers = """
        ## The peers, on their corpus of 77 cases (the same categories)

        Each library with its defaults, measured on this kind of machine over a corpus of its own, not the one above. numdifftools, \
        scipy.differentiate, FiniteDifferences.jl and GSL have no replica here; the rows for Ridders, Gill–Murray–Saunders–Wright and \
        Stepleman–Winarsky can be set beside their replicas' rows above. `make race-estimators` runs numdifftools and \
        scipy.differentiate over this page's own corpus, scored by the same rules (the README has the result).

        | estimator | median rel err | ≥ 10 digits | evals median (max) | bound ≥ true error | silently under > 10× |
        |---|---|---|---|---|---|
        | numdifftools 0.11 | 8.5e-13 | 65% | 31 (31) | 68% | 17% |
        | scipy.differentiate 1.17 | 4.6e-12 | 64% | 11 (27) | 65% | 18% |
        | FiniteDifferences central_fdm(5,1) | 5.6e-12 | 56% | 12 | 58% | 27% |
        | Ridders (Numerical Recipes dfridr) | 3.0e-13 | 57% | 12 (20) | 34% | 22% |
        | Gill–Murray–Saunders–Wright 1983, forward | 1.8e-7 | 3% | 6 (8) | 79% | 8% |
        | Stepleman–Winarsky 1979 | 3.0e-11 | 66% | 8 (108) | 77% | 22% |
        | GSL gsl_deriv_central | 9.2e-9 | 17% | 4 (8) | 86% | 10% |

        """
}
