import ErrSweep
import ErrSweepReports
import Foundation
import Testing

@Suite struct GraphCommandTests {
    static let notes = "sqrt(p + p + q)/3 + ln(p*(p*q)) + 3"

    @Test(.enabled(if: ChildProcess.find("dot") != nil, "Graphviz is not installed"))
    func drawsDotPNGAndSVG() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["graph", "--fn", Self.notes, "--at", "p=1.5,q=2"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("∂f/∂p = 1.482404531833319"))
        let files = Binary.files(under: directory)
        for ext in ["dot", "png", "svg"] { #expect(files.contains { $0.hasPrefix("Plots/graph-expr-") && $0.hasSuffix(".\(ext)") }) }
        let png = try #require(files.first { $0.hasSuffix(".png") })
        #expect(try PNGFile.read(directory.appendingPathComponent(png)).width > 500)
    }

    @Test func withoutGraphvizWritesDotAndAHint() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["graph", "--fn", Self.notes], in: directory, path: "/nonexistent")
        #expect(result.status == 0)
        #expect(result.stderr == "errsweep: Graphviz 'dot' not found on PATH; install graphviz (apt-get install graphviz) to get PNG and SVG\n")
        #expect(Binary.files(under: directory).filter { $0.hasPrefix("Plots/") } .map { String($0.suffix(4)) } == [".dot"])
    }

    @Test(arguments: [
        (["graph", "--fn", notes, "--at", "p=1.5"], "no value for q"),
        (["graph", "--fn", notes, "--at", "p=1.5,q=2,r=3"], "'r' is not a variable"),
        (["graph", "--fn", notes, "--at", "p=x,q=2"], "not a finite number"),
        (["graph", "--fn", "sqrt(p"], "expected ',' or ')'"),
    ])
    func badInput(_ arguments: [String], _ message: String) throws {
        try Binary.expectUsageError(arguments, mentioning: message)
    }
}

@Suite struct GradientCommandTests {
    @Test func printsEveryMethodBesideTheExactGradient() throws {
        let result = try Binary.run(["gradient", "--fn", "sqrt(p + p + q)/3 + ln(p*(p*q)) + 3", "--at", "p=1.5,q=2"],
                                    in: try Binary.scratchDirectory())
        #expect(result.status == 0, "\(result.stderr)")
        for method in ["exact", "reverse-ad", "forward-ad", "forward", "backward", "central", "central5", "complex"] {
            #expect(result.stdout.contains("\n  \(method) "), "no \(method) row")
        }
        #expect(result.stdout.contains("1.4824045318333192"))
    }

    @Test func needsEveryVariable() throws {
        let result = try Binary.run(["gradient", "--fn", "p*q", "--at", "p=1"], in: try Binary.scratchDirectory())
        #expect(result.status == 64)
        #expect(result.stderr.contains("no value for q"))
    }
}

@Suite struct CostCommandTests {
    @Test func writesTableReportAndCharts() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["cost", "--fn", "sigmoid-sum", "--n", "10,40", "--budget", "5s", "--plot", "png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/cost-sigmoid-sum.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 11 * 2)  // eleven gradient methods (sigmoid-sum has statements), two sizes
        let files = Binary.files(under: directory)
        #expect(files.contains("Plots/cost-sigmoid-sum-time.png") && files.contains("Plots/cost-sigmoid-sum-ratio.png"))
        #expect(files.contains("Reports/cost-sigmoid-sum.md"))
    }

