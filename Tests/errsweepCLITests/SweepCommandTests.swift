import Foundation
import Testing

@Suite struct SweepCommandTests {
    @Test func theDefaultJobWritesEveryRow() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--fn", "sigmoid", "--h", "1e-1...1e-16"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/sigmoid.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 4 * 7 * 151)
        #expect(lines[0] == "function,x,method,derivative,precision,h,estimate,truth,truth_bits,abs_error,rel_error,ulps,truncation,rounding,model_truncation,model_rounding,status")
        // The summary names every method at every point.
        for method in ["forward", "backward", "central", "central5", "complex", "forward-ad", "reverse-ad"] {
            #expect(result.stdout.contains(" \(method) "), "summary lacks \(method)")
        }
        #expect(result.stdout.contains("wrote Reports/data/sigmoid.csv (4228 rows)"))
    }

    /// The command for f″: every method that computes it, files named sigmoid-d2 beside
    /// sigmoid's, the report saying which derivative it is and how to make it again, and the V of
    /// each K side by side.
    @Test func theSecondDerivativeSweep() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--fn", "sigmoid", "--derivative", "2", "--h", "1e-1...1e-16", "--plot", "png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/sigmoid-d2.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 4 * 9 * 151)
        // σ″(2) = −0.0799625010561530625… (mpmath), rounded to Double, on the forward-AD rows.
        let hyperDual = try #require(lines.first { $0.hasPrefix("sigmoid,2.0,forward-ad,2,double,") })
        #expect(hyperDual.split(separator: ",")[7] == "-0.07996250105615306")
        #expect(result.stdout.contains("f″(x): the hand-written f′(x) = "))
        #expect(result.stdout.contains("wrote Reports/data/sigmoid-d2.csv (5436 rows) and Reports/sigmoid-d2.md"))
        let report = try String(contentsOf: directory.appendingPathComponent("Reports/sigmoid-d2.md"), encoding: .utf8)
        #expect(report.contains("`errsweep --fn sigmoid --x 0,2,4,10 --derivative 2 --method all"))
        #expect(report.contains("Why the V is deeper for f″"))
        let files = Binary.files(under: directory)
        #expect(files.contains("Plots/sigmoid-d2-x2-central-by-derivative.png"))
        #expect(files.contains("Plots/sigmoid-d2-x0-complex-split.png"))
        #expect(files.contains("Plots/sigmoid-d2-x2-multicomplex-split.png"))
        #expect(!files.contains { $0.hasPrefix("Reports/data/sigmoid.csv") })
    }

    /// The same command twice writes byte-identical CSV, although the sweep runs on every core.
    @Test func theSameCommandTwiceWritesTheSameBytes() throws {
        let directory = try Binary.scratchDirectory()
        let arguments = ["--fn", "softplus", "--x", "-3,0,3", "--precision", "float,double", "--h", "1e-1...1e-12", "--plot", "none"]
        let first = try Binary.run(arguments + ["--out", "first"], in: directory)
        let second = try Binary.run(arguments + ["--out", "second"], in: directory)
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let a = try Data(contentsOf: directory.appendingPathComponent("first/Reports/data/softplus.csv"))
        let b = try Data(contentsOf: directory.appendingPathComponent("second/Reports/data/softplus.csv"))
        #expect(a.count > 100_000 && a == b)
    }

    @Test func outMovesTheRoot() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--fn", "exp", "--h", "1e-2,1e-4", "--out", "elsewhere/deeper"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Binary.files(under: directory).contains("elsewhere/deeper/Reports/data/exp.csv"))
    }

    @Test func optionsNarrowTheSweep() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(
            ["--fn", "runge", "--x=-0.5,1", "--method", "central,forward-ad", "--precision", "float,double",
             "--h", "1e-2...1e-4", "--per-decade", "2"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/runge.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 2 * 2 * 2 * 5)
        #expect(csv.contains("runge,-0.5,central,1,float,"))
    }

    @Test func exactStepShowsWhatItChanged() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--fn", "exp", "--x", "10", "--method", "central", "--exact-step"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("What h′ = (x+h) − x changed"))
        #expect(result.stdout.contains("double    10.0    central"))
    }

    @Test func everyPrecisionRunsEndToEnd() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--precision", "all", "--h", "1e-1...1e-16", "--per-decade", "2"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        for precision in ["float16", "float", "double", "float80"] {
            #expect(result.stdout.contains("\n\(precision) (ε = "), "no \(precision) section")
        }
    }

    @Test func negativePointsNeedNoEqualsSign() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--fn", "softplus", "--x", "-10", "--h", "1e-3"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func listShowsEveryFunctionAndMethod() throws {
        let result = try Binary.run(["list"], in: try Binary.scratchDirectory())
        #expect(result.status == 0)
        for name in ["sigmoid", "exp", "sin", "cos", "log", "tanh", "sqrt", "pow9half", "runge", "softplus", "gaussian", "cubic"] {
            #expect(result.stdout.contains("  \(name)\n"), "list lacks \(name)")
        }
        #expect(result.stdout.contains("e^(−x)/(1+e^(−x))²"))
        #expect(result.stdout.contains("reverse-ad"))
    }

    /// The report names the command that reproduces the run, a negative first point attached
    /// with '=' so that it does not read as an option.
    @Test func theReportNamesTheCommandThatReproducesIt() throws {
        let directory = try Binary.scratchDirectory()
        #expect(try Binary.run(["--fn", "sin", "--x=-1,2", "--method", "forward,complex", "--h", "1e-2,1e-4", "--plot", "none"], in: directory).status == 0)
        let report = try String(contentsOf: directory.appendingPathComponent("Reports/sin.md"), encoding: .utf8)
        #expect(report.contains("| command | `errsweep --fn sin --x=-1,2 --method forward,complex --precision double --h 0.01,0.0001` |"), "\(report.prefix(600))")
    }

    @Test func helpShowsExamples() throws {
        let result = try Binary.run(["--help"], in: try Binary.scratchDirectory())
        #expect(result.status == 0)
        #expect(result.stdout.contains("errsweep --fn sigmoid --h 1e-1...1e-16"))
    }
}
