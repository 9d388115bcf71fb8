import _Differentiation
import ComplexModule
import ErrSweep
import Foundation
import Testing

/// A function of another package: generic, nothing else written.
struct Damped: ScalarFunction {
    var name: String { "damped" }
    func callAsFunction<T: Scalar>(_ x: T) -> T { x * T.exp(-x) }
}

/// The same function for Swift's own AD, which registers derivatives for Foundation's exp.
@differentiable(reverse)
func damped(_ x: Double) -> Double { x * Foundation.exp(-x) }

/// The same function with its derivative written by hand, and a slip in it: the product rule's
/// second term forgotten.
struct DampedWithSlip: ScalarFunction {
    func callAsFunction<T: Scalar>(_ x: T) -> T { x * T.exp(-x) }
    func derivative<T: Scalar>(_ x: T) -> T? { T.exp(-x) }
}

/// A derivative written only for x > 1 (with the same slip): it answers nil at 0.5.
struct DampedWrittenAboveOne: ScalarFunction {
    func callAsFunction<T: Scalar>(_ x: T) -> T { x * T.exp(-x) }
    func derivative<T: Scalar>(_ x: T) -> T? { T.isLess(1, x) ? T.exp(-x) : nil }
}

struct OwnRosenbrock: MultivariateScalarFunction {
    func callAsFunction<T: Scalar>(_ x: [T]) -> T { Rosenbrock()(x) }
}

/// errsweep as another package uses it: a function of its own swept in one call, its derivative
/// checked in a test. The exact derivative comes from forward AD in MPFR; these tests compare it
/// with closed forms.
@Suite struct LibraryAPITests {
    /// d/dx x·e^(−x) = (1 − x)·e^(−x); at x = 0.5, 0.5·e^(−0.5) = 0.30326532985631671180189976749559022672 (mpmath).
    @Test func aFunctionOfItsOwnSweptInOneCall() {
        let result = ErrSweep.sweep(Damped(), at: [0.5, 2], steps: Steps([1e-4, 1e-8, 1e-20]))
        #expect(result.rows.count == 2 * DerivativeMethod.all(derivative: 1).count * 3)
        let truth = result.rows.first { $0.x == 0.5 }!.truth
        #expect(ulps(truth.double, from: "0.30326532985631671180189976749559022672") == 0)
        let complex = result.rows.first { $0.x == 0.5 && $0.method == .complex && $0.h == 1e-20 }!
        #expect(complex.ulps <= 2 && complex.status == .ok)
        // The V: the forward difference is far worse at 1e-8 than the complex step.
        let forward = result.rows.first { $0.x == 0.5 && $0.method == .forward && $0.h == 1e-8 }!
        #expect(forward.absoluteError > 1e-10 && forward.split.rounding != 0)
        #expect(result.analysis.entries.count == 2 * DerivativeMethod.all(derivative: 1).count)
    }

    @Test func aCorrectDerivativePasses() {
        let check = ErrSweep.checkDerivative(of: Damped(), derivative: { (1 - $0) * Foundation.exp(-$0) }, at: [-3, -0.25, 0.5, 1.5, 7, 40])
        #expect(check.passed, "\(check)")
        #expect(check.checked == 6)
    }

    /// The classic slip: the product rule with a term forgotten.
    @Test func aDeliberatelyWrongDerivativeIsCaughtAndNamed() {
        let check = ErrSweep.checkDerivative(of: Damped(), derivative: { Foundation.exp(-$0) }, at: [0.5, 2])
        #expect(!check.passed)
        // The worst first: at 2 the sign is wrong too (e^−2 against −e^−2).
        #expect(check.mismatches.map(\.point) == [[2], [0.5]])
        let message = check.description
        #expect(message.contains("f′ at x = 0.5 is 0.6065306597126334, the exact value is 0.3032653298563167 (correctly rounded)"), "\(message)")
        #expect(message.contains("ulps apart, relative error 1.0e+00, more than 8 [entry test]"), "\(message)")
    }

    /// Swift's own reverse-mode AD, checked against the exact derivative.
    @Test func aSwiftDifferentiationRegistrationIsChecked() {
        let check = ErrSweep.checkDerivative(of: Damped(), derivative: { gradient(at: $0, of: damped) }, at: [0.1, 0.5, 3])
        #expect(check.passed, "\(check)")
    }

