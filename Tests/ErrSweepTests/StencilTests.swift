import ErrSweep
import Foundation
import Testing

@Suite struct StencilTests {
    /// Σ wᵢ·oᵢ / d = 1 (the stencil differentiates x exactly) and Σ wᵢ = 0 (constants vanish).
    @Test(arguments: [Stencil.forward, .backward, .central, .central5])
    func coefficientsDifferentiateLinearFunctionsExactly(_ stencil: Stencil) {
        #expect(zip(stencil.weights, stencil.offsets).map { $0 * $1 }.reduce(0, +) == stencil.denominator)
        #expect(stencil.weights.reduce(0, +) == 0)
    }

    /// In the truncation-dominated range, halving h divides the error by 2^order. exp at x = 1
    /// has every derivative equal to e, so no Taylor term vanishes.
    @Test(arguments: [
        (Stencil.forward, 1e-3), (.backward, 1e-3), (.central, 1e-3), (.central5, 2e-2),
    ])
    func halvingTheStepShowsTheOrder(_ stencil: Stencil, _ h: Double) {
        let e = exp(1.0)
        let error = { (h: Double) in abs(stencil.apply({ exp($0) }, at: 1.0, step: h) - e) }
        let observed = log2(error(h) / error(h / 2))
        #expect(abs(observed - Double(stencil.order)) < 0.1, "observed order \(observed)")
    }

    /// The definition, computed independently of the stencil machinery.
    @Test func forwardIsTheTextbookQuotient() {
        let sigma = { (x: Double) in 1 / (1 + exp(-x)) }
        for x in [0.0, 2, 4, 10] {
            for h in [1e-1, 3e-5, 1e-8, 1e-13] {
                #expect(Stencil.forward.apply(sigma, at: x, step: h) == (sigma(x + h) - sigma(x)) / h)
            }
        }
    }

    @Test func stepBelowResolution() {
        #expect(Stencil.forward.stepBelowResolution(at: 1e300, step: 1.0))
        #expect(!Stencil.forward.stepBelowResolution(at: 1.0, step: 1e-15))
        #expect(Stencil.forward.stepBelowResolution(at: 1.0, step: 1e-17))
        #expect(Stencil.forward.apply({ $0 * $0 }, at: 1.0, step: 1e-17) == 0)
    }
}