    /// --derivative 2: the Hessian's methods, in files of their own beside the gradient's.
    @Test func theHessiansMethodsHaveFilesOfTheirOwn() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["cost", "--fn", "sigmoid-sum", "--n", "10,40", "--budget", "5s", "--derivative", "2", "--plot", "png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/cost-sigmoid-sum-d2.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 5 * 2)  // primal, three Hessian-vector products, the Hessian; two sizes
        #expect(csv.contains(",hv-forward-over-reverse,") && csv.contains(",hessian-forward-over-reverse,"))
        let files = Binary.files(under: directory)
        #expect(files.contains("Plots/cost-sigmoid-sum-d2-time.png") && files.contains("Reports/cost-sigmoid-sum-d2.md"))
        #expect(!files.contains("Reports/cost-sigmoid-sum.md"))
        try Binary.expectUsageError(["cost", "--derivative", "3"], mentioning: "--derivative 3 is out of range; valid: 1 (gradients) or 2")
    }

    /// --method times the methods named, f alone first for scale; a method in no default run
    /// (the contour) is timed by its scheme's rule when named: 2n real and n complex evaluations.
    @Test func namedMethodsAreTimed() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["cost", "--fn", "rosenbrock", "--n", "10,40", "--budget", "5s", "--method", "contour,reverse-ad", "--plot", "none"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/cost-rosenbrock.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { "\($0[1]) \($0[2])" } == ["primal 10", "primal 40", "contour 10", "contour 40", "reverse-ad 10", "reverse-ad 40"])
        #expect(rows.filter { $0[1] == "contour" }.map { $0[9] } == ["20 evaluations + 10 complex evaluations", "80 evaluations + 40 complex evaluations"])
        // The summary's work column holds the whole formula.
        #expect(result.stdout.contains("2n evaluations + n complex evaluations"), "\(result.stdout)")
        let report = try String(contentsOf: directory.appendingPathComponent("Reports/cost-rosenbrock.md"), encoding: .utf8)
        #expect(report.contains("--method contour,reverse-ad") && report.contains("| contour | 2n evaluations + n complex evaluations |"))
        try Binary.expectUsageError(["cost", "--method", "contur"], mentioning: "unknown method 'contur'; valid for --derivative 1: primal, analytic")
        try Binary.expectUsageError(["cost", "--derivative", "2", "--method", "contour"], mentioning: "valid for --derivative 2: primal, hv-forward-over-reverse")
        try Binary.expectUsageError(["cost", "--outputs", "2...4", "--method", "contour"], mentioning: "valid: no --method")
    }

    /// n = 10⁶ with a short budget: the n-pass methods are not started, and the table says so.
    @Test func methodsPredictedPastTheBudgetAreNamed() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["cost", "--fn", "sigmoid-sum", "--n", "1000000", "--budget", "0.05s", "--plot", "none"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        for method in ["forward", "central", "complex", "forward-ad", "black-box"] {
            #expect(result.stdout.contains(method.padding(toLength: 12, withPad: " ", startingAt: 0)) && result.stdout.contains("not run: even the smallest n"))
        }
        #expect(result.stdout.contains("reverse-ad") && result.stdout.contains("1000000:"))
    }

    @Test(arguments: [
        (["cost", "--fn", "rosenbrok"], "valid: rosenbrock"), (["cost", "--budget", "soon"], "not a time"), (["cost", "--budget", "-1s"], "not a time"),
        (["cost", "--n", "1...10"], "2 to 10^8"),
    ])
    func badInput(_ arguments: [String], _ message: String) throws {
        try Binary.expectUsageError(arguments, mentioning: message)
    }

    /// A graph too large for Graphviz (1116 nodes; more than a minute in `dot`) is written as DOT
    /// only, at once, with a note.
    @Test func aGraphTooLargeToLayOutIsWrittenAsDOTOnly() throws {
        let directory = try Binary.scratchDirectory()
        let formula = (1..<280).map { "sin(x*\($0))" }.joined(separator: "+")
        let started = Date()
        let result = try Binary.run(["graph", "--fn", formula], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1116 nodes is more than Graphviz lays out"))
        #expect(Binary.files(under: directory).filter { $0.hasPrefix("Plots/") }.allSatisfy { $0.hasSuffix(".dot") })
        #expect(Date().timeIntervalSince(started) < 20)
    }
}
