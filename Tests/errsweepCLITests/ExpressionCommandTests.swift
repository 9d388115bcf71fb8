import Foundation
import Testing

@Suite struct ExpressionCommandTests {
    /// Any expression sweeps like a catalog function: rows, report, charts, exact truth.
    @Test func anExpressionSweepsEndToEnd() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(
            ["--fn", "exp(x)/sqrt(sin(x)^3+cos(x)^3)", "--x", "1.5", "--h", "1e-1...1e-16", "--per-decade", "2", "--plot", "png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("f(x) = exp(x)/sqrt(sin(x)^3 + cos(x)^3)"))
        let files = Binary.files(under: directory)
        let table = try #require(files.first { $0.hasPrefix("Reports/data/expr-") && $0.hasSuffix(".csv") })
        let csv = try String(contentsOf: directory.appendingPathComponent(table), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 7 * 31)
        // The truth is the symbolic derivative in MPFR, rounded: mpmath gives 4.0534278938986206577…
        let reverse = try #require(csv.split(separator: "\n").first { $0.contains(",reverse-ad,1,double,0.1,") })
        #expect(reverse.split(separator: ",")[7] == "4.053427893898621")
        #expect(files.contains { $0.hasPrefix("Plots/expr-") && $0.hasSuffix("-forward.png") })
        // The report's command gives the expression itself, which reproduces the run.
        let report = try #require(files.first { $0.hasPrefix("Reports/expr-") && $0.hasSuffix(".md") })
        let text = try String(contentsOf: directory.appendingPathComponent(report), encoding: .utf8)
        #expect(text.contains("`errsweep --fn 'exp(x)/sqrt(sin(x)^3 + cos(x)^3)' --x 1.5 --method all"), "\(text.prefix(600))")
    }

    @Test func aParseErrorPointsAtThePlace() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--fn", "exp(x)/sqrt(sin(x)^3+cos(x)^3"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr == """
            errsweep: --fn: cannot read the expression: expected ',' or ')' to close the '(' at column 12, found the end
              exp(x)/sqrt(sin(x)^3+cos(x)^3
                                           ^

            """)
        #expect(Binary.files(under: directory).isEmpty)
    }

    @Test(arguments: [
        (["--fn", "sni(x)"], "did you mean 'sin'"),
        (["--fn", "sigmodi"], "did you mean 'sigmoid'"),
        (["--fn", "p*q"], "the variables p, q"),
        (["--fn", "(x + 1"], "expected ')'"),
        (["--fn", "x +"], "expected a number"),
    ])
    func badExpressionsAreUsageErrors(_ arguments: [String], _ message: String) throws {
        try Binary.expectUsageError(arguments, mentioning: message)
    }

    @Test func deriveShowsTheSymbolicDerivative() throws {
        let result = try Binary.run(["derive", "--fn", "-x^3 + sin(x)"], in: try Binary.scratchDirectory())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "f(x) = -x^3 + sin(x)\n∂f/∂x = -(3*x^2) + cos(x)\n")
        let two = try Binary.run(["derive", "--fn", "p*q + q"], in: try Binary.scratchDirectory())
        #expect(two.stdout == "f(p, q) = p*q + q\n∂f/∂p = q\n∂f/∂q = p + 1\n")
        let catalog = try Binary.run(["derive", "--fn", "sigmoid"], in: try Binary.scratchDirectory())
        #expect(catalog.stdout.contains("f′(x) = e^(−x)/(1+e^(−x))²"))
    }
}