    /// Outside the domain there is nothing to compare with: the check says so and fails.
    @Test func aPointWithoutTruthIsNamedNotPassed() {
        struct Root: ScalarFunction { func callAsFunction<T: Scalar>(_ x: T) -> T { T.sqrt(x) } }
        let check = ErrSweep.checkDerivative(of: Root(), derivative: { 0.5 / $0.squareRoot() }, at: [4, -1])
        #expect(!check.passed)
        #expect(check.description.contains("no reference derivative at x = -1.0: f or f′ is undefined there"), "\(check)")
    }

    @Test func aGradientIsCheckedComponentByComponent() {
        let points = [Rosenbrock().point(5), [1.5, -0.25, 2]]
        #expect(ErrSweep.checkGradient(of: OwnRosenbrock(), gradient: Rosenbrock().gradient, at: points).passed)
        // A sign slip in the last component's term.
        let wrong = { (x: [Double]) -> [Double] in
            var g = Rosenbrock().gradient(x)
            g[x.count - 1] = -g[x.count - 1]
            return g
        }
        let check = ErrSweep.checkGradient(of: OwnRosenbrock(), gradient: wrong, at: [[1.5, -0.25, 2]])
        #expect(check.mismatches.map(\.component) == [2])
        #expect(check.description.contains("∂f/∂x[2] at x = [1.5, -0.25, 2.0]"), "\(check)")
    }

    /// A function that writes its own derivative has it checked by the sweep against the AD
    /// truth: the slip is reported at each point, the sweep itself still measured against AD.
    /// (1 − x)·e^(−x) at 1.5 = -0.11156508007421491, at 3 = -0.09957413673572789 (mpmath).
    @Test func aSweepChecksAWrittenDerivative() throws {
        let result = ErrSweep.sweep(DampedWithSlip(), at: [1.5, 3], steps: Steps([1e-6]), methods: [.central])
        let written = try #require(result.derivativeCheck)
        #expect(written.mismatches.map(\.point) == [[1.5], [3]])
        #expect(written.mismatches.map(\.expected) == [-0.11156508007421491, -0.09957413673572789])
        #expect(result.rows.map(\.truth.double) == [-0.11156508007421491, -0.09957413673572789])
        #expect(ErrSweep.sweep(Damped(), at: [1.5], steps: Steps([1e-6]), methods: [.central]).derivativeCheck == nil)
        // Written only above 1: checked at the sweep's points where it answers, 2 and 3 (e^−x
        // against (1 − x)e^−x), whatever it says at 0.5.
        let partly = try #require(ErrSweep.sweep(DampedWrittenAboveOne(), at: [0.5, 2, 3], steps: Steps([1e-6]), methods: [.central]).derivativeCheck)
        #expect(partly.mismatches.map(\.point) == [[2], [3]])
        #expect(partly.mismatches.map(\.expected) == [-0.1353352832366127, -0.09957413673572789])
    }

    /// An f written only for Double and Complex is checked against the complex step, and the
    /// message says that is the reference. e^(−2)·(1 − 2) = −0.1353352832366127 (mpmath).
    @Test func aComplexOnlyFunctionIsCheckedByTheComplexStep() {
        let good = ErrSweep.checkDerivative(of: { z in z * .exp(-z) }, derivative: { (1 - $0) * Foundation.exp(-$0) },
                                            at: [-3, 0.5, 2, 40])
        #expect(good.passed, "\(good)")
        #expect(good.reference == .complexStep(h: 1e-20))
        let slip = ErrSweep.checkDerivative(of: { z in z * .exp(-z) }, derivative: { Foundation.exp(-$0) }, at: [2])
        #expect(slip.mismatches.map(\.expected) == [-0.1353352832366127])
        #expect(slip.description.contains("f′ at x = 2.0 is 0.1353352832366127, the complex step (h = 1e-20) gives -0.1353352832366127"), "\(slip)")
        let overflowing = ErrSweep.checkDerivative(of: { z in .exp(z) }, derivative: { Foundation.exp($0) }, at: [800])
        #expect(!overflowing.passed && overflowing.unchecked.count == 1, "\(overflowing)")
    }
}
