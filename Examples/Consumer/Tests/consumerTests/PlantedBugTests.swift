import _Differentiation
import ErrSweep
import ErrSweepDifferentiation
import Foundation
import Logistic
import Testing

/// The checker from outside, on a consumer's own code with planted bugs: each caught, by the
/// test named in its message, and the right versions passing at kinks and domain edges.

/// The hinge loss max(0, 1 − x): a kink at 1.
struct Hinge: ScalarFunction {
    func callAsFunction<T: Scalar>(_ x: T) -> T { T.select(x, isLessThan: 1, { 1 - x }, otherwise: { 0 }) }
}

@Test(arguments: [-1.0, -0.25, 0.5, 3])
func softsignInEveryPrecision(_ x: Double) {
    let right: (Float) -> Float = { 1 / ((1 + abs($0)) * (1 + abs($0))) }
    let signSlip: (Float) -> Float = { -1 / ((1 + abs($0)) * (1 + abs($0))) }
    #expect(ErrSweep.checkDerivative(of: Softsign(), derivative: right, at: [Float(x)]).passed)
    #expect(!ErrSweep.checkDerivative(of: Softsign(), derivative: signSlip, at: [Float(x)]).passed)
    // Half the derivative, with f only a Float16 closure.
    let half = ErrSweep.checkBlackBoxDerivative(of: { (t: Float16) in Softsign()(t) }, derivative: { 0.5 / ((1 + abs($0)) * (1 + abs($0))) }, at: [Float16(x)])
    #expect(!half.passed && half.mismatches.first?.test == .entry, "\(half)")
}

@Test func theHingeAtItsKink() {
    // At 1 the code takes the right branch (0); this derivative takes the left one (−1): a kink.
    let right = ErrSweep.checkDerivative(of: Hinge(), derivative: { (x: Double) in x <= 1 ? -1 : 0 }, at: [0, 1, 2])
    #expect(right.passed && right.notes.contains { $0.contains("a kink") }, "\(right)")
    // The wrong branch: −1 on both sides.
    let wrong = ErrSweep.checkBlackBoxDerivative(of: { (x: Double) in Hinge()(x) }, derivative: { _ in -1 }, at: [0, 1, 2])
    #expect(wrong.mismatches.map(\.point) == [[2]], "\(wrong)")
}

/// One of 1000 components off by 1e-6, found by fast mode; the Taylor test of the right gradient
/// has order 2.
@Test func oneWrongComponentInAThousand() {
    let x = (0..<1000).map { 0.5 + Double($0 % 7) / 10 }
    func gradient(_ x: [Double], wrong: Int?) -> [Double] {
        var g = Rosenbrock().gradient(x)
        if let wrong { g[wrong] *= 1 + 1e-6 }
        return g
    }
    let fast = ErrSweep.checkGradientFast(of: Rosenbrock(), gradient: { gradient($0, wrong: 271) }, at: x)
    #expect(fast.mismatches.map(\.component) == [271], "\(fast)")
    let taylor = ErrSweep.taylorTest(of: { Rosenbrock()($0) }, gradient: gradient(x, wrong: nil), at: x)
    #expect(abs((taylor.order ?? 0) - 2) <= 0.1, "\(taylor)")
}

@differentiable(reverse)
func softsignBySwift(_ x: Double) -> Double { x / (1 + (x < 0 ? -x : x)) }

@differentiable(reverse)
func softsignByBranches(_ x: Double) -> Double { if x < 0 { return x / (1 - x) } else { return x / (1 + x) } }

/// Swift's own AD, checked in one call. Written with `if`, softsign's derivative is right;
/// written with `?:`, Swift 6.3's AD returns −x/(1 + x)² at x > 0 (−0.222 at 0.5, for
/// 1/(1.5)² = 0.444), and the check must fail exactly when Swift's value is wrong.
@Test func swiftsOwnDerivative() {
    let branches = checkDifferentiation(of: softsignByBranches, at: [-2, 0.5, 3])
    #expect(branches.passed, "\(branches)")
    let swiftSays = gradient(at: 0.5, of: softsignBySwift)
    let ternary = checkDifferentiation(of: softsignBySwift, at: [0.5])
    #expect(ternary.passed == (abs(swiftSays - 1 / 2.25) < 1e-12), "Swift says \(swiftSays): \(ternary)")
}
