import ErrSweep
import Logistic
import Testing

@Test func softsignDerivativeIsExact() {
    let check = ErrSweep.checkDerivative(of: Softsign(), derivative: Softsign.derivative, at: [-10, -1, -0.5, 0.25, 1, 10])
    #expect(check.passed, "\(check)")
}

/// A derivative with a slip, 1/(1 + |x|), is caught at the point where it differs.
@Test func aWrongDerivativeFails() {
    let check = ErrSweep.checkDerivative(of: Softsign(), derivative: { 1 / (1 + abs($0)) }, at: [1])
    #expect(!check.passed)
    #expect(check.description.contains("f′ at x = 1.0 is 0.5, the exact value is 0.25"))
}
