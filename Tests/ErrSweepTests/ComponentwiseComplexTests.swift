import ComplexModule
import ErrSweep
import RealModule
import Testing

/// The complex step in errsweep's componentwise-accurate complex arithmetic, on the cases where
/// swift-numerics' `Complex` (accurate in norm only) gave wrong verdicts, and on every function of
/// the grammar against derivatives from MPFR (which shares no code with the complex arithmetic).
@Suite struct ComponentwiseComplexTests {
    static func step(_ formula: String, at x: Double, h: Double) throws -> Double {
        let e = try ExpressionParser.parse(formula)
        return ComplexStep.derivative(of: { e.evaluate(at: $0, variable: "x") }, at: x, step: h)
    }

    /// atan′(0.5) = 1/(1 + 0.25) = 0.8 exactly. swift-numerics gave −0.0 at h = 1e−20 and 1e−200.
    @Test func atanAtOneHalf() throws {
        for h in [1e-8, 1e-20, 1e-200] {
            #expect(ulps(try Self.step("atan(x)", at: 0.5, h: h), from: "0.8") <= 1, "h = \(h)")
        }
    }

    /// tanh′ = sech²: mpmath at 40 digits. swift-numerics: 1e16 and 4e18 ulps.
    @Test func tanhFarFromZero() throws {
        #expect(ulps(try Self.step("tanh(x)", at: 20, h: 1e-20), from: "1.6993417021166355836928828103801419e-17") <= 2)
        #expect(ulps(try Self.step("tanh(x)", at: 25, h: 1e-200), from: "7.7149993918556711320663952053272336e-22") <= 2)
        #expect(ulps(try Self.step("tanh(x)", at: 10, h: 1e-20), from: "0.0000000082446144557673973746091784215714284") <= 2)
    }

    /// (x+1)^2 − x^2 has derivative 2 exactly; the exponent 1/0.5 is not an integer literal, so it
    /// went through exp(log z) (9 ulps).
    @Test func powerWithAnIntegerValuedExponent() throws {
        // Im (4 + ih)² − Im (3 + ih)² = 8h − 6h, each product rounded once: within an ulp of 2.
        #expect(try Self.step("pow(x + 1, 1/0.5) - pow(x, 1/0.5)", at: 3, h: 1e-20).ulpDistance(to: 2) <= 1)
        // A genuinely fractional exponent: d/dx x^2.5 = 2.5·x^1.5 = 2.5·3√3 at 3.
        #expect(ulps(try Self.step("pow(x, 2.5)", at: 3, h: 1e-20), from: "12.99038105676657970145584756129404275") <= 2)
    }

    /// The worst points of the audit before the double-word forms: tan at −1.3 (six roundings in
    /// τ·(1 + t²)/(1 + t²τ²)), the cube root at −1e200 (libm's root and three roundings) and the
    /// sigmoid at 3 (a complex quotient after exp) were each 3 ulps off. f′ from mpmath at 40 digits.
    @Test func formerlyThreeUlpsOff() throws {
        #expect(ulps(try Self.step("tan(x)", at: -1.2999999999999998, h: 1e-20), from: "13.97514204565688285999869465640844469018") <= 1)
        #expect(ulps(try Self.step("cbrt(x)", at: -1e200, h: 1e-20), from: "1.547196277870926328689225887358606595587e-134") <= 1)
        #expect(ulps(try Self.step("sigmoid(x)", at: 3, h: 1e-20), from: "0.04517665973091213264936002843565163799486") <= 1)
        #expect(ulps(try Self.step("sigmoid(x)", at: 3, h: 1e-300), from: "0.04517665973091213264936002843565163799486") <= 1)
    }

    /// Every function of the grammar, at points spread over its interval, in the complex step
    /// with h = 1e−20 and 1e−300, against f′ from MPFR, wherever f′ is well conditioned
    /// (|x·f″/f′| ≤ 15): within 2 ulps, the audit's target.
    @Test(arguments: AuditFunction.all.map(\.name))
    func everyFunctionOfTheGrammar(_ name: String) throws {
        let function = try #require(AuditFunction.all.first { $0.name == name })
        let f = ExpressionFunction(function.expression, variable: "x")
        let second = f.derivativeExpression.derivative(withRespectTo: "x")
        var checked = 0
        for k in 0...60 {
            let x = function.interval.lowerBound + (function.interval.upperBound - function.interval.lowerBound) * (Double(k) + 0.37) / 61
            guard case .success(let truth) = Truth<Double>.derivative(of: f, at: x), truth.rounded.isFinite, truth.rounded != 0 else { continue }
            let curvature = BigFloat.withLiteralPrecision(128) { second.evaluate(at: x.exact.withPrecision(128), variable: "x") }
            guard ((x.exact * curvature) / truth.exact).magnitude.doubleValue <= 15 else { continue }
            for h in [1e-20, 1e-300] where h == 1e-20 || (truth.rounded * h).isNormal {
                let estimate = ComplexStep.derivative(of: { function.expression.evaluate(at: $0, variable: "x") }, at: x, step: h)
                #expect(estimate.ulpDistance(to: truth.rounded) <= 2, "\(name) at \(x), h = \(h): \(estimate) against \(truth.rounded)")
            }
            checked += 1
        }
        #expect(checked >= 5)
    }
}
