import Foundation
import Testing

/// `errsweep check-derivative`: a verdict per precision, every failure named with its test, and
/// exit 1 when anything is wrong; bad input 64, nothing written either way.
@Suite struct CheckDerivativeCommandTests {
    @Test func aRightDerivativePassesInEveryPrecision() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["check-derivative", "--fn", "x*exp(-x)", "--df", "(1-x)*exp(-x)", "--x", "-1,0.5,3", "--precision", "float16,float,double"], in: directory)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for precision in ["float16", "float", "double"] {
            #expect(result.stdout.contains("\(precision): derivative matches the exact one within 8 ulps at 3 values"), "\(result.stdout)")
        }
        #expect(Binary.files(under: directory).isEmpty)
    }

    /// The product rule's second term forgotten: (x e^−x)′ = (1 − x)e^−x, not e^−x. At 0.5 the
    /// slip gives e^−0.5 = 0.6065306597126334 where the truth is 0.5·e^−0.5 = 0.3032653298563167.
    @Test func aSlipIsNamedAndExitsOne() throws {
        let result = try Binary.run(["check-derivative", "--fn", "x*exp(-x)", "--df", "exp(-x)", "--x", "0.5"], in: try Binary.scratchDirectory())
        #expect(result.status == 1)
        #expect(result.stdout.contains("f′ at x = 0.5 is 0.6065306597126334, the exact value is 0.3032653298563167 (correctly rounded)"), "\(result.stdout)")
        #expect(result.stdout.contains("relative error 1.0e+00, more than 8 [entry test]"), "\(result.stdout)")
    }

    /// At a kink any value between the one-sided derivatives is accepted and said to be; a NaN
    /// there is not, and with --reject-kinks a kink is no answer at all.
    @Test func kinksAndDomainEdges() throws {
        let directory = try Binary.scratchDirectory()
        let relu = try Binary.run(["check-derivative", "--fn", "max(0,x)", "--df", "1", "--x", "0,1", "--black-box"], in: directory)
        #expect(relu.status == 0, "\(relu.stdout)")
        #expect(relu.stdout.contains("x = 0.0: a kink (f′(x⁻) ≈ 0, f′(x⁺) ≈ 1); the derivative 1 lies between them and is accepted"), "\(relu.stdout)")
        let strict = try Binary.run(["check-derivative", "--fn", "max(0,x)", "--df", "1", "--x", "0", "--black-box", "--reject-kinks"], in: directory)
        #expect(strict.status == 1 && strict.stdout.contains("f has a kink here"), "\(strict.stdout)")
        let edge = try Binary.run(["check-derivative", "--fn", "x*sqrt(x)", "--df", "1.5*sqrt(x)", "--x", "0,2", "--precision", "all"], in: directory)
        #expect(edge.status == 0, "\(edge.stdout)")
        #expect(edge.stdout.contains("x = 0.0: a domain edge; checked against the derivative from the right"), "\(edge.stdout)")
    }

    @Test(arguments: [
        (["check-derivative", "--fn", "x^2"], "--df"),
        (["check-derivative", "--fn", "x^2", "--df", "2*x+"], "expected"),
        (["check-derivative", "--fn", "x^2", "--df", "2*x", "--tolerance", "-1"], "valid: 0 or more"),
        (["check-derivative", "--fn", "x^2", "--df", "2*x", "--precision", "quad"], "valid: float16"),
        (["check-derivative", "--fn", "x^2", "--df", "2*y"], "--df is an expression in y, --fn in x; valid: f′ in the same variable as f, x"),
    ])
    func badInput(_ arguments: [String], _ mentions: String) throws {
        try Binary.expectUsageError(arguments, mentioning: mentions)
    }
}
