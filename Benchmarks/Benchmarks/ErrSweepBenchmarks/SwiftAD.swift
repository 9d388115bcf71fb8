import _Differentiation
import Foundation

/// The same functions differentiated by Swift's compiler (`import _Differentiation`), written as
/// a Swift user would: errsweep's AD is measured against it.
enum SwiftAD {
    @differentiable(reverse)
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    static func sigmoidDerivative(_ x: Double) -> Double { gradient(at: x, of: sigmoid) }

    /// Through Array indexing, whose pullback builds a zero array per access: O(n²).
    @differentiable(reverse)
    static func rosenbrock(_ x: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<withoutDerivative(at: x.count - 1) {
            let a = x[i + 1] - x[i] * x[i]
            let b = 1 - x[i]
            sum = sum + 100 * (a * a) + b * b
        }
        return sum
    }

    static func rosenbrockGradient(_ x: [Double]) -> [Double] {
        gradient(at: x, of: rosenbrock).base
    }
}
