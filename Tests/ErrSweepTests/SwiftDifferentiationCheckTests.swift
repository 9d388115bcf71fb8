import _Differentiation
import ErrSweep
import ErrSweepDifferentiation
import Foundation
import Testing

@differentiable(reverse)
func softplusByHand(_ x: Double) -> Double { Foundation.log(1 + Foundation.exp(x)) }

/// x⁴ by a loop: Swift differentiates through the loop.
@differentiable(reverse)
func fourthPower(_ x: Double) -> Double {
    var y = x
    for _ in 0..<3 { y = y * x }
    return y
}

/// x³ with a derivative registered by hand — and a slip in it: 2x² for 3x².
func cubeWithWrongDerivative(_ x: Double) -> Double { x * x * x }

@derivative(of: cubeWithWrongDerivative)
func cubeWithWrongDerivativePullback(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
    (x * x * x, { v in v * 2 * x * x })
}

@differentiable(reverse)
func usesTheWrongCube(_ x: Double) -> Double { cubeWithWrongDerivative(x) + x }

@differentiable(reverse)
func weightedSum(_ x: [Double]) -> Double { x[0] * x[1] + Foundation.sin(x[2]) - cubeWithWrongDerivative(x[1]) }

/// Softsign with `?:`: Swift 6.3's AD returns −x/(1 + x)² for x > 0 (the numerator's term lost).
@differentiable(reverse)
func softsignByTernary(_ x: Double) -> Double { x / (1 + (x < 0 ? -x : x)) }

/// Swift's own AD checked in one call: right where it is right, the registered slip found.
@Suite struct SwiftDifferentiationCheckTests {
    @Test func rightDerivativesPass() {
        let softplus = checkDifferentiation(of: softplusByHand, at: [-3, 0, 0.5, 2])
        #expect(softplus.passed, "\(softplus)")
        let loop = checkDifferentiation(of: fourthPower, at: [-1.5, 0.25, 2])
        #expect(loop.passed, "\(loop)")
    }

    /// The check fails exactly where Swift's derivative differs from (x/(1 + x))′ = 1/(1 + x)².
    @Test(arguments: [0.5, 2.0]) func theTernaryForm(x: Double) {
        let swiftSays = gradient(at: x, of: softsignByTernary)
        let check = checkDifferentiation(of: softsignByTernary, at: [x])
        #expect(check.passed == (abs(swiftSays - 1 / ((1 + x) * (1 + x))) < 1e-12), "Swift says \(swiftSays): \(check)")
    }

    @Test func aRegisteredSlipIsFound() {
        // (x³ + x)′ = 3x² + 1, where the registration gives 2x² + 1: at 2, 9 against 13.
        let check = checkDifferentiation(of: usesTheWrongCube, at: [2])
        #expect(check.mismatches.map(\.actual) == [9], "\(check)")
        #expect(abs((check.mismatches.first?.expected ?? 0) - 13) < 1e-9)
        // In a gradient: ∂/∂x₁ (x₀x₁ + sin x₂ − x₁³) = x₀ − 3x₁², Swift says x₀ − 2x₁².
        let gradient = checkDifferentiation(of: weightedSum, at: [0.5, 1.5, 0.25])
        #expect(gradient.mismatches.map(\.component) == [1], "\(gradient)")
        #expect(abs((gradient.mismatches.first?.expected ?? 0) - (0.5 - 3 * 2.25)) < 1e-9)
    }
}
