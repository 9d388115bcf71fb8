import Foundation
import Testing

/// Every wrong invocation: one line on stderr naming the problem and what is valid, exit 64,
/// and nothing written.
@Suite struct BadInputTests {
    static let cases: [(arguments: [String], mentions: String)] = [
        (["--fn", "sigmoidd"], "valid: sigmoid"),
        (["--size", "3x2furlong"], "valid: WIDTHxHEIGHT with a unit"),
        (["--size", "1x1in"], "too small for 9 pt text"),
        (["--size", "3.5x2.4in", "--font-size", "0"], "valid: 4 to 48 points"),
        (["--dpi", "5000"], "valid: 36 to 1200"),
        (["--size", "100x100in"], "30000×30000 pixels is larger than 20000 on a side; valid: a smaller --size or --dpi"),
        (["--plot", "none", "--size", "3.5x2.4in"], "--plot none does not draw"),
        (["--format", "eps"], "valid: png, svg, pdf"),
        (["estimate", "--fn", "log", "--size", "2x2"], "not a size"),
        (["cost", "--fn", "rosenbrock", "--font-size", "100"], "valid: 4 to 48 points"),
        (["--fn", "exp(x)", "--name", "sigmoid"], "whose files it would overwrite"),
        (["--fn", "exp(x)", "--name", "../up"], "is not a file name"),
        (["--fn", "sin", "--name", "s"], "valid: --name with --fn 'EXPRESSION'"),
        (["estimate", "--name", "s"], "sigmoid is a catalog function with its own"),
        (["estimate", "--corpus", "--name", "s"], "--corpus scores its own cases under their own names"),
        (["--fn", "sigmoid", "--method", "fwd"], "valid: forward"),
        (["--fn", "sigmoid", "--method", "forward,"], "empty method"),
        (["--fn", "sigmoid", "--precision", "quad"], "valid: float16"),
        (["--h", "1e-1..1e-16"], "three dots"),
        (["--h", "1e-1..."], "empty step"),
        (["--h", "...1e-3"], "empty step"),
        (["--h", "abc"], "not a number"),
        (["--h", "1e-1...1e-1e"], "not a number"),
        (["--h", ""], "empty step"),
        (["--h", "0"], "> 0"),
        (["--h", "-1e-3"], "> 0"),
        (["--h", "nan"], "not finite"),
        (["--h", "inf"], "not finite"),
        (["--per-decade", "10000000"], "1 to 10^6"),
        (["--h", "1e-1...1e-16", "--per-decade", "1000000"], "--force"),
        (["--per-decade", "0"], "1 to 10^6"),
        (["--per-decade", "-3"], "1 to 10^6"),
        (["--x", "1,,2"], "empty point"),
        (["--x", ""], "no points"),
        (["--x", "nan"], "finite"),
        (["--x", "inf"], "finite"),
        (["--x", "two"], "finite"),
        // Predicted memory over half the machine's: refused before any work, with the figure.
        (["landscape", "--x", "0...1", "--x-count", "10000", "--per-decade", "1000"], "GB of memory"),
        (["cost", "--fn", "rosenbrock", "--n", "100000000"], "reverse-AD tape at n = 100000000 needs about"),
        (["cost", "--outputs", "2...4", "--per-decade", "0"], "--per-decade 0 is out of range; valid: 1 to 10"),
        (["landscape", "--per-decade", "1001"], "--per-decade 1001 is out of range; valid: 1 to 1000"),
        (["audit", "--fn", "nosuch"], "not a function of the grammar"),
        (["--x", "1,2,1.0"], "given twice"),
        (["--derivative", "5"], "valid: 1 (f′) to 4"),
        (["--derivative", "0"], "valid: 1 (f′) to 4"),
        (["--derivative", "-2"], "valid: 1 (f′) to 4"),
        (["--derivative", "two"], "not a whole number"),
        (["--derivative", "3", "--method", "central,complex"], "complex does not compute f‴ (the complex step gives f′ and f″ only)"),
        (["report", "--derivative", "7"], "valid: 1 (f′) to 4"),
        (["landscape", "--derivative", "4", "--method", "complex"], "valid for --derivative 4"),
        (["--stencil", "central:3"], "central formulas have no order '3'; valid: family:order"),
        (["--stencil", "sideways:2"], "'sideways:2' is not a stencil"),
        (["--method", "central:12"], "unknown method 'central:12'"),
        (["--frobnicate"], "errsweep --help"),
        (["sweeps"], "valid: sweep, list, landscape"),
        (["--plot", "pdf"], "auto"),
        (["--format", "jpg"], "valid: png, svg"),
        // Options that contradict each other.
        (["--plot", "none", "--format", "svg"], "--plot none does not draw"),
        (["landscape", "--plot", "none", "--format", "png"], "--plot none does not draw"),
        (["--exact-step", "--method", "complex,forward-ad"], "none of the methods is one"),
        // A valid destination, but a bad function: the probe's directories are gone again.
        (["--fn", "nosuch", "--out", "new/deeper"], "valid: sigmoid"),
    ]

