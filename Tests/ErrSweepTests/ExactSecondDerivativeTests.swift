@testable import ErrSweep
import Testing

/// f″ by the methods with no step — hyper-dual numbers (a `Dual` of `Dual`s, Fike & Alonso,
/// AIAA 2011-886), forward-over-reverse (a tape of duals) and Taylor mode (a series of degree 2)
/// — over the whole catalog at its own points, against f″ in MPFR (nested duals of `BigFloat`,
/// `HigherDerivatives`) at 256 bits, rounded once: within 4 ulps everywhere but one place, where
/// the function as written makes its own second derivative cancel.
@Suite struct ExactSecondDerivativeTests {
    static let methods: [DerivativeMethod] = [.forwardAD, .reverseAD, .taylor]

    static func ulps(_ f: any CatalogFunction, at x: Double, by method: DerivativeMethod) -> Double {
        let truth = Double(nearest: HigherDerivatives.at(BigFloat(x, precision: 256), of: f)[2])
        let estimate = switch method {
        case .forwardAD: AutomaticDerivative.forward(derivative: 2, of: f, at: x)
        case .reverseAD: AutomaticDerivative.reverse(derivative: 2, of: f, at: x)
        default: AutomaticDerivative.taylor(derivative: 2, of: f, at: x)
        }
        return estimate.ulpDistance(to: truth)
    }

    @Test(arguments: Catalog.functions.map(\.name), methods)
    func secondDerivativesAreWithinFourUlps(_ name: String, _ method: DerivativeMethod) throws {
        let f = try #require(Catalog.function(named: name))
        let points = f.defaultPoints.filter { !(name == "softplus" && $0 == 10) }
        #expect(points.count >= 3, "\(name): \(points)")
        for x in points {
            let ulps = Self.ulps(f, at: x, by: method)
            #expect(ulps <= 4, "\(name) at \(x) by \(method): \(ulps) ulps")
        }
    }

    /// softplus is written log1p(eˣ). Differentiating that program twice, the chain rule through
    /// log1p(u), u = eˣ, forms f″ = e/(1+e)² as e/(1+e) − e²/(1+e)² (e = eˣ): at x = 10 two numbers
    /// near 0.9999 whose difference is 4.5e-5, so about ε/4.5e-5 of relative error — thousands of
    /// ulps — though f″ itself is well conditioned there. The program, not the method: written as
    /// x + log1p(e⁻ˣ) it would not cancel.
    @Test(arguments: methods)
    func softplusAsWrittenCancelsInItsSecondDerivative(_ method: DerivativeMethod) throws {
        let f = try #require(Catalog.function(named: "softplus"))
        let ulps = Self.ulps(f, at: 10, by: method)
        #expect(ulps > 1000 && ulps < 20_000, "\(method): \(ulps) ulps")
    }

    /// f‴ and f⁽⁴⁾ by the same three methods: within 16 ulps (Taylor mode's recurrences round a
    /// little more than nested duals: up to 8 ulps on tanh's f⁽⁴⁾), except where the function or
    /// the point makes the derivative ill conditioned — softplus at 10 as above, and Runge's f‴
    /// at the double nearest 0.2, where f‴(0.2) = 0 and its value there, −2e−14, is below any
    /// rounding of the terms that form it. Where f⁽ᴷ⁾ is 0 (σ⁽⁴⁾(0)) the error is absolute.
    @Test func thirdAndFourthDerivativesAreWithinSixteenUlps() {
        for f in Catalog.functions {
            for x in f.defaultPoints where !(f.name == "softplus" && x == 10) {
                let jet = HigherDerivatives.at(BigFloat(x, precision: 256), of: f, through: 8)
                for k in 3...4 where !(f.name == "runge" && x == 0.2 && k == 3) {
                    for method in Self.methods { check(f, at: x, k: k, truth: Double(nearest: jet[k]), by: method) }
                }
            }
        }
    }

    func check(_ f: any CatalogFunction, at x: Double, k: Int, truth: Double, by method: DerivativeMethod) {
        let estimate = switch method {
        case .forwardAD: AutomaticDerivative.forward(derivative: k, of: f, at: x)
        case .reverseAD: AutomaticDerivative.reverse(derivative: k, of: f, at: x)
        default: AutomaticDerivative.taylor(derivative: k, of: f, at: x)
        }
        if truth == 0 {
            #expect(abs(estimate) < 1e-15, "\(f.name) at \(x), K = \(k), \(method): \(estimate)")
        } else {
            #expect(estimate.ulpDistance(to: truth) <= 16, "\(f.name) at \(x), K = \(k), \(method): \(estimate) vs \(truth)")
        }
    }
}
