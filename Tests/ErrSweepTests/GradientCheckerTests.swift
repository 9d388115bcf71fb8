import ErrSweep
import Foundation
import Testing

/// The gradient checks that need no tolerance or no full pass: the Taylor test, the dot-product
/// test, and fast mode with its bisection — each on a right gradient and on planted bugs.
@Suite struct GradientCheckerTests {
    /// Rosenbrock's gradient in closed form, with `wrong` (if given) scaled by 1 + `by`.
    static func gradient(_ x: [Double], wrong: Int? = nil, by factor: Double = 1e-6) -> [Double] {
        var g = Rosenbrock().gradient(x)
        if let wrong { g[wrong] *= 1 + factor }
        return g
    }

    /// r₁ falls as ε² for the right gradient (order 2 ± 0.1) and as ε for a wrong one (≤ 1.1):
    /// a sign slip or a missing factor in one of 1000 components in Double, a sign slip in one of
    /// 10 in Float. (Along a random v the test sees an error e only where ε|e·v| stands above both
    /// f's rounding and ½ε²|vᵀHv|: a factor 1 + 1e-6 in one of 1000 components is below that in
    /// Double, and is fast mode's to find.)
    @Test(arguments: [1, 2, 3, 5, 8, 13, 21, 34] as [UInt64]) func theTaylorTestsOrder(seed: UInt64) {
        let x = Rosenbrock().point(1000)
        let right = taylorTest(of: { Rosenbrock()($0) }, gradient: Self.gradient(x), at: x, seed: seed)
        #expect(abs((right.order ?? 0) - 2) <= 0.1, "\(right)")
        #expect(right.passed)
        for (component, factor) in [(17, -2.0), (999, -0.5)] {
            let wrong = taylorTest(of: { Rosenbrock()($0) }, gradient: Self.gradient(x, wrong: component, by: factor), at: x, seed: seed)
            #expect((wrong.order ?? 2) <= 1.1 && !wrong.passed, "component \(component) × (1 + \(factor)): \(wrong)")
        }
        let small = Rosenbrock().point(10), xf = small.map { Float($0) }
        let rightFloat = taylorTest(of: { Rosenbrock()($0) }, gradient: Self.gradient(small).map { Float($0) }, at: xf, seed: seed)
        #expect(abs((rightFloat.order ?? 0) - 2) <= 0.1, "\(rightFloat)")
        let wrongFloat = taylorTest(of: { Rosenbrock()($0) }, gradient: Self.gradient(small, wrong: 3, by: -2).map { Float($0) }, at: xf, seed: seed)
        #expect((wrongFloat.order ?? 2) <= 1.1, "\(wrongFloat)")
    }

    /// A linear f leaves r₁ at rounding for the right gradient; a wrong one lifts it, order 1.
    @Test func aLinearFunction() {
        let f: ([Double]) -> Double = { 3 * $0[0] - 2 * $0[1] }
        #expect(taylorTest(of: f, gradient: [3, -2], at: [1, 2]).order == nil)
        let wrong = taylorTest(of: f, gradient: [3, 2], at: [1, 2])
        #expect(abs((wrong.order ?? 0) - 1) <= 0.1, "\(wrong)")
    }

    /// y = A x with A 3×4: the forward code A·u and the reverse Aᵀ·w agree; a reverse code with
    /// one entry of Aᵀ wrong does not.
    @Test func theDotProductTest() {
        let a: [[Double]] = [[1, 2, 0, -1], [0.5, 0, 3, 1], [-2, 1, 1, 4]]
        let forward: ([Double]) -> [Double] = { u in a.map { row in zip(row, u).map(*).reduce(0, +) } }
        func reverse(_ wrongEntry: Bool) -> ([Double]) -> [Double] {
            var transposed = (0..<4).map { j in (0..<3).map { i in a[i][j] } }
            if wrongEntry { transposed[1][2] = 1.000001 }
            return { w in transposed.map { column in zip(column, w).map(*).reduce(0, +) } }
        }
        let good = dotProductTest(inputs: 4, outputs: 3, forward: forward, reverse: reverse(false))
        #expect(good.passed, "\(good)")
        let bad = dotProductTest(inputs: 4, outputs: 3, forward: forward, reverse: reverse(true))
        #expect(!bad.passed, "\(bad)")
        #expect(bad.description.contains("not transposes of each other"))
    }

    /// Fast mode on n = 1000: the right gradient passes; a factor 1 + 1e-6 in component 613 is
    /// found, and bisection names the component, its value and the exact one.
    @Test func fastModeFindsTheOneWrongComponent() {
        let x = Rosenbrock().point(1000)
        let right = checkGradientFast(of: Rosenbrock(), gradient: { Self.gradient($0) }, at: x)
        #expect(right.passed, "\(right)")
        #expect(right.notes.first?.contains("missed with probability at most 2^−10") == true, "\(right.notes)")
        let wrong = checkGradientFast(of: Rosenbrock(), gradient: { Self.gradient($0, wrong: 613) }, at: x)
        #expect(!wrong.passed)
        #expect(wrong.mismatches.map(\.component) == [613], "\(wrong)")
        let exact = Rosenbrock().gradient(x)[613]
        #expect(wrong.mismatches.first.map { abs($0.expected - exact) <= 4 * exact.ulp } == true)
        #expect(wrong.mismatches.first?.test == .fast)
        #expect(wrong.description.contains("∂f/∂x[613]") && wrong.description.contains("[fast test]"), "\(wrong)")
    }

    /// Fast mode on a Jacobian (Broyden's tridiagonal system, n = 300): one entry of 90 000 off
    /// by 1e-6 is named by its row and column; the right Jacobian passes.
    @Test func fastModeOnAJacobian() {
        let f = BroydenTridiagonal(size: 300), x = f.defaultPoint
        let right = ErrSweep.jacobian(of: f, at: x)
        var wrong = right
        wrong[200][201] *= 1 + 1e-6
        let good = checkJacobianFast(of: f, jacobian: { _ in right }, at: x)
        #expect(good.passed, "\(good)")
        let bad = checkJacobianFast(of: f, jacobian: { _ in wrong }, at: x)
        #expect(bad.mismatches.map { [$0.row ?? -1, $0.component ?? -1] } == [[200, 201]], "\(bad)")
        #expect(bad.description.contains("∂f[200]/∂x[201]") && bad.description.contains("[fast test]"))
    }

    /// The full check names the same component, and only it.
    @Test func theFullCheckNamesTheWorstEntry() {
        let x = Rosenbrock().point(40)
        let check = checkGradient(of: Rosenbrock(), gradient: { Self.gradient($0, wrong: 23, by: -2) }, at: [x])
        #expect(check.mismatches.map(\.component) == [23], "\(check)")
    }
}
