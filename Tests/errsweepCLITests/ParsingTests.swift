import ArgumentParser
import ErrSweep
@testable import errsweep
import Testing

/// The command line parsed in process (`Errsweep.parseAsRoot`), as ArgumentParser would for the
/// binary: which command runs, with which values, and which inputs are refused before any work.
@Suite struct ParsingTests {
    @Test func noSubcommandIsTheSweepWithTheSeedFigure() throws {
        let sweep = try #require(try Errsweep.parseAsRoot([]) as? Errsweep.Sweep)
        #expect(sweep.function.name == "sigmoid")
        #expect(sweep.methods == DerivativeMethod.all(derivative: 1))
        #expect(sweep.precisions == [.double])
        let steps = sweep.grid.steps(perDecade: sweep.perDecade)
        #expect(steps.count == 151 && steps.first == 1e-1 && steps.last == 1e-16)
        #expect(sweep.output.out == "." && sweep.charts.formats == [.png])
    }

    @Test func everyOptionOfASweepIsRead() throws {
        let parsed = try Errsweep.parseAsRoot([
            "--fn", "exp(x)/sqrt(x)", "--x", "0.5,2", "--method", "central,complex", "--precision", "float,double",
            "--h", "1e-2,1e-4", "--exact-step", "--out", "/tmp", "--plot", "none",
        ])
        let sweep = try #require(parsed as? Errsweep.Sweep)
        #expect(sweep.function.asExpression?.formula == "exp(x)/sqrt(x)")
        #expect(sweep.points == [0.5, 2])
        #expect(sweep.methods == [.central, .complex])
        #expect(sweep.precisions == [.float, .double])
        #expect(Array(sweep.grid.steps(perDecade: 10)) == [1e-2, 1e-4])
        #expect(sweep.exactStep)
        #expect(sweep.output.out == "/tmp")
    }

    @Test func eachSubcommandIsChosenByName() throws {
        #expect(try Errsweep.parseAsRoot(["landscape", "--method", "central"]) is Errsweep.Landscape)
        #expect(try Errsweep.parseAsRoot(["cost", "--n", "10...1000", "--budget", "500ms"]) is Errsweep.Cost)
        #expect(try Errsweep.parseAsRoot(["derive", "--fn", "x^2"]) is Errsweep.Derive)
        #expect(try Errsweep.parseAsRoot(["graph", "--fn", "p*q", "--at", "p=1,q=2"]) is Errsweep.Graph)
        #expect(try Errsweep.parseAsRoot(["list"]) is Errsweep.List)
    }

    /// Each bad value is refused at parse time with a message naming what would be valid, and an
    /// exit code of 64 (EX_USAGE), before anything runs.
    @Test(arguments: [
        (["--fn", "sigmod"], "did you mean 'sigmoid'?"),
        (["--fn", "p*q"], "a sweep differentiates in one variable"),
        (["--method", "centre"], "valid: forward, backward, central, central5, complex, forward-ad, reverse-ad"),
        (["--h", "1e-1...0"], "--h"),
        (["--per-decade", "0"], "valid: 1 to 10^6"),
        (["--method", "complex", "--exact-step"], "none of the methods is one"),
        (["--plot", "none", "--format", "svg"], "--plot none does not draw"),
        (["landscape", "--method", "forward,central"], "'forward,central' is invalid for '--method <m>'"),
        (["landscape", "--precision", "quad"], "'quad' is invalid for '--precision <p>'"),
        (["landscape", "--x-count", "1"], "valid: 2 to 10000"),
        (["cost", "--fn", "rosenbrok"], "valid: rosenbrock"),
    ])
    func badValuesAreRefusedWithWhatIsValid(_ arguments: [String], _ fragment: String) {
        do {
            _ = try Errsweep.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(Errsweep.exitCode(for: error) == .validationFailure, "\(arguments)")
            #expect(Errsweep.message(for: error).contains(fragment), "\(Errsweep.message(for: error))")
        }
    }
}
