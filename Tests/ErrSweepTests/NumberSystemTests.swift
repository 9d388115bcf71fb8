import ComplexModule
import ErrSweep
import Testing

/// Every method's number system evaluates the one generic definition of each catalog function;
/// here each is compared with mpmath's f′ at five points.
@Suite struct NumberSystemTests {
    @Test(arguments: Catalog.names)
    func forwardADWithinTwoUlps(_ name: String) throws {
        let f = try #require(Catalog.function(named: name))
        for point in referencePoints(name) {
            let estimate = AutomaticDerivative.forward(of: { f($0) }, at: point.x)
            #expect(ulps(estimate, from: point.derivative) <= 2, "\(name)′(\(point.x)) = \(estimate)")
        }
    }

    @Test(arguments: Catalog.names)
    func reverseADWithinTwoUlps(_ name: String) throws {
        let f = try #require(Catalog.function(named: name))
        for point in referencePoints(name) {
            let estimate = AutomaticDerivative.reverse(of: { f($0) }, at: point.x)
            #expect(ulps(estimate, from: point.derivative) <= 2, "\(name)′(\(point.x)) = \(estimate)")
        }
    }

    /// At h = 1e−20 the complex step's truncation h²f‴/6 is far below an ulp, and it subtracts
    /// nothing, so only the rounding of f's evaluation remains.
    @Test(arguments: Catalog.names)
    func complexStepAtTinyStepWithinTwoUlps(_ name: String) throws {
        let f = try #require(Catalog.function(named: name))
        for point in referencePoints(name) {
            let estimate = ComplexStep.derivative(of: { f($0) }, at: point.x, step: 1e-20)
            #expect(ulps(estimate, from: point.derivative) <= 2, "\(name)′(\(point.x)) = \(estimate)")
        }
    }

    /// swift-numerics computes the complex tanh as sinh z / cosh z, a complex division accurate in
    /// norm, not in each part: the imaginary part h·sech²x, far smaller than the real part near 1,
    /// keeps only the digits the division leaves it. errsweep's `ComponentwiseComplex` (Kahan's
    /// formula) keeps them all. If swift-numerics adopts a componentwise tanh, the second half of
    /// this test fails and the audit's anchor column changes.
    @Test func complexTanhIsExactInErrsweepAndNotInSwiftNumerics() {
        let points = Dictionary(uniqueKeysWithValues: referenceValues["tanh"]!.map { ($0.x, $0.derivative) })
        for x in [0, 0.5, 2, 10, -1.0] {
            let ours = ComplexStep.derivative(of: { HyperbolicTangent()($0) }, at: x, step: 1e-20)
            #expect(ulps(ours, from: points[x]!) <= 1, "tanh′(\(x)) = \(ours)")
        }
        let library = { (x: Double) in
            ulps(HyperbolicTangent()(Complex(x, 1e-20)).imaginary / 1e-20, from: points[x]!)
        }
        #expect(library(0) == 0)
        #expect(library(2) > 2)
        #expect(library(10) > 1e6)
    }

    @Test func complexStepSurvivesAStepOf1eMinus300() {
        let estimate = ComplexStep.derivative(of: { Sigmoid()($0) }, at: 2.0, step: 1e-300)
        #expect(ulps(estimate, from: "0.1049935854035065173486241847604253612293") <= 2)
    }

    @Test func forwardADInFloatAndFloat80() {
        let exact = "0.1049935854035065173486241847604253612293"
        let inFloat: Float = AutomaticDerivative.forward(of: { Sigmoid()($0) }, at: 2)
        #expect(ulps(inFloat, from: exact) <= 2)
        #if arch(x86_64)
        let inFloat80: Float80 = AutomaticDerivative.reverse(of: { Sigmoid()($0) }, at: 2)
        #expect(ulps(inFloat80, from: exact) <= 2)
        #endif
    }

    @Test func forwardADInFloat16() {
        // σ′(2) = 0.10499358… lies between the Float16 neighbours 0.10498046875 and 0.1050415…
        let estimate: Float16 = AutomaticDerivative.forward(of: { Sigmoid()($0) }, at: 2)
        #expect(ulps(estimate, from: "0.1049935854035065173486241847604253612293") <= 2)
    }

    /// Nested duals carry the second derivative σ″(2).
    @Test func nestedDualsGiveTheSecondDerivative() {
        let x = Dual<Dual<Double>>(Dual(2, tangent: 1), tangent: Dual(1, tangent: 0))
        let second = Sigmoid()(x).tangent.tangent
        // mpmath at 50 digits: diff(lambda x: 1/(1+exp(-x)), 2, 2)
        #expect(ulps(second, from: "-0.0799625010561530625235614711629804941524") <= 4)
    }
}
