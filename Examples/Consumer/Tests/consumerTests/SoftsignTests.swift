import ErrSweep
import Logistic
import Testing

@Test func softsignDerivativeIsExact() {
    let check = ErrSweep.checkDerivative(of: Softsign(), derivative: { Softsign().derivative($0)! },
                                         at: [-10, -1, -0.5, 0.25, 1, 10])
    #expect(check.passed, "\(check)")
}

/// A derivative with a slip, 1/(1 + |x|), is caught at the point where it differs.
@Test func aWrongDerivativeFails() {
    let check = ErrSweep.checkDerivative(of: Softsign(), derivative: { 1 / (1 + abs($0)) }, at: [1])
    #expect(!check.passed)
    #expect(check.description.contains("f′ at x = 1.0 is 0.5, the exact value is 0.25"))
}

/// An f written only for Double and Complex: checked against the complex step instead. The
/// derivative of x·e^(−x) is (1 − x)·e^(−x); the slip e^(−x) is caught.
@Test func aComplexOnlyFunctionIsCheckedByTheComplexStep() {
    let good = ErrSweep.checkDerivative(of: { z in z * .exp(-z) }, derivative: { (1 - $0) * .exp(-$0) }, at: [0.5, 2, 7])
    #expect(good.passed, "\(good)")
    let slip = ErrSweep.checkDerivative(of: { z in z * .exp(-z) }, derivative: { .exp(-$0) }, at: [2])
    #expect(!slip.passed)
    #expect(slip.description.contains("the complex step (h = 1e-20) gives -0.1353352832366127"))
}

/// The sweep checks the derivative Softsign writes by hand, and says it agrees.
@Test func theSweepChecksTheWrittenDerivative() throws {
    let result = ErrSweep.sweep(Softsign(), at: [0.5, 3], methods: [.central])
    let written = try #require(result.derivativeCheck)
    #expect(written.passed, "\(written)")
    #expect(written.checked == 2)
}

/// A derivative from a closure alone, with a bound that holds: softsign′(3) = 1/(1 + 3)² = 1/16.
@Test func aBlackBoxDerivativeComesWithABound() {
    let estimate = ErrSweep.estimateDerivative(of: { (x: Double) in x / (1 + abs(x)) }, at: 3)
    #expect(estimate.status == .ok)
    #expect(abs(estimate.value - 0.0625) <= estimate.bound && estimate.bound < 1e-10, "\(estimate)")
}