    @Test(arguments: 0..<cases.count)
    func rejected(_ index: Int) throws {
        let (arguments, mentions) = Self.cases[index]
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(arguments, in: directory)
        #expect(result.status == 64, "\(arguments): exit \(result.status)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(Binary.files(under: directory).isEmpty, "\(arguments) wrote files")
    }

    /// An output folder that cannot be created — whatever the permission bits say (root passes
    /// access(2) here) — is EX_CANTCREAT, 73, found before any work, with nothing written.
    @Test(arguments: [["--h", "1e-2", "--out", "/proc/errsweep/out"], ["report", "--out", "/proc/errsweep"],
                      ["estimate", "--corpus", "--random", "1", "--out", "/proc/errsweep"]])
    func anOutputFolderThatCannotBeCreated(_ arguments: [String]) throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(arguments, in: directory)
        #expect(result.status == 73, "\(arguments): exit \(result.status)")
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("cannot create /proc/errsweep"), "\(result.stderr)")
        #expect(result.stdout.isEmpty && Binary.files(under: directory).isEmpty)
    }

    /// Expressions are refused with a caret under the place (three lines), the caret still under
    /// it when the text holds a line break, and a non-ASCII digit named as one.
    @Test(arguments: [("１+x", "a digit that is not ASCII 0-9"), ("x+\n2*", "a line break; expected"), ("x+\n2*", "x+⏎2*\n    ^")])
    func expressionErrorsPointAtThePlace(_ text: String, _ message: String) throws {
        try Binary.expectUsageError(["--fn", text], mentioning: message)
    }

    /// 20 000 points pass the grid's bound but not the sweep's: refused at once, with the rows.
    @Test func aSweepOfTooManyRowsIsRefusedAtOnce() throws {
        let points = (0..<20_000).map { String(Double($0) / 1000) }.joined(separator: ",")
        let started = Date()
        try Binary.expectUsageError(["--fn", "sigmoid", "--x", points], mentioning: "21140000 rows")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func unwritableOutputIsRefusedBeforeWork() throws {
        let directory = try Binary.scratchDirectory()
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let result = try Binary.run(["--h", "1e-2", "--out", "file/sub"], in: directory)
        #expect(result.status == 73)
        #expect(result.stderr.contains("not a directory"))
        #expect(Binary.files(under: directory) == ["file"])
    }

    @Test func aDomainErrorIsExplainedNotACrash() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--fn", "log", "--x", "-1,2", "--h", "1e-3"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("domain"))
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/log.csv"), encoding: .utf8)
        #expect(csv.contains("log,-1.0,forward,1,double,0.001,nan,nan,0,nan,nan,nan,nan,nan,nan,nan,domain"))
    }
}
